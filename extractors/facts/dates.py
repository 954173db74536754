"""Dates of the procedure, read from form fields and text, and the date parser they rest on.

The timeline checks (第十三条 creation period of 2–3 years, 第十条(四) a planning EIA older than
five years, 第十四条 adjustments reported within six months) need the dated events each document
states: approval to start creation, application, base year, 评价时段, the planning EIA's report,
review and follow-up, a reported adjustment, and the document's own date.

Dates are written 2021年6月15日, 二〇二一年六月十五日 (read with cn2an), 2021-06-15, 2021.6.15 or
2021/6/15. A date written to the month only (2021年6月, 二〇二四年九月 on a cover) becomes the 1st
of that month: `DateFact` has no precision field, so a check that needs to know asks
`precision(fact)`, which reads the fact's quote again ("month" or "day"). Years on their own
(基准年, 评价时段) are `DateFact.year` with no day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal, TypeVar

import cn2an
from pydantic import field_validator

from extractors.facts.model import DateFact, Quote
from extractors.facts.nlp import Passage, Section, across_page_breaks, load_section, passages, sentences
from extractors.model import Document, DocumentKind

Precision = Literal["day", "month"]
DateKind = Literal[
    "approval", "application", "eia_report", "eia_review", "eia_followup", "adjustment_reported", "adjustment_made"
]

_CN_DIGIT = "〇零○ＯO一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_ARABIC_DATE = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?")
_CN_DATE = re.compile(
    rf"(?P<y>[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>[{_CN_SMALL}]{{1,2}})\s*月(?:\s*(?P<d>[{_CN_SMALL}]{{1,3}})\s*[日号])?"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])"
)
_REFERENCE = re.compile(
    r"(?P<ref>[\u4e00-\u9fff]{1,8}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,4}\s*号)"
)
_REFERENCE_CUT = "以于并的和及即对在按据依由将为"  # a 文号's prefix starts after the last of these (省厅以苏环审…)
_CLAUSE = re.compile(r"[，,：:]")
_PARENTHETICAL = re.compile(r"[（(][^（）()]*[）)]")
_NEXT_TITLE = ("关于", "附件")
_YEAR_RANGE = (1949, 2100)


@dataclass(frozen=True)
class FoundDate:
    """A date written in a text: where it is, the day it names, and whether the day was written."""

    start: int
    end: int
    text: str
    day: date
    precision: Precision


@dataclass(frozen=True)
class FoundReference:
    """A document number (文号) such as 苏环办〔2021〕88号, normalised to its written form without spaces."""

    start: int
    end: int
    text: str


Found = TypeVar("Found", FoundDate, FoundReference)


# -- parsing ------------------------------------------------------------------------------------


def _cn_int(text: str) -> int | None:
    """A Chinese numeral (二〇二一, 十五) as an int, through cn2an; None when cn2an cannot read it."""
    try:
        return int(cn2an.cn2an(text.translate(str.maketrans("○ＯO", "〇〇〇")), "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _make(year: int | None, month: int | None, day: int | None) -> tuple[date, Precision] | None:
    if year is None or month is None or not (_YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]):
        return None
    try:
        return (date(year, month, day), "day") if day is not None else (date(year, month, 1), "month")
    except ValueError:
        return None


def find_dates(text: str | None) -> list[FoundDate]:
    """Every date in a text, in order. Never raises: what is not a valid date is not a date."""
    if not text:
        return []
    found: list[FoundDate] = []
    for match in _ARABIC_DATE.finditer(text):
        day = match.group("d")
        made = _make(int(match.group("y")), int(match.group("m")), int(day) if day else None)
        if made:
            found.append(FoundDate(match.start(), match.end(), match.group(), *made))
    for match in _CN_DATE.finditer(text):
        day = match.group("d")
        day_value = _cn_int(day) if day else None
        if day and day_value is None:
            continue
        made = _make(_cn_int(match.group("y")), _cn_int(match.group("m")), day_value)
        if made:
            found.append(FoundDate(match.start(), match.end(), match.group(), *made))
    for match in _NUMERIC_DATE.finditer(text):
        made = _make(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if made:
            found.append(FoundDate(match.start(), match.end(), match.group(), *made))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str | None) -> date | None:
    """The first date a text states (a month-only date as the 1st of the month), or None."""
    found = find_dates(text)
    return found[0].day if found else None


def precision(fact: DateFact) -> Precision | None:
    """How precisely the document wrote a fact's day: "day", "month" (stored as the 1st), None without a day."""
    if fact.day is None:
        return None
    found = [f for f in find_dates(fact.quote.text if fact.quote else "") if f.day == fact.day]
    return "month" if found and all(f.precision == "month" for f in found) else "day"


