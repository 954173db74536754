"""consistency.project_status_conflict: the 验收报告 says a 支撑项目 is complete in one place and
unfinished in another (its completion table against the paragraph on it, or two paragraphs), so the
reviewer cannot tell what was accepted (附件3 四: 支撑项目完成情况).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.matching import same_project
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.facts.model import Quote
from extractors.facts.progress import status_of
from extractors.model import Document, DocumentKind

BASIS = "管理办法 附件3 四"
MESSAGE = "支撑项目“{name}”的完成情况前后矛盾：一处为“{done}”，另一处为“{unfinished}”（{basis}）"


@dataclass(frozen=True)
class Said:
    """One statement of a project's progress: its name, done or not, the words, where."""

    project: str
    done: bool
    words: str
    quote: Quote | None


def _statements(document: Document) -> list[Said]:
    """The completion tables' statuses first, then the text's."""
    found = [
        Said(p.name, done, p.status or "", p.quote)
        for p in document.facts.projects
        for done in [status_of(p.status)]
        if done is not None
    ]
    return found + [Said(p.project, p.done, p.words, p.quote) for p in document.facts.progress]


def _conflicts(document: Document) -> Iterator[tuple[Said, Said]]:
    """(a done statement, an unfinished one) for every project both are said of."""
    statements = _statements(document)
    reported: list[str] = []
    for said in statements:
        if any(same_project(said.project, seen) for seen in reported):
            continue
        same = [s for s in statements if same_project(said.project, s.project)]
        done = next((s for s in same if s.done), None)
        unfinished = next((s for s in same if not s.done), None)
        if done and unfinished:
            reported.append(said.project)
            yield done, unfinished


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per project the report calls both complete and unfinished."""
    for report in submission.of_kind(DocumentKind.ACCEPTANCE_REPORT):
        for done, unfinished in _conflicts(report):
            yield CHECK.finding(
                report.file,
                done.project,
                MESSAGE.format(name=done.project, done=done.words, unfinished=unfinished.words, basis=BASIS),
                evidence(report, done.quote),
                evidence(report, unfinished.quote),
            )


CHECK = Check(
    id="consistency.project_status_conflict",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="同一支撑项目在验收报告中一处称已完成、另一处称未完成",
    run=run,
)
