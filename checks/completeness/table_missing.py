"""completeness.table_missing: the 实施方案 lacks a table 附件1 asks it to compile (编制目标指标表、
重点任务表、支撑项目表).

A table counts when a table of its kind is recognised by its header words, wherever it stands.
When the section the table belongs to is missing altogether, outline.missing_section reports
that and this check stays silent.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.completeness_spec import finding, label, requirements, section_evidence, where_expected
from checks.model import Check, CheckContext, Finding, Severity, Submission

MESSAGE = "{document}未编制“{name}”，应列明{columns}等内容（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per required table with no recognised table of its kind."""
    for required, document in where_expected(submission, requirements().tables):
        if any(t.kind == required.kind for t in document.facts.tables):
            continue
        columns = "、".join(c.label for c in required.columns)
        message = MESSAGE.format(
            document=label(document, context), name=required.name, columns=columns, basis=required.basis
        )
        evidence = section_evidence(document, required.section)
        yield finding(CHECK, document, required.name, message, required.basis, evidence)


CHECK = Check(
    id="completeness.table_missing",
    severity=Severity.MAJOR,
    basis="管理办法 附件1",
    summary="实施方案缺少附件1要求编制的目标指标表、重点任务表或支撑项目表",
    run=run,
)
