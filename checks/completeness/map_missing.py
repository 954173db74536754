"""completeness.map_missing: the 实施方案 never refers to a map 附件1 asks it to draw
(一（1）绘制园区四至范围图, 二（1）绘制园区生态工业链图).

A reference anywhere counts (图1-1 四至范围图, a 附图 list, a table of figures): the check cannot
see drawings, only that the document names them. Silent when the section the map belongs to is
missing altogether (outline.missing_section reports that).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.completeness_spec import finding, label, plain, requirements, section_evidence, texts, where_expected
from checks.model import Check, CheckContext, Finding, Severity, Submission

MESSAGE = "{document}未绘制或未提及园区“{name}”（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per required map that no text of the document names."""
    for required, document in where_expected(submission, requirements().maps):
        if any(word in plain(t.text) for t in texts(document) for word in required.words):
            continue
        message = MESSAGE.format(document=label(document, context), name=required.name, basis=required.basis)
        evidence = section_evidence(document, required.section)
        yield finding(CHECK, document, required.name, message, required.basis, evidence)


CHECK = Check(
    id="completeness.map_missing",
    severity=Severity.MAJOR,
    basis="管理办法 附件1 一（1）、二（1）",
    summary="实施方案未绘制或未引用园区四至范围图、生态工业链图",
    run=run,
)
