"""Indicator values stated twice: what a table row says for the year and role a sentence speaks of,
and whether two statements disagree. Shared by the integrity and application-form checks.
"""

from __future__ import annotations

from checks.matching import differs
from extractors.facts.model import IndicatorFact, ValueMention

_TOLERANCE = 0.005  # the same number rounded to fewer places in running text


def stated(fact: IndicatorFact, mention: ValueMention) -> float | None:
    """The value the table row gives for what the sentence speaks of (same indicator, year and role)."""
    if fact.standard_id != mention.standard_id or (fact.unit and mention.unit and fact.unit != mention.unit):
        return None
    if mention.role == "target":
        return fact.target if mention.year in (None, fact.target_year) or fact.target_year is None else None
    if mention.role == "baseline" and mention.year is None:
        return fact.baseline
    if mention.year is None:
        return None
    if mention.year == fact.year:
        return fact.value
    if mention.year == fact.baseline_year:
        return fact.baseline
    return None


def same_topic(a: ValueMention, b: ValueMention) -> bool:
    """Two sentences about the same indicator, year and role."""
    return a.standard_id == b.standard_id and a.role == b.role and a.year is not None and a.year == b.year


def disagree(a: float | None, b: float | None) -> bool:
    """Two statements of one value that are not the same number, rounding aside."""
    return differs(a, b, tolerance=_TOLERANCE)
