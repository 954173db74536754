"""One PDF page → text lines (with font size and weight), ruled tables and an image flag, read
with PDFium through pypdfium2's raw API.

Why PDFium and not pdfplumber: pdfplumber parses the content stream in Python (pdfminer) at ~25
pages/s, PDFium in C at ~1,000. Text comes one line at a time (one ctypes call per sampled char,
not per char); tables come from the page's path objects (ruling lines) fed to pdfplumber's own
geometry functions (merge, intersections, cells), and each cell's text from PDFium's bounded-text
call. Nothing here joins lines into paragraphs or decides headings: pdf_reader does that.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table
from pdfplumber import utils as plumber_utils

from extractors.pdf_tables import PageTable, read_tables
from extractors.text import join_cjk

_BOLD = re.compile(r"bold|heavy|black|semibold|demi|W[6-9]\b|[-,]B\b", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TOLERANCE = 3.0  # pdfplumber's default snap/join/intersection tolerance, in points
_MAX_FORM_DEPTH = 4


@dataclass(frozen=True)
class PdfLine:
    """A printed line: text, page, box in top-down coordinates, median font size, bold or not."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True)
class PageContent:
    """What one page holds, as the reader needs it."""

    number: int
    height: float
    lines: tuple[PdfLine, ...]
    tables: tuple[PageTable, ...]
    has_images: bool


def read_page(pdf: pdfium.PdfDocument, number: int) -> PageContent:
    """Read page `number` (1-based) of an open document."""
    page = pdf[number - 1]
    try:
        height = float(page.get_height())
        textpage = page.get_textpage()
        try:
            edges, has_images = _page_objects(page, height)
            tables = _tables(textpage, edges, number, height)
            boxes = [t.bbox for t in tables]
            lines = tuple(line for line in _lines(textpage, number, height, boxes) if line.text)
        finally:
            textpage.close()
    finally:
        page.close()
    return PageContent(number, height, lines, tuple(tables), has_images)


# --- text lines ---------------------------------------------------------------------------------


class _Chars:
    """Per-char queries on one text page; each is one ctypes call."""

    def __init__(self, textpage: pdfium.PdfTextPage, height: float) -> None:
        self.raw = textpage.raw
        self.height = height
        self._rect = pdfium_c.FS_RECTF()
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._x, self._y = ctypes.c_double(), ctypes.c_double()

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of a char's font box, top-down like pdfplumber."""
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, ctypes.byref(self._rect))
        r = self._rect
        return r.left, self.height - r.top, r.right, self.height - r.bottom

    def baseline(self, index: int) -> float:
        """The char's baseline, top-down."""
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, ctypes.byref(self._x), ctypes.byref(self._y))
        return self.height - self._y.value

    def size(self, index: int) -> float:
        return round(float(pdfium_c.FPDFText_GetFontSize(self.raw, index)), 1)

    def bold(self, index: int) -> bool:
        n = pdfium_c.FPDFText_GetFontInfo(self.raw, index, self._name, 128, ctypes.byref(self._flags))
        name = self._name.raw[: max(n - 1, 0)].decode("utf-8", "replace") if n else ""
        return bool(_BOLD.search(name))


def _lines(textpage: pdfium.PdfTextPage, number: int, height: float, table_boxes: list) -> list[PdfLine]:
    """The page's lines in PDFium's reading order, table text left out (tables carry it)."""
    n_chars = textpage.count_chars()
    if n_chars <= 0:
        return []
    text = textpage.get_text_range(0, n_chars)
    if len(text) != n_chars:  # chars outside the BMP shift the indices: ask char by char
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(n_chars))
    chars = _Chars(textpage, height)
    result: list[PdfLine] = []
    start = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        indices = [i for i in range(start, end) if not text[i].isspace()]
        start = match.end() if match else end
        if not indices:
            continue
        kept = _outside(indices, chars, table_boxes) if table_boxes else indices
        if kept:
            raw = text[kept[0] : kept[-1] + 1] if len(kept) == len(indices) else _gapped(text, kept)
            result.append(_line(raw, kept, chars, number))
    return result


