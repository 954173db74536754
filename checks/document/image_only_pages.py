"""document.image_only_pages: pages of a PDF with no text layer (scans), whose content no check saw.

The reader records the pages; this check reports them, so a scanned seal page or a scanned table
is a finding a reviewer sees with its page numbers, not a silently shorter document. The 验收
核查 of 第十八条 rests on what the materials state, and a page nobody read states nothing here.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from extractors.text import page_list

MESSAGE = "《{file}》{pages}没有文字层（可能是扫描件），其内容未经审查，请提供可复制文字的版本（{basis}）"
QUOTE = "（本页无文字层）"
_EVIDENCE_PAGES = 20  # evidence names the first pages; the message names them all (in ranges)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per readable document with pages that carry no text."""
    for document in submission.documents:
        pages = list(document.raw.pages_without_text) if document.raw is not None else []
        if not pages:
            continue
        yield Finding(
            rule=CHECK.id,
            severity=CHECK.severity,
            document=document.file,
            subject=document.kind.value,
            message=MESSAGE.format(file=document.file, pages=page_list(pages), basis=CHECK.basis),
            basis=CHECK.basis,
            evidence=tuple(Evidence(document.file, page, QUOTE) for page in pages[:_EVIDENCE_PAGES]),
        )


CHECK = Check(
    id="document.image_only_pages",
    severity=Severity.MAJOR,
    basis="管理办法 第十八条",
    summary="PDF 中有页面没有文字层（扫描件），其内容未经审查",
    run=run,
)
