"""consistency.baseline_changed: the 验收报告 states another baseline value for an indicator than the
实施方案 (the 评价时段 starts from the plan's baseline, 附件3 二; a rewritten baseline changes what
“achieved” means).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import changed_indicator_findings

BASIS = "管理办法 附件3 二"
MESSAGE = "指标“{name}”的基准值在实施方案中为{planned}，在验收报告中为{reported}，前后不一致（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Baselines compared in canonical units, where both documents state one."""
    yield from changed_indicator_findings(CHECK, submission, "baseline", MESSAGE)


CHECK = Check(
    id="consistency.baseline_changed",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="验收报告中的指标基准值与实施方案不一致",
    run=run,
)
