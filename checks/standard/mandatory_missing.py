"""standard.mandatory_missing: the 实施方案's indicators leave out a 必选 indicator of the 《标准》
(附件1 二 2: 依据《标准》…涵盖必选和特色两类指标; 第十六条: acceptance is judged against the 《标准》).

Which indicators are 必选 is catalogue data (data/standards/); where the catalogue marks an
indicator `to_verify`, the finding is advisory (info) rather than a correction to ask for.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.selection import selections
from extractors.facts.catalogue import load_standard

BASIS = "管理办法 附件1 二、第十六条"
MESSAGE = "《实施方案》指标体系未包含《标准》（{code}）必选指标“{name}”{unsure}（{basis}）"
UNSURE = "（该指标是否必选尚待与《标准》原文核对，供参考）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per plan and 必选 indicator its table does not name."""
    standard = load_standard()
    for selection in selections(submission):
        for entry in standard.mandatory:
            if entry.id in selection.chosen:
                continue
            yield Finding(
                rule=CHECK.id,
                severity=Severity.INFO if entry.to_verify else CHECK.severity,
                document=selection.plan.file,
                subject=entry.name,
                message=MESSAGE.format(
                    code=standard.code, name=entry.name, unsure=UNSURE if entry.to_verify else "", basis=BASIS
                ),
                basis=BASIS,
                evidence=(selection.table,),
            )


CHECK = Check(
    id="standard.mandatory_missing",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="实施方案指标体系缺少《标准》规定的必选指标",
    run=run,
)
