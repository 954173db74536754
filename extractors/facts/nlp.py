"""How the fact extractors read text: passages with their pages, sentences, and one spaCy pipeline.

There is no Chinese spaCy model to install, so the pipeline is `spacy.blank("zh")` with the jieba
segmenter, built once on first use (about a second: jieba's dictionary and spaCy's registry) and
never at import, so reading a package that needs no token matching costs nothing. Domain words
(park-name suffixes, 管理委员会, 规划环境影响评价, the catalogue's indicator names, the statement
cues) are added to jieba first so they stay whole, which keeps Matcher patterns short.

The words, cues and patterns are data (`data/facts_text.toml`); each extractor validates its own
section with `load_section`, which fails naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from extractors.model import Document, RawDocument, Table, TextBlock
from extractors.outline import DATA_DIR
from extractors.segment import toc_indices
from extractors.text import join_cjk

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher

TEXT_DATA = DATA_DIR / "facts_text.toml"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_DIGIT_GAP = re.compile(r"(?<=[\d])[ \t]+(?=[\d年月日号.])|(?<=[年月.])[ \t]+(?=\d)")
_SENTENCE_END = re.compile(r"(?<=[。！？；;!?])|\n")
_PARAGRAPH_ENDS = "。！？；;!?：:”…"  # a paragraph ending otherwise stops mid-sentence
_CUT_PARAGRAPH = 30  # characters: shorter text at a page foot is a line of its own (a cover's date, a title)

Model = TypeVar("Model", bound=BaseModel)


class TextDataError(ValueError):
    """The text data file cannot be used: its path, the key, and what is wrong."""


class Section(BaseModel):
    """Base of every section model: unknown keys are errors, values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _Jieba(Section):
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Passage:
    """A paragraph, or one table row with its cells joined by “：”, as the extractors read it."""

    text: str  # normalised (see `normalise_text`)
    page: int | None
    block: int  # index of the block in the document
    in_table: bool = False

    @property
    def lines(self) -> list[str]:
        """The passage's lines (a cover block may hold the body's name and the date on two lines)."""
        return [line.strip() for line in self.text.split("\n") if line.strip()]


def normalise_text(text: str) -> str:
    """Full-width digits to ASCII, the spaces PDF extraction puts around CJK and digits removed.

    Chinese punctuation is kept (NFKC would turn “，” into “,”), so quotes still read as written.
    """
    lines = unicodedata.normalize("NFC", text or "").translate(_FULLWIDTH).split("\n")
    lines = (_DIGIT_GAP.sub("", join_cjk(line)) for line in lines)  # per line: join_cjk would eat line breaks
    return "\n".join(_SPACES.sub(" ", line).strip() for line in lines)


def passages(document: Document) -> list[Passage]:
    """The document's text in reading order, table of contents left out."""
    if document.raw is None:
        return []
    return list(_passages(document.raw))


@lru_cache(maxsize=2)
def _passages(raw: RawDocument) -> tuple[Passage, ...]:
    """Cached per read document: the dates, identity and statement extractors each walk it."""
    blocks = raw.blocks
    skip = toc_indices(blocks)
    found: list[Passage] = []
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        if isinstance(block, TextBlock):
            text = normalise_text(block.text)
            if text:
                found.append(Passage(text, block.page, index))
        elif isinstance(block, Table):
            for row_index, row in enumerate(block.rows()):
                cells = [normalise_text(cell.text) for cell in row]
                text = "：".join(cell for cell in cells if cell)
                if text:
                    found.append(Passage(text, block.page_of_row(row_index), index, in_table=True))
    return tuple(found)


def across_page_breaks(items: Sequence[Passage]) -> list[Passage]:
    """Paragraphs a PDF page break cut in two joined again: a paragraph that stops mid-sentence at the
    foot of a page continues in the first paragraph of the next, and a sentence read in halves loses
    its dates' meaning (an adjustment made on one page, reported in writing on the next).
    """
    joined: list[Passage] = []
    for passage in items:
        last = joined[-1] if joined else None
        if (
            last is not None
            and not (last.in_table or passage.in_table)
            and last.page is not None
            and passage.page is not None
            and passage.page > last.page
            and len(last.text) >= _CUT_PARAGRAPH
            and last.text[-1] not in _PARAGRAPH_ENDS
        ):
            joined[-1] = replace(last, text=last.text + passage.text)
        else:
            joined.append(passage)
    return joined


def sentences(text: str) -> list[str]:
    """Sentences and list items of a passage: split after 。！？； and at line breaks, trimmed."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def passage_sentences(items: Sequence[Passage]) -> Iterator[tuple[Passage, str]]:
    """Every sentence of every passage, with the passage it came from."""
    for passage in items:
        for sentence in sentences(passage.text):
            yield passage, sentence


# -- the data file ------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _raw(path: Path) -> Mapping[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise TextDataError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TextDataError(f"{path}: not valid TOML: {exc}") from exc


def valid_patterns(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """Validator for data sections holding regular expressions: a bad one fails at load, quoted."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
    return patterns


def load_section(name: str, model: type[Model], path: Path | None = None) -> Model:
    """Section `name` of the text data file, validated by `model`; TextDataError names file and key."""
    path = path or TEXT_DATA
    data = _raw(path)
    if name not in data:
        raise TextDataError(f"{path}: [{name}] is missing")
    try:
        return model.model_validate(data[name])
    except ValidationError as exc:
        details = "; ".join(
            f"[{name}]." + ".".join(map(str, item["loc"])) + ": " + item["msg"].removeprefix("Value error, ")
            for item in exc.errors()
        )
        raise TextDataError(f"{path}: {details}") from exc


# -- spaCy --------------------------------------------------------------------------------------


def domain_words() -> tuple[str, ...]:
    """Words jieba must keep whole: the data file's list and every catalogue indicator name."""
    from extractors.facts.catalogue import load_standard  # the catalogue needs no spaCy; import late

    words = list(load_section("jieba", _Jieba).words)
    for indicator in load_standard().indicators:
        words.extend(indicator.names)
    return tuple(dict.fromkeys(w for w in words if w))


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The one spaCy pipeline: blank Chinese with the jieba segmenter and the domain words; built on first use."""
    import jieba
    import spacy

    jieba.setLogLevel(60)  # jieba prints its dictionary loading to stderr otherwise
    for word in domain_words():
        jieba.add_word(word)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def tokens(text: str) -> list[str]:
    """The jieba tokens of a text, as the pipeline segments it."""
    return [token.text for token in pipeline().make_doc(text)]


def build_matcher(patterns: Mapping[str, Sequence[Sequence[Mapping[str, Any]]]]) -> Matcher:
    """A spaCy Matcher over the pipeline's vocabulary, patterns validated by spaCy (label → token patterns)."""
    from spacy.matcher import Matcher

    matcher = Matcher(pipeline().vocab, validate=True)
    for label, token_patterns in patterns.items():
        matcher.add(label, [list(map(dict, p)) for p in token_patterns])
    return matcher


def phrase_pattern(phrase: str) -> list[dict[str, str]]:
    """A token pattern matching a phrase the way the pipeline segments it."""
    return [{"TEXT": token} for token in tokens(phrase) if token.strip()]


__all__ = [
    "TEXT_DATA",
    "Passage",
    "Section",
    "TextDataError",
    "build_matcher",
    "domain_words",
    "load_section",
    "normalise_text",
    "passage_sentences",
    "passages",
    "phrase_pattern",
    "pipeline",
    "sentences",
    "tokens",
]
