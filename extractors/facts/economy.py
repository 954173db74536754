"""Yearly economic data (工业增加值, 工业总产值, 地区生产总值 by year) and the growth rates stated
for it, from tables and sentences, so checks can see which years the 经济状况 covers (附件3 一 2:
近三年) and recompute the rates (第十八条(六)).

Tables are read with years as column headers or as the first column; sentences as a period with
a list (2021—2023年…工业总产值分别为A亿元、B亿元、C亿元), or a year with an amount and its
同比增长. Amounts are in 万元; vocabulary and patterns are data (`data/economy.toml`).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from extractors.facts.model import EconomyFact, GrowthFact, Quote
from extractors.facts.numbers import clean, parse_number, parse_year
from extractors.facts.units import normalise, split_unit
from extractors.model import Document, Table, TextBlock
from extractors.outline import DATA_DIR

_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_CLAUSE_END = re.compile(r"(?<=[，,。；])")
_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}年?(?:度)?$")


class Measure(BaseModel):
    """Something counted by year in money: its id, name and the other names written for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    aliases: tuple[str, ...] = ()


class TextPatterns(BaseModel):
    """The sentence patterns of data/economy.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    period: str
    year: str
    amount: str
    year_on_year: str
    average: str
    not_nominal: tuple[str, ...]


class TableWords(BaseModel):
    """Table vocabulary."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    growth_words: tuple[str, ...]


