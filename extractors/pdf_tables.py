"""PDF tables: pdfplumber's ruled-table finder, cells placed on a grid with their spans, and
tables that a page break cut in two stitched back together.

pdfplumber does not stitch (its maintainer declined, pdfplumber#922), so this is ours: a table
that opens a page continues the table that closed the previous one when the columns line up;
a repeated header row is dropped and a row cut mid-cell is rejoined.
"""

from __future__ import annotations

import re
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
    return join_cjk(_CJK_WRAP.sub("", text).replace("\n", " ")).strip()


def read_tables(page, number: int) -> list[PageTable]:
    """The ruled tables of one page, each on its grid with merged cells spanning slots."""
    found = []
    for table in page.find_tables():
        boxes = [c for c in table.cells if c is not None]
        if not boxes:
            continue
        xs = sorted({round(c[0], 1) for c in boxes})
        tops = sorted({round(c[1], 1) for c in boxes})
        texts = table.extract()
        cells = []
        for r, row in enumerate(table.rows):
            for c, box in enumerate(row.cells):
                if box is None:
                    continue
                col = xs.index(round(box[0], 1))
                col_span = sum(1 for x in xs if box[0] - 0.5 <= x < box[2] - 0.5) or 1
                row_span = sum(1 for t in tops if box[1] - 0.5 <= t < box[3] - 0.5) or 1
                cells.append(TableCell(_unwrap(texts[r][c]), r, col, row_span, col_span))
        if len(tops) < 1 or len(xs) < 1 or not any(cell.text for cell in cells):
            continue
        right = max(c[2] for c in boxes)
        built = Table(cells=tuple(cells), n_rows=len(tops), n_cols=len(xs), page=number, end_page=number)
        found.append(PageTable(built, number, tuple(table.bbox), (*xs, round(right, 1)), float(page.height)))
    return found


def _same_columns(a: PageTable, b: PageTable) -> bool:
    return len(a.col_edges) == len(b.col_edges) and all(
        abs(x - y) <= _TOLERANCE for x, y in zip(a.col_edges, b.col_edges, strict=True)
    )


def stitch_tables(tables: list[PageTable]) -> list[tuple[float, int, Table]]:
    """Merge each table that continues one from the previous page; key results by (top, page)."""
    merged: list[PageTable] = []
    for item in tables:
        last = merged[-1] if merged else None
        if (
            last is not None
            and item.page == (last.table.end_page or last.page) + 1
            and last.at_page_bottom
            and item.at_page_top
            and _same_columns(last, item)
        ):
            merged[-1] = PageTable(
                _append(last.table, item.table, item.page), last.page, last.bbox, last.col_edges, last.page_height
            )
        else:
            merged.append(item)
    return [(t.bbox[1], t.page, t.table) for t in merged]


def _append(first: Table, second: Table, page: int) -> Table:
    """Rows of `second` below `first`, without a repeated header and with a cut row rejoined."""
    second_rows = second.text_rows()
    skip = 0
    first_rows = first.text_rows()
    if second_rows and first_rows and second_rows[0] == first_rows[0]:
        skip = 1  # the header row repeated on the new page
    cells = list(first.cells)
    offset = first.n_rows - skip
    continuation = second_rows[skip] if len(second_rows) > skip else None
    if continuation and not continuation[0].strip() and first_rows and first_rows[-1][0].strip():
        # A row cut at the page break: its first cell (序号/名称) stays on the first page.
        cells = _rejoin_row(cells, first.n_rows - 1, continuation)
        skip += 1
        offset -= 1
    for cell in second.cells:
        if cell.row >= skip:
            cells.append(TableCell(cell.text, cell.row + offset, cell.col, cell.row_span, cell.col_span))
    n_rows = first.n_rows + second.n_rows - skip
    return Table(cells=tuple(cells), n_rows=n_rows, n_cols=first.n_cols, page=first.page, end_page=page)


def _rejoin_row(cells: list[TableCell], row: int, continuation: list[str]) -> list[TableCell]:
    result = []
    for cell in cells:
        if cell.row + cell.row_span - 1 == row and cell.col < len(continuation) and continuation[cell.col].strip():
            cell = TableCell(
                cell.text + continuation[cell.col].strip(), cell.row, cell.col, cell.row_span, cell.col_span
            )
        result.append(cell)
    return result
