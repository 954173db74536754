"""PDF tables: ruled tables (pdfplumber's geometry run on PDFium's edges, see pdf_pages) placed
on a grid with their spans, and tables that a page break cut in two stitched back together.

pdfplumber does not stitch (its maintainer declined, pdfplumber#922), so this is ours: a table
that opens a page continues the table that closed the previous one when the columns line up;
a repeated header row is dropped and a row cut mid-cell is rejoined.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.model import Table, TableCell
from extractors.text import join_cjk

_TOLERANCE = 3.0  # points: column edges of one table drawn on two pages
_CJK_WRAP = re.compile(r"(?<=[^\x00-\x7f])\n(?=[^\x00-\x7f])")


@dataclass(frozen=True)
class PageTable:
    """A table as found on one page, with the geometry stitching needs."""

    table: Table
    page: int
    bbox: tuple[float, float, float, float]
    col_edges: tuple[float, ...]
    page_height: float

    @property
    def at_page_top(self) -> bool:
        """Starts in the top part of the page: only such a table can continue the previous page's."""
        return self.bbox[1] < self.page_height * 0.25

    @property
    def at_page_bottom(self) -> bool:
        """Ends in the bottom part of the page: only such a table can be continued on the next."""
        return self.bbox[3] > self.page_height * 0.7


