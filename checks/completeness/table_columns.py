"""completeness.table_columns: a table of the 实施方案 lacks a column 附件1 asks it to state
(重点任务表: 任务名称、任务内容、完成时间、责任部门、预期目标; 支撑项目表: 项目名称、建设内容、
实施期限、实施主体、投资金额、预期目标).

Columns are recognised by role from their header words, so 实施单位 counts as 实施主体. A table
split over several tables of one kind is judged on the columns they have between them; one
finding per table names every missing column.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.completeness_spec import documents, finding, label, requirements
from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission

MESSAGE = "{document}“{name}”缺少{missing}栏，应列明{columns}（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per required table whose recognised tables lack a required column."""
    for required in requirements().tables:
        for document in documents(submission, required.document):
            tables = [t for t in document.facts.tables if t.kind == required.kind]
            if not tables:
                continue  # completeness.table_missing
            roles = frozenset().union(*(t.roles for t in tables))
            missing = [c.label for c in required.columns if c.role not in roles]
            if not missing:
                continue
            first = tables[0]
            quote = f"{first.caption}：{first.header}" if first.caption else first.header
            message = MESSAGE.format(
                document=label(document, context),
                name=first.caption or required.name,
                missing="、".join(f"“{m}”" for m in missing),
                columns="、".join(c.label for c in required.columns),
                basis=required.basis,
            )
            evidence = (Evidence(document.file, first.page, quote),)
            yield finding(CHECK, document, required.name, message, required.basis, evidence)


CHECK = Check(
    id="completeness.table_columns",
    severity=Severity.MAJOR,
    basis="管理办法 附件1 三、四",
    summary="实施方案的重点任务表、支撑项目表或目标指标表缺少附件1要求的栏目",
    run=run,
)
