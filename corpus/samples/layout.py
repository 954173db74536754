"""Page-layout estimates for the long documents: how many lines a paragraph or a heading takes, how
tall a table row is and how wide its columns are on DocxWriter's A4 page as LibreOffice renders
it (measured). `reports` uses them to place the indicator table of the 验收报告 so that it runs
across a page break, as long tables in real reports do.

Pure arithmetic on text; never imports `extractors`.
"""

from __future__ import annotations

import math

BODY_BOTTOM_CM = 27.16
FIRST_LINE_AFTER_H1_CM = 4.46  # top of the first body line under a chapter heading at page top
LINE_CM = 0.91  # body line pitch (小四, 1.5 lines)
CAPTION_TO_TABLE_CM = 0.86
LINE_UNITS = 34.0  # full-width characters per body line; the first line is indented by two
CELL_LINE_CM = 0.795
CELL_PAD_CM = 0.38
CELL_CHAR_CM = 0.3704  # 五号
TEXT_WIDTH_CM = 14.6


def units(text: str) -> float:
    """Width of `text` in full-width characters (ASCII counts a little over half)."""
    return sum(0.56 if ord(ch) < 128 else 1.0 for ch in text)


def paragraph_lines(text: str) -> int:
    """Body lines a paragraph takes, with its two-character first-line indent."""
    return max(1, math.ceil((units(text) + 2 + 1) / LINE_UNITS))


def heading_lines(wording: str) -> int:
    """Lines a chapter heading takes."""
    return 1 if len(wording) <= 20 else 2


def row_height(row: list[str], widths: list[float]) -> float:
    """Height (cm) of a table row: its tallest cell, wrapped to the column widths."""
    lines = 1
    for text, width in zip(row, widths, strict=False):
        per_line = max(1, int((width - CELL_PAD_CM) / CELL_CHAR_CM))
        lines = max(lines, math.ceil(units(text) / per_line) if text else 1)
    return lines * CELL_LINE_CM


def fill_lines(pool: list[list[str]], lines: int) -> list[str]:
    """Paragraphs from the pool (lists of sentences) filling as close to `lines` as possible."""
    result: list[str] = []
    used = 0
    for sentences in pool:
        paragraph = ""
        for sentence in sentences:
            candidate = paragraph + sentence
            if used + paragraph_lines(candidate) <= lines:
                paragraph = candidate
        if paragraph:
            result.append(paragraph)
            used += paragraph_lines(paragraph)
        if used >= lines - 1:
            break
    return result


def base_column(column: str) -> str:
    """A column's name without the year a header may add: 基准值（2021年） → 基准值."""
    return column.split("（")[0]


def column_widths(columns: list[str], fixed: dict[str, float], flexible: str) -> list[float]:
    """Column widths (cm) filling the text width; the flexible column takes the rest."""
    bases = [base_column(c) for c in columns]
    widths = [fixed.get(b, 1.6) for b in bases]
    if flexible in bases:
        index = bases.index(flexible)
        widths[index] = min(5.2, max(2.5, TEXT_WIDTH_CM - (sum(widths) - widths[index])))
        spare = TEXT_WIDTH_CM - sum(widths)
        others = [i for i, b in enumerate(bases) if b not in ("序号", flexible)]
        for i in others if spare > 0 else ():  # few columns: widen the value columns, not the name column
            widths[i] += spare / len(others)
    scale = min(1.0, TEXT_WIDTH_CM / sum(widths))
    return [round(w * scale, 2) for w in widths]
