"""Running text for checks that read sentences: each sentence of a document with its page, and the
phrase patterns of data/phrases.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.model import Document, Table

_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_ENDS = "。；！？”…"  # a paragraph ending otherwise stops mid-sentence


@dataclass(frozen=True)
class Sentence:
    """One sentence of running text (tables excluded) and the page it is on."""

    text: str
    page: int | None


def sentences(document: Document, *, rejoin: bool = False) -> Iterator[Sentence]:
    """The document's sentences in reading order.

    With `rejoin`, a paragraph that stops mid-sentence continues in the next one: a PDF page break
    cuts a paragraph in two, and a sentence read in halves loses what its second half says.
    """
    if document.raw is None:
        return
    pending: Sentence | None = None
    for block in document.raw.blocks:
        if isinstance(block, Table):
            continue
        parts = [p.strip() for p in _SENTENCE_END.split(block.text) if p.strip()]
        if pending is not None and parts:
            parts[0] = pending.text + parts[0]
        elif pending is not None:
            parts = [pending.text]
        page = pending.page if pending is not None else block.page
        pending = None
        for n, part in enumerate(parts):
            if rejoin and n == len(parts) - 1 and part[-1] not in _ENDS:
                pending = Sentence(part, page if n == 0 else block.page)
            else:
                yield Sentence(part, page if n == 0 else block.page)
    if pending is not None:
        yield pending


@lru_cache(maxsize=1)
def phrases() -> dict[str, re.Pattern[str]]:
    """The phrase patterns, compiled; a bad pattern fails at load naming its key."""
    with open(Path(__file__).parent / "data" / "phrases.toml", "rb") as handle:
        table = tomllib.load(handle)
    compiled = {}
    for key, pattern in table.items():
        try:
            compiled[key] = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"phrases.toml: {key}: {exc}") from exc
    return compiled


def find(documents, *keys: str, containing: str | None = None) -> Sentence | None:
    """The first sentence of these documents matching every named phrase (and `containing`, if given)."""
    patterns = [phrases()[k] for k in keys]
    for document in documents:
        for sentence in sentences(document):
            if containing is not None and containing not in sentence.text:
                continue
            if all(p.search(sentence.text) for p in patterns):
                return sentence
    return None
