"""Annex outlines as data, and sections mapped onto them by wording and by order.

Each programme's outline is one TOML file in `extractors/data/outlines/` (附件1, 附件3, later the
older 建设规划, provincial outlines, the Jiangsu 循环化改造 方案). A heading is compared with every
outline entry after folding wording that does not change meaning (及/与/和, 分析/评价, 《》, the
number, a trailing parenthetical); the assignment that keeps both orders and scores best wins,
so an added level, extra chapters or reworded titles do not throw it off.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator
from rapidfuzz import fuzz

from extractors.headings import strip_numbering
from extractors.model import DocumentKind, Section

DATA_DIR = Path(__file__).parent / "data"
_MATCH_THRESHOLD = 72.0
_PUNCTUATION = re.compile(r"[\s《》〈〉“”\"'‘’「」『』:：,，.。;；!！?？·•\-—_/（）()\[\]【】]")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{4,}[）)]$")


class OutlineSection(BaseModel):
    """One required part of an annex outline."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]+(\.\d+)+$")
    title: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    @property
    def level(self) -> int:
        """1 for “一、”, 2 for “1.” below it: the number of dotted parts after the prefix."""
        return self.id.count(".")

    @property
    def parent(self) -> str | None:
        """The id of the enclosing outline entry, if any."""
        head, _, _ = self.id.rpartition(".")
        return head if head.count(".") >= 1 else None


class Outline(BaseModel):
    """An annex outline: which document kind it governs, its article, and its sections in order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    basis: str
    document_kind: DocumentKind
    document_label: str
    sections: tuple[OutlineSection, ...]

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: tuple[OutlineSection, ...]) -> tuple[OutlineSection, ...]:
        ids = [s.id for s in sections]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate outline ids: {sorted(i for i in ids if ids.count(i) > 1)}")
        return sections

    def section(self, outline_id: str) -> OutlineSection:
        """The outline entry with this id."""
        return next(s for s in self.sections if s.id == outline_id)


@lru_cache(maxsize=1)
def _equivalents() -> tuple[tuple[str, str], ...]:
    with open(DATA_DIR / "wording.toml", "rb") as handle:
        table = tomllib.load(handle)["equivalents"]
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=4)
def load_outlines(directory: Path | None = None) -> tuple[Outline, ...]:
    """Every outline file in the folder, validated; a broken file fails naming itself."""
    folder = directory or DATA_DIR / "outlines"
    outlines = []
    for path in sorted(folder.glob("*.toml")):
        with open(path, "rb") as handle:
            try:
                outlines.append(Outline.model_validate(tomllib.load(handle)))
            except Exception as exc:
                raise ValueError(f"{path.name}: {exc}") from exc
    return tuple(outlines)


@lru_cache(maxsize=4096)
def fold_title(text: str) -> str:
    """A heading reduced to what distinguishes it: no number, note, punctuation or synonym noise.

    Cached: every section title is folded against every outline entry's wordings.
    """
    title = strip_numbering(strip_numbering(text))  # “第一章 一、…” happens
    title = _TRAILING_NOTE.sub("", title)
    title = _PUNCTUATION.sub("", title)
    for word, replacement in _equivalents():
        title = title.replace(word, replacement)
    return title


def similarity(heading: str, wording: str) -> float:
    """0–100: whole-title likeness, or containment discounted by how much is left over."""
    if not heading or not wording:
        return 0.0
    whole = fuzz.ratio(heading, wording)
    shorter, longer = sorted((len(heading), len(wording)))
    if shorter < 3:
        return whole
    partial = fuzz.partial_ratio(heading, wording) * (0.75 + 0.25 * shorter / longer)
    return max(whole, partial)


def _score(title: str, entry: OutlineSection) -> float:
    folded = fold_title(title)
    return max(similarity(folded, fold_title(w)) for w in (entry.title, *entry.aliases))


@dataclass(frozen=True)
class OutlineMapping:
    """Which outline a document follows and which of its sections maps to which entry."""

    outline: Outline
    sections: tuple[Section, ...]

    @property
    def mapped_ids(self) -> set[str]:
        """Outline ids some section maps to."""
        return {s.outline for s in self.sections if s.outline}

    @property
    def score(self) -> float:
        """Sum of match scores: used to choose between outlines of one kind."""
        return sum(s.outline_score or 0.0 for s in self.sections)


def map_sections(sections: Sequence[Section], outline: Outline) -> OutlineMapping:
    """Assign outline ids to sections, keeping document order and outline order (an alignment)."""
    entries = outline.sections
    n, m = len(sections), len(entries)
    gain = [[_score(s.title, e) for e in entries] for s in sections]
    # best[i][j]: best total using the first i sections and first j entries.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            g = gain[i - 1][j - 1]
            pair = (
                best[i - 1][j - 1] + (g - _MATCH_THRESHOLD) - 0.1 * sections[i - 1].level
                if g >= _MATCH_THRESHOLD
                else -1.0
            )
            best[i][j] = max(best[i - 1][j], best[i][j - 1], pair)
    assigned: dict[int, tuple[str, float]] = {}
    i, j = n, m
    while i > 0 and j > 0:
        g = gain[i - 1][j - 1]
        if (
            g >= _MATCH_THRESHOLD
            and abs(best[i][j] - (best[i - 1][j - 1] + (g - _MATCH_THRESHOLD) - 0.1 * sections[i - 1].level)) < 1e-9
        ):
            assigned[i - 1] = (entries[j - 1].id, round(g, 1))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    mapped = tuple(
        replace(s, outline=assigned[k][0], outline_score=assigned[k][1]) if k in assigned else s
        for k, s in enumerate(sections)
    )
    return OutlineMapping(outline, mapped)


def best_mapping(sections: Sequence[Section], kind: DocumentKind) -> OutlineMapping | None:
    """The outline of this kind that the document follows best, or None if the kind has none."""
    candidates = [map_sections(sections, o) for o in load_outlines() if o.document_kind == kind]
    return max(candidates, key=lambda c: c.score, default=None)