def _unwrap(text: str | None) -> str:
    """Cell text wrapped inside a narrow cell: rejoin Chinese lines, keep a space between Latin ones."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return join_cjk(_CJK_WRAP.sub("", text).replace("\n", " ")).strip()


def read_tables(found, number: int, page_height: float, cell_text) -> list[PageTable]:
    """Tables found by pdfplumber's geometry (`found`: its Table objects), each on its grid with
    merged cells spanning slots; `cell_text(bbox)` reads the text inside a cell's box.
    """
    result = []
    for table in found:
        boxes = [c for c in table.cells if c is not None]
        if not boxes:
            continue
        xs = sorted({round(c[0], 1) for c in boxes})
        tops = sorted({round(c[1], 1) for c in boxes})
        cells = []
        for r, row in enumerate(table.rows):
            for box in row.cells:
                if box is None:
                    continue
                col = xs.index(round(box[0], 1))
                col_span = sum(1 for x in xs if box[0] - 0.5 <= x < box[2] - 0.5) or 1
                row_span = sum(1 for t in tops if box[1] - 0.5 <= t < box[3] - 0.5) or 1
                cells.append(TableCell(_unwrap(cell_text(box)), r, col, row_span, col_span))
        if not any(cell.text for cell in cells):
            continue
        right = max(c[2] for c in boxes)
        built = Table(
            cells=tuple(cells),
            n_rows=len(tops),
            n_cols=len(xs),
            page=number,
            end_page=number,
            row_pages=(number,) * len(tops),
        )
        result.append(PageTable(built, number, tuple(table.bbox), (*xs, round(right, 1)), page_height))
    return result


def _edge_map(first: tuple[float, ...], second: tuple[float, ...]) -> list[int] | None:
    """Where each column edge of `second` lies among `first`'s, if it continues the same table.

    A continuation may show fewer edges than the table it continues (its rows merge columns the
    first page's rows split), but never an edge the first page lacks, and the outer edges agree.
    """
    mapped = []
    for x in second:
        index = next((i for i, y in enumerate(first) if abs(x - y) <= _TOLERANCE), None)
        if index is None:
            return None
        mapped.append(index)
    return mapped if mapped and mapped[0] == 0 and mapped[-1] == len(first) - 1 else None


def stitch_tables(
    tables: list[PageTable], text_at: Callable[[int, float, float], bool] | None = None
) -> list[tuple[float, int, Table]]:
    """Merge each table that continues one from the previous page; key results by (top, page).

    `text_at(page, top, bottom)` says whether body text stands between two heights of a page: a
    paragraph below the first table or above the second (a caption, a heading, 数据来源) means the
    second is a table of its own, however well the columns line up.
    """
    merged: list[PageTable] = []
    for item in tables:
        last = merged[-1] if merged else None
        mapping = _edge_map(last.col_edges, item.col_edges) if last is not None else None
        if (
            last is not None
            and mapping is not None
            and item.page == (last.table.end_page or last.page) + 1
            and last.at_page_bottom
            and item.at_page_top
            and not (
                text_at is not None
                and (
                    text_at(item.page - 1, last_bottom(last), last.page_height) or text_at(item.page, 0.0, item.bbox[1])
                )
            )
        ):
            merged[-1] = PageTable(
                _append(last.table, _on_grid(item.table, mapping), item.page),
                last.page,
                last.bbox,
                last.col_edges,
                last.page_height,
            )
        else:
            merged.append(item)
    return [(t.bbox[1], t.page, t.table) for t in merged]


def last_bottom(table: PageTable) -> float:
    """Where a (possibly stitched) table ends on its last page; stitched rows keep the first bbox,
    so for a table that already spans pages only its own page's bottom is known: the page's end.
    """
    return table.bbox[3] if (table.table.end_page or table.page) == table.page else table.page_height


def _on_grid(table: Table, mapping: list[int]) -> list[TableCell]:
    """The continuation's cells placed on the first table's columns."""
    return [
        TableCell(c.text, c.row, mapping[c.col], c.row_span, mapping[c.col + c.col_span] - mapping[c.col])
        for c in table.cells
    ]


def _row(cells: list[TableCell], row: int) -> list[TableCell]:
    """The distinct cells covering one row, left to right."""
    return sorted((c for c in cells if c.row <= row < c.row + c.row_span), key=lambda c: c.col)


def _append(first: Table, second: list[TableCell], page: int) -> Table:
    """Rows of `second` below `first`, without a repeated header and with a cut row rejoined."""
    cells = list(first.cells)
    last = _row(cells, first.n_rows - 1)
    top = 0
    while top < first.n_rows - 1 and [c.text for c in _row(second, top)] == [c.text for c in _row(cells, top)]:
        top += 1  # header rows repeated on the new page (a header may span two or more rows)
    head = _row(second, top)
    if _is_cut_row(last, head):
        cells = _rejoin(cells, last, head)
        top += 1
    offset = first.n_rows - top
    cells += [TableCell(c.text, c.row + offset, c.col, c.row_span, c.col_span) for c in second if c.row >= top]
    n_rows = max((c.row + c.row_span for c in cells), default=0)
    row_pages = first.row_pages + (page,) * (n_rows - first.n_rows)
    return Table(
        cells=tuple(cells), n_rows=n_rows, n_cols=first.n_cols, page=first.page, end_page=page, row_pages=row_pages
    )


def _is_cut_row(last: list[TableCell], head: list[TableCell]) -> bool:
    """A row the page break cut in two: the same cells as the last row, some left empty.

    A new row starts with its first cell (序号, 名称) filled and fills at least as many cells;
    the remainder of a cut row leaves cells empty whose first part was on the previous page.
    Rows of equal structure are compared, so a full-width title row is never taken for one.
    """
    if not last or not head or [(c.col, c.col_span) for c in last] != [(c.col, c.col_span) for c in head]:
        return False
    if any(c.row_span > 1 for c in head):
        return False
    filled_last = sum(1 for c in last if c.text)
    filled_head = sum(1 for c in head if c.text)
    # An empty remainder (only the cell padding went over the break) is a cut row too.
    return filled_head < filled_last or (not head[0].text and bool(last[0].text))


def _rejoin(cells: list[TableCell], last: list[TableCell], head: list[TableCell]) -> list[TableCell]:
    extra = {c.col: c.text for c in head if c.text}
    targets = {id(c) for c in last if c.col in extra}
    return [
        TableCell(join_cjk(c.text + extra[c.col]), c.row, c.col, c.row_span, c.col_span) if id(c) in targets else c
        for c in cells
    ]
