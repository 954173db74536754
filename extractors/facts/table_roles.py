"""What a table is (indicator, project, task or data-method table) and what each column holds, from its header.

Consultancies name columns freely (基准值 / 基准年 / 基准值（2020年）, 投资金额（万元） / 总投资（亿元）),
merge header cells over two rows ("指标值" over "基准年 | 目标年") and sometimes start a table with a
title row. The words are data (data/table_roles.toml); this module only decides which header
rows there are, which role each column takes, and which body rows are data rather than a repeated
header or a 合计 row, so the indicator and project extractors read columns by role, not position.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from extractors.facts.numbers import clean, parse_number, parse_year
from extractors.facts.units import is_unit, split_unit
from extractors.model import Block, Table, TextBlock
from extractors.outline import DATA_DIR
from extractors.text import join_cjk, squash

_YEAR_TEXT = re.compile(r"[（(]?(?:(?:1[89]|2[01])\d\d|[〇零一二三四五六七八九]{4})年?度?(?:末|底)?[）)]?")
_EMPTY_BRACKETS = re.compile(r"[（(][）)]|[:：]$")
_UNIT_LABEL = re.compile(r"^(?P<label>[^:：]{1,6})[:：](?P<unit>.+)$")
_MAX_HEADER_START = 3  # a header starts within the first rows (after title rows)
_CONTINUATION_GAP = 2  # text blocks allowed between a table and its continuation
_CONTINUATION_TEXT = 40  # …and how long they may be (a caption such as 续表2-1, a page header)


class TableKind(StrEnum):
    """The tables facts are read from."""

    INDICATOR = "indicator"
    PROJECT = "project"
    TASK = "task"
    METHOD = "method"  # 附件3 三: each indicator's data-collection method, source, calculation


@dataclass(frozen=True)
class KindSpec:
    """One kind of table: the words of each column role, and the roles it must have."""

    kind: TableKind
    roles: tuple[tuple[str, tuple[str, ...]], ...]  # in precedence order
    required: tuple[str, ...]
    any_of: tuple[str, ...]


@dataclass(frozen=True)
class YearPatterns:
    """How a document states its baseline year, target year and evaluation period."""

    baseline: tuple[re.Pattern[str], ...]
    target: tuple[re.Pattern[str], ...]
    evaluation: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class RoleWords:
    """The data file, read once."""

    kinds: tuple[KindSpec, ...]
    totals: tuple[str, ...]
    unit_labels: tuple[str, ...]
    met: tuple[str, ...]
    unmet: tuple[str, ...]
    years: YearPatterns


@dataclass(frozen=True)
class Column:
    """One column: its role, and the year and unit its header names."""

    index: int
    role: str | None
    year: int | None = None
    unit: str | None = None
    header: str = ""


@dataclass(frozen=True)
class Layout:
    """A recognised table: its kind, columns, and where its data rows start."""

    kind: TableKind
    columns: tuple[Column, ...]
    first_row: int
    header_keys: tuple[tuple[str, ...], ...] = ()  # each header row's cells, to spot a repeat
    unit: str | None = None  # the unit a title row gives the whole table ("单位：万元")

    def column(self, role: str) -> Column | None:
        """The first column with this role."""
        return next((c for c in self.columns if c.role == role), None)

    def columns_of(self, role: str) -> tuple[Column, ...]:
        """Every column with this role (several value columns of different years)."""
        return tuple(c for c in self.columns if c.role == role)

    def has(self, role: str) -> bool:
        """Whether any column has this role."""
        return any(c.role == role for c in self.columns)


@dataclass(frozen=True)
class Row:
    """A data row: its grid cells as clean text, and the page it is printed on."""

    index: int
    page: int | None
    cells: tuple[str, ...]
    text: str  # the row as one line, for quoting

    def cell(self, column: Column | None) -> str:
        """The text in a column ("" when the table has no such column)."""
        return self.cells[column.index] if column is not None and column.index < len(self.cells) else ""


@dataclass(frozen=True)
class RoledTable:
    """A table with its layout and where it sits among the document's blocks."""

    block_index: int
    table: Table
    layout: Layout

    def rows(self) -> list[Row]:
        """The data rows, without repeated header rows, 合计 rows and full-width group rows."""
        return data_rows(self.table, self.layout)


@lru_cache(maxsize=1)
def words() -> RoleWords:
    """The role words, read once."""
    with open(DATA_DIR / "table_roles.toml", "rb") as handle:
        data = tomllib.load(handle)
    kinds = tuple(
        KindSpec(
            TableKind(name),
            tuple((role, tuple(clean(w) for w in ws)) for role, ws in spec["roles"].items()),
            tuple(spec["required"]),
            tuple(spec["any_of"]),
        )
        for name, spec in data["kind"].items()
    )
    years = data["years"]
    return RoleWords(
        kinds=kinds,
        totals=tuple(clean(w) for w in data["rows"]["total"]),
        unit_labels=tuple(clean(w) for w in data["rows"]["unit_label"]),
        met=tuple(clean(w) for w in data["claims"]["met"]),
        unmet=tuple(clean(w) for w in data["claims"]["unmet"]),
        years=YearPatterns(
            *(tuple(re.compile(p) for p in years[part]) for part in ("baseline", "target", "evaluation"))
        ),
    )


