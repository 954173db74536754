"""consistency.indicator_dropped: an indicator the 实施方案 sets is not evaluated in the 验收报告
(附件3 三: 根据《实施方案》选定的指标…逐项分析). Only reports that evaluate indicators at all are
compared; a report without its 《标准》 chapter is outline.missing_section's finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.matching import find_indicator
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence, plan_and_report

BASIS = "管理办法 附件3 三"
MESSAGE = "《实施方案》确定的指标“{name}”未在验收报告中评价（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per plan indicator without a counterpart in the report."""
    pair = plan_and_report(submission)
    if pair is None or not pair.report.facts.indicators:
        return
    for indicator in pair.plan.facts.indicators:
        if find_indicator(indicator, pair.report.facts.indicators) is None:
            yield CHECK.finding(
                pair.report.file,
                indicator.name,
                MESSAGE.format(name=indicator.name, basis=BASIS),
                evidence(pair.plan, indicator.quote),
            )


CHECK = Check(
    id="consistency.indicator_dropped",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="实施方案确定的指标在验收报告中未评价",
    run=run,
)
