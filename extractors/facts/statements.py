"""The compliance statements of 第十条(三), read with spaCy Matcher patterns over jieba tokens.

The 环境守法证明 must state, for the three years before the application, five things: no serious
pollution incident and no 特别重大、重大突发环境事件; lawful discharge by every 排污单位; no negative
public opinion (负面舆情); every enterprise's protection duties done; complete risk, self-monitoring
and emergency systems. Reports restate some of them for the 评价时段 (第十八条(一)).

Each topic's cues are token patterns in `data/facts_text.toml` [statements]. A cue is `good`
(依法依规排放) or `bad` (突发环境事件); a negation before it in its clause (未, 没有, 不存在 …; a
clause opened by 或/及 continues the one before) or after it (负面舆情：无) turns it over, so
“未发生…突发环境事件” asserts the statement and “发生了1起较大突发环境事件” denies it. Cues in a
goal or condition (防止, 一旦, 应) are not statements. Parentheticals are read out first: “（自然
灾害等不可抗力因素造成的突发环境事件除外）” names an event without stating one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from extractors.facts.model import Quote, StatementFact
from extractors.facts.nlp import (
    TEXT_DATA,
    Passage,
    Section,
    TextDataError,
    build_matcher,
    load_section,
    passages,
    phrase_pattern,
    pipeline,
    sentences,
    valid_patterns,
)
from extractors.model import Document

_PARENTHETICAL = re.compile(r"（[^（）]*）|\([^()]*\)")
_BOUNDARY = frozenset({"，", ",", "；", ";", "：", ":", "。", "！", "？"})
_BOUNDARY_AFTER = _BOUNDARY - {"：", ":"}
_LIST_MARK = re.compile(r"[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]?")
_CONTEXT_REACH = 8  # passages after a “…情况如下：” line its period applies to
_TITLE_PASSAGES = 3


class _Cue(Section):
    polarity: Literal["good", "bad"]
    phrase: str | None = None
    pattern: tuple[dict[str, Any], ...] | None = None
    not_followed_by: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_form(self) -> _Cue:
        if (self.phrase is None) == (self.pattern is None):
            raise ValueError("a cue has either a phrase or a pattern")
        return self


class _Topic(Section):
    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    label: str
    cues: tuple[_Cue, ...] = Field(min_length=1)


class _StatementsData(Section):
    negations: tuple[str, ...]
    negation_chars: str = ""
    not_negations: tuple[str, ...] = ()
    negations_after: tuple[str, ...] = ()
    joiners: tuple[str, ...] = ()
    hypothetical: tuple[str, ...] = ()
    goal_sentences: tuple[str, ...] = ()
    imperatives: tuple[str, ...] = ()
    done_markers: tuple[str, ...] = ()
    periods: tuple[str, ...]
    topics: tuple[_Topic, ...] = Field(min_length=1)

    @field_validator("periods", "goal_sentences")
    @classmethod
    def _patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return valid_patterns(patterns)

    @field_validator("topics")
    @classmethod
    def _unique(cls, topics: tuple[_Topic, ...]) -> tuple[_Topic, ...]:
        ids = [t.id for t in topics]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate topic ids: {duplicates}")
        return topics


@dataclass(frozen=True)
class _Reader:
    """The validated data and the Matcher built from it (label “topic#cue”)."""

    data: _StatementsData
    matcher: Any
    cues: dict[str, tuple[str, _Cue]]
    needs: tuple[tuple[frozenset[str], ...], ...] | None  # per cue: words it cannot match without

    def may_match(self, text: str) -> bool:
        """Whether some cue could match: each of its mandatory literal tokens occurs in the text.

        Running jieba and the Matcher on every sentence was half of the analysis time of a long
        report, and most sentences hold no cue. This only skips sentences that cannot match.
        """
        if self.needs is None:
            return True
        present = {word for word in _words(self.needs) if word in text}
        return bool(present) and any(all(not group.isdisjoint(present) for group in cue) for cue in self.needs)


@lru_cache(maxsize=1)
def _words(needs: tuple[tuple[frozenset[str], ...], ...]) -> tuple[str, ...]:
    return tuple({word for cue in needs for group in cue for word in group})


def _needs(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...] | None:
    """For each mandatory token of a pattern with literal text, the words it may be; None if a
    pattern has no such token (then nothing can be skipped).
    """
    groups = []
    for token in pattern:
        if token.get("OP") in ("?", "*", "!"):
            continue
        text = token.get("TEXT")
        if isinstance(text, str):
            groups.append(frozenset((text,)))
        elif isinstance(text, dict) and isinstance(text.get("IN"), list):
            groups.append(frozenset(str(word) for word in text["IN"]))
    return tuple(groups) or None


def _all_needs(patterns: dict[str, list[list[dict[str, Any]]]]) -> tuple[tuple[frozenset[str], ...], ...] | None:
    needs = [_needs(pattern) for label_patterns in patterns.values() for pattern in label_patterns]
    return None if any(n is None for n in needs) else tuple(n for n in needs if n is not None)


@lru_cache(maxsize=1)
def _reader() -> _Reader:
    data = load_section("statements", _StatementsData)
    cues: dict[str, tuple[str, _Cue]] = {}
    patterns: dict[str, list[list[dict[str, Any]]]] = {}
    for t, topic in enumerate(data.topics):
        for c, cue in enumerate(topic.cues):
            label = f"{topic.id}#{c}"
            pattern = phrase_pattern(cue.phrase) if cue.phrase is not None else [dict(p) for p in cue.pattern or ()]
            if not pattern:
                raise TextDataError(f"{TEXT_DATA}: [statements].topics[{t}].cues[{c}]: the phrase has no tokens")
            try:
                build_matcher({label: [pattern]})  # spaCy's own validation, one cue at a time, to name it
            except Exception as exc:
                raise TextDataError(f"{TEXT_DATA}: [statements].topics[{t}].cues[{c}].pattern: {exc}") from exc
            patterns[label] = [pattern]
            cues[label] = (topic.id, cue)
    return _Reader(data, build_matcher(patterns), cues, _all_needs(patterns))


@dataclass(frozen=True)
class _Verdict:
    topic: str
    asserted: bool


def read_sentence(sentence: str) -> list[_Verdict]:
    """Each topic a sentence states, asserted or denied (several cues of a topic: asserted only if all assert)."""
    reader = _reader()
    text = sentence
    previous = None
    while previous != text:
        previous, text = text, _PARENTHETICAL.sub("", text)
    if not reader.may_match(text):
        return []
    if any(re.search(p, text) for p in reader.data.goal_sentences):
        return []
    doc = pipeline().make_doc(text)
    words = [token.text for token in doc]
    found: dict[str, bool] = {}
    for match_id, start, end in reader.matcher(doc):
        topic, cue = reader.cues[doc.vocab.strings[match_id]]
        if end < len(words) and words[end] in cue.not_followed_by:
            continue
        before = _scope_before(words, start, reader.data.joiners)
        if _is_hypothetical(before, reader.data) or _is_task(before, reader.data):
            continue
        negated = sum(_negates(word, reader.data) for word in before) % 2 == 1
        if any(word in reader.data.negations_after for word in _scope_after(words, end)):
            negated = not negated
        asserted = (cue.polarity == "good") != negated
        found[topic] = found.get(topic, True) and asserted
    return [_Verdict(topic, asserted) for topic, asserted in found.items()]


def _negates(word: str, data: _StatementsData) -> bool:
    """Whether a token negates: a negation word, or a token jieba glued 未/没 into (未因, 内未)."""
    if word in data.negations:
        return True
    return word not in data.not_negations and any(ch in word for ch in data.negation_chars)


def _is_hypothetical(clause: list[str], data: _StatementsData) -> bool:
    """A clause that states a goal or a condition (防止…, 确保…, 一旦…, 应…)."""
    joined = "".join(clause)
    return any(word in clause if len(word) == 1 else word in joined for word in data.hypothetical)


def _is_task(clause: list[str], data: _StatementsData) -> bool:
    """A clause that opens with an imperative verb and says nothing is done yet (健全…体系, 完善…制度)."""
    words = [w for w in clause if w.strip() and not _LIST_MARK.fullmatch(w)]
    if not words or not words[0].startswith(data.imperatives):
        return False
    return not any(w in data.done_markers or w.endswith("了") for w in words)


def _scope_before(words: list[str], start: int, joiners: tuple[str, ...]) -> list[str]:
    """The words of the cue's clause before it; a clause opened by a joiner (或, 及 …) reaches back one more."""
    index = start - 1
    while index >= 0:
        if words[index] in _BOUNDARY:
            if index + 1 < start and words[index + 1] in joiners:
                index -= 1
                continue
            break
        index -= 1
    return words[index + 1 : start]


def _scope_after(words: list[str], end: int) -> list[str]:
    index = end
    while index < len(words) and words[index] not in _BOUNDARY_AFTER:
        index += 1
    return words[end:index]


def _period(text: str) -> str | None:
    for pattern in _reader().data.periods:
        match = re.search(pattern, text)
        if match:
            return match.group().strip()
    return None


def _introduces(passage: Passage) -> bool:
    """A line that opens a list (“…生态环境守法情况如下：”), whose period the list items inherit."""
    return passage.text.rstrip().endswith(("：", ":")) or "如下" in passage.text


def extract_statements(document: Document) -> tuple[StatementFact, ...]:
    """The 第十条(三) statements a document makes: topic, asserted or denied, the period they cover, the sentence."""
    facts: list[StatementFact] = []
    context: tuple[str, int] | None = None  # (period, index of the passage that stated it)
    titled: str | None = None  # a period in the title (“…2019—2022年环境守法证明”) covers the document
    for index, passage in enumerate(passages(document)):
        if index < _TITLE_PASSAGES and titled is None and not _introduces(passage):
            titled = _period(passage.text)
        if _introduces(passage):
            period = _period(passage.text)
            context = (period, index) if period else context
        inherited = context[0] if context and 0 < index - context[1] <= _CONTEXT_REACH else titled
        for sentence in sentences(passage.text):
            verdicts = read_sentence(sentence)
            if not verdicts:
                continue
            period = _period(sentence) or inherited
            quote = Quote(passage.page, sentence)
            facts.extend(StatementFact(v.topic, v.asserted, period, quote) for v in verdicts)
    return tuple(facts)


__all__ = ["extract_statements", "read_sentence"]
