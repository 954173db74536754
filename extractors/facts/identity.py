"""Who a document says the park is: name, managing body, level, type, area, 四至, chemical-park status.

The change checks (第十四条: a change of name, managing body or scope must be reported) compare
these across the two packages, so each document's own statement is read: the forms' fields
first (附件2 / 附件4, ticked boxes ☑ ■ √ ☒), and otherwise the text — a cover or title line, “X
（以下简称园区）”, “管理机构为…”, a signature or addressee line, “规划面积36.8平方公里”, “东至…”.
Areas are converted to km² (公顷, 亩, 万平方米 …) with the unit tables. Suffixes, cue words and
tick marks are data (`data/facts_text.toml` [identity]).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import field_validator

from extractors.facts.model import IdentityFact, Quote
from extractors.facts.nlp import Passage, Section, load_section, passages, sentences, valid_patterns
from extractors.facts.numbers import parse_number
from extractors.facts.units import normalise as convert_unit
from extractors.model import Document, FormField

_PUNCTUATION = re.compile(r"[，。；：、“”‘’\"'《》〈〉,.;:!?！？\s]")
_SHORT_NAME = re.compile(r"(?:^|[，。；：、（(\s])(?P<n>[^，。；：、（()\s]{3,40}?)[（(]以下简称")  # X（以下简称园区）
_NUMBER = r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千点]+"


class _IdentityData(Section):
    park_suffixes: tuple[str, ...]
    generic_names: tuple[str, ...]
    lead_ins: tuple[str, ...]
    body_suffixes: tuple[str, ...]
    not_bodies: tuple[str, ...]
    body_cues: tuple[str, ...]
    levels: tuple[str, ...]
    types: tuple[str, ...]
    checked_marks: str
    unchecked_marks: str
    area_cues: tuple[str, ...]
    area_not: tuple[str, ...]
    area_units: tuple[str, ...]
    boundary: str
    chemical_yes: tuple[str, ...]
    chemical_no: tuple[str, ...]

    @field_validator("body_cues", "chemical_yes", "chemical_no")
    @classmethod
    def _patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return valid_patterns(patterns)

    @field_validator("boundary")
    @classmethod
    def _boundary(cls, pattern: str) -> str:
        try:
            if "dir" not in re.compile(pattern).groupindex:
                raise ValueError("the boundary pattern needs a (?P<dir>…) group")
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
        return pattern


@lru_cache(maxsize=1)
def _data() -> _IdentityData:
    return load_section("identity", _IdentityData)


# The form fields that state each identity field, 附件4 before 附件2, the table before the header line.
_FIELDS: dict[str, tuple[str, ...]] = {
    "park_name": ("acceptance.park_name", "filing.park_name", "acceptance.park", "filing.park"),
    "managing_body": ("acceptance.body_name", "filing.body_name"),
    "level": ("acceptance.level", "filing.level"),
    "type": ("acceptance.type", "filing.type"),
    "chemical": ("acceptance.chemical_park", "filing.chemical_park"),
    "scope": ("filing.scope_area",),
}


@dataclass(frozen=True)
class _Candidate:
    value: str
    weight: int
    order: int
    quote: Quote


def extract_identity(document: Document) -> tuple[IdentityFact, ...]:
    """The park's identity as this document states it: one fact per field it states."""
    fields = {f.id: f for f in document.form_fields}
    items = passages(document)
    facts: list[IdentityFact] = []
    for name, reader in (
        ("park_name", _park_name),
        ("managing_body", _managing_body),
        ("level", _level),
        ("type", _type),
        ("chemical", _chemical),
    ):
        fact = _from_field(name, fields) or reader(items)
        if fact:
            facts.append(fact)
    scope = next((fields[i] for i in _FIELDS["scope"] if i in fields and fields[i].value.strip()), None)
    scope_items = [Passage(scope.value, scope.page, -1)] if scope else []
    area = _area(scope_items, field=scope) or _area(items)
    boundary = _boundary(scope_items, field=scope) or _boundary(items)
    facts.extend(f for f in (area, boundary) if f)
    return tuple(facts)


# -- form fields --------------------------------------------------------------------------------


def _field_quote(field: FormField) -> Quote:
    return Quote(field.page, f"{field.label}：{field.value}")


def _from_field(name: str, fields: dict[str, FormField]) -> IdentityFact | None:
    data = _data()
    for field_id in _FIELDS[name]:
        field = fields.get(field_id)
        if field is None or not field.value.strip():
            continue
        value = field.value.strip()
        if name == "level":
            value = "、".join(ticked(value, data.levels))
        elif name == "type":
            value = "、".join(ticked(value, data.types))
        elif name == "chemical":
            value = "、".join(ticked(value, ("是", "否")))
        if value:
            return IdentityFact(name, value, quote=_field_quote(field))
    return None


