"""standard.choice_unmet: the 实施方案 selects fewer indicators of a “X项指标至少选择N项达标” group
of the 《标准》 than the group needs, so the park cannot meet it (附件1 二 2; 第十六条).

Groups and their members are catalogue data; a group the catalogue marks `to_verify` gives an
advisory (info) finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.selection import selections
from extractors.facts.catalogue import load_standard

BASIS = "管理办法 附件1 二、第十六条"
MESSAGE = (
    "《标准》（{code}）要求“{members}”{count}项指标至少选择{need}项达标，"
    "《实施方案》仅选取{chosen}项{unsure}（{basis}）"
)
UNSURE = "（该分组尚待与《标准》原文核对，供参考）"


def group_subject(names: list[str]) -> str:
    """The group as findings name it: its members' names in catalogue order."""
    return "、".join(names)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per plan and group it selects too few members of."""
    standard = load_standard()
    for selection in selections(submission):
        for group in standard.groups:
            names = [m.name for m in standard.members(group.id)]
            chosen = sum(1 for m in standard.members(group.id) if m.id in selection.chosen)
            if chosen >= group.need:
                continue
            yield Finding(
                rule=CHECK.id,
                severity=Severity.INFO if group.to_verify else CHECK.severity,
                document=selection.plan.file,
                subject=group_subject(names),
                message=MESSAGE.format(
                    code=standard.code,
                    members=group_subject(names),
                    count=len(names),
                    need=group.need,
                    chosen=chosen,
                    unsure=UNSURE if group.to_verify else "",
                    basis=BASIS,
                ),
                basis=BASIS,
                evidence=(selection.table,),
            )


CHECK = Check(
    id="standard.choice_unmet",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="实施方案未按《标准》“至少选择N项”的要求选取指标",
    run=run,
)
