"""timeline.eia_outdated: the planning EIA is more than five years old when the park applies, and no
follow-up evaluation (跟踪评价) is supplied — 第十条(四).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.timeline.creation_period import add_years

BASIS = "管理办法 第十条（四）"
MESSAGE = (
    "规划环评审查意见（{review}）距创建申请（{application}）已超过5年，未提交规划环境影响跟踪评价相关文件（{basis}）"
)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Five years from the review opinion (or the report, when the opinion is not dated) to the application."""
    dates = submission.dates
    eia = dates.eia_review_date or dates.eia_report_date
    if eia is None or dates.application_date is None or dates.eia_followup_date is not None:
        return
    if dates.application_date.value <= add_years(eia.value, 5):
        return
    yield CHECK.finding(
        eia.document,
        "plan_eia",
        MESSAGE.format(review=eia.value.isoformat(), application=dates.application_date.value.isoformat(), basis=BASIS),
        eia.evidence(),
        dates.application_date.evidence(),
    )


CHECK = Check(
    id="timeline.eia_outdated",
    severity=Severity.BLOCKER,
    basis=BASIS,
    summary="规划环评超过5年且未提交跟踪评价文件",
    run=run,
)
