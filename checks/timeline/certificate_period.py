"""timeline.certificate_period: the 环境守法证明 does not cover the three years before the park
applies (第十条(三): 本园区申请创建之日前三年内的以下情况).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Stage, Submission
from checks.pairs import evidence
from extractors.facts.numbers import years_in
from extractors.model import DocumentKind

BASIS = "管理办法 第十条（三）"
MESSAGE = "环境守法证明所述期间为{period}，未覆盖创建申请（{application}）前三年（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """The certificate's stated period must run from three years before the application to it."""
    application = submission.dates.application_date
    if submission.stage != Stage.APPLICATION or application is None:
        return
    for document in submission.of_kind(DocumentKind.COMPLIANCE_CERTIFICATE):
        periods = [s for s in document.facts.statements if s.period and len(years_in(s.period)) >= 2]
        if not periods:
            continue
        statement = periods[0]
        start, end = min(years_in(statement.period)), max(years_in(statement.period))
        if start <= application.value.year - 3 and end >= application.value.year - 1:
            continue
        yield CHECK.finding(
            document.file,
            "compliance_certificate",
            MESSAGE.format(period=statement.period, application=application.value.isoformat(), basis=BASIS),
            evidence(document, statement.quote),
        )


CHECK = Check(
    id="timeline.certificate_period",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="环境守法证明未覆盖申请前三年",
    run=run,
)
