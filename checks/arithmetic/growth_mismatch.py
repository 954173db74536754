"""arithmetic.growth_mismatch: a growth rate the document states (同比增长, 年均增长) does not follow
from the yearly amounts it gives for the same measure (第十八条(六) 指标计算…结果的准确性; 附件3 一 2
经济发展速度).

Average growth over n years is (last ÷ first)^(1/n) − 1. A measure whose amounts disagree for the
same year inside the document (several raw-data tables each with their own 工业增加值) is not
judged: there is no one series to recompute from. Rates at comparable prices are not extracted.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.facts.model import EconomyFact, GrowthFact
from extractors.facts.numbers import rounding_of

BASIS = "管理办法 第十八条（六）、附件3 一"
MESSAGE = (
    "{measure}{period}{kind}为{stated}%，按材料所列{start}年{first}亿元、{end}年{last}亿元计算应为{computed:.1f}%，"
    "增长率与逐年数据不符（{basis}）"
)
_AGREE = 0.005  # amounts of one year that differ by more than this share are two series
_AMOUNT_ROUNDING = 0.1  # percentage points the rounding of the amounts themselves may move a rate


def series(facts: tuple[EconomyFact, ...]) -> dict[tuple[str, int], float]:
    """(measure, year) → amount, leaving out every measure with two different amounts for one year."""
    found: dict[tuple[str, int], float] = {}
    ambiguous: set[str] = set()
    for fact in facts:
        key = (fact.measure, fact.year)
        if key in found and abs(found[key] - fact.value_wan) > _AGREE * max(found[key], fact.value_wan):
            ambiguous.add(fact.measure)
        found.setdefault(key, fact.value_wan)
    return {key: value for key, value in found.items() if key[0] not in ambiguous}


def computed(growth: GrowthFact, amounts: dict[tuple[str, int], float]) -> float | None:
    """The rate the amounts give, or None when either end is missing."""
    first, last = amounts.get((growth.measure, growth.start)), amounts.get((growth.measure, growth.end))
    if not first or last is None or growth.end <= growth.start:
        return None
    return ((last / first) ** (1 / (growth.end - growth.start)) - 1) * 100


def tolerance(growth: GrowthFact) -> float:
    """Half a unit of the stated rate's last decimal, plus what rounded amounts may move it."""
    return rounding_of(growth.rate_text) + _AMOUNT_ROUNDING


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per document and measure whose stated growth does not follow from its amounts."""
    for document in submission.documents:
        amounts = series(document.facts.economy)
        reported: set[str] = set()
        for growth in document.facts.growth:
            rate = computed(growth, amounts)
            if rate is None or growth.measure in reported or abs(rate - growth.rate) <= tolerance(growth):
                continue
            reported.add(growth.measure)
            yearly = growth.end - growth.start == 1
            yield CHECK.finding(
                document.file,
                growth.measure,
                MESSAGE.format(
                    measure=growth.measure,
                    period=f"{growth.end}年" if yearly else f"{growth.start}—{growth.end}年",
                    kind="同比增长" if yearly else "年均增长率",
                    stated=growth.rate_text,
                    start=growth.start,
                    first=f"{amounts[(growth.measure, growth.start)] / 10000:.1f}",
                    end=growth.end,
                    last=f"{amounts[(growth.measure, growth.end)] / 10000:.1f}",
                    computed=rate,
                    basis=BASIS,
                ),
                evidence(document, growth.quote),
            )


CHECK = Check(
    id="arithmetic.growth_mismatch",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="增长率（同比、年均）与材料所列逐年数据不符",
    run=run,
)
