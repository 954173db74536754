"""consistency.project_changed: a 支撑项目 in both documents whose investment, implementation period or
implementing body differs, with no explanation in the report (附件3 四: 支撑项目有调整的，就调整情况作出说明).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.matching import differs, find_project, fold
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence, plan_and_report
from checks.text import find
from extractors.facts.model import ProjectFact

BASIS = "管理办法 附件3 四"
MESSAGE = "支撑项目“{name}”的{what}在实施方案中为{planned}，在验收报告中为{reported}，报告未说明调整情况（{basis}）"
_INVESTMENT_TOLERANCE = 0.005  # rounding of 万元 amounts written in 亿元


def _period(project: ProjectFact) -> str | None:
    """The period as “2021—2023年”, when the document states both years."""
    if project.start is None or project.end is None:
        return None
    return f"{project.start}—{project.end}年" if project.start != project.end else f"{project.start}年"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per project and changed attribute."""
    pair = plan_and_report(submission)
    if pair is None:
        return
    for planned in pair.plan.facts.projects:
        reported = find_project(planned.name, pair.report.facts.projects)
        if reported is None or find([pair.report], "adjusted", containing=planned.name) is not None:
            continue
        changes = []
        if differs(planned.investment_wan, reported.investment_wan, tolerance=_INVESTMENT_TOLERANCE):
            changes.append(("投资金额", f"{planned.investment_wan:g}万元", f"{reported.investment_wan:g}万元"))
        if planned.owner and reported.owner and fold(planned.owner) != fold(reported.owner):
            changes.append(("实施主体", planned.owner, reported.owner))
        before, after = _period(planned), _period(reported)
        if before and after and before != after:
            changes.append(("实施期限", before, after))
        for what, before, after in changes:
            yield CHECK.finding(
                pair.report.file,
                planned.name,
                MESSAGE.format(name=planned.name, what=what, planned=before, reported=after, basis=BASIS),
                evidence(pair.plan, planned.quote),
                evidence(pair.report, reported.quote),
            )


CHECK = Check(
    id="consistency.project_changed",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="支撑项目的投资、实施期限或实施主体与实施方案不一致且未说明",
    run=run,
)