def find_references(text: str | None) -> list[FoundReference]:
    """Every 文号 (苏环审〔2019〕12号, 环发[2015]167号) in a text."""
    found = []
    for match in _REFERENCE.finditer(text or ""):
        written = re.sub(r"\s+", "", match.group("ref"))
        prefix = re.match(r"[\u4e00-\u9fff]*", written).group()
        cut = max(prefix.rfind(ch) + 1 for ch in _REFERENCE_CUT)
        if cut >= len(prefix):  # the function word ends the prefix: keep what is there
            cut = 0
        if prefix[cut:].startswith("经") and len(prefix) - cut > 3:  # 经苏环办… but not 苏经信…
            cut += 1
        found.append(FoundReference(match.end() - (len(written) - cut), match.end(), written[cut:]))
    return found


# -- cues (data/facts_text.toml [dates]) --------------------------------------------------------


def _compiled(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
    return patterns


class _Cue(Section):
    kind: DateKind
    patterns: tuple[str, ...]
    unless: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    reference: bool = False

    _check = field_validator("patterns", "unless", "context")(_compiled)


class _DatesData(Section):
    date_line_filler: str
    review_title: str
    followup_title: str
    baseline_year: tuple[str, ...]
    evaluation: tuple[str, ...]
    cues: tuple[_Cue, ...]

    _check = field_validator("baseline_year", "evaluation")(_compiled)

    @field_validator("date_line_filler", "review_title", "followup_title")
    @classmethod
    def _one(cls, pattern: str) -> str:
        return _compiled((pattern,))[0]


@lru_cache(maxsize=1)
def _data() -> _DatesData:
    return load_section("dates", _DatesData)


# -- extraction ---------------------------------------------------------------------------------


_FIELDS: dict[str, tuple[str, ...]] = {
    "acceptance.approval_date": ("approval",),
    "acceptance.date": ("application", "document_date"),
    "filing.date": ("document_date",),
}
_LETTERS = (DocumentKind.APPLICATION_LETTER, DocumentKind.ACCEPTANCE_LETTER)


def extract_dates(document: Document) -> tuple[DateFact, ...]:
    """The dated events a document states: form fields first, then its sentences, signature and cover."""
    facts: list[DateFact] = []
    for field in document.form_fields:
        for kind in _FIELDS.get(field.id, ()):
            day = parse_date(field.value)
            if day:
                quote = Quote(field.page, f"{field.label}：{field.value}")
                facts.append(DateFact(kind, day=day, year=day.year, quote=quote))
    items = passages(document)
    for passage in across_page_breaks(items):
        texts = sentences(passage.text)
        facts.extend(_adjustments_paired(texts, [_sentence_facts(passage, s) for s in texts]))
    facts.extend(_eia_parts(document, items))
    signed = _document_date(items)
    if signed:
        facts.append(signed)
        if document.kind in _LETTERS:
            facts.append(DateFact("application", day=signed.day, year=signed.year, quote=signed.quote))
    return _unique(facts)


def _unique(facts: list[DateFact]) -> tuple[DateFact, ...]:
    seen: set[tuple] = set()
    kept = []
    for fact in facts:
        key = (fact.kind, fact.day, fact.year if fact.day is None else None, fact.reference)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return tuple(kept)


def _adjustments_paired(texts: list[str], by_sentence: list[list[DateFact]]) -> list[DateFact]:
    """A paragraph's facts, where an adjustment reported in one sentence and made in one of the two
    before it are tied: the made fact quotes those sentences through the report's, so a check finds
    the pair by the reported quote lying inside the made one (“2022年3月，…调整为…。已于2023年1月…书面报告…”).
    """
    kept = [list(facts) for facts in by_sentence]
    for n, facts in enumerate(kept):
        if not any(f.kind == "adjustment_reported" for f in facts) or any(f.kind == "adjustment_made" for f in facts):
            continue
        for back in (n - 1, n - 2):
            made = (
                next((i for i, f in enumerate(kept[back]) if f.kind == "adjustment_made"), None) if back >= 0 else None
            )
            if made is None:
                continue
            fact = kept[back][made]
            page = fact.quote.page if fact.quote else None
            kept[back][made] = replace(fact, quote=Quote(page, "".join(texts[back : n + 1])))
            break
    return [fact for facts in kept for fact in facts]


def _sentence_facts(passage: Passage, sentence: str) -> list[DateFact]:
    data = _data()
    quote = Quote(passage.page, sentence)
    facts: list[DateFact] = []
    for pattern in data.baseline_year:
        match = re.search(pattern, sentence)
        if match:
            facts.append(DateFact("baseline_year", year=int(match.group("year")), quote=quote))
            break
    for pattern in data.evaluation:
        match = re.search(pattern, sentence)
        if match:
            start, end = int(match.group("start")), int(match.group("end"))
            if start <= end:
                facts.append(DateFact("evaluation_start", year=start, quote=quote))
                facts.append(DateFact("evaluation_end", year=end, quote=quote))
            break
    dates = [d for d in find_dates(sentence) if not _glued(sentence, d)]
    references = find_references(sentence)
    if not dates and not references:
        return facts
    hits = []
    for cue in data.cues:
        if any(re.search(p, sentence) for p in cue.unless):
            continue
        if cue.context and not any(re.search(p, sentence) for p in cue.context):
            continue
        hit = next((m for p in cue.patterns for m in [re.search(p, sentence)] if m), None)
        if hit is not None:
            hits.append((cue, hit.span()))
    days = _assign(sentence, [span for _, span in hits], dates)
    numbers = _assign(sentence, [span if cue.reference else None for cue, span in hits], references)
    for (cue, _), day, reference in zip(hits, days, numbers, strict=True):
        if day is None and reference is None:
            continue
        facts.append(
            DateFact(
                cue.kind,
                day=day.day if day else None,
                year=day.day.year if day else None,
                reference=reference.text if reference else None,
                quote=quote,
            )
        )
    return facts


def _assign(sentence: str, spans: list[tuple[int, int] | None], items: list[Found]) -> list[Found | None]:
    """Each cue's date (or 文号): the closest pairs first, each item to one cue only, so in “于2016年3月2日
    通过审查…，跟踪评价…” the date is the review's and not the follow-up's. Closer means the same clause,
    then before the cue (于…批准), then fewer characters between.
    """

    def cost(span: tuple[int, int], item: Found) -> float:
        if item.end <= span[0]:
            gap, between, after = span[0] - item.end, sentence[item.end : span[0]], 0
        elif item.start >= span[1]:
            gap, between, after = item.start - span[1], sentence[span[1] : item.start], 3
        else:
            return 0
        return gap + after + 20 * len(_CLAUSE.findall(between))

    pairs = sorted(
        (cost(span, item), s, i) for s, span in enumerate(spans) if span is not None for i, item in enumerate(items)
    )
    chosen: list[Found | None] = [None] * len(spans)
    used: set[int] = set()
    for _, s, i in pairs:
        if chosen[s] is None and i not in used:
            chosen[s] = items[i]
            used.add(i)
    return chosen


def _glued(text: str, found: FoundDate) -> bool:
    """A signature date the PDF reader joined to the next document's title (“2016年3月2日关于…的意见”)."""
    return found.start == 0 and text[found.end :].startswith(_NEXT_TITLE)


def _date_line(line: str) -> FoundDate | None:
    """The date, when a line is nothing but a date (a signature, a cover's month, “报送日期：…”)."""
    found = find_dates(line)
    if found and _glued(line, found[0]):
        return found[0]
    if len(found) != 1:
        return None
    rest = _PARENTHETICAL.sub("", line[: found[0].start] + line[found[0].end :])  # “（联系人：…）” glued on in PDFs
    return found[0] if re.match(_data().date_line_filler, rest) else None


def _document_date(items: list[Passage]) -> DateFact | None:
    """The signature date (the last date-only line near the end), else the cover's date."""
    tail = [p for p in items[-12:] if not p.in_table]
    for passage in reversed(tail):
        for line in reversed(passage.lines):
            found = _date_line(line)
            if found:
                return DateFact("document_date", day=found.day, year=found.day.year, quote=Quote(passage.page, line))
    for passage in items[:10]:
        for line in passage.lines:
            found = _date_line(line)
            if found:
                return DateFact("document_date", day=found.day, year=found.day.year, quote=Quote(passage.page, line))
    return None


def _is_title(passage: Passage) -> bool:
    """A short line standing alone: not a table row, a sentence, a list of attachments or an addressee.

    A PDF may join a title to the addressee under it (“关于…的审查意见X管理委员会：”) or the signature
    date above it (“2016年3月2日关于…的意见”): both still count.
    """
    text = passage.text
    return (
        not passage.in_table
        and len(text) <= 100
        and not re.search(r"[。；;]|^附", text)
        and (not text.endswith(("：", ":")) or "关于" in text)
    )


def _eia_parts(document: Document, items: list[Passage]) -> list[DateFact]:
    """A 规划环评 proof's review opinion and follow-up opinion, each dated by its signature with its 文号."""
    if document.kind not in (DocumentKind.PLAN_EIA_PROOF, DocumentKind.OTHER):
        return []
    data = _data()
    starts: list[tuple[int, str, str]] = []  # (first passage, kind, title)
    for i, passage in enumerate(items):
        title, kind = passage.text, _part_kind(passage, data)
        following = items[i + 1] if i + 1 < len(items) else None
        if kind is None and following and _wraps(passage, following, data):
            title = passage.text + following.text  # a title wrapped over two lines (PDF)
            kind = _part_kind(Passage(title, passage.page, passage.block), data)
        if kind and not (starts and starts[-1][0] == i - 1):
            starts.append((i, kind, title))
    if not starts and document.kind == DocumentKind.PLAN_EIA_PROOF and items:
        starts = [(0, "eia_review", items[0].text)]
    facts = []
    for n, (first, kind, title) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(items)
        part = items[first : last + 1]  # the next part's title may carry this part's signature glued on
        signature = None
        for passage in reversed(part):
            signature = next((f for f in map(_date_line, reversed(passage.lines)) if f), None)
            if signature:
                break
        reference = _part_reference(items, first, starts[n - 1][0] if n else -1)
        if signature is None and reference is None:
            continue
        quote = " ".join(t for t in (reference, title, signature.text if signature else None) if t)
        facts.append(
            DateFact(
                kind,
                day=signature.day if signature else None,
                year=signature.day.year if signature else None,
                reference=reference,
                quote=Quote(items[first].page, quote),
            )
        )
    return facts


def _wraps(passage: Passage, following: Passage, data: _DatesData) -> bool:
    """Whether two short lines may be one title wrapped by the PDF (neither a 文号 nor a title itself)."""
    return (
        _is_title(passage)
        and _is_title(following)
        and not _is_reference_line(passage.text)
        and _part_kind(following, data) is None
    )


def _part_kind(passage: Passage, data: _DatesData) -> str | None:
    """eia_review / eia_followup when a passage is the title of a review or follow-up opinion."""
    if not _is_title(passage) or not re.search(data.review_title + "|意见", passage.text):
        return None
    if not ("关于" in passage.text or re.search("规划|环境影响", passage.text)):
        return None
    if re.search(data.followup_title, passage.text):
        return "eia_followup"
    return "eia_review" if re.search(data.review_title, passage.text) else None


def _part_reference(items: list[Passage], title: int, previous_title: int) -> str | None:
    """The 文号 printed alone on a line just above or below a part's title."""
    for index in (title - 1, title + 1, title - 2, title + 2):
        if previous_title < index < len(items) and index != title and _is_reference_line(items[index].text):
            return find_references(items[index].text)[0].text
    return None


def _is_reference_line(text: str) -> bool:
    """A line that is a 文号 and nothing else."""
    found = find_references(text)
    return len(found) == 1 and len(text) - len(found[0].text) <= 2


__all__ = [
    "FoundDate",
    "FoundReference",
    "extract_dates",
    "find_dates",
    "find_references",
    "parse_date",
    "precision",
]
