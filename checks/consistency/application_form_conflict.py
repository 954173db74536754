"""consistency.application_form_conflict: the 验收申请表 (附件4) states a figure the 验收报告 contradicts:
an indicator's value, the number of indicators evaluated, or the investment completed. The form
summarises the report for the ministry (第十七条); a form that disagrees with it cannot be relied on.

A report seldom writes its number of indicators in words: it evaluates them one by one in its
《标准》符合性 table. When it states no count, the count is the indicators it evaluates, as a reviewer
counts the table's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from checks.pairs import evidence
from checks.values import disagree, same_topic, stated
from extractors.facts.model import Quote, TallyFact
from extractors.facts.table_roles import TableKind
from extractors.model import Document, DocumentKind

BASIS = "管理办法 第十七条、附件4"
MESSAGE = "验收申请表中{what}为{form}，而验收报告中为{report}，两者不一致（{basis}）"
TALLIES = {"indicator_count": ("评价指标数量", "项"), "project_investment": ("支撑项目累计完成投资", "万元")}
_MONEY_SLACK = 50.0  # 万元: a form writes 亿元 to two places


@dataclass(frozen=True)
class Contradiction:
    """A figure of the form and the report's own, with where each is written."""

    subject: str
    what: str
    form: str
    report: str
    evidence: tuple[Evidence, ...]


def _indicators(form: Document, report: Document) -> Iterator[Contradiction]:
    seen: set[str] = set()
    for mention in form.facts.mentions:
        if mention.standard_id in seen:
            continue
        for fact in report.facts.indicators:
            value = stated(fact, mention)
            if value is None:
                continue
            if disagree(value, mention.value):
                seen.add(mention.standard_id)
                unit = mention.unit or ""
                yield Contradiction(
                    mention.name,
                    f"指标“{mention.name}”{mention.year or ''}{'年' if mention.year else ''}的数值",
                    f"{mention.value:g}{unit}",
                    f"{value:g}{unit}",
                    (evidence(form, mention.quote), evidence(report, fact.quote)),
                )
            break
        else:
            other = next((m for m in report.facts.mentions if same_topic(m, mention)), None)
            if other is not None and disagree(other.value, mention.value):
                seen.add(mention.standard_id)
                yield Contradiction(
                    mention.name,
                    f"指标“{mention.name}”的数值",
                    f"{mention.value:g}{mention.unit or ''}",
                    f"{other.value:g}{other.unit or ''}",
                    (evidence(form, mention.quote), evidence(report, other.quote)),
                )


def _counted(report: Document) -> TallyFact | None:
    """The number of indicators the report evaluates (a value or a 达标 verdict), quoted by the
    caption of its largest indicator table; None when it evaluates none.
    """
    evaluated = [f for f in report.facts.indicators if f.value is not None or f.claims_met is not None]
    if not evaluated:
        return None
    tables = [t for t in report.facts.tables if t.kind == TableKind.INDICATOR]
    table = max(tables, key=lambda t: len(t.rows), default=None)
    if table is None:
        return TallyFact("indicator_count", len(evaluated), evaluated[-1].quote)
    return TallyFact("indicator_count", len(evaluated), Quote(table.page, table.caption or table.header))


def _in_report(report: Document, what: str) -> list[TallyFact]:
    """The report's own figure: as stated in words, else (indicators) as counted in its tables."""
    stated = [t for t in report.facts.tallies if t.what == what]
    if stated or what != "indicator_count":
        return stated
    counted = _counted(report)
    return [counted] if counted else []


def _tallies(form: Document, report: Document) -> Iterator[Contradiction]:
    for what, (label, unit) in TALLIES.items():
        stated_in_form = [t for t in form.facts.tallies if t.what == what]
        stated_in_report = _in_report(report, what)
        if not stated_in_form or not stated_in_report:
            continue
        slack = _MONEY_SLACK if unit == "万元" else 0.0
        first = stated_in_form[0]
        if any(abs(first.value - t.value) <= slack for t in stated_in_report):
            continue
        other = stated_in_report[0]
        counted = "" if other in report.facts.tallies else "（指标达标情况表逐项评价的指标数）"
        yield Contradiction(
            what,
            label,
            f"{first.value:g}{unit}",
            f"{other.value:g}{unit}{counted}",
            (evidence(form, first.quote), evidence(report, other.quote)),
        )


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per figure of the form the report contradicts."""
    form = submission.first(DocumentKind.ACCEPTANCE_FORM)
    report = submission.first(DocumentKind.ACCEPTANCE_REPORT)
    if form is None or report is None:
        return
    for found in (*_indicators(form, report), *_tallies(form, report)):
        message = MESSAGE.format(what=found.what, form=found.form, report=found.report, basis=BASIS)
        yield CHECK.finding(form.file, found.subject, message, *found.evidence)


CHECK = Check(
    id="consistency.application_form_conflict",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="验收申请表的指标数值、指标数量或投资与验收报告不一致",
    run=run,
)
