"""PDF → RawDocument: the pages' lines (pdf_pages, scheduled by pdf_schedule) rebuilt into
paragraphs, running headers/footers and page numbers removed, tables stitched across page breaks.

It reads geometry and text only; headings, TOCs and kinds are decided later on the neutral blocks.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.headings import parse_numbering
from extractors.limits import ReadLimits
from extractors.model import RawDocument, Table, TextBlock
from extractors.pdf_pages import PdfLine
from extractors.pdf_schedule import read_pages
from extractors.pdf_tables import stitch_tables
from extractors.text import join_cjk, page_list

_MARGIN = 0.09  # share of the page height where running headers and footers live
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?|[ivxlc]{1,6})$",
    re.IGNORECASE,
)
_SENTENCE_END = "。！？；：:;!?"
_TOC_LEADER = re.compile(r"[.·…．_⋯]{4,}\s*\S{1,5}$")


def read_pdf(data: bytes, file: str, sha256: str, limits: ReadLimits) -> RawDocument:
    """Parse a PDF's bytes; raise UnreadableDocument when it is encrypted, broken or too large."""
    pages = read_pages(data, limits)
    lines = [line for page in pages.contents for line in page.lines]
    tables = [table for page in pages.contents for table in page.tables]
    heights = {page.number: page.height for page in pages.contents}
    without_text = [p.number for p in pages.contents if not p.lines and not p.tables and p.has_images]
    warnings = list(pages.warnings)
    lines = _drop_running_lines(lines, heights, pages.n_pages)
    table_spans = [(t.page, t.bbox[1], t.bbox[3]) for t in tables]
    blocks = _merge_in_reading_order(_paragraphs(lines, table_spans), stitch_tables(tables, _text_between(lines)))
    if _unmapped_share(blocks) > 0.3:
        warnings.append("PDF 字体缺少 Unicode 映射，大部分文字无法识别（需 OCR）")
    if without_text:
        # Name the pages: a reviewer must know which pages (a scanned seal page, a scanned table)
        # went unreviewed, not only how many.
        warnings.append(f"{page_list(without_text)}没有文字层（可能是扫描件），这些页的内容未审查")
    return RawDocument(
        file=file,
        sha256=sha256,
        format="pdf",
        pages=pages.n_pages,
        blocks=tuple(blocks),
        pages_without_text=tuple(without_text),
        warnings=tuple(warnings),
    )


def _margin_key(line: PdfLine) -> str:
    return re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _drop_running_lines(lines: list[PdfLine], heights: dict[int, float], n_pages: int) -> list[PdfLine]:
    """Drop page numbers in the margins, and margin lines that repeat on many pages."""

    def in_margin(line: PdfLine) -> bool:
        height = heights.get(line.page, 842.0)
        return line.top < height * _MARGIN or line.bottom > height * (1 - _MARGIN)

    repeats = Counter()
    for key in {(line.page, _margin_key(line)) for line in lines if in_margin(line)}:
        repeats[key[1]] += 1
    threshold = max(2, int(n_pages * 0.3))
    return [
        line
        for line in lines
        if not (
            in_margin(line)
            and (_PAGE_NUMBER.match(line.text.strip()) or (n_pages >= 2 and repeats[_margin_key(line)] >= threshold))
        )
    ]