def cell_text(text: str | None) -> str:
    """A cell as one clean line: wrapped lines joined, PDF spaces between CJK characters removed."""
    return join_cjk(squash(text or ""))


# -- header ----------------------------------------------------------------------------------------


def header_parts(text: str) -> tuple[str, int | None, str | None]:
    """A header cell → (its words without year and unit, the year it names, the unit it names)."""
    compacted = clean(text)
    year = parse_year(compacted)
    words_only = _YEAR_TEXT.sub("", compacted) if year is not None else compacted
    name, unit = split_unit(words_only)
    return _EMPTY_BRACKETS.sub("", name), year, unit


def _score(core: str, candidates: tuple[str, ...]) -> int:
    """How well a header names a role: equal beats contained, longer beats shorter."""
    best = 0
    for word in candidates:
        if core == word:
            best = max(best, 1000 + len(word))
        elif word and word in core:
            best = max(best, len(word))
    return best


def role_of(text: str, spec: KindSpec) -> str | None:
    """The role a header cell's words name in a kind of table (None when none)."""
    core = header_parts(text)[0]
    if not core:
        return None
    best_role, best = None, 0
    for role, candidates in spec.roles:
        score = _score(core, candidates)
        if score > best:
            best_role, best = role, score
    return best_role


def _column(index: int, texts: list[str], spec: KindSpec, table_unit: str | None) -> Column:
    """A column from its header texts, lowest (most specific) first: the first that names a role wins."""
    role = year = unit = None
    for text in texts:
        _, text_year, text_unit = header_parts(text)
        year = year if year is not None else text_year
        unit = unit or text_unit
        role = role or role_of(text, spec)
    if role is None and year is not None and spec.kind == TableKind.INDICATOR:
        role = "value"  # a column headed only by a year holds that year's values
    return Column(index, role, year, unit or table_unit, " / ".join(reversed(texts)))


def _header_depth(table: Table, grid: list[list], top: int) -> int:
    """How many rows the header at `top` takes: its vertical merges, or a spanning cell's sub-row."""
    row = [c for c in grid[top] if c is not None]
    depth = max((c.row + c.row_span - top for c in row if c.row <= top), default=1)
    spans_columns = any(c.col_span > 1 and c.col_span < table.n_cols for c in row)
    if depth == 1 and spans_columns and top + 1 < table.n_rows and _looks_like_header(grid[top + 1]):
        depth = 2
    return max(1, depth)


def _looks_like_header(cells: list) -> bool:
    """A row of words and years only (no data number), at least one a known header word."""
    texts = [c.text for c in cells if c is not None and c.text.strip()]
    if not texts:
        return False
    for text in texts:
        number = parse_number(text)
        if number is not None and parse_year(text) is None:
            return False
    return any(role_of(t, spec) for t in texts for spec in words().kinds) or all(parse_year(t) for t in texts)


def _is_title_row(cells: list, n_cols: int) -> bool:
    """A row that is one cell across the table (a caption or 单位：万元 inside the table)."""
    distinct = {id(c) for c in cells if c is not None}
    return n_cols > 1 and len(distinct) == 1


def _table_unit(text: str) -> str | None:
    """The unit a title row gives the whole table: "单位：万元" → 万元."""
    match = _UNIT_LABEL.match(clean(text))
    if match and match.group("label") in words().unit_labels and is_unit(match.group("unit")):
        return match.group("unit")
    return None


