"""change.reported_late: a major adjustment was reported in writing more than six months after it was
made (第十四条: 应在调整后6个月内以书面形式报告…未及时报告的将不予开展验收), a blocker of its own even
though the package discloses it.

The adjustment's two dates come from the extractor as `adjustment_made` and `adjustment_reported`;
the made fact quotes the sentences through the report's, so the pair is found by the report's quote
lying inside the made one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from checks.matching import fold
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.facts.dates import precision
from extractors.facts.model import DateFact
from extractors.model import Document, DocumentKind

BASIS = "管理办法 第十四条"
MESSAGE = (
    "“{name}”的调整发生于{made}，至{reported}才以书面形式报告，超过调整后6个月的报告时限；"
    "未及时报告的将不予开展验收（{basis}）"
)
MONTHS = 6
_QUOTED = re.compile(r"“([^”]{2,60})”")


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _latest(fact: DateFact) -> date:
    """The latest day a date may mean: the month's last day when only the month is written."""
    day = fact.day
    if precision(fact) == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def _written(fact: DateFact) -> str:
    day = fact.day
    return f"{day.year}年{day.month}月" if precision(fact) == "month" else f"{day.year}年{day.month}月{day.day}日"


def _subject(text: str, plan: Document | None) -> str:
    """What was adjusted: a plan project named in the quote, else the first quoted name."""
    folded = fold(text)
    for project in plan.facts.projects if plan else ():
        if fold(project.name) in folded:
            return project.name
    quoted = _QUOTED.search(text)
    return quoted.group(1) if quoted else "adjustment"


def late_pairs(document: Document) -> Iterator[tuple[DateFact, DateFact]]:
    """(made, reported) for every adjustment reported more than six months after it was made."""
    made = [f for f in document.facts.dates if f.kind == "adjustment_made" and f.day and f.quote]
    for reported in document.facts.dates:
        if reported.kind != "adjustment_reported" or not reported.day or not reported.quote:
            continue
        pair = next((m for m in made if reported.quote.text in m.quote.text and m.day <= reported.day), None)
        if pair is not None and reported.day > _add_months(_latest(pair), MONTHS):
            yield pair, reported


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per adjustment reported late, in any document but the plan."""
    plan = submission.first(DocumentKind.IMPLEMENTATION_PLAN)
    for document in submission.documents:
        if document is plan:
            continue
        for made, reported in late_pairs(document):
            name = _subject(made.quote.text, plan)
            yield CHECK.finding(
                document.file,
                name,
                MESSAGE.format(name=name, made=_written(made), reported=_written(reported), basis=BASIS),
                evidence(document, made.quote),
            )


CHECK = Check(
    id="change.reported_late",
    severity=Severity.BLOCKER,
    basis=BASIS,
    summary="重大调整超过6个月才书面报告",
    run=run,
)
