"""change.undisclosed: a major adjustment of 第十四条 (name, managing body, scope or area, indicators,
key projects) is visible between the 实施方案 and the acceptance documents, but no adjustment report
(change_report) or written report of it is in the package. 未及时报告的将不予开展验收: a blocker.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.matching import find_indicator, find_project, fold
from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from checks.pairs import evidence, plan_and_report
from checks.text import find, phrases
from extractors.facts.model import IdentityFact
from extractors.model import Document, DocumentKind

BASIS = "管理办法 第十四条"
WHAT = {
    "park_name": "园区名称",
    "managing_body": "管理机构",
    "scope": "创建范围（面积）",
    "indicators": "评价指标",
    "projects": "重点支撑项目",
}
MESSAGE = "{what}发生变化（{before} → {after}），材料中未见在调整后6个月内书面报告的说明或调整报告（{basis}）"
_AREA_TOLERANCE = 0.01


@dataclass(frozen=True)
class Change:
    """One visible adjustment: what changed, how it reads before and after, and where."""

    subject: str
    before: str
    after: str
    evidence: tuple[Evidence, ...]


def _identity(documents: list[Document], field: str) -> tuple[Document, IdentityFact] | None:
    for document in documents:
        fact = next((f for f in document.facts.identity if f.field == field), None)
        if fact is not None:
            return document, fact
    return None


def _identity_changes(submission: Submission, plan: Document) -> Iterator[Change]:
    acceptance = [
        d
        for kind in (DocumentKind.ACCEPTANCE_FORM, DocumentKind.ACCEPTANCE_REPORT, DocumentKind.ACCEPTANCE_LETTER)
        for d in submission.of_kind(kind)
    ]
    for field, subject in (("park_name", "park_name"), ("managing_body", "managing_body"), ("area_km2", "scope")):
        before, after = _identity([plan], field), _identity(acceptance, field)
        if before is None or after is None:
            continue
        (plan_doc, old), (new_doc, new) = before, after
        if field == "area_km2":
            if old.number is None or new.number is None:
                continue
            changed = abs(old.number - new.number) > _AREA_TOLERANCE * max(old.number, new.number)
            old_text, new_text = f"{old.number:g}平方公里", f"{new.number:g}平方公里"
        else:
            changed = fold(old.value) != fold(new.value)
            if field == "managing_body" and changed:
                changed = _body_kind(plan, old.value) != _body_kind(submission, new.value)
            old_text, new_text = old.value, new.value
        if changed:
            yield Change(subject, old_text, new_text, (evidence(plan_doc, old.quote), evidence(new_doc, new.quote)))


def _body_kind(source, body: str) -> str:
    """The managing body without the park's name: 管理委员会 stays 管理委员会 when only the park is renamed."""
    documents = source.documents if isinstance(source, Submission) else [source]
    names = {f.value for d in documents for f in d.facts.identity if f.field == "park_name"}
    for name in sorted(names, key=len, reverse=True):
        body = body.replace(name, "")
    return fold(body)


def _list_changes(submission: Submission) -> Iterator[Change]:
    pair = plan_and_report(submission)
    if pair is None:
        return
    report = pair.report.facts
    if report.indicators:
        gone = [i for i in pair.plan.facts.indicators if find_indicator(i, report.indicators) is None]
        if gone:
            names = "、".join(i.name for i in gone)
            yield Change("indicators", f"实施方案含“{names}”", "验收报告未评价", (evidence(pair.plan, gone[0].quote),))
    if report.projects:
        gone = [
            p
            for p in pair.plan.facts.projects
            if find_project(p.name, report.projects) is None and not _disclosed(pair.report, p.name)
        ]
        if gone:
            names = "、".join(p.name for p in gone)
            yield Change("projects", f"实施方案含“{names}”", "验收报告未列入", (evidence(pair.plan, gone[0].quote),))


def _disclosed(report: Document, name: str) -> bool:
    """The report says the project was adjusted and reported in writing: in one sentence, or in an
    adjustment whose dated quote runs on to the sentence of its written report (two sentences).
    """
    if find([report], "adjusted", "reported", containing=name) is not None:
        return True
    reported = phrases()["reported"]
    return any(
        f.kind == "adjustment_made" and f.quote is not None and name in f.quote.text and reported.search(f.quote.text)
        for f in report.facts.dates
    )


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per kind of adjustment, unless the package discloses adjustments."""
    plan = submission.first(DocumentKind.IMPLEMENTATION_PLAN)
    if plan is None or submission.first(DocumentKind.CHANGE_REPORT) is not None:
        return
    report = submission.first(DocumentKind.ACCEPTANCE_REPORT)
    for change in (*_identity_changes(submission, plan), *_list_changes(submission)):
        yield CHECK.finding(
            report.file if report else None,
            change.subject,
            MESSAGE.format(what=WHAT[change.subject], before=change.before, after=change.after, basis=BASIS),
            *change.evidence,
        )


CHECK = Check(
    id="change.undisclosed",
    severity=Severity.BLOCKER,
    basis=BASIS,
    summary="园区名称、管理机构、范围、指标或重点项目发生重大调整但未报告",
    run=run,
)
