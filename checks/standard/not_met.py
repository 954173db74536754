"""standard.not_met: a reported value misses the 《标准》 requirement, or the report claims 达标
where its own number does not (第十六条 达到《标准》要求的园区; 第十八条(二) 《标准》达标情况).

The requirement is the one the report itself quotes (its 标准值 column, converted from the unit the
table is written in) or, when it quotes none, the catalogue's (data/standards/). Qualitative
requirements (具备, 达标) are not judged from numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from extractors.facts.catalogue import load_standard
from extractors.facts.model import IndicatorFact
from extractors.facts.numbers import clean, parse_number
from extractors.facts.units import normalise
from extractors.model import DocumentKind

BASIS = "管理办法 第十六条、第十八条（二）"
MESSAGE = "指标“{name}”{year}值为{value}，未达到《标准》要求（{requirement}，{source}）{claim}（{basis}）"
_COMPARISON = re.compile(r"^(≥|>=|＞=|≤|<=|＜=|=|＝|不低于|不高于|不超过|不小于|不大于|达到)?")
_DIRECTIONS = {
    "≥": "≥",
    ">=": "≥",
    "不低于": "≥",
    "不小于": "≥",
    "达到": "≥",
    "≤": "≤",
    "<=": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "不大于": "≤",
    "=": "=",
    "＝": "=",
}
_EPSILON = 1e-9


@dataclass(frozen=True)
class Requirement:
    """A numeric requirement in the indicator's canonical unit, and where it comes from."""

    direction: str
    threshold: float
    source: str


def stated(indicator: IndicatorFact) -> Requirement | None:
    """The requirement as the document's table quotes it (“≥90%”, “≤500” in 千克标煤/万元)."""
    text = clean(indicator.requirement)
    number = parse_number(text)
    if number is None:
        return None
    word = _COMPARISON.match(text).group(1)
    direction = _DIRECTIONS.get(word or "", "≥" if (indicator.unit or "") == "%" else None)
    if direction is None:
        return None
    threshold, _ = normalise(number, indicator.unit_as_written, expect=indicator.unit)
    return Requirement(direction, threshold, "报告所列标准值")


def catalogued(indicator: IndicatorFact) -> Requirement | None:
    """The catalogue's numeric requirement for a recognised indicator."""
    if not indicator.standard_id:
        return None
    standard = load_standard()
    entry = standard.indicator(indicator.standard_id)
    if entry.threshold is None or entry.direction not in ("≥", "≤", "="):
        return None
    return Requirement(entry.direction, entry.threshold, standard.code)


def misses(value: float, requirement: Requirement) -> bool:
    """Whether a value fails the requirement."""
    if requirement.direction == "≥":
        return value < requirement.threshold - _EPSILON
    if requirement.direction == "≤":
        return value > requirement.threshold + _EPSILON
    return abs(value - requirement.threshold) > _EPSILON


def _fails(indicator: IndicatorFact) -> bool:
    requirement = stated(indicator) or catalogued(indicator)
    return indicator.value is not None and requirement is not None and misses(indicator.value, requirement)


def group_satisfied(indicator: IndicatorFact, reported: tuple[IndicatorFact, ...]) -> bool:
    """For an indicator of a “choose at least N” group, whether N members of the group are met."""
    if not indicator.standard_id:
        return False
    standard = load_standard()
    entry = standard.indicator(indicator.standard_id)
    if entry.mandatory or entry.group is None:
        return False
    need = next(g.need for g in standard.groups if g.id == entry.group)
    members = {m.id for m in standard.members(entry.group)}
    met = {i.standard_id for i in reported if i.standard_id in members and i.value is not None and not _fails(i)}
    return len(met) >= need


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Every reported value of the 验收报告 against its requirement.

    A member of a “choose at least N” group that misses is no failure of the park while the group
    is met, unless the report claims it 达标: then its own number contradicts it.
    """
    for document in submission.of_kind(DocumentKind.ACCEPTANCE_REPORT):
        reported = document.facts.indicators
        for indicator in reported:
            if not _fails(indicator):
                continue
            if not indicator.claims_met and group_satisfied(indicator, reported):
                continue
            requirement = stated(indicator) or catalogued(indicator)
            unit = indicator.unit or ""
            yield CHECK.finding(
                document.file,
                indicator.name,
                MESSAGE.format(
                    name=indicator.name,
                    year=f"{indicator.year}年" if indicator.year else "现状",
                    value=f"{indicator.value:g}{unit}",
                    requirement=f"{requirement.direction}{requirement.threshold:g}{unit}",
                    source=requirement.source,
                    claim="，报告却称“达标”" if indicator.claims_met else "",
                    basis=BASIS,
                ),
                evidence(document, indicator.quote),
            )


CHECK = Check(
    id="standard.not_met",
    severity=Severity.BLOCKER,
    basis=BASIS,
    summary="指标现状值未达到《标准》要求，或报告称达标而其数值不达标",
    run=run,
)
