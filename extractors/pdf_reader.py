"""PDF → RawDocument with pdfplumber: lines with font size and weight in reading order, rebuilt
into paragraphs, running headers/footers and page numbers removed, tables on their grid and
stitched across page breaks.

It reads geometry and text only; headings, TOCs and kinds are decided later on the neutral blocks.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

import pdfplumber

from extractors.errors import Reason, UnreadableDocument
from extractors.headings import parse_numbering
from extractors.limits import ReadLimits
from extractors.model import RawDocument, Table, TextBlock
from extractors.pdf_tables import PageTable, read_tables, stitch_tables
from extractors.text import join_cjk

_MARGIN = 0.09  # share of the page height where running headers and footers live
_BOLD = re.compile(r"bold|heavy|black|semibold|demi|W[6-9]\b|[-,]B\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?|[ivxlc]{1,6})$",
    re.IGNORECASE,
)
_SENTENCE_END = "。！？；：:;!?"
_TOC_LEADER = re.compile(r"[.·…．_⋯]{4,}\s*\S{1,5}$")


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


def read_pdf(data: bytes, file: str, sha256: str, limits: ReadLimits) -> RawDocument:
    """Parse a PDF's bytes; raise UnreadableDocument when it is encrypted, broken or too large."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        n_pages = len(pdf.pages)
    except Exception as exc:
        raise _translate(exc) from exc
    with pdf:
        if n_pages == 0:
            raise UnreadableDocument(Reason.EMPTY, "PDF 文件没有页面")
        if n_pages > limits.max_pages:
            raise UnreadableDocument(Reason.TOO_LARGE, f"PDF 共 {n_pages} 页，超过上限 {limits.max_pages} 页")
        lines: list[_Line] = []
        tables: list[PageTable] = []
        heights: dict[int, float] = {}
        without_text: list[int] = []
        failed: list[int] = []
        warnings: list[str] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                heights[number] = float(page.height)
                page_tables = read_tables(page, number)
                page_lines = _page_lines(page, number, [t.bbox for t in page_tables])
                has_images = bool(page.images)
            except Exception as exc:  # one malformed page must not cost the others
                warnings.append(f"第 {number} 页无法解析（{type(exc).__name__}），已跳过")
                failed.append(number)
                continue
            finally:
                page.close()
            if not page_lines and not page_tables and has_images:
                without_text.append(number)  # a scan; a page with neither text nor images is just blank
            lines.extend(page_lines)
            tables.extend(page_tables)
    if len(failed) == n_pages:
        # Not a scan: every page broke the parser, so say “damaged” rather than “needs OCR”.
        raise UnreadableDocument(Reason.CORRUPT, f"PDF 文件已损坏，{n_pages} 页均无法解析")
    lines = _drop_running_lines(lines, heights, n_pages)
    blocks = _merge_in_reading_order(_paragraphs(lines), stitch_tables(tables, _text_between(lines)))
    cid_share = _cid_share(blocks)
    if cid_share > 0.3:
        warnings.append("PDF 字体缺少 Unicode 映射，大部分文字无法识别（需 OCR）")
    if without_text:
        # Name the pages: a reviewer must know which pages (a scanned seal page, a scanned table)
        # went unreviewed, not only how many.
        warnings.append(f"{_page_list(without_text)}没有文字层（可能是扫描件），这些页的内容未审查")
    return RawDocument(
        file=file,
        sha256=sha256,
        format="pdf",
        pages=n_pages,
        blocks=tuple(blocks),
        pages_without_text=tuple(without_text),
        warnings=tuple(warnings),
    )


