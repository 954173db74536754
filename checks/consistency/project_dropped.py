"""consistency.project_dropped: a 支撑项目 of the 实施方案 is missing from the 验收报告 and the report
does not explain its adjustment (附件3 四: 支撑项目有调整的，就调整情况作出说明).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.matching import find_project
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence, plan_and_report
from checks.text import find

BASIS = "管理办法 附件3 四"
MESSAGE = "《实施方案》确定的支撑项目“{name}”未出现在验收报告中，报告也未说明调整情况（{basis}）"


def dropped_projects(submission: Submission):
    """(plan, report, project) for every plan project the report neither lists nor explains."""
    pair = plan_and_report(submission)
    if pair is None or not pair.report.facts.projects:
        return
    for project in pair.plan.facts.projects:
        if find_project(project.name, pair.report.facts.projects) is not None:
            continue
        if find([pair.report], "adjusted", containing=project.name) is not None:
            continue  # the report explains the adjustment
        yield pair, project


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per unexplained missing project."""
    for pair, project in dropped_projects(submission):
        yield CHECK.finding(
            pair.report.file,
            project.name,
            MESSAGE.format(name=project.name, basis=BASIS),
            evidence(pair.plan, project.quote),
        )


CHECK = Check(
    id="consistency.project_dropped",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="实施方案的支撑项目在验收报告中缺失且未说明调整情况",
    run=run,
)
