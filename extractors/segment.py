"""Blocks → headings → sections: the table of contents set aside, heading lines found, levels
given by the order in which numbering families nest, and each section's extent and size.

Levels come from the family stack (the first family seen is level 1, a new family below it is
level 2, returning to a known family closes the deeper ones), which is how Chinese reports nest
第一章 / 一、 / （一） / 1. whatever their fonts. Word outline levels are used when the document
has them. Nothing here knows any annex outline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractors.headings import looks_like_title, parse_numbering
from extractors.model import Block, Heading, Section, Table, TextBlock
from extractors.text import compact, visible_chars

_TOC_TITLE = {"目录", "目次", "contents", "tableofcontents"}
_TOC_ENTRY = re.compile(
    r"^(?P<title>.+?)\s*(?:[.·…．_⋯‥-]{3,}|\t+|\s{2,})\s*(?P<page>\d{1,4}|[ivxlc]{1,5})\s*$", re.IGNORECASE
)
_STRONG_FAMILIES = {"chapter", "part", "cn", "cn_paren", "arabic2", "arabic3", "arabic4"}


def is_toc_entry(text: str) -> bool:
    """A line with a title, a dot leader or tab, and a page number."""
    return bool(_TOC_ENTRY.match(text.strip()))


def toc_indices(blocks: Sequence[Block]) -> set[int]:
    """Indices of the blocks that form the table of contents (title and entries)."""
    toc: set[int] = set()
    for i, block in enumerate(blocks):
        if not isinstance(block, TextBlock):
            continue
        if block.in_toc:
            toc.add(i)
        elif compact(block.text).lower() in _TOC_TITLE:
            toc.add(i)
            toc.update(_entries_after(blocks, i))
        elif is_toc_entry(block.text) and re.search(r"[.·…．_⋯]{4,}", block.text):
            toc.add(i)
    return toc


def _entries_after(blocks: Sequence[Block], start: int) -> list[int]:
    found: list[int] = []
    misses = 0
    for j in range(start + 1, len(blocks)):
        block = blocks[j]
        if isinstance(block, TextBlock) and is_toc_entry(block.text):
            found.append(j)
            misses = 0
        else:
            misses += 1
            if misses > 1 or (not found and misses > 0 and j > start + 2):
                break
    return found


def _body_size(blocks: Sequence[Block]) -> float | None:
    sizes: Counter[float] = Counter()
    for block in blocks:
        if isinstance(block, TextBlock) and block.size:
            sizes[round(block.size)] += len(block.text)
    return sizes.most_common(1)[0][0] if sizes else None


def find_headings(blocks: Sequence[Block]) -> list[Heading]:
    """Every heading line in reading order, with its level."""
    toc = toc_indices(blocks)
    styled = sum(1 for i, b in enumerate(blocks) if isinstance(b, TextBlock) and b.outline_level and i not in toc)
    use_styles = styled >= 3
    body = _body_size(blocks)
    stack: list[str] = []
    headings: list[Heading] = []
    front_matter = True
    for i, block in enumerate(blocks):
        if isinstance(block, Table) or i in toc:
            continue
        key = _heading_key(block, use_styles, body, front_matter)
        if key is None:
            continue
        front_matter = False
        if key in stack:
            del stack[stack.index(key) + 1 :]
        else:
            stack.append(key)
        headings.append(Heading(i, block.text.strip(), len(stack), key, block.page))
    return headings


def _heading_key(block: TextBlock, use_styles: bool, body: float | None, front_matter: bool) -> str | None:
    """The nesting key of a heading line (its family, or its Word outline level), or None."""
    numbered = parse_numbering(block.text)
    if use_styles:
        if block.outline_level is None or not looks_like_title(block.text, 80):
            return None
        return f"outline{block.outline_level}"
    if block.lines > 1:
        return None
    larger = body is not None and block.size is not None and block.size > body + 0.5
    if numbered is not None:
        if not looks_like_title(block.text, 50):
            return None
        if numbered.family in _STRONG_FAMILIES or block.bold or larger:
            return numbered.family
        return None
    if block.bold and not front_matter and looks_like_title(block.text, 30):
        return f"bold{round(block.size or 0)}"
    return None


def build_sections(blocks: Sequence[Block], headings: Sequence[Heading]) -> list[Section]:
    """Each heading's section runs to the next heading of the same or a higher level."""
    toc = toc_indices(blocks)
    sizes = [0 if i in toc else visible_chars(b.text) for i, b in enumerate(blocks)]
    sections = []
    for n, heading in enumerate(headings):
        end = next((h.block_index for h in headings[n + 1 :] if h.level <= heading.level), len(blocks))
        sections.append(
            Section(
                title=heading.title,
                level=heading.level,
                page=heading.page,
                chars=sum(sizes[heading.block_index + 1 : end]),
                family=heading.family,
                start_block=heading.block_index,
                end_block=end,
            )
        )
    return sections