def recognise(table: Table) -> Layout | None:
    """The table's kind and column roles, or None when it is none of the tables facts come from."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    grid = table.grid()
    table_unit = None
    for top in range(min(_MAX_HEADER_START, table.n_rows - 1)):
        if _is_title_row(grid[top], table.n_cols):
            cell = next(c for c in grid[top] if c is not None)
            table_unit = table_unit or _table_unit(cell.text)
            continue
        layout = _layout_at(table, grid, top, table_unit)
        if layout is not None:
            return layout
    return None


def _layout_at(table: Table, grid: list[list], top: int, table_unit: str | None) -> Layout | None:
    depth = _header_depth(table, grid, top)
    if top + depth > table.n_rows:
        return None
    header_rows = range(top, top + depth)
    texts_by_column = []
    for col in range(table.n_cols):
        texts: list[str] = []
        for r in reversed(header_rows):  # lowest first
            cell = grid[r][col]
            if cell is not None and cell.text.strip() and cell.text not in texts:
                texts.append(cell.text)
        texts_by_column.append(texts)
    best: tuple[int, Layout] | None = None
    for spec in words().kinds:
        columns = tuple(_column(i, texts, spec, table_unit) for i, texts in enumerate(texts_by_column))
        roles = {c.role for c in columns}
        if not all(r in roles for r in spec.required) or not any(r in roles for r in spec.any_of):
            continue
        score = sum(1 for c in columns if c.role not in (None, "index"))
        if best is None or score > best[0]:
            keys = tuple(_row_key([grid[r][c] for c in range(table.n_cols)]) for r in header_rows)
            best = (score, Layout(spec.kind, columns, top + depth, keys, table_unit))
    return best[1] if best else None


def _row_key(cells: list) -> tuple[str, ...]:
    return tuple(clean(c.text) if c is not None else "" for c in cells)


# -- rows ------------------------------------------------------------------------------------------


def is_total(text: str) -> bool:
    """Whether a cell starts a 合计 row ("合计", "总计（万元）")."""
    core = header_parts(text)[0]
    return any(core == word or (core.startswith(word) and len(core) <= len(word) + 2) for word in words().totals)


def data_rows(table: Table, layout: Layout) -> list[Row]:
    """The rows holding data: not header rows or their repeats, not 合计 or full-width group rows.

    A row the page break cut in two, whose remainder follows a header repeated on the new page
    (the PDF reader rejoins a cut row only when no header row comes between), is rejoined here.
    """
    grid = table.grid()
    name = layout.column("name")
    name_headers = {clean(t) for t in (layout.columns[name.index].header.split(" / ") if name else [])}
    rows: list[Row] = []
    after_repeat = False
    for r in range(layout.first_row, table.n_rows):
        cells = grid[r]
        key = _row_key(cells)
        if _repeats_header(key, layout.header_keys) or _is_title_row(cells, table.n_cols):
            after_repeat = after_repeat or bool(rows)
            continue
        texts = tuple(cell_text(c.text) if c is not None else "" for c in cells)
        page = table.page_of_row(r)
        if after_repeat and _is_remainder(rows[-1], texts, page):
            rows[-1] = _rejoin(rows[-1], texts)
            continue
        after_repeat = False
        first = next((t for t in texts if t), "")
        if not first or is_total(first) or (name is not None and is_total(texts[name.index])):
            continue
        if name is not None and clean(texts[name.index]) in name_headers:
            after_repeat = True  # a header repeated on a new page, perhaps only its lower row
            continue
        distinct = []
        for cell in cells:
            if cell is not None and (not distinct or distinct[-1] is not cell):
                distinct.append(cell)
        rows.append(Row(r, page, texts, _line(cell_text(c.text) for c in distinct)))
    return rows


def _line(texts) -> str:
    return " | ".join(t for t in texts if t)


def _repeats_header(key: tuple[str, ...], header_keys: tuple[tuple[str, ...], ...]) -> bool:
    """Every filled cell of the row says what the header row says above it (a repeated header,
    perhaps with its vertically merged cells left empty on the new page).
    """
    return any(key) and any(all(k in ("", h) for k, h in zip(key, header, strict=False)) for header in header_keys)


def _is_remainder(previous: Row, texts: tuple[str, ...], page: int | None) -> bool:
    """The rest of the previous row, printed on the next page: first cell empty, fewer cells filled."""
    if page is None or previous.page is None or page <= previous.page or texts[0] or not previous.cells[0]:
        return False
    return 0 < sum(1 for t in texts if t) < sum(1 for t in previous.cells if t)


def _rejoin(previous: Row, texts: tuple[str, ...]) -> Row:
    cells = tuple(join_cjk(a + b) if b else a for a, b in zip(previous.cells, texts, strict=False))
    distinct = [t for i, t in enumerate(cells) if i == 0 or t != cells[i - 1]]
    return Row(previous.index, previous.page, cells, _line(distinct))


def claim(text: str) -> bool | None:
    """What a 达标情况 cell claims: True (达标), False (未达标), None (says neither)."""
    core = clean(text)
    if not core:
        return None
    met, unmet = _score(core, words().met), _score(core, words().unmet)
    if met == unmet:
        return None
    return met > unmet


# -- tables of a document ------------------------------------------------------------------------


def roled_tables(blocks: tuple[Block, ...], kind: TableKind | None = None) -> list[RoledTable]:
    """The recognised tables among a document's blocks (of one kind, if given).

    A table the author split by hand (a second table after a 续表 caption, no header of its own,
    same columns) continues the one before it and gets its layout.
    """
    found: list[RoledTable] = []
    previous: RoledTable | None = None
    gap: list[TextBlock] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            gap.append(block)
            continue
        layout = recognise(block)
        if layout is None and previous is not None and _continues(previous, block, gap):
            layout = Layout(
                previous.layout.kind, previous.layout.columns, 0, previous.layout.header_keys, previous.layout.unit
            )
        gap = []
        if layout is None:
            previous = None
            continue
        previous = RoledTable(index, block, layout)
        if kind is None or layout.kind == kind:
            found.append(previous)
    return found


def _continues(previous: RoledTable, table: Table, gap: list[TextBlock]) -> bool:
    if table.n_cols != previous.table.n_cols or len(gap) > _CONTINUATION_GAP:
        return False
    return all(len(clean(b.text)) <= _CONTINUATION_TEXT for b in gap)


__all__ = [
    "Column",
    "Layout",
    "RoledTable",
    "Row",
    "TableKind",
    "cell_text",
    "claim",
    "data_rows",
    "header_parts",
    "is_total",
    "recognise",
    "role_of",
    "roled_tables",
    "words",
]