class EconomyWords(BaseModel):
    """data/economy.toml, validated; patterns compiled once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    measures: tuple[Measure, ...]
    not_after: tuple[str, ...]
    text: TextPatterns
    table: TableWords

    def names(self) -> list[tuple[str, Measure]]:
        """Every written name with its measure, longest first (规模以上工业增加值 before 工业增加值)."""
        pairs = [(n, m) for m in self.measures for n in (m.name, *m.aliases)]
        return sorted(pairs, key=lambda p: -len(p[0]))

    def pattern(self, key: str) -> re.Pattern[str]:
        """A compiled text pattern."""
        return _compiled(getattr(self.text, key))


@lru_cache(maxsize=32)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=1)
def economy_words() -> EconomyWords:
    """The vocabulary, validated; a bad pattern fails at load naming its key."""
    with open(DATA_DIR / "economy.toml", "rb") as handle:
        words = EconomyWords.model_validate(tomllib.load(handle))
    for key, spec in TextPatterns.model_fields.items():
        if spec.annotation is not str:
            continue
        try:
            words.pattern(key)
        except re.error as exc:
            raise ValueError(f"economy.toml: text.{key}: {exc}") from exc
    return words


def measure_in(text: str) -> tuple[Measure, int] | None:
    """The measure a text names (longest name wins) and where that name ends."""
    words = economy_words()
    for name, measure in words.names():
        for match in re.finditer(re.escape(name), text):
            if not text[: match.start()].endswith(words.not_after):
                return measure, match.end()
    return None


def is_measure_name(name: str) -> bool:
    """Whether a name, as a table row writes it without its unit, is one of the economic measures
    (an amount counted by year, not an indicator of the 《标准》).
    """
    return any(name == written for written, _ in economy_words().names())


def _wan(number: str, unit: str | None) -> float | None:
    value = parse_number(number)
    return None if value is None else normalise(value, unit or "万元", expect="万元")[0]


# -- sentences -------------------------------------------------------------------------------------


def _own_clauses(clauses: list[str], index: int) -> str:
    """The clause naming a measure and those after it up to the next that names another."""
    own = [clauses[index]]
    for clause in clauses[index + 1 :]:
        if measure_in(clause) is not None:
            break
        own.append(clause)
    return "".join(own)


def _sentence_facts(text: str, page: int | None) -> tuple[list[EconomyFact], list[GrowthFact]]:
    words = economy_words()
    values: list[EconomyFact] = []
    growth: list[GrowthFact] = []
    sentence = clean(text)
    period = words.pattern("period").search(sentence)
    year_match = words.pattern("year").search(sentence)
    quote = Quote(page, text.strip())
    comparable = any(w in sentence for w in words.text.not_nominal)  # 按可比价: not computable from amounts
    clauses = _CLAUSE_END.split(sentence)
    for index, clause in enumerate(clauses):
        found = measure_in(clause)
        if found is None:
            continue
        measure, after = found
        rest = clause[after:]
        amounts = list(words.pattern("amount").finditer(rest))
        if period and "分别" in rest and amounts:
            start, end = int(period.group("start")), int(period.group("end"))
            if len(amounts) == end - start + 1:
                for year, amount in zip(range(start, end + 1), amounts, strict=True):
                    if (v := _wan(amount.group("number"), amount.group("unit"))) is not None:
                        values.append(EconomyFact(measure.name, year, v, quote))
        elif year_match and len(amounts) == 1 and not period:
            year = int(year_match.group("year"))
            if (v := _wan(amounts[0].group("number"), amounts[0].group("unit"))) is not None:
                values.append(EconomyFact(measure.name, year, v, quote))
            yoy = words.pattern("year_on_year").search(_own_clauses(clauses, index))
            if yoy and not comparable:
                rate = yoy.group("rate")
                growth.append(GrowthFact(measure.name, year - 1, year, float(rate), rate, quote))
        average = words.pattern("average").search(rest)
        if average and period and not comparable:
            start, end = int(period.group("start")), int(period.group("end"))
            rate = average.group("rate")
            growth.append(GrowthFact(measure.name, start, end, float(rate), rate, quote))
    return values, growth


# -- tables ----------------------------------------------------------------------------------------


def _is_growth(label: str) -> bool:
    return any(w in label for w in economy_words().table.growth_words)


def _series(table: Table) -> list[tuple[str, list[tuple[int, str, int]]]]:
    """(label, [(year, cell, row)]) for each row (years across the header) or column (years down the first column)."""
    rows = table.text_rows()
    header = rows[0]
    across = [(c, parse_year(cell)) for c, cell in enumerate(header) if _YEAR_CELL.match(clean(cell))]
    if len(across) >= 2:
        return [(row[0], [(y, row[c], r) for c, y in across]) for r, row in enumerate(rows[1:], 1) if row]
    down = [(r, parse_year(row[0])) for r, row in enumerate(rows[1:], 1) if row and _YEAR_CELL.match(clean(row[0]))]
    if len(down) >= 2:
        return [(label, [(y, rows[r][c], r) for r, y in down]) for c, label in enumerate(header) if c > 0]
    return []


def _table_facts(table: Table) -> tuple[list[EconomyFact], list[GrowthFact]]:
    values: list[EconomyFact] = []
    growth: list[GrowthFact] = []
    last: str | None = None
    for label, cells in _series(table):
        name, unit = split_unit(clean(label))
        found = measure_in(name)
        growing = _is_growth(name)
        if found is None and not (growing and last):
            continue
        measure = found[0].name if found else last
        last = measure
        for year, cell, row in cells:
            number = parse_number(cell)
            if number is None or year is None:
                continue
            quote = Quote(table.page_of_row(row), "　".join(c for c in table.text_rows()[row] if c.strip()))
            if growing:
                growth.append(GrowthFact(measure, year - 1, year, number, clean(cell), quote))
            elif (v := _wan(cell, unit)) is not None:
                values.append(EconomyFact(measure, year, v, quote))
    return values, growth


def extract_economy(document: Document) -> tuple[tuple[EconomyFact, ...], tuple[GrowthFact, ...]]:
    """Every yearly amount and stated growth rate of the document, in reading order."""
    if document.raw is None:
        return (), ()
    values: list[EconomyFact] = []
    growth: list[GrowthFact] = []
    for block in document.raw.blocks:
        if isinstance(block, Table):
            v, g = _table_facts(block)
        elif isinstance(block, TextBlock):
            v, g = [], []
            for sentence in _SENTENCE_END.split(block.text):
                if sentence.strip():
                    sv, sg = _sentence_facts(sentence, block.page)
                    v += sv
                    g += sg
        else:
            continue
        values += v
        growth += g
    return tuple(values), tuple(growth)


def extract_economic_values(document: Document) -> tuple[EconomyFact, ...]:
    """The yearly amounts alone (the facts extractor's entry for `Facts.economy`)."""
    return extract_economy(document)[0]


def extract_growth(document: Document) -> tuple[GrowthFact, ...]:
    """The stated growth rates alone (the facts extractor's entry for `Facts.growth`)."""
    return extract_economy(document)[1]


__all__ = ["EconomyWords", "Measure", "economy_words", "extract_economic_values", "extract_economy", "extract_growth"]
