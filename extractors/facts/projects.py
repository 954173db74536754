"""支撑项目 and 重点任务 from their tables: the plan's 支撑项目表 / 重点任务表 and the report's
completion tables (with each project's 完成情况). Investment is converted to 万元.

Tables are read by column role (`table_roles`); 合计 rows and repeated header rows are not
projects. A project named in two tables of one document is one fact, the later table filling
what the earlier left out (the plan's period, the report's status).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TypeVar

from extractors.facts.model import ProjectFact, Quote, TaskFact
from extractors.facts.numbers import clean, is_none, parse_number, parse_period
from extractors.facts.table_roles import Column, Row, TableKind, roled_tables
from extractors.facts.units import normalise, unit_in_cell
from extractors.model import Document

_MONEY = "万元"
Fact = TypeVar("Fact", ProjectFact, TaskFact)


def extract_projects(document: Document) -> tuple[ProjectFact, ...]:
    """Every project the document's project tables list, one fact per project name."""
    if document.raw is None:
        return ()
    facts = []
    for roled in roled_tables(document.raw.blocks, TableKind.PROJECT):
        layout = roled.layout
        for row in roled.rows():
            name = row.cell(layout.column("name"))
            if not name or is_none(name):
                continue
            start, end = parse_period(row.cell(layout.column("period")))
            facts.append(
                ProjectFact(
                    name=name,
                    content=_text(row, layout.column("content")),
                    start=start,
                    end=end,
                    owner=_text(row, layout.column("owner")),
                    investment_wan=investment(row, layout.column("investment")),
                    goal=_text(row, layout.column("goal")),
                    status=_text(row, layout.column("status")),
                    quote=Quote(row.page, row.text),
                )
            )
    return _merge(facts)


def extract_tasks(document: Document) -> tuple[TaskFact, ...]:
    """Every task the document's task tables list, one fact per task name."""
    if document.raw is None:
        return ()
    facts = []
    for roled in roled_tables(document.raw.blocks, TableKind.TASK):
        layout = roled.layout
        for row in roled.rows():
            name = row.cell(layout.column("name"))
            if not name or is_none(name):
                continue
            facts.append(
                TaskFact(
                    name=name,
                    content=_text(row, layout.column("content")),
                    due=_text(row, layout.column("due")),
                    department=_text(row, layout.column("department")),
                    goal=_text(row, layout.column("goal")),
                    quote=Quote(row.page, row.text),
                )
            )
    return _merge(facts)


def investment(row: Row, column: Column | None) -> float | None:
    """A project's investment in 万元: the cell's own unit (3.5亿元), else the header's, else 万元."""
    if column is None:
        return None
    cell = row.cell(column)
    amount = parse_number(cell) if not is_none(cell) else None
    if amount is None:
        return None
    unit = unit_in_cell(cell) or column.unit or _MONEY
    value, canonical = normalise(amount, unit, _MONEY)
    return value if canonical == _MONEY else amount


def _text(row: Row, column: Column | None) -> str | None:
    cell = row.cell(column)
    return cell if column is not None and cell and not is_none(cell) else None


def _merge(facts: list[Fact]) -> tuple[Fact, ...]:
    merged: dict[str, Fact] = {}
    for fact in facts:
        key = clean(fact.name)
        if key not in merged:
            merged[key] = fact
            continue
        kept = merged[key]
        missing = {f.name: getattr(fact, f.name) for f in fields(kept) if getattr(kept, f.name) is None}
        merged[key] = replace(kept, **{k: v for k, v in missing.items() if v is not None})
    return tuple(merged.values())


__all__ = ["extract_projects", "extract_tasks", "investment"]