def _paragraphs(
    lines: list[PdfLine], table_spans: list[tuple[int, float, float]] = ()
) -> list[tuple[float, int, TextBlock]]:
    """Join wrapped lines back into paragraphs, keyed by (top, page) for merging with tables.

    A line continues the previous one when it is on the same page, in the same font, directly
    below it, not indented (Chinese paragraphs open with a two-character indent) and not numbered,
    and the previous line ran to the right edge. A paragraph a page break cuts continues on the
    next page: the previous page's last body line ran to the right edge, no table stands below it
    or above the next page's first body line (`table_spans`: page, top, bottom), and that line
    opens without indent or number.
    """
    right_edge: dict[int, float] = {}
    left_edge: dict[int, float] = {}
    for line in lines:
        right_edge[line.page] = max(right_edge.get(line.page, 0.0), line.x1)
        left_edge[line.page] = min(left_edge.get(line.page, 1e9), line.x0)
    out: list[tuple[float, int, TextBlock]] = []
    current: list[PdfLine] = []

    def flush() -> None:
        if current:
            first = current[0]
            text = join_cjk(" ".join(line.text for line in current))
            block = TextBlock(text=text, page=first.page, bold=first.bold, size=first.size, lines=len(current))
            out.append((first.top, first.page, block))
            current.clear()

    for line in lines:
        if current and (
            _continues(current[-1], line, right_edge, left_edge)
            or _continues_on_next_page(current[-1], line, right_edge, left_edge, table_spans)
        ):
            current.append(line)
        else:
            flush()
            current.append(line)
    flush()
    return out


def _continues(prev: PdfLine, line: PdfLine, right_edge: dict[int, float], left_edge: dict[int, float]) -> bool:
    if prev.page != line.page or abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
        return False
    gap = line.top - prev.bottom
    if gap < -1 or gap > prev.size * 1.5:  # CJK fonts give a line pitch of ~2.2 em in LibreOffice
        return False
    return _wraps(prev, line, right_edge, left_edge)


def _continues_on_next_page(
    prev: PdfLine,
    line: PdfLine,
    right_edge: dict[int, float],
    left_edge: dict[int, float],
    table_spans: list[tuple[int, float, float]],
) -> bool:
    """`line`, the first body line of a page, carries on the paragraph of `prev`, the last of the page before."""
    if line.page != prev.page + 1 or abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
        return False
    if any(
        (page == prev.page and top >= prev.bottom) or (page == line.page and bottom <= line.top)
        for page, top, bottom in table_spans
    ):
        return False
    return _wraps(prev, line, right_edge, left_edge, edge_page=prev.page)


def _wraps(
    prev: PdfLine,
    line: PdfLine,
    right_edge: dict[int, float],
    left_edge: dict[int, float],
    edge_page: int | None = None,
) -> bool:
    """Whether `prev` wrapped onto `line`: it ran to the right edge (of `edge_page`, its own page by
    default), and `line` is neither indented nor numbered.
    """
    right = right_edge[line.page if edge_page is None else edge_page]
    # A wrapped line ends near the right edge; an unbreakable run such as “32.5平方” can leave a
    # gap of up to ~3 characters. A line ending a sentence must be really full to continue.
    slack = 1.2 if prev.text[-1] in _SENTENCE_END else 3.5
    if prev.x1 < right - prev.size * slack:
        return False
    if _TOC_LEADER.search(prev.text):
        return False
    if line.x0 > left_edge[line.page] + line.size * 1.2:
        return False
    return parse_numbering(line.text) is None


def _text_between(lines: list[PdfLine]):
    """Whether any body line (running headers and page numbers already dropped) lies on a page
    between two heights: what keeps two tables apart that a caption or a paragraph separates.
    """
    by_page: dict[int, list[tuple[float, float]]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append((line.top, line.bottom))

    def text_at(page: int, top: float, bottom: float) -> bool:
        return any(top <= t and b <= bottom for t, b in by_page.get(page, ()))

    return text_at


def _merge_in_reading_order(
    paragraphs: list[tuple[float, int, TextBlock]], tables: list[tuple[float, int, Table]]
) -> list[TextBlock | Table]:
    keyed = [(page, top, 0, block) for top, page, block in paragraphs]
    keyed += [(page, top, 1, table) for top, page, table in tables]
    keyed.sort(key=lambda item: (item[0], item[1], item[2]))
    return [item[3] for item in keyed]


def _unmapped_share(blocks: list[TextBlock | Table]) -> float:
    """Share of text that is glyph ids rather than characters: “(cid:123)”, U+FFFD, private use."""
    text = "".join(b.text for b in blocks if isinstance(b, TextBlock))
    if not text:
        return 0.0
    unmapped = sum(1 for ch in text if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    return (text.count("(cid:") * 8 + unmapped) / len(text)
