"""arithmetic.rate_mismatch: a rate disagrees with the raw numerator and denominator the document
gives beside it (工业用水重复利用率 = 重复利用水量 ÷ 工业用水总量) — 第十八条(六) 指标计算方法的正确性
和结果的准确性; 附件3 三 计算过程、原始数据清单.

The stated value may be rounded: the tolerance is half a unit of its last written decimal, or a
thousandth of the value, whichever is larger.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.facts.model import RatioFact
from extractors.facts.numbers import rounding_of

BASIS = "管理办法 第十八条（六）、附件3 三"
MESSAGE = (
    "“{name}”{year}按所列原始数据计算为{numerator}÷{denominator}{times}＝{computed}{unit}，"
    "材料所列数值为{stated}{unit}，计算结果不符（{basis}）"
)


def _plain(number: float) -> str:
    """A raw number as written, without exponent: 1486480.5, 87."""
    return f"{number:.4f}".rstrip("0").rstrip(".")


def tolerance(fact: RatioFact) -> float:
    """How far a correctly rounded value may lie from the exact rate."""
    return max(rounding_of(fact.stated_text), 0.001 * abs(fact.stated)) + 1e-9


def wrong(fact: RatioFact) -> bool:
    """Whether the stated rate does not follow from its raw numbers."""
    return abs(fact.computed - fact.stated) > tolerance(fact)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per document and rate, quoting its first row that does not compute."""
    for document in submission.documents:
        reported: set[str] = set()
        for fact in document.facts.ratios:
            if fact.name in reported or not wrong(fact):
                continue
            reported.add(fact.name)
            yield CHECK.finding(
                document.file,
                fact.name,
                MESSAGE.format(
                    name=fact.name,
                    year=f"{fact.year}年" if fact.year else "",
                    numerator=_plain(fact.numerator),
                    denominator=_plain(fact.denominator),
                    times=f"×{fact.factor:g}" if fact.factor != 1 else "",
                    computed=f"{fact.computed:.4g}",
                    stated=fact.stated_text,
                    unit=fact.unit,
                    basis=BASIS,
                ),
                evidence(document, fact.quote),
            )


CHECK = Check(
    id="arithmetic.rate_mismatch",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="比率类指标与所列分子、分母原始数据计算结果不符",
    run=run,
)
