"""timeline.annual_report_late: a 年度工作报告 dated after 30 June of the year after the year it
reports on (第二十四条: 于次年6月30日前…报送; 第二十七条(五): 未按时提交的提出退出警示).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.kinds import title_area
from extractors.model import DocumentKind
from extractors.segment import toc_indices

BASIS = "管理办法 第二十四条"
MESSAGE = "{year}年度工作报告落款日期为{signed}，晚于规定的{deadline}（{basis}）"
_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度")


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Compare each annual report's own date with 30 June of the following year."""
    for document in submission.of_kind(DocumentKind.ANNUAL_REPORT):
        if document.raw is None:
            continue
        match = _REPORT_YEAR.search(title_area(document.raw.blocks, toc_indices(document.raw.blocks)))
        signed = next((d for d in document.facts.dates if d.kind == "document_date" and d.day), None)
        if match is None or signed is None:
            continue
        year = int(match.group(1))
        deadline = date(year + 1, 6, 30)
        if signed.day <= deadline:
            continue
        yield CHECK.finding(
            document.file,
            str(year),
            MESSAGE.format(year=year, signed=signed.day.isoformat(), deadline=deadline.isoformat(), basis=BASIS),
            evidence(document, signed.quote),
        )


CHECK = Check(
    id="timeline.annual_report_late",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="年度工作报告晚于次年6月30日报送",
    run=run,
)
