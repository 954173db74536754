"""standard.unit_mismatch: an indicator is stated in a unit that does not measure what the
《标准》 measures (吨标煤 for 单位工业增加值综合能耗, 万元 for 人均工业增加值), so its value cannot be
compared with the requirement (第十八条(六) 指标计算方法的正确性; 附件3 三).

Spellings of the same quantity (tce/万元, 千克标煤/万元, 万元/亩) convert and are no finding;
indicators the catalogue gives no unit (counts of events, yes/no requirements) are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.facts.catalogue import load_standard
from extractors.model import DocumentKind

BASIS = "管理办法 第十八条（六）、附件3 三"
MESSAGE = (
    "指标“{name}”的计量单位为“{written}”，与《标准》（{code}）规定的单位“{unit}”不一致，数值无法与标准值比较（{basis}）"
)
KINDS = (DocumentKind.IMPLEMENTATION_PLAN, DocumentKind.ACCEPTANCE_REPORT, DocumentKind.DATA_SUPPORT)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per document and indicator whose written unit is not convertible to the catalogue's."""
    standard = load_standard()
    for document in submission.documents:
        if document.kind not in KINDS:
            continue
        for indicator in document.facts.indicators:
            if not indicator.standard_id or not indicator.unit_as_written or indicator.unit is None:
                continue
            entry = standard.indicator(indicator.standard_id)
            if not entry.unit or indicator.unit in (entry.unit, *entry.also_units):
                continue
            yield CHECK.finding(
                document.file,
                indicator.name,
                MESSAGE.format(
                    name=indicator.name,
                    written=indicator.unit_as_written,
                    code=standard.code,
                    unit=entry.unit,
                    basis=BASIS,
                ),
                evidence(document, indicator.quote),
            )


CHECK = Check(
    id="standard.unit_mismatch",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="指标计量单位与《标准》规定不一致",
    run=run,
)
