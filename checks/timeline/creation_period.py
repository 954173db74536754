"""timeline.creation_period: the time from approval to the acceptance application is under two
years or over three (four with a granted extension) — 第十三条.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checks.model import Check, CheckContext, Finding, Severity, Stage, Submission
from checks.text import find

BASIS = "管理办法 第十三条"
SHORT = "自{approval}同意创建至{application}申请验收不足2年，创建期不符合“不低于2年”的规定（{basis}）"
LONG = "自{approval}同意创建至{application}申请验收已超过{limit}年{extension}，超出创建期规定（{basis}）"


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Compare the application date with approval + 2 and approval + 3 (+1 when extended) years."""
    approval, application = submission.dates.approval_date, submission.dates.application_date
    if submission.stage != Stage.ACCEPTANCE or approval is None or application is None:
        return
    extended = find(submission.documents, "extension")
    limit = 4 if extended else 3
    words = {"approval": _cn(approval.value), "application": _cn(application.value), "basis": BASIS}
    if application.value < add_years(approval.value, 2):
        subject, message = "too_short", SHORT.format(**words)
    elif application.value > add_years(approval.value, limit):
        extension = "（含经批准的1年延期）" if extended else "且未见经批准的延期"
        subject, message = "too_long", LONG.format(limit=limit, extension=extension, **words)
    else:
        return
    yield CHECK.finding(application.document, subject, message, approval.evidence(), application.evidence())


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


CHECK = Check(
    id="timeline.creation_period",
    severity=Severity.BLOCKER,
    basis=BASIS,
    summary="创建期不足2年或超过3年（经批准延期的不超过4年）",
    run=run,
)
