"""Indicators from a document's indicator tables: the plan's 目标指标表, the report's 达标情况 table,
the data support's summary table. One fact per indicator, numbers in canonical units.

Tables are read by column role (`table_roles`), so column order and wording do not matter. What
a column means can depend on the document: a plan's 现状值 is its baseline, a report's is the
achieved value. A header that names no year takes the year the text around the table states
(以2020年为基准年, 评价时段为2021年至2023年), because that is how the documents write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from extractors.facts.catalogue import match_indicator
from extractors.facts.economy import is_measure_name
from extractors.facts.model import IndicatorFact, Quote
from extractors.facts.numbers import clean, is_none, parse_number, parse_year
from extractors.facts.table_roles import Column, Layout, Row, TableKind, claim, roled_tables, words
from extractors.facts.units import expected_unit, is_none_unit, normalise, split_unit, unit_in_cell
from extractors.model import Block, Document, DocumentKind, TextBlock

# Documents whose 现状值 is the state in the baseline year, not an achieved value.
_PLANNING_KINDS = frozenset({DocumentKind.IMPLEMENTATION_PLAN, DocumentKind.FILING_FORM})
_NAME_MARKS = re.compile(r"[*＊※△▲]+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class YearStatement:
    """A year the text states: which (baseline, target, start, end of 评价时段) and where."""

    block_index: int
    which: str
    year: int


@dataclass(frozen=True)
class TableYears:
    """The years that apply to one table when its header names none."""

    baseline: int | None = None
    target: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ValueColumns:
    """The columns an indicator row is read from, as this document means them, with their years."""

    name: Column | None
    unit: Column | None
    standard: Column | None
    claim: Column | None
    baseline: Column | None
    target: Column | None
    value: Column | None
    baseline_year: int | None
    target_year: int | None
    value_year: int | None


def extract_indicators(document: Document) -> tuple[IndicatorFact, ...]:
    """Every indicator the document's indicator tables state, one fact per indicator."""
    if document.raw is None:
        return ()
    blocks = document.raw.blocks
    statements = stated_years(blocks)
    facts: list[IndicatorFact] = []
    for roled in roled_tables(blocks, TableKind.INDICATOR):
        columns = value_columns(roled.layout, document.kind, years_near(roled.block_index, statements))
        table_facts = [fact for row in roled.rows() if (fact := _fact(row, columns)) is not None]
        if not all(fact.standard_id is None and is_measure_name(fact.name) for fact in table_facts):
            facts += table_facts  # a table of economic measures only (the 经济状况 表1-1) states no indicator
    return merge(facts)


# -- years the text states -------------------------------------------------------------------------


def stated_years(blocks: tuple[Block, ...]) -> tuple[YearStatement, ...]:
    """Every baseline year, target year and 评价时段 the running text states, in reading order."""
    patterns = words().years
    found: list[YearStatement] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, TextBlock):
            continue
        text = clean(block.text)
        for which, group_patterns in (("baseline", patterns.baseline), ("target", patterns.target)):
            for pattern in group_patterns:
                if (match := pattern.search(text)) and (year := parse_year(match.group(which))):
                    found.append(YearStatement(index, which, year))
                    break
        for pattern in patterns.evaluation:
            if match := pattern.search(text):
                for which in ("start", "end"):
                    if year := parse_year(match.group(which)):
                        found.append(YearStatement(index, which, year))
                break
    return tuple(found)


def years_near(block_index: int, statements: tuple[YearStatement, ...]) -> TableYears:
    """For each kind of year, the statement closest before the table, else the first after it."""
    chosen: dict[str, int] = {}
    for which in ("baseline", "target", "start", "end"):
        own = [s for s in statements if s.which == which]
        before = [s for s in own if s.block_index < block_index]
        pick = before[-1] if before else (own[0] if own else None)
        if pick is not None:
            chosen[which] = pick.year
    return TableYears(**chosen)


# -- columns as this document means them ---------------------------------------------------------------