def _outside(indices: list[int], chars: _Chars, boxes: list) -> list[int]:
    """The chars of a line whose centre lies outside every table (a table row is dropped whole)."""

    def inside(index: int) -> bool:
        x0, top, x1, bottom = chars.box(index)
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

    ends = (inside(indices[0]), inside(indices[-1]))
    if ends == (True, True):
        return []
    if ends == (False, False) and not inside(indices[len(indices) // 2]):
        return indices
    return [i for i in indices if not inside(i)]


def _line(raw: str, indices: list[int], chars: _Chars, number: int) -> PdfLine:
    """One line from its text and non-space chars: box, size and weight from a sample of chars."""
    sample = sorted({indices[0], indices[len(indices) // 2], indices[-1]})
    boxes = [chars.box(i) for i in sample]
    sizes = [chars.size(i) for i in sample]
    bold = sum(1 for i in sample if chars.bold(i)) * 2 > len(sample)
    return PdfLine(
        text=join_cjk(raw).strip(),
        page=number,
        x0=min(b[0] for b in boxes),
        x1=max(b[2] for b in boxes),
        top=min(b[1] for b in boxes),
        bottom=max(b[3] for b in boxes),
        size=statistics.median(sizes),
        bold=bold,
    )


def _gapped(text: str, indices: list[int]) -> str:
    """The text of kept chars, a space where dropped chars (a table cell) were cut out."""
    out = [text[indices[0]]]
    for prev, index in itertools.pairwise(indices):
        out.append((" " if index > prev + 1 else "") + text[index])
    return "".join(out)


# --- ruling lines and tables --------------------------------------------------------------------


def _page_objects(page: pdfium.PdfPage, height: float) -> tuple[list[dict], bool]:
    """Horizontal and vertical edges of the page's path objects, and whether it holds images."""
    edges: list[dict] = []
    has_images = False
    stack = [(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, (1, 0, 0, 1, 0, 0), 0)]
    while stack:
        owner, count, get, parent, depth = stack.pop()
        for i in range(count(owner)):
            obj = get(owner, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                has_images = True
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                edges.extend(_path_edges(obj, _compose(_matrix(obj), parent), height))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                matrix = _compose(_matrix(obj), parent)
                stack.append(
                    (obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, matrix, depth + 1)
                )
    return edges, has_images


def _matrix(obj) -> tuple[float, ...]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1, 0, 0, 1, 0, 0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner` then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(obj, matrix: tuple[float, ...], height: float) -> list[dict]:
    """Axis-aligned straight segments of one path (lines, rectangle sides), as pdfplumber edges."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    edges: list[dict] = []
    start = prev = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or prev is None:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _add_edge(edges, prev, point, height)
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(edges, prev, start, height)
            prev = start
    return edges


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float], height: float) -> None:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((height - p[1], height - q[1]))
    if abs(top - bottom) < 0.01 and x1 - x0 > 0:
        edges.append(
            {"x0": x0, "x1": x1, "top": top, "bottom": top, "width": x1 - x0, "height": 0.0, "orientation": "h"}
        )
    elif abs(x1 - x0) < 0.01 and bottom - top > 0:
        edges.append(
            {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "orientation": "v"}
        )


def _tables(textpage: pdfium.PdfTextPage, edges: list[dict], number: int, height: float) -> list[PageTable]:
    """Pdfplumber's “lines” table finder run on PDFium's edges, cell text from PDFium."""
    if sum(1 for e in edges if e["orientation"] == "h") < 2 or sum(1 for e in edges if e["orientation"] == "v") < 2:
        return []
    edges = plumber_utils.filter_edges(edges, min_length=1)  # edge_min_length_prefilter
    edges = plumber_table.merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    edges = plumber_utils.filter_edges(edges, min_length=3)  # edge_min_length
    cells = _intersections_to_cells(plumber_table.edges_to_intersections(edges, _TOLERANCE, _TOLERANCE))
    found = [plumber_table.Table(None, group) for group in plumber_table.cells_to_tables(cells)]
    if not found:
        return []
    texts = _cell_texts(_Chars(textpage, height), textpage.count_chars(), [c for t in found for c in t.cells])
    return read_tables(found, number, height, lambda box: texts.get(box, ""))


def _cell_texts(chars: _Chars, n_chars: int, cells: list[tuple[float, float, float, float]]) -> dict:
    """Each cell's text as pdfplumber's `Table.extract` gives it: the chars whose centre lies in
    the cell, in lines by position (not in the content stream's order: a tick-box glyph from a
    symbol font comes last in the stream but sits between “省级” and “其他”), words split at
    spaces and gaps wider than 3 pt.
    """
    xs = sorted({c[0] for c in cells})
    tops = sorted({c[1] for c in cells})
    slot = {(c[0], c[1]): c for c in cells}
    right, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
    members: dict[tuple, list[tuple[float, float, float, str]]] = {}
    for index in range(n_chars):
        x0, top, x1, bottom_ = chars.box(index)
        cx, cy = (x0 + x1) / 2, (top + bottom_) / 2
        if not (xs[0] <= cx < right and tops[0] <= cy < bottom):
            continue
        cell = _covering(slot, xs, tops, cx, cy)
        if cell is not None:
            # Lines are told by baseline: a glyph from another font (“.”, “☑”) has another box.
            baseline = chars.baseline(index)
            members.setdefault(cell, []).append((baseline, x0, x1, chr(pdfium_c.FPDFText_GetUnicode(chars.raw, index))))
    return {cell: _text(found) for cell, found in members.items()}


def _covering(slot: dict, xs: list[float], tops: list[float], cx: float, cy: float):
    """The cell holding a point: it starts at the point's grid slot or, merged, above or left of it."""
    i, j = bisect.bisect_right(xs, cx) - 1, bisect.bisect_right(tops, cy) - 1
    for jj in range(j, -1, -1):
        for ii in range(i, -1, -1):
            cell = slot.get((xs[ii], tops[jj]))
            if cell is not None and cx < cell[2] and cy < cell[3]:
                return cell
    return None


def _text(chars: list[tuple[float, float, float, str]]) -> str:
    """Chars (baseline, x0, x1, text) as lines of words, like pdfplumber's extract_text; a space
    (PDFium marks the PDF's own spaces between runs as generated) ends a word.
    """
    chars.sort()
    lines: list[list[tuple[float, float, float, str]]] = []
    for char in chars:
        if lines and char[0] - lines[-1][-1][0] <= _TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    out = []
    for line in lines:
        words: list[str] = []
        previous = None  # right edge of the last char of the word being built
        for _, x0, x1, char in sorted(line, key=lambda c: c[1]):
            if char.isspace():
                previous = None
            elif previous is None or x0 > previous + _TOLERANCE:
                words.append(char)
                previous = x1
            else:
                words[-1] += char
                previous = x1
        out.append(" ".join(words))
    return "\n".join(out)


def _intersections_to_cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """Pdfplumber's `intersections_to_cells`, same result, without its quadratic scans.

    pdfplumber rebuilds sets of edge boxes for every pair of points it tests and scans all later
    points for each point; on a 30-row table that was 40 % of reading a page. Here each point's
    edges are hashed once and the points below and to the right come from per-column and per-row
    lists.
    """
    v_edges = {p: {plumber_utils.obj_to_bbox(e) for e in i["v"]} for p, i in intersections.items()}
    h_edges = {p: {plumber_utils.obj_to_bbox(e) for e in i["h"]} for p, i in intersections.items()}
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    for point in sorted(intersections):
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        if p1[0] == p2[0] and not v_edges[p1].isdisjoint(v_edges[p2]):
            return True
        return p1[1] == p2[1] and not h_edges[p1].isdisjoint(h_edges[p2])

    def smallest_cell(pt: tuple[float, float]) -> tuple[float, float, float, float] | None:
        column, row = columns[pt[0]], rows[pt[1]]
        right = [p for p in row[row.index(pt) + 1 :] if connects(pt, p)]
        for below in column[column.index(pt) + 1 :]:
            if not connects(pt, below):
                continue
            for right_pt in right:
                corner = (right_pt[0], below[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below):
                    return (pt[0], pt[1], corner[0], corner[1])
        return None

    return [cell for cell in map(smallest_cell, sorted(intersections)) if cell is not None]
