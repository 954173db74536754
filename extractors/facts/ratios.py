"""Rates with their raw numerator and denominator, from raw-data tables (数据支撑材料's 原始数据,
a report's 计算过程), so a check can recompute them (第十八条(六) 指标计算…结果的准确性).

One fact per table row: the year, both raw numbers in their written units, and the value the
document states. Which column is the numerator is read from the formula the document writes
beside the table, else from the definitions in `data/ratios.toml`; a table that says neither is
left alone rather than guessed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from extractors.facts.catalogue import match_indicator
from extractors.facts.model import Quote, RatioFact
from extractors.facts.numbers import clean, parse_number, parse_year
from extractors.facts.units import normalise, readings, split_unit
from extractors.model import Document, Table, TextBlock
from extractors.outline import DATA_DIR

_CAPTION_TAIL = re.compile(r"(原始数据|基础数据|计算表|统计表)$")
_CAPTION_HEAD = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+(?:[-—－.．]\d+)?\s*")


class RateDefinition(BaseModel):
    """Words naming a rate's raw columns when no formula is written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]


class RatioWords(BaseModel):
    """The table and formula vocabulary of data/ratios.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value_headers: tuple[str, ...]
    year_headers: tuple[str, ...]
    formula: str
    formula_window: int
    rates: tuple[RateDefinition, ...] = ()

    @property
    def formula_pattern(self) -> re.Pattern[str]:
        """The formula as a compiled pattern."""
        return re.compile(self.formula)


@lru_cache(maxsize=1)
def ratio_words() -> RatioWords:
    """data/ratios.toml, validated (a bad file fails naming its key)."""
    with open(DATA_DIR / "ratios.toml", "rb") as handle:
        words = RatioWords.model_validate(tomllib.load(handle))
    words.formula_pattern  # noqa: B018 - a bad pattern fails here, at load
    return words


@dataclass(frozen=True)
class Column:
    """A raw-data column: its index, the quantity it names and its unit."""

    index: int
    label: str
    unit: str | None


@dataclass(frozen=True)
class Formula:
    """What the document says the rate is: name = numerator ÷ denominator."""

    name: str
    numerator: str
    denominator: str


def _columns(header: list[str]) -> tuple[Column | None, Column | None, list[Column]]:
    """(year column, value column, raw columns) of a raw-data table's header."""
    words = ratio_words()
    year = value = None
    raw: list[Column] = []
    for index, cell in enumerate(header):
        label, unit = split_unit(clean(cell))
        if year is None and label in words.year_headers:
            year = Column(index, label, None)
        elif value is None and any(label.startswith(w) or label.endswith(w) for w in words.value_headers):
            value = Column(index, label, unit)
        elif unit is not None:
            raw.append(Column(index, label, unit))
    return year, value, raw


def _formula_after(blocks, index: int) -> Formula | None:
    words = ratio_words()
    for block in blocks[index + 1 : index + 1 + words.formula_window]:
        if not isinstance(block, TextBlock):
            break
        match = words.formula_pattern.search(clean(block.text))
        if match:
            name = re.sub(r"^.*?(计算方法|计算公式|公式)", "", match.group("name")).strip()
            return Formula(name, match.group("numerator").strip(), match.group("denominator").strip())
    return None


def _caption_before(blocks, index: int) -> str | None:
    for block in reversed(blocks[max(0, index - 2) : index]):
        if isinstance(block, TextBlock) and block.text.strip():
            text = _CAPTION_TAIL.sub("", _CAPTION_HEAD.sub("", clean(block.text)))
            return re.sub(r"^[（(][一二三四五六七八九十\d]+[)）]", "", text) or None
    return None


def _names(label: str, written: str) -> bool:
    """Whether a column label and a formula's term name the same quantity (one contains the other)."""
    return bool(label) and (label in written or written in label)


def _pick(raw: list[Column], formula: Formula | None, name: str | None) -> tuple[Column, Column] | None:
    """The numerator and denominator columns, by the formula's words or the rate's definition."""
    if formula is not None:
        num = next((c for c in raw if _names(c.label, formula.numerator)), None)
        den = next((c for c in raw if _names(c.label, formula.denominator)), None)
        if num is not None and den is not None and num is not den:
            return num, den
    known = match_indicator(name)
    definition = next((d for d in ratio_words().rates if known and d.indicator == known.id), None)
    if definition is None:
        return None
    num = next((c for c in raw if any(w in c.label for w in definition.numerator)), None)
    den = next((c for c in raw if any(w in c.label for w in definition.denominator)), None)
    return (num, den) if num is not None and den is not None and num is not den else None


def scale(numerator_unit: str | None, denominator_unit: str | None, value_unit: str | None) -> float | None:
    """What numerator ÷ denominator is multiplied by to give the value in its unit (100 for %), or None."""
    if not value_unit:
        return 1.0
    if value_unit == "%":
        if not numerator_unit or not denominator_unit:
            return None
        converted, unit = normalise(1.0, numerator_unit, denominator_unit)
        return 100.0 * converted if unit == denominator_unit or not readings(numerator_unit) else None
    converted, unit = normalise(1.0, f"{numerator_unit}/{denominator_unit}", value_unit)
    return converted if unit == value_unit else None


def _facts_of_table(table: Table, name: str, columns: tuple[Column, Column, Column, Column | None]) -> list[RatioFact]:
    num, den, value, year = columns
    factor = scale(num.unit, den.unit, value.unit)
    if factor is None:
        return []
    facts = []
    rows = table.text_rows()
    for r, row in enumerate(rows[1:], 1):
        n, d, v = (parse_number(row[c.index]) for c in (num, den, value))
        if n is None or d is None or v is None or d == 0:
            continue
        facts.append(
            RatioFact(
                name=name,
                year=parse_year(row[year.index]) if year else None,
                numerator=n,
                denominator=d,
                stated=v,
                stated_text=clean(row[value.index]),
                unit=value.unit or "",
                factor=factor,
                quote=Quote(table.page_of_row(r), "　".join(c for c in row if c.strip())),
            )
        )
    return facts


def extract_ratios(document: Document) -> tuple[RatioFact, ...]:
    """Every row of every raw-data table whose numerator and denominator can be told apart."""
    if document.raw is None:
        return ()
    blocks = document.raw.blocks
    found: list[RatioFact] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Table) or block.n_rows < 2:
            continue
        year, value, raw = _columns(block.text_rows()[0])
        if value is None or len(raw) < 2:
            continue
        formula = _formula_after(blocks, index)
        name = formula.name if formula else _caption_before(blocks, index)
        picked = _pick(raw, formula, name)
        if picked is None or not name:
            continue
        found += _facts_of_table(block, name, (*picked, value, year))
    return tuple(found)


__all__ = ["RateDefinition", "RatioWords", "extract_ratios", "ratio_words", "scale"]
