"""The 实施方案 and the 验收报告 of a package, the pair every consistency check compares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.matching import differs, find_indicator
from checks.model import Check, Evidence, Finding, Submission
from extractors.facts.model import Quote
from extractors.model import Document, DocumentKind


@dataclass(frozen=True)
class PlanAndReport:
    """Both documents, readable."""

    plan: Document
    report: Document


def plan_and_report(submission: Submission) -> PlanAndReport | None:
    """The pair, when the package holds both (an acceptance review reads the plan beside the report)."""
    plan = submission.first(DocumentKind.IMPLEMENTATION_PLAN)
    report = submission.first(DocumentKind.ACCEPTANCE_REPORT)
    if plan is None or report is None:
        return None
    return PlanAndReport(plan, report)


def evidence(document: Document, quote: Quote | None) -> Evidence:
    """A fact's quote as evidence (the document name alone when the fact has no quote)."""
    return Evidence(document.file, quote.page if quote else None, quote.text if quote else "")


def changed_indicator_findings(check: Check, submission: Submission, attribute: str, message: str) -> Iterator[Finding]:
    """One finding of `check` per indicator whose `attribute` (target, baseline) the 实施方案 and the
    验收报告 state differently, compared in canonical units; `message` takes name, planned, reported, basis.
    """
    pair = plan_and_report(submission)
    if pair is None:
        return
    for planned in pair.plan.facts.indicators:
        reported = find_indicator(planned, pair.report.facts.indicators)
        before, after = getattr(planned, attribute), getattr(reported, attribute, None)
        if reported is None or not differs(before, after):
            continue
        unit = planned.unit or ""
        text = message.format(
            name=planned.name, planned=f"{before:g}{unit}", reported=f"{after:g}{unit}", basis=check.basis
        )
        quotes = evidence(pair.plan, planned.quote), evidence(pair.report, reported.quote)
        yield check.finding(pair.report.file, planned.name, text, *quotes)
