"""consistency.baseline_year_mismatch: the 评价时段 does not start at the 实施方案's baseline year
(附件3 二: 园区的评价时段为实施方案基准年至验收年).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission

BASIS = "管理办法 附件3 二"
MESSAGE = (
    "验收报告的评价时段自{start}年起，而实施方案的基准年为{baseline}年；评价时段应为实施方案基准年至验收年（{basis}）"
)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Compare the report's evaluation start with the plan's baseline year."""
    start, baseline = submission.dates.evaluation_start, submission.dates.baseline_year
    if start is None or baseline is None or start.value == baseline.value:
        return
    yield CHECK.finding(
        start.document,
        "baseline_year",
        MESSAGE.format(start=start.value, baseline=baseline.value, basis=BASIS),
        start.evidence(),
        baseline.evidence(),
    )


CHECK = Check(
    id="consistency.baseline_year_mismatch",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="评价时段的起始年与实施方案基准年不一致",
    run=run,
)
