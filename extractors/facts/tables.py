"""The recognised tables of a document as typed facts: the 目标指标表, 重点任务表 and 支撑项目表 of
附件1 and the data-method table of 附件3 三, each with its caption, its columns by role and its rows.

Completeness checks ask whether a table or a column is there without knowing how a consultancy
words its headers; the words stay in data/table_roles.toml. Knows nothing of checks.
"""

from __future__ import annotations

import re

from extractors.facts.model import TableColumn, TableFact, TableRow
from extractors.facts.table_roles import RoledTable, roled_tables
from extractors.model import Document, TextBlock
from extractors.text import join_cjk, squash

_CAPTION = re.compile(r"^(续?附?表\s*[\d一二三四五六七八九十]+(?:[-—－.．]\d+)?)")
_CAPTION_DISTANCE = 2  # text blocks between a caption and its table (a unit line, a note)


def extract_tables(document: Document) -> tuple[TableFact, ...]:
    """Every recognised table of the document, continuations joined to the table they continue."""
    if document.raw is None:
        return ()
    blocks = document.raw.blocks
    facts: list[TableFact] = []
    previous: RoledTable | None = None
    for roled in roled_tables(blocks):
        rows = tuple(TableRow(r.page, r.cells, r.text) for r in roled.rows())
        if previous is not None and _continues(previous, roled):
            last = facts[-1]
            facts[-1] = TableFact(last.kind, last.caption, last.page, last.columns, last.rows + rows)
        else:
            columns = tuple(TableColumn(c.role, join_cjk(squash(c.header))) for c in roled.layout.columns)
            caption = _caption(document, roled.block_index)
            facts.append(TableFact(str(roled.layout.kind), caption, roled.table.page, columns, rows))
        previous = roled
    return tuple(facts)


def _continues(previous: RoledTable, roled: RoledTable) -> bool:
    """A table laid out from the one before it (a 续表 without a header of its own)."""
    return roled.layout.first_row == 0 and roled.layout.columns == previous.layout.columns


def _caption(document: Document, index: int) -> str | None:
    """The caption just above a table (“表4-1 支撑项目表”), if there is one."""
    blocks = document.raw.blocks if document.raw else ()
    for block in reversed(blocks[max(0, index - _CAPTION_DISTANCE) : index]):
        if isinstance(block, TextBlock) and _CAPTION.match(block.text.strip()):
            return squash(block.text)
    return None
