"""Units as written → canonical units, with the factor between them (tables in data/units.toml).

Consultancies write one quantity several ways (吨标煤/万元, tce/万元, 千克标煤/万元), and checks
compare numbers across documents, so every number is converted to one canonical unit per
quantity before it becomes a fact. Compound units (numerator/denominator) are converted part by
part, so a spelling the table lists once works in every combination.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import product

from extractors.outline import DATA_DIR

_BRACKETS = re.compile(r"[()（）\[\]【】\s]")
_TRAILING_BRACKET = re.compile(r"^(?P<name>.*?)\s*[（(](?P<unit>[^（）()]*)[）)]\s*$", re.S)
_NUMBER_THEN_REST = re.compile(r"^[≥≤<>=≈约不小于大于低于高于超过]*[-+]?\d[\d,]*(?:\.\d+)?(?P<rest>.*)$")


@dataclass(frozen=True)
class Reading:
    """One way to read a unit: its dimensions ("energy/money") and the factor to their bases."""

    dims: str
    factor: Fraction


@dataclass(frozen=True)
class Hint:
    """Words of an indicator name that tell which unit an ambiguous spelling means."""

    words: tuple[str, ...]
    unit: str


@dataclass(frozen=True)
class UnitTables:
    """The unit data file, indexed by normalised spelling."""

    readings: dict[str, tuple[Reading, ...]]  # spelling key -> its readings, usual one first
    bases: dict[str, str]  # dimension -> canonical spelling
    quantities: dict[str, str]  # "num/den" dimensions -> canonical compound spelling
    plain: frozenset[str]
    none: frozenset[str]
    hints: tuple[Hint, ...]


def key(text: str | None) -> str:
    """A spelling as the tables index it: NFKC, lower case, no white space or brackets."""
    if not text:
        return ""
    return _BRACKETS.sub("", unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=1)
def tables() -> UnitTables:
    """The unit tables, read once."""
    with open(DATA_DIR / "units.toml", "rb") as handle:
        data = tomllib.load(handle)
    readings: dict[str, list[Reading]] = {}
    bases = {}
    for dimension, spec in data["dimension"].items():
        bases[dimension] = spec["base"]
        for spelling, factor in spec["units"].items():
            readings.setdefault(key(spelling), []).append(Reading(dimension, Fraction(str(factor))))
    return UnitTables(
        readings={k: tuple(v) for k, v in readings.items()},
        bases=bases,
        quantities=dict(data["quantity"]),
        plain=frozenset(key(u) for u in data["plain"]["units"]),
        none=frozenset(key(u) for u in data["none"]["units"]),
        hints=tuple(Hint(tuple(h["words"]), h["unit"]) for h in data.get("hint", ())),
    )


def readings(unit_text: str | None) -> tuple[Reading, ...]:
    """Every reading of a unit, simple or compound (a/b), usual one first; () when unknown."""
    table = tables()
    spelled = key(unit_text)
    if spelled in table.readings:
        return table.readings[spelled]
    parts = spelled.split("/")
    if len(parts) != 2 or not all(parts):
        return ()
    top, bottom = (table.readings.get(p, ()) for p in parts)
    return tuple(Reading(f"{a.dims}/{b.dims}", a.factor / b.factor) for a, b in product(top, bottom))


def is_none_unit(unit_text: str | None) -> bool:
    """Whether a unit cell says "no unit" (—, /, 无量纲, empty)."""
    return key(unit_text) in tables().none


def is_unit(text: str | None) -> bool:
    """Whether text is a unit the tables know: convertible, plain (个, 次/年) or a "no unit" mark."""
    table = tables()
    spelled = key(text)
    if not spelled or spelled in table.none or readings(text):
        return bool(spelled)
    parts = spelled.split("/")
    return len(parts) <= 2 and all(p in table.plain or p in table.readings for p in parts)


def canonical(dims: str) -> str:
    """The canonical spelling for a dimension signature ("energy/money" → 吨标煤/万元)."""
    table = tables()
    if dims in table.quantities:
        return table.quantities[dims]
    return "/".join(table.bases[d] for d in dims.split("/"))


def _scale(value: float, ratio: Fraction) -> float:
    """Value × ratio, dividing where the ratio is 1/n so 360 千克 gives exactly 0.36 吨."""
    if ratio == 1:
        return value
    if ratio.numerator == 1:
        return value / ratio.denominator
    return value * ratio.numerator / ratio.denominator


def normalise(value: float, unit_text: str | None, expect: str | None = None) -> tuple[float, str]:
    """A number in the unit as written → (number, unit) in the canonical unit.

    `expect` is the unit the indicator is known to be in (the catalogue's, or a name hint): the
    number is converted to it when the written unit measures the same thing, which also settles
    ambiguous spellings (吨/万元 of water). Unknown units come back unchanged, "no unit" as "".
    """
    if is_none_unit(unit_text):
        return value, ""
    found = readings(unit_text)
    if not found:
        return value, _display(unit_text)
    if expect:
        for mine, wanted in product(found, readings(expect)):
            if mine.dims == wanted.dims:
                return _scale(value, mine.factor / wanted.factor), expect
    usual = found[0]
    target = canonical(usual.dims)
    goal = next((r for r in readings(target) if r.dims == usual.dims), None)
    if goal is None:  # a quantity spelled with a unit the tables do not list: keep the bases' factor
        return _scale(value, usual.factor), target
    return _scale(value, usual.factor / goal.factor), target


def canonical_unit(unit_text: str | None, expect: str | None = None) -> str | None:
    """The canonical unit a written unit converts to (None for "no unit")."""
    unit = normalise(0.0, unit_text, expect)[1]
    return unit or None


def split_unit(cell: str | None) -> tuple[str, str | None]:
    """A name cell with its unit in brackets or after a slash → (name, unit); (cell, None) otherwise.

    "单位工业增加值综合能耗（吨标煤/万元）" → ("单位工业增加值综合能耗", "吨标煤/万元"); a bracket that is
    not a unit ("（特色指标）", "（2020年）") stays part of the name.
    """
    text = (cell or "").strip()
    match = _TRAILING_BRACKET.match(text)
    if match and match.group("name").strip() and is_unit(match.group("unit")):
        return match.group("name").strip(), match.group("unit").strip()
    for index, ch in enumerate(text):
        if ch in "/／" and 0 < index < len(text) - 1:
            head, tail = text[:index].strip(), text[index + 1 :].strip()
            if head and not is_unit(head) and is_unit(tail):
                return head, tail
    return text, None


def unit_in_cell(cell: str | None) -> str | None:
    """The unit written after a number in a value cell ("≥90%" → %, "3.74亿元" → 亿元), if known."""
    match = _NUMBER_THEN_REST.match(unicodedata.normalize("NFKC", cell or "").replace(" ", ""))
    if not match:
        return None
    rest = match.group("rest")
    return rest if rest and is_unit(rest) else None


def expected_unit(name: str) -> str | None:
    """The unit an indicator's name implies where a spelling is ambiguous (水耗 → 立方米/万元)."""
    return next((h.unit for h in tables().hints if any(w in name for w in h.words)), None)


def _display(unit_text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", unit_text or ""))


__all__ = [
    "Reading",
    "canonical",
    "canonical_unit",
    "expected_unit",
    "is_none_unit",
    "is_unit",
    "key",
    "normalise",
    "readings",
    "split_unit",
    "unit_in_cell",
]
