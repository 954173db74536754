"""completeness.data_source: the 实施方案 never says where its data and maps come from
(附件1 备注: 方案中涉及相关数据、图件应通过正规途径获取，并注明具体来源).

A sentence such as “数据来源于市统计局” or “资料来源：…”, or a 数据来源 column in one of its
tables, is enough: the check asks that sources be stated, not that each number carry one. A
document whose sections could not be mapped onto 附件1 is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.completeness_spec import finding, label, plain, requirements, section_evidence, where_expected
from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.text import sentences

SUBJECT = "data_source"
MESSAGE = (
    "{document}未注明所用数据、图件的具体来源（{basis}：方案中涉及相关数据、图件应通过正规途径获取，并注明具体来源）"
)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per plan with no statement of its data sources."""
    spec = requirements().data_source
    statement = re.compile(spec.statement)
    for _, document in where_expected(submission, (spec,)):
        if any("source" in t.roles for t in document.facts.tables):
            continue
        if any(statement.search(plain(s.text)) for s in sentences(document, rejoin=True)):
            continue
        message = MESSAGE.format(document=label(document, context), basis=spec.basis)
        yield finding(CHECK, document, SUBJECT, message, spec.basis, section_evidence(document, spec.evidence_section))


CHECK = Check(
    id="completeness.data_source",
    severity=Severity.MAJOR,
    basis="管理办法 附件1 备注",
    summary="实施方案未注明数据、图件的来源",
    run=run,
)
