"""outline.missing_section: a document lacks a part its annex outline requires (附件1, 附件3).

An entry counts as present when a section maps to it or to one of its sub-entries (a park may
split “园区概况及创建基础” into its two parts). Only the highest missing entry is reported: a whole
missing chapter is one finding, not one per sub-entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from extractors.model import Document
from extractors.outline import Outline, OutlineSection

MESSAGE = "{document_label}缺少提纲要求的“{title}”部分（{basis}）"


def _present(outline: Outline, mapped: set[str]) -> set[str]:
    present = set(mapped)
    for entry_id in mapped:
        while "." in entry_id:
            entry_id = entry_id.rpartition(".")[0]
            present.add(entry_id)
    return {p for p in present if any(s.id == p for s in outline.sections)}


def _where_it_belongs(document: Document, entry: OutlineSection) -> tuple[Evidence, ...]:
    """Quote the enclosing section's heading, where the missing part was expected."""
    if entry.parent:
        for section in document.sections:
            if section.outline == entry.parent:
                return (Evidence(document.file, section.page, section.title),)
    return ()


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Report each required outline entry with no section, once per missing subtree."""
    for document in submission.documents:
        outline = context.outline(document.outline_id) if document.outline_id else None
        if outline is None:
            continue
        present = _present(outline, {s.outline for s in document.sections if s.outline})
        for entry in outline.sections:
            if not entry.required or entry.id in present:
                continue
            if entry.parent and entry.parent not in present:
                continue  # the whole enclosing part is missing and reported once
            yield Finding(
                rule=CHECK.id,
                severity=CHECK.severity,
                document=document.file,
                subject=entry.id,
                message=MESSAGE.format(document_label=outline.document_label, title=entry.title, basis=outline.basis),
                basis=outline.basis,
                evidence=_where_it_belongs(document, entry),
            )


CHECK = Check(
    id="outline.missing_section",
    severity=Severity.MAJOR,
    basis="管理办法 附件1、附件3",
    summary="实施方案或验收报告缺少提纲要求的章节",
    run=run,
)
