"""How the corpus cuts text: jieba words for the full-text index and for queries (the same cut for
both, so a query finds what the index holds), word shingles for copy detection, and the passages of
a parsed document. Nothing here touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.facts.nlp import domain_words, passages
from extractors.model import Document

_WORDLIKE = re.compile(r"\w")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_PUNCT_SPACE = re.compile(r"[\W_]+")
PARK_MASK = "〇园区〇"


@lru_cache(maxsize=1)
def _jieba():
    """Jieba with the domain words the extractors add (indicator names, 万元, park suffixes), loaded once."""
    import jieba

    jieba.setLogLevel(60)
    for word in domain_words():
        jieba.add_word(word)
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """The precise jieba cut without punctuation and spaces, lower-cased (HMM off: steadier, faster)."""
    return [w.lower() for w in _jieba().lcut(text, HMM=False) if _WORDLIKE.search(w)]


def index_words(text: str) -> list[str]:
    """The search-mode cut (a long word and its dictionary sub-words), what the index stores, so a
    query for 污水处理 finds 污水处理厂 and the reverse.
    """
    return [w.lower() for w in _jieba().cut_for_search(text, HMM=False) if _WORDLIKE.search(w.strip())]


def query_words(text: str) -> list[str]:
    """The finest index words of a query: a word its own sub-words cover is dropped (污水处理 →
    污水, 处理), so the query matches text that jieba cut differently (污水, 处理厂).
    """
    found = list(dict.fromkeys(index_words(text)))
    return [w for w in found if not _covered(w, [o for o in found if o != w and o in w])]


def _covered(word: str, parts: list[str]) -> bool:
    if not parts:
        return False
    hit = [False] * len(word)
    for part in parts:
        start = word.find(part)
        while start >= 0:
            hit[start : start + len(part)] = [True] * len(part)
            start = word.find(part, start + 1)
    return all(hit)


def index_text(text: str) -> str:
    """The space-joined index words the full-text index is built on (`passages.tokens`)."""
    return " ".join(index_words(text))


def mask_park(text: str, park: str | None) -> str:
    """The text with the park's own name masked: a passage copied from another park with the name
    swapped compares equal to its source.
    """
    return text.replace(park, PARK_MASK) if park else text


def numbers(text: str) -> list[str]:
    """Every number of the text as written (0.52, 1185, 2024)."""
    return _NUMBER.findall(text)


def trivial(value: str) -> bool:
    """A number that says nothing about whose text it is: a year, a small count or day, 100 (%)."""
    number = float(value)
    return (number.is_integer() and (number <= 31 or 1990 <= number <= 2100)) or number == 100


def significant(value: str) -> str:
    """The significant digits of a number as written (93.9 and 939 → 939, 0.0520 → 52, 1200 → 12):
    the same fact restated as a count and a rate, or with another precision, has the same digits.
    """
    return value.replace(".", "").strip("0")


@lru_cache(maxsize=1)
def _thresholds() -> frozenset[float]:
    """Every threshold of the 《标准》's indicator catalogue: figures every park's tables quote."""
    from extractors.facts.catalogue import load_standard

    found = set()
    for indicator in load_standard().indicators:
        if indicator.threshold is not None:
            found.add(indicator.threshold)
        found.update(rule.threshold for rule in indicator.rules)
    return frozenset(found)


def evidence(values: Sequence[str]) -> list[int]:
    """Where the evidence figures stand among numbers in reading order: what betrays whose facts a
    text states. Not a year, a small count, a round number (100, 1000, 50) or a threshold of the
    《标准》, with at least `min_significant` significant digits ([numbers] of data/neardup.toml); a
    figure that comes again (the same fact, as written or restated: 939 户 and 93.9%) counts once,
    where it first stands.
    """
    from corpus.neardup import settings

    least, seen, found = settings().numbers.min_significant, set(), []
    for index, value in enumerate(values):
        digits = significant(value)
        if len(digits) < least or trivial(value) or float(value) in _thresholds() or digits in seen:
            continue
        seen.add(digits)
        found.append(index)
    return found


def figures(text: str) -> list[str]:
    """The evidence figures of a text (what a copy of another park's facts carries over)."""
    stated = numbers(text)
    return [stated[i] for i in evidence(stated)]


def squeeze(text: str) -> str:
    """Only letters, digits and CJK: what rapidfuzz compares, blind to punctuation and spacing."""
    return _PUNCT_SPACE.sub("", text)


def shingles(tokens: list[str], size: int) -> set[bytes]:
    """Word n-grams as bytes (what MinHash hashes); a text shorter than `size` words gives its one n-gram."""
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


@dataclass(frozen=True)
class CorpusPassage:
    """A passage as the corpus stores it: text, page, the block it came from, and table or prose."""

    ordinal: int
    text: str
    page: int | None
    block: int
    in_table: bool


def document_passages(document: Document) -> list[CorpusPassage]:
    """The document's paragraphs and table rows in reading order, table of contents left out."""
    return [
        CorpusPassage(i, p.text, p.page, p.block, p.in_table)
        for i, p in enumerate(passages(document))
        if p.text.strip()
    ]


def section_of_blocks(starts: Iterable[tuple[int, int, int]], block: int) -> int | None:
    """The innermost section (ordinal) whose block range [start, end) holds `block`."""
    best: tuple[int, int] | None = None
    for ordinal, start, end in starts:
        if start <= block < end and (best is None or end - start <= best[1]):
            best = (ordinal, end - start)
    return best[0] if best else None
