"""consistency.target_changed: the 验收报告 states another target for an indicator than the 实施方案
set (第十八条(三) 《实施方案》落实和目标完成情况).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import changed_indicator_findings

BASIS = "管理办法 第十八条（三）"
MESSAGE = "指标“{name}”的目标值在实施方案中为{planned}，在验收报告中为{reported}，前后不一致（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Targets compared in canonical units, where both documents state one."""
    yield from changed_indicator_findings(CHECK, submission, "target", MESSAGE)


CHECK = Check(
    id="consistency.target_changed",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="验收报告中的指标目标值与实施方案不一致",
    run=run,
)