def value_columns(layout: Layout, kind: DocumentKind, years: TableYears) -> ValueColumns:
    """Which column is baseline, target and achieved value here, and of which year.

    Several value columns headed by years (2020年 | 2023年) are a series: the earliest is the
    baseline unless a baseline column exists. In a plan the state it reports is the baseline,
    and a later year's column is the target.
    """
    baseline, target = layout.column("baseline"), layout.column("target")
    values = sorted(layout.columns_of("value"), key=lambda c: (c.year is None, c.year or 0, c.index))
    value = values[-1] if values else None
    if len(values) >= 2 and all(c.year for c in values) and baseline is None:
        baseline, values = values[0], values[1:]
        value = values[-1]
    if kind in _PLANNING_KINDS and value is not None:
        if baseline is None:
            baseline, value = value, None
        elif target is None and value.year and baseline.year and value.year > baseline.year:
            target, value = value, None
    baseline_year = (baseline.year if baseline else None) or years.baseline or years.start
    value_year = (value.year if value else None) or years.end
    target_year = (target.year if target else None) or years.target
    return ValueColumns(
        name=layout.column("name"),
        unit=layout.column("unit"),
        standard=layout.column("standard"),
        claim=layout.column("claim"),
        baseline=baseline,
        target=target,
        value=value,
        baseline_year=baseline_year if baseline else None,
        target_year=target_year if target else None,
        value_year=value_year if value else None,
    )


# -- one row ---------------------------------------------------------------------------------------


def _fact(row: Row, columns: ValueColumns) -> IndicatorFact | None:
    written_name = row.cell(columns.name)
    name, unit_in_name = split_unit(written_name)
    name = _NAME_MARKS.sub("", name).strip()
    if not name or (parse_number(name) is not None and clean(name).replace(".", "").isdigit()):
        return None
    unit_written = _unit_as_written(row, columns, unit_in_name)
    unit_written = _SPACES.sub("", unit_written) if unit_written else None
    known = match_indicator(name)
    expect = (known.unit if known else None) or expected_unit(name)
    canonical = None if unit_written is None else (normalise(0.0, unit_written, expect)[1] or None)

    def number(column: Column | None) -> float | None:
        cell = row.cell(column)
        value = parse_number(cell) if column is not None and not is_none(cell) else None
        if value is None:
            return None
        unit = unit_in_cell(cell) or unit_written
        return normalise(value, unit, canonical or expect)[0] if unit else value

    value_cell = row.cell(columns.value)
    claims_met = claim(row.cell(columns.claim)) if columns.claim is not None else None
    if claims_met is None and columns.value is not None and parse_number(value_cell) is None:
        claims_met = claim(value_cell)  # 完成情况 written as 达标 / 未达标
    standard = row.cell(columns.standard)
    return IndicatorFact(
        name=name,
        standard_id=known.id if known else None,
        unit=canonical,
        unit_as_written=unit_written,
        baseline=number(columns.baseline),
        baseline_year=columns.baseline_year,
        target=number(columns.target),
        target_year=columns.target_year,
        value=number(columns.value),
        year=columns.value_year,
        requirement=standard if columns.standard is not None and not is_none(standard) else None,
        claims_met=claims_met,
        quote=Quote(row.page, row.text),
    )


def _unit_as_written(row: Row, columns: ValueColumns, unit_in_name: str | None) -> str | None:
    """The unit the row is written in: its unit cell, the name's bracket, a header's, or a value cell's."""
    if columns.unit is not None:
        cell = row.cell(columns.unit)
        if cell and not is_none_unit(cell):
            return cell
        if cell:
            return None  # — : dimensionless, written so
    if unit_in_name:
        return unit_in_name
    for column in (columns.value, columns.target, columns.baseline):
        if column is not None and column.unit:
            return column.unit
    for column in (columns.value, columns.target, columns.baseline, columns.standard):
        if column is not None and (unit := unit_in_cell(row.cell(column))):
            return unit
    return None


# -- one fact per indicator ------------------------------------------------------------------------


def indicator_key(fact: IndicatorFact) -> str:
    """What makes two facts the same indicator: the catalogue id, else the name without spaces."""
    return fact.standard_id or clean(fact.name)


def merge(facts: list[IndicatorFact]) -> tuple[IndicatorFact, ...]:
    """One fact per indicator, in first-seen order; a later table fills what an earlier left empty."""
    merged: dict[str, IndicatorFact] = {}
    for fact in facts:
        key = indicator_key(fact)
        if key not in merged:
            merged[key] = fact
            continue
        kept = merged[key]
        missing = {f.name: getattr(fact, f.name) for f in fields(kept) if getattr(kept, f.name) is None}
        merged[key] = replace(kept, **{k: v for k, v in missing.items() if v is not None})
    return tuple(merged.values())


__all__ = [
    "TableYears",
    "ValueColumns",
    "YearStatement",
    "extract_indicators",
    "indicator_key",
    "merge",
    "stated_years",
    "value_columns",
    "years_near",
]
