"""Which document of the package a file is: from its title area, its form layout and how well it
follows an annex outline; the file name only breaks ties, because file names lie.

The signals are data (`data/kinds.toml`); the decision keeps the signals so a reviewer can see why.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from extractors.model import Block, DocumentKind, KindDecision, Table, TextBlock
from extractors.outline import DATA_DIR, OutlineMapping
from extractors.text import compact

_TITLE_BLOCKS = 10
_TITLE_CHARS = 300
_MIN_SCORE = 3.0
_TITLE_LINE_CHARS = 60  # a title line; a longer one is body text
_BODY_WEIGHT = 0.5  # a kind named only in the opening body text counts half


class TitlePattern(BaseModel):
    """A regular expression that names a kind in the title area, and how much it says."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    weight: float


class KindSignature(BaseModel):
    """How one kind announces itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: DocumentKind
    title: tuple[TitlePattern, ...] = ()
    labels: tuple[str, ...] = ()
    filename: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _kinds_data() -> dict:
    with open(DATA_DIR / "kinds.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def kind_labels() -> dict[DocumentKind, str]:
    """The Chinese name of every document kind; a kind without a label fails at load."""
    labels = {DocumentKind(k): v for k, v in _kinds_data()["labels"].items()}
    missing = set(DocumentKind) - set(labels)
    if missing:
        raise ValueError(f"kinds.toml [labels]: no label for {sorted(missing)}")
    return labels


@lru_cache(maxsize=1)
def load_signatures() -> tuple[KindSignature, ...]:
    """The signatures from data/kinds.toml, validated and with patterns compiled once."""
    signatures = tuple(KindSignature.model_validate(k) for k in _kinds_data()["kinds"])
    for signature in signatures:
        for title in signature.title:
            re.compile(title.pattern)  # a bad pattern fails at load time, naming nothing hidden
    return signatures


def title_area(blocks: Sequence[Block], toc: set[int]) -> str:
    """The text a reader sees first: the opening lines before the TOC and body."""
    parts: list[str] = []
    for i, block in enumerate(blocks):
        if i in toc:
            break
        if isinstance(block, TextBlock):
            parts.append(compact(block.text))
        if len(parts) >= _TITLE_BLOCKS or sum(map(len, parts)) >= _TITLE_CHARS:
            break
    return "\n".join(parts)[:_TITLE_CHARS]


def title_lines(area: str) -> str:
    """The leading short lines of the title area: the title itself, before the first body paragraph.

    A letter's body may quote 《…建设实施方案》; only its title line says what the letter is.
    """
    lines = []
    for line in area.split("\n"):
        if len(line) > _TITLE_LINE_CHARS:
            break
        lines.append(line)
    return "\n".join(lines)


def _table_labels(blocks: Sequence[Block]) -> set[str]:
    cells: set[str] = set()
    for block in blocks:
        if isinstance(block, Table):
            cells.update(compact(c.text) for c in block.cells)
    return cells


def classify(
    blocks: Sequence[Block], toc: set[int], file_name: str, mappings: Sequence[OutlineMapping]
) -> KindDecision:
    """Score every kind and return the best, or `other` when nothing speaks clearly."""
    area = title_area(blocks, toc)
    heading = title_lines(area)
    cells = _table_labels(blocks)
    base = file_name.rsplit("/", 1)[-1]
    best = KindDecision(DocumentKind.OTHER, 0.0)
    for signature in load_signatures():
        score, signals = 0.0, []
        weights = [t.weight for t in signature.title if re.search(t.pattern, heading)]
        weights += [t.weight * _BODY_WEIGHT for t in signature.title if re.search(t.pattern, area)]
        if weights:
            score += max(weights)
            signals.append("标题")
        labels = sum(1 for label in signature.labels if any(label in cell for cell in cells))
        if labels >= 2:
            score += min(2.0 * labels, 8.0)
            signals.append(f"表单栏目 {labels} 项")
        mapped = max((len(m.mapped_ids) for m in mappings if m.outline.document_kind == signature.kind), default=0)
        if mapped >= 3:
            score += min(float(mapped), 6.0)
            signals.append(f"符合提纲 {mapped} 节")
        if any(word in base for word in signature.filename):
            score += 1.0
            signals.append("文件名")
        if score > best.score:
            best = KindDecision(signature.kind, score, tuple(signals))
    return best if best.score >= _MIN_SCORE else KindDecision(DocumentKind.OTHER, best.score, best.signals)
