"""consistency.indicator_added: the 验收报告 evaluates an indicator the 实施方案 did not set, and does
not say why (附件3 三: 根据《实施方案》选定的指标…逐项分析; an indicator added later changes what is
being accepted and must be explained).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.matching import find_indicator
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence, plan_and_report
from checks.text import find

BASIS = "管理办法 附件3 三"
MESSAGE = "验收报告评价的指标“{name}”不在《实施方案》确定的指标中，报告未说明新增该指标的理由（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per report indicator without a counterpart in the plan and without an explanation."""
    pair = plan_and_report(submission)
    if pair is None or not pair.plan.facts.indicators:
        return
    for indicator in pair.report.facts.indicators:
        if find_indicator(indicator, pair.plan.facts.indicators) is not None:
            continue
        if find([pair.report], "added", containing=indicator.name) is not None:
            continue  # the report explains the addition
        yield CHECK.finding(
            pair.report.file,
            indicator.name,
            MESSAGE.format(name=indicator.name, basis=BASIS),
            evidence(pair.report, indicator.quote),
        )


CHECK = Check(
    id="consistency.indicator_added",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="验收报告新增实施方案以外的指标且未说明理由",
    run=run,
)
