"""How far each named 支撑项目 has got, as running text says it (附件3 四: 支撑项目完成情况).

A report lists a project as 已完成 in its table and may say 目前仍在建设中 in the paragraph about it;
the check that compares the two needs every sentence that names a project and a status. The project
is the name before “：” at the head of the sentence or a quoted name ending like a project (工程,
项目, 平台 …); a sentence with both a done and an unfinished cue says nothing we can use. Words are
data (`data/facts_text.toml` [progress]). Knows nothing of checks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import field_validator

from extractors.facts.model import ProgressFact, Quote
from extractors.facts.nlp import Section, load_section, passage_sentences, passages, valid_patterns
from extractors.model import Document

_HEAD = re.compile(r"^(?:\d+[.、．]|[（(]\d+[)）]|[①-⑳])?\s*(?P<name>[^：:，。；]{4,40})[：:]")
_CLAUSE = re.compile(r"[，,、]")
_QUOTED = re.compile(r"[“\"](?P<name>[^”\"]{4,40})[”\"]")


class _ProgressData(Section):
    project_ends: tuple[str, ...]
    done: tuple[str, ...]
    unfinished: tuple[str, ...]
    intent: tuple[str, ...]

    _check = field_validator("done", "unfinished", "intent")(valid_patterns)


@lru_cache(maxsize=1)
def _data() -> _ProgressData:
    return load_section("progress", _ProgressData)


def status_of(text: str | None) -> bool | None:
    """True for a done status (已完成, 建成投运), False for an unfinished one (在建), None otherwise or both."""
    if not text:
        return None
    data = _data()
    unfinished = any(re.search(p, text) for p in data.unfinished)
    rest = text
    for pattern in data.unfinished:  # 尚未建成投运 is not 建成投运
        rest = re.sub(pattern, "", rest)
    done = any(re.search(p, rest) for p in data.done)
    return done if done != unfinished else None


def _status_words(text: str) -> str | None:
    data = _data()
    hits = [m.group() for p in (*data.done, *data.unfinished) for m in [re.search(p, text)] if m]
    return hits[0] if hits else None


def _stated(text: str) -> tuple[bool, str] | None:
    """The status a sentence states, clause by clause: clauses of intent (按期建成投运, 计划…) are goals,
    not progress; clauses that disagree say nothing usable.
    """
    found = set()
    words = ""
    for clause in _CLAUSE.split(text):
        if any(re.search(p, clause) for p in _data().intent):
            continue
        done = status_of(clause)
        if done is not None:
            found.add(done)
            words = words or _status_words(clause) or ""
    return (found.pop(), words) if len(found) == 1 else None


def _project_name(sentence: str) -> str | None:
    ends = _data().project_ends
    head = _HEAD.match(sentence)
    if head and head.group("name").endswith(ends):
        return head.group("name").strip()
    quoted = next((m.group("name") for m in _QUOTED.finditer(sentence) if m.group("name").endswith(ends)), None)
    return quoted.strip() if quoted else None


def extract_progress(document: Document) -> tuple[ProgressFact, ...]:
    """Every running-text sentence naming a project and how far it has got."""
    facts = []
    for passage, sentence in passage_sentences(passages(document)):
        if passage.in_table:
            continue
        name = _project_name(sentence)
        if name is None:
            continue
        stated = _stated(sentence.split(name, 1)[1])
        if stated is not None:
            facts.append(ProgressFact(name, stated[0], stated[1], Quote(passage.page, sentence)))
    return tuple(facts)


__all__ = ["extract_progress", "status_of"]
