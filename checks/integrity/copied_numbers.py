"""integrity.copied_numbers: a table of the package repeats, number for number, a run of figures that
another park's document states — or that this park's own document of another year states (a data
table carried over instead of measured again). Copied figures are false data (第十二条 材料的真实性;
第二十八条(三) 弄虚作假).

The corpus finds the shared runs before the checks run (`CheckContext.corpus_matches` of kind
`numbers`, only with `--against`); runs many parks share (the 《标准》's thresholds) never reach here.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission

BASIS = "管理办法 第十二条、第二十八条（三）"
MESSAGE = "{document}的数据表中连续 {run} 个数值与{source}《{other_document}》完全相同，疑似抄用数据（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per (document, other document): our row first, then theirs."""
    for match in context.corpus_matches:
        if match.kind != "numbers":
            continue
        own = match.other_park == (submission.park or "")
        source = f"本园区 {match.other_year} 年" if own and match.other_year else match.other_park
        yield CHECK.finding(
            match.document,
            match.other_park,
            MESSAGE.format(
                document=match.document, run=match.run, source=source, other_document=match.other_document, basis=BASIS
            ),
            Evidence(match.document, match.page, match.quote),
            Evidence(f"{match.other_park}/{match.other_document}", match.other_page, match.other_quote),
        )


CHECK = Check(
    id="integrity.copied_numbers",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="数据表中成串数值与其他园区（或本园区其他年度）材料完全相同（疑似抄用数据，需 --against 语料库）",
    run=run,
)
