"""timeline.economic_years: the 验收报告's 经济状况 does not give 近三年 economic data — 附件3 一 2
(近三年园区总产值、地区生产总值、工业增加值、经济发展速度).

The years counted are those of the amounts the report states for its measures (data/economy.toml);
the three years asked for are the latest it states and the two before. A report stating no economic
amounts at all is not judged here (a missing 经济状况 is outline.missing_section's finding).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.model import DocumentKind

BASIS = "管理办法 附件3 一"
SUBJECT = "economic_years"
YEARS = 3
MESSAGE = "验收报告“经济状况”仅列出{given}的经济数据，未覆盖近三年（缺{missing}），应补充{wanted}数据（{basis}）"


def _years(years) -> str:
    return "、".join(f"{y}年" for y in sorted(years))


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per report whose economic amounts miss one of the latest three years."""
    for report in submission.of_kind(DocumentKind.ACCEPTANCE_REPORT):
        facts = report.facts.economy
        if not facts:
            continue
        given = {f.year for f in facts}
        latest = max(given)
        wanted = set(range(latest - YEARS + 1, latest + 1))
        missing = wanted - given
        if not missing:
            continue
        yield CHECK.finding(
            report.file,
            SUBJECT,
            MESSAGE.format(given=_years(given & wanted), missing=_years(missing), wanted=_years(wanted), basis=BASIS),
            evidence(report, facts[0].quote),
        )


CHECK = Check(
    id="timeline.economic_years",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="验收报告经济状况未提供近三年经济数据",
    run=run,
)
