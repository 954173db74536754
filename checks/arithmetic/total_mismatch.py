"""arithmetic.total_mismatch: a table's 合计 row disagrees with the sum of the rows above it
(investment tables, counts) — 第十八条(六) 指标计算方法的正确性和结果的准确性.

Only cells that are plain numbers take part, so header cells such as 基准值（2020年） and text cells
never enter a sum; a table with 小计 rows is left alone (its subtotals would be counted twice).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from extractors.facts.numbers import parse_number
from extractors.model import Document, Table, TextBlock

BASIS = "管理办法 第十八条（六）"
MESSAGE = "{caption}中“{label}”为{stated:g}，各行合计应为{computed:g}，相差{difference:g}（{basis}）"
_TOTAL = re.compile(r"^(合计|总计|总投资|共计)$")
_SUBTOTAL = re.compile(r"小计")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?$")
_CAPTION = re.compile(r"^(附?表\s*[\d一二三四五六七八九十]+(?:[-—－.．]\d+)?)")
_TOLERANCE = 0.001  # rounding of the rows; amounts in 万元 are whole numbers in practice


@dataclass(frozen=True)
class Mismatch:
    """One column of one total row that does not add up."""

    row: int
    label: str
    stated: float
    computed: float


def _plain(cell: str) -> float | None:
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell))
    return parse_number(text) if _PLAIN_NUMBER.match(text) else None


def mismatches(table: Table) -> Iterator[Mismatch]:
    """Every numeric column of a 合计 row whose rows above it sum to something else."""
    rows = table.text_rows()
    if any(_SUBTOTAL.search(cell) for row in rows for cell in row):
        return
    for r, row in enumerate(rows):
        label = next((c.strip() for c in row if c.strip()), "")
        if not _TOTAL.match(re.sub(r"\s+", "", label)):
            continue
        for c, cell in enumerate(row):
            stated = _plain(cell)
            values = [v for above in rows[:r] if (v := _plain(above[c])) is not None] if stated is not None else []
            if len(values) < 2:
                continue
            computed = sum(values)
            if abs(computed - stated) > max(0.5, _TOLERANCE * abs(stated)):
                yield Mismatch(r, label, stated, round(computed, 4))


def _caption(document: Document, index: int) -> str | None:
    """The caption just above a table (“表4-1 支撑项目表”), if there is one."""
    blocks = document.raw.blocks if document.raw else ()
    for block in reversed(blocks[max(0, index - 2) : index]):
        if isinstance(block, TextBlock) and _CAPTION.match(block.text.strip()):
            return block.text.strip()
    return None


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per table and total that does not add up."""
    for document in submission.documents:
        if document.raw is None:
            continue
        for index, block in enumerate(document.raw.blocks):
            if not isinstance(block, Table):
                continue
            for mismatch in mismatches(block):
                caption = _caption(document, index)
                subject = caption or mismatch.label
                quote = "　".join(cell for cell in block.text_rows()[mismatch.row] if cell.strip())
                yield CHECK.finding(
                    document.file,
                    subject,
                    MESSAGE.format(
                        caption=f"“{caption}”" if caption else "表格",
                        label=mismatch.label,
                        stated=mismatch.stated,
                        computed=mismatch.computed,
                        difference=round(mismatch.stated - mismatch.computed, 4),
                        basis=BASIS,
                    ),
                    Evidence(document.file, block.page_of_row(mismatch.row), quote),
                )


CHECK = Check(
    id="arithmetic.total_mismatch",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="表格“合计”与各行数据之和不符",
    run=run,
)