def _page_list(pages: list[int], shown: int = 20) -> str:
    """“第 3、7–9 页” (consecutive pages as ranges), cut short with a total when there are many."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in runs]
    text = "、".join(parts[:shown])
    return f"第 {text} 等页（共 {len(pages)} 页）" if len(parts) > shown else f"第 {text} 页"


def _translate(exc: Exception) -> UnreadableDocument:
    """Pdfminer's exception types reach us wrapped; their names tell encryption from damage."""
    chain = f"{type(exc).__name__} {exc!r} {exc.__cause__!r} {exc.__context__!r}"
    if "Password" in chain or "Encrypt" in chain or "CryptFilter" in chain:
        return UnreadableDocument(Reason.ENCRYPTED, "PDF 已加密，需要密码才能打开")
    if "No /Root" in chain or "EOF" in chain or "Syntax" in chain or "PSEOF" in chain:
        return UnreadableDocument(Reason.CORRUPT, f"PDF 文件已损坏或不完整（{type(exc).__name__}）")
    return UnreadableDocument(Reason.CORRUPT, f"PDF 文件无法解析（{type(exc).__name__}: {str(exc)[:120]}）")


def _page_lines(page, number: int, table_boxes: list[tuple[float, float, float, float]]) -> list[_Line]:
    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in table_boxes)

    view = page.filter(outside_tables) if table_boxes else page
    result = []
    for raw in view.extract_text_lines(strip=True, return_chars=True):
        chars = [c for c in raw["chars"] if c["text"].strip()]
        text = join_cjk(raw["text"]).strip()
        if not text or not chars:
            continue
        sizes = [round(float(c["size"]), 1) for c in chars]
        bold = sum(1 for c in chars if _BOLD.search(c.get("fontname", ""))) * 2 > len(chars)
        result.append(
            _Line(text, number, raw["x0"], raw["x1"], raw["top"], raw["bottom"], statistics.median(sizes), bold)
        )
    return result


def _margin_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _drop_running_lines(lines: list[_Line], heights: dict[int, float], n_pages: int) -> list[_Line]:
    """Drop page numbers in the margins, and margin lines that repeat on many pages."""

    def in_margin(line: _Line) -> bool:
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


def _paragraphs(lines: list[_Line]) -> list[tuple[float, int, TextBlock]]:
    """Join wrapped lines back into paragraphs, keyed by (top, page) for merging with tables.

    A line continues the previous one when it is on the same page, in the same font, directly
    below it, not indented (Chinese paragraphs open with a two-character indent) and not numbered,
    and the previous line ran to the right edge.
    """
    right_edge: dict[int, float] = {}
    left_edge: dict[int, float] = {}
    for line in lines:
        right_edge[line.page] = max(right_edge.get(line.page, 0.0), line.x1)
        left_edge[line.page] = min(left_edge.get(line.page, 1e9), line.x0)
    out: list[tuple[float, int, TextBlock]] = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            first = current[0]
            text = join_cjk(" ".join(line.text for line in current))
            block = TextBlock(text=text, page=first.page, bold=first.bold, size=first.size, lines=len(current))
            out.append((first.top, first.page, block))
            current.clear()

    for line in lines:
        if current and _continues(current[-1], line, right_edge, left_edge):
            current.append(line)
        else:
            flush()
            current.append(line)
    flush()
    return out


def _continues(prev: _Line, line: _Line, right_edge: dict[int, float], left_edge: dict[int, float]) -> bool:
    if prev.page != line.page or abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
        return False
    gap = line.top - prev.bottom
    if gap < -1 or gap > prev.size * 1.5:  # CJK fonts give a line pitch of ~2.2 em in LibreOffice
        return False
    # A wrapped line ends near the right edge; an unbreakable run such as “32.5平方” can leave a
    # gap of up to ~3 characters. A line ending a sentence must be really full to continue.
    slack = 1.2 if prev.text[-1] in _SENTENCE_END else 3.5
    if prev.x1 < right_edge[line.page] - prev.size * slack:
        return False
    if _TOC_LEADER.search(prev.text):
        return False
    if line.x0 > left_edge[line.page] + line.size * 1.2:
        return False
    return parse_numbering(line.text) is None


def _text_between(lines: list[_Line]):
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


def _cid_share(blocks: list[TextBlock | Table]) -> float:
    text = "".join(b.text for b in blocks if isinstance(b, TextBlock))
    if not text:
        return 0.0
    return text.count("(cid:") * 8 / len(text)