def ticked(text: str, options: Iterable[str]) -> list[str]:
    """The options a tick-box line marks (“国家级☑ 省级□”, “■省级 □国家级”, “是□ 否√”), in the line's order.

    Marks follow their option unless the line starts with a mark; an option with an empty box or
    no mark is not ticked. A line with no marks at all but exactly one option is read as that option.
    """
    data = _data()
    marks = data.checked_marks + data.unchecked_marks
    line = re.sub(r"[\s（）()\[\]【】:：,，、;；]", "", text or "")
    if not line:
        return []
    before = line[0] in marks
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for option in sorted(options, key=len, reverse=True):
        for match in re.finditer(re.escape(option), line):
            if taken & set(range(match.start(), match.end())):
                continue
            index = match.start() - 1 if before else match.end()
            mark = line[index] if 0 <= index < len(line) else ""
            if mark in marks and mark:
                taken.update(range(match.start(), match.end()))
                if mark in data.checked_marks:
                    found.append((match.start(), option))
    if not found and not any(m in line for m in marks):
        present = [o for o in options if o in line]
        if len(present) == 1:
            return present
    return [option for _, option in sorted(found)]


# -- names --------------------------------------------------------------------------------------


def _clean_park_name(text: str) -> str | None:
    """A park's name from a candidate phrase, lead-in words stripped; None if it is no park's name."""
    data = _data()
    name = re.sub(r"[\s“”\"'《》〈〉]", "", text)
    changed = True
    while changed:
        changed = False
        for lead in data.lead_ins:
            if name.startswith(lead) and len(name) - len(lead) >= 3:
                name, changed = name[len(lead) :], True
    if not name.endswith(data.park_suffixes) or name in data.generic_names:
        return None
    if not 3 <= len(name) <= 30 or _PUNCTUATION.search(name) or re.search(r"\d", name):
        return None
    stem = next(name[: -len(s)] for s in data.park_suffixes if name.endswith(s))
    return name if len(stem) >= 2 else None


def _titles(line: str) -> Iterable[str]:
    """Phrases of a title or cover line that may be a park's name."""
    for pattern in (
        r"^(?P<n>.+?)(?:生态文明建设示范区|国家生态工业示范园区|生态工业园区|环境守法)",
        r"^关于《?(?P<n>.+?)(?:[^，。]{0,8}规划|规划环境影响)",
        r"^(?P<n>.+?)(?:规划环境影响|总体规划|开发建设规划)",
    ):
        match = re.search(pattern, line)
        if match:
            yield match.group("n")


def _park_name(items: list[Passage]) -> IdentityFact | None:
    data = _data()
    candidates: list[_Candidate] = []
    for order, passage in enumerate(items):
        for sentence in sentences(passage.text):
            for match in _SHORT_NAME.finditer(sentence):
                name = _clean_park_name(match.group("n"))
                if name:
                    candidates.append(_Candidate(name, 4, order, Quote(passage.page, sentence)))
        if order < 12 and not passage.in_table:
            for line in passage.lines:
                name = _clean_park_name(line)
                if name:
                    candidates.append(_Candidate(name, 3, order, Quote(passage.page, line)))
                    continue
                if len(line) <= 80 and "。" not in line:
                    for phrase in _titles(line):
                        name = _clean_park_name(phrase)
                        if name:
                            candidates.append(_Candidate(name, 2, order, Quote(passage.page, line)))
                            break
        for line in passage.lines:
            body = _body_line(line)
            if body:
                stem = next((body[: -len(s)] for s in data.body_suffixes if body.endswith(s)), "")
                name = _clean_park_name(stem)
                if name:
                    candidates.append(_Candidate(name, 1, order, Quote(passage.page, line)))
    return _best("park_name", candidates, items)


def _body_line(line: str) -> str | None:
    """A line that is only a managing body's name (a signature, an addressee “X管理委员会：”, a cover)."""
    data = _data()
    text = re.sub(r"[：:（）()盖章\s]+$", "", line.strip())
    text = re.sub(r"（盖章）|\(盖章\)", "", text)
    if not 4 <= len(text) <= 40 or _PUNCTUATION.search(text) or re.search(r"\d", text):
        return None
    if not text.endswith(data.body_suffixes) or text.endswith(data.not_bodies) or text in data.body_suffixes:
        return None
    return text


def _managing_body(items: list[Passage]) -> IdentityFact | None:
    data = _data()
    candidates: list[_Candidate] = []
    for order, passage in enumerate(items):
        for sentence in sentences(passage.text):
            for cue in data.body_cues:
                for match in re.finditer(cue, sentence):
                    rest = re.split(r"[（(，,。；;：:、\s]", sentence[match.end() :], maxsplit=1)[0]
                    body = _body_line(rest)
                    if body:
                        candidates.append(_Candidate(body, 3, order, Quote(passage.page, sentence)))
        for line in passage.lines:
            body = _body_line(line)
            if body:
                candidates.append(_Candidate(body, 2, order, Quote(passage.page, line)))
    return _best("managing_body", candidates, items)


