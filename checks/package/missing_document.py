"""package.missing_document: a document the article requires for this stage is absent
(第十条 for the application, 第十六条 for the acceptance). The stage is inferred from what was
uploaded; the required list is data (`data/stages.toml`).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.submission import load_stage_rules
from extractors.kinds import kind_labels
from extractors.model import DocumentKind

MESSAGE = "{stage}材料缺少《{label}》（{basis}）{unreadable}"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per required kind that no document of the package is."""
    rule = next((r for r in load_stage_rules() if r.stage == submission.stage), None)
    if rule is None:
        return
    present = {d.kind for d in submission.documents}
    broken = [d.file for d in submission.documents if d.kind == DocumentKind.UNREADABLE]
    note = f"；另有 {len(broken)} 个文件无法读取，可能包括该材料" if broken else ""
    stage = {"application": "创建申请", "acceptance": "验收申请"}.get(rule.stage.value, "申报")
    for kind in rule.required:
        if kind not in present:
            label = kind_labels()[kind]
            yield Finding(
                rule=CHECK.id,
                severity=CHECK.severity,
                document=None,
                subject=kind.value,
                message=MESSAGE.format(stage=stage, label=label, basis=rule.basis, unreadable=note),
                basis=rule.basis,
            )


CHECK = Check(
    id="package.missing_document",
    severity=Severity.BLOCKER,
    basis="管理办法 第十条、第十六条",
    summary="申报材料包缺少办法规定的必备材料",
    run=run,
)
