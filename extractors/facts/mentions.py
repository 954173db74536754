"""Indicator values and package totals stated in running text, beside the tables that state them.

A report gives an indicator's 现状值 in its table and again in sentences (“2023年单位工业增加值综合
能耗为0.42吨标煤/万元”); the 验收申请表 repeats some of them and the number of indicators and the
investment. Checks compare these statements (第十八条（六） 数据真实, 附件4). A mention is a catalogue
name, then a cue (为, 达到, 现状值为 …) and a number with its unit, with no other number between;
the year is the one written just before the cue or the last one before the name. Words are data
(`data/facts_text.toml` [mentions]). Knows nothing of checks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import field_validator

from extractors.facts.catalogue import CatalogueIndicator, load_standard
from extractors.facts.model import Quote, TallyFact, ValueMention
from extractors.facts.nlp import Section, load_section, passage_sentences, passages, valid_patterns
from extractors.facts.units import is_unit, normalise
from extractors.model import Document

_NUMBER = re.compile(r"\s*(?:约|共)?\s*(?P<num>\d+(?:\.\d+)?)")
_YEAR_BEFORE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:底|末|度)?\s*$")
_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
_CLAUSE = re.compile(r"[，,；;]")
_STOP = re.compile(r"[，,。；;、（）()\s]")
_UNIT_CHARS = 12


class _Tally(Section):
    what: str
    patterns: tuple[str, ...]

    _check = field_validator("patterns")(valid_patterns)


class _MentionsData(Section):
    cues: tuple[str, ...]
    target: tuple[str, ...]
    baseline: tuple[str, ...]
    skip: tuple[str, ...]
    tallies: tuple[_Tally, ...]

    _check = field_validator("cues", "target", "baseline", "skip")(valid_patterns)


@lru_cache(maxsize=1)
def _data() -> _MentionsData:
    return load_section("mentions", _MentionsData)


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], dict[str, CatalogueIndicator]]:
    """One pattern finding any catalogue name or alias (longest first), and name → indicator."""
    by_name = {name: i for i in load_standard().indicators for name in i.names if len(name) >= 4}
    alternation = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return re.compile(alternation), by_name


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(_data().cues) + ")")


def _unit_after(text: str) -> str | None:
    """The longest unit written at the head of a text (吨标煤/万元, %, 万吨)."""
    head = _STOP.split(text[:_UNIT_CHARS], 1)[0]
    return next((head[:n] for n in range(len(head), 0, -1) if is_unit(head[:n])), None)


def _role(before: str, window: str) -> str | None:
    data = _data()
    if any(re.search(p, window) for p in data.skip):
        return None
    if any(re.search(p, window) for p in data.baseline):
        return "baseline"
    if any(re.search(p, window + before[-12:]) for p in data.target) or re.search(r"到\d{4}年", before[-12:]):
        return "target"
    return "value"


def _mention(sentence: str, start: int, end: int, limit: int) -> tuple[float, str | None, int | None, str] | None:
    """(number, unit as written, year, role) for the name at [start, end), looking no further than `limit`."""
    cue = _cue().search(sentence, end, limit)
    while cue is not None:
        number = _NUMBER.match(sentence, cue.end())
        if number is not None and number.end() <= limit:
            break
        cue = _cue().search(sentence, cue.end(), limit)
    if cue is None or number is None:
        return None
    near = _YEAR_BEFORE.search(sentence, end, cue.start())
    window = sentence[end : near.start() if near else cue.start()]
    if re.search(r"\d", window):
        return None  # another number stands between the name and this one: not its value
    clause = _CLAUSE.split(sentence[end : cue.end()])[-1]  # the words that say what the number is
    role = _role(sentence[:start], clause)
    if role is None:
        return None
    years = _YEAR.findall(sentence[:start])
    year = int(near.group("year")) if near else int(years[-1]) if years else None
    return float(number.group("num")), _unit_after(sentence[number.end() :]), year, role


def extract_mentions(document: Document) -> tuple[ValueMention, ...]:
    """Every catalogue indicator's value stated in a sentence (table rows are the table's)."""
    pattern, by_name = _names()
    found = []
    for passage, sentence in passage_sentences(passages(document)):
        if passage.in_table and sentence.count("：") > 1:
            continue  # a table row, not a sentence
        hits = list(pattern.finditer(sentence))
        for n, hit in enumerate(hits):
            limit = hits[n + 1].start() if n + 1 < len(hits) else len(sentence)
            read = _mention(sentence, hit.start(), hit.end(), limit)
            if read is None:
                continue
            number, unit_text, year, role = read
            indicator = by_name[hit.group()]
            if not unit_text and indicator.unit:
                continue  # a bare number for a quantity with a unit: cannot be compared
            value, unit = normalise(number, unit_text, indicator.unit or None)
            if indicator.unit and unit != indicator.unit:
                continue
            found.append(
                ValueMention(hit.group(), indicator.id, value, unit or None, year, role, Quote(passage.page, sentence))
            )
    return tuple(found)


def extract_tallies(document: Document) -> tuple[TallyFact, ...]:
    """Counts and totals stated in words (评价指标18项, 累计完成投资5.23亿元), money in 万元."""
    found = []
    for passage, sentence in passage_sentences(passages(document)):
        for tally in _data().tallies:
            for pattern in tally.patterns:
                for match in re.finditer(pattern, sentence):
                    value = float(match.group("n"))
                    unit = match.groupdict().get("unit")
                    if unit:
                        value = round(normalise(value, unit, "万元")[0], 6)  # 5.23亿元 is 52300万元, not …0001
                    found.append(TallyFact(tally.what, value, Quote(passage.page, sentence)))
    return tuple(found)


__all__ = ["extract_mentions", "extract_tallies"]