def _best(field: str, candidates: list[_Candidate], items: list[Passage]) -> IdentityFact | None:
    """The strongest candidate; among equals the one the document repeats most, then the first."""
    if not candidates:
        return None
    text = "\n".join(p.text for p in items)
    counts = Counter({c.value: text.count(c.value) for c in candidates})
    best = max(candidates, key=lambda c: (c.weight, counts[c.value], -c.order))
    return IdentityFact(field, best.value, quote=best.quote)


# -- level, type, chemical-park status in words -------------------------------------------------


def _level(items: list[Passage]) -> IdentityFact | None:
    levels = "|".join(re.escape(level) for level in _data().levels if level != "其他")
    for passage in items:
        for sentence in sentences(passage.text):
            match = re.search(rf"(?:为|是|属于|系)(?:一[个家所])?({levels})", sentence)
            if match and re.search("园区|开发区|高新区|新区", sentence):
                return IdentityFact("level", match.group(1), quote=Quote(passage.page, sentence))
    return None


def _type(items: list[Passage]) -> IdentityFact | None:
    data = _data()
    levels = "|".join(re.escape(level) for level in data.levels if level != "其他")
    suffixes = "|".join(re.escape(s) for s in (*data.types, *data.park_suffixes))
    for passage in items:
        for sentence in sentences(passage.text):
            pattern = rf"(?:为|是|属于|系)(?:一[个家所])?(?:{levels})(?P<t>[^，。；、]{{0,8}}?(?:{suffixes}))"
            match = re.search(pattern, sentence)
            if match:
                written = match.group("t")
                value = next((t for t in data.types if written.endswith(t) and t != "其他"), "其他")
                return IdentityFact("type", value, quote=Quote(passage.page, sentence))
    return None


def _chemical(items: list[Passage]) -> IdentityFact | None:
    data = _data()
    for passage in items:
        for sentence in sentences(passage.text):
            if "化工园区" not in sentence:
                continue
            if any(re.search(p, sentence) for p in data.chemical_no):
                return IdentityFact("chemical", "否", quote=Quote(passage.page, sentence))
            if any(re.search(p, sentence) for p in data.chemical_yes):
                return IdentityFact("chemical", "是", quote=Quote(passage.page, sentence))
    return None


# -- area and 四至 -------------------------------------------------------------------------------


def _area(items: list[Passage], field: FormField | None = None) -> IdentityFact | None:
    """The park's area in km²: the strongest cue (规划面积 before a bare 面积), first in the document."""
    data = _data()
    units = "|".join(re.escape(u) for u in sorted(data.area_units, key=len, reverse=True))
    best: tuple[int, int, IdentityFact] | None = None
    for order, passage in enumerate(items):
        for sentence in sentences(passage.text):
            for rank, cue in enumerate(data.area_cues):
                pattern = rf"{re.escape(cue)}[为约达共计是:：\s]{{0,4}}(?P<num>{_NUMBER})\s*(?P<unit>{units})"
                for match in re.finditer(pattern, sentence):
                    window = sentence[max(0, match.start() - 8) : match.start() + len(cue)]
                    if any(word in window for word in data.area_not):
                        continue
                    value = parse_number(match.group("num"))
                    if value is None or value <= 0:
                        continue
                    km2, unit = convert_unit(value, match.group("unit"), "km²")
                    if unit != "km²":
                        continue
                    quote = _field_quote(field) if field else Quote(passage.page, sentence)
                    fact = IdentityFact("area_km2", match.group().strip(), number=round(km2, 6), quote=quote)
                    if best is None or (rank, order) < best[:2]:
                        best = (rank, order, fact)
                    break
    return best[2] if best else None


def _boundary(items: list[Passage], field: FormField | None = None) -> IdentityFact | None:
    """四至: the clauses from the first “东至/南至/西至/北至” to the end of the last; three directions at least."""
    pattern = re.compile(_data().boundary)
    for passage in items:
        for sentence in re.split(r"(?<=。)|\n", passage.text):  # 四至 may be listed with “；”
            hits = list(pattern.finditer(sentence))
            if len({h.group("dir") for h in hits}) < 3:
                continue
            start = hits[0].start()
            tail = re.search(r"[，,；;。\n]", sentence[hits[-1].end() :])
            end = hits[-1].end() + tail.start() if tail else len(sentence)
            value = sentence[start:end].strip("，,；;。 ")
            if len(value) > 200:
                continue
            quote = _field_quote(field) if field else Quote(passage.page, sentence)
            return IdentityFact("boundary", value, quote=quote)
    return None


__all__ = ["extract_identity", "ticked"]
