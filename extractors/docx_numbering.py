"""Word automatic numbering, resolved from numbering.xml the way Word renders it.

python-docx returns a heading shown as “一、园区概况” as “园区概况”: the number lives in
numbering.xml (abstractNum levels with numFmt, lvlText, start, lvlRestart, isLgl; num instances
with startOverride), referenced from the paragraph's own numPr or from its style's (styles
inherit through basedOn, and a level may name its paragraph style with pStyle). This module
keeps the list counters while the reader walks the body in order and renders each label.
It reads XML only; it never decides what is a heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cn2an
from docx.oxml.ns import qn

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_SEPARATING_MARKS = "、）)】」』〕．：:，,"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_DIGITS = "〇一二三四五六七八九"
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: 27 -> "AA", 28 -> "BB".
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _from_table(table: str, n: int) -> str:
    return table[n - 1] if 1 <= n <= len(table) else str(n)


def format_number(n: int, num_fmt: str) -> str:
    """Render one counter in a Word numFmt (the formats Chinese reports use, decimal otherwise)."""
    if num_fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return cn2an.an2cn(n) if n > 0 else "〇"
    if num_fmt == "chineseLegalSimplified":
        return cn2an.an2cn(n, "up")
    if num_fmt == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if num_fmt == "ideographTraditional":
        return _from_table(_TIANGAN, n)
    if num_fmt == "ideographZodiac":
        return _from_table(_DIZHI, n)
    if num_fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _from_table(_CIRCLED, n)
    if num_fmt == "decimalEnclosedParen":
        return _from_table(_PAREN, n)
    if num_fmt == "decimalEnclosedFullstop":
        return _from_table(_FULLSTOP, n)
    if num_fmt == "decimalFullWidth":
        return "".join(chr(ord("０") + int(d)) for d in str(n))
    if num_fmt == "decimalZero":
        return f"{n:02d}"
    if num_fmt == "upperRoman":
        return _roman(n)
    if num_fmt == "lowerRoman":
        return _roman(n).lower()
    if num_fmt == "upperLetter":
        return _letters(n)
    if num_fmt == "lowerLetter":
        return _letters(n).lower()
    if num_fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class Level:
    """One w:lvl of an abstract numbering definition."""

    start: int = 1
    num_fmt: str = "decimal"
    lvl_text: str = ""
    restart: int | None = None  # w:lvlRestart (1-based level that restarts this one; 0 = never)
    legal: bool = False  # w:isLgl: show every level's counter as decimal
    suffix: str = "tab"
    style_id: str | None = None


@dataclass
class _Instance:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _parse_level(lvl) -> Level:
    restart = _val(lvl, "w:lvlRestart")
    legal = lvl.find(qn("w:isLgl"))
    return Level(
        start=int(_val(lvl, "w:start") or 1),
        num_fmt=_val(lvl, "w:numFmt") or "decimal",
        lvl_text=_val(lvl, "w:lvlText") or "",
        restart=int(restart) if restart is not None else None,
        legal=legal is not None and legal.get(qn("w:val"), "1") not in ("0", "false", "off"),
        suffix=_val(lvl, "w:suff") or "tab",
        style_id=_val(lvl, "w:pStyle"),
    )


@dataclass(frozen=True)
class NumberedLabel:
    """The rendered number of one paragraph and whether Word puts a gap after it."""

    text: str
    suffix: str
    level: int


class NumberingResolver:
    """Keeps Word's list counters while paragraphs are visited in document order."""

    def __init__(self, numbering_element, styles_element) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._styles: dict[str, object] = {}
        if styles_element is not None:
            for style in styles_element.iter(qn("w:style")):
                self._styles[style.get(qn("w:styleId"))] = style
        if numbering_element is not None:
            self._load(numbering_element)
        self._level_by_style = {
            level.style_id: (abstract_id, ilvl)
            for abstract_id, levels in self._abstract.items()
            for ilvl, level in levels.items()
            if level.style_id
        }

    def _load(self, numbering) -> None:
        for abstract in numbering.iter(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            self._abstract[abstract_id] = {
                int(lvl.get(qn("w:ilvl"))): _parse_level(lvl) for lvl in abstract.iter(qn("w:lvl"))
            }
            link = _val(abstract, "w:numStyleLink")
            if link:
                self._style_links[abstract_id] = link
        for num in numbering.iter(qn("w:num")):
            instance = _Instance(abstract_id=_val(num, "w:abstractNumId") or "")
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl")))
                start = _val(override, "w:startOverride")
                if start is not None:
                    instance.start_overrides[ilvl] = int(start)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    instance.level_overrides[ilvl] = _parse_level(lvl)
            self._instances[num.get(qn("w:numId"))] = instance

    # -- finding the numPr that applies -------------------------------------------------------

    def _style_num_pr(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """Walk the basedOn chain for the first numId; returns (numId, ilvl, style that had the numId).

        numId and ilvl inherit separately: a style whose numPr holds only an ilvl (“Heading 2” based
        on a numbered “Heading 1”) takes the numId from further down the chain.
        """
        seen: set[str] = set()
        ilvl: int | None = None
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            ppr = style.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                ilvl = ilvl if ilvl is not None else _int_or_none(_val(num_pr, "w:ilvl"))
                num_id = _val(num_pr, "w:numId")
                if num_id is not None:
                    return num_id, ilvl, style_id
            style_id = _val(style, "w:basedOn")
        return None, None, None

    def _applicable(self, paragraph) -> tuple[str, int] | None:
        ppr = paragraph.find(qn("w:pPr"))
        style_id = _val(ppr, "w:pStyle") if ppr is not None else None
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(num_pr, "w:numId") if num_pr is not None else None
        ilvl = _int_or_none(_val(num_pr, "w:ilvl")) if num_pr is not None else None
        via_style = None
        if num_id is None:
            num_id, style_ilvl, via_style = self._style_num_pr(style_id or "Normal")
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0" or num_id not in self._instances:
            return None
        if ilvl is None:
            # A level that names the style (w:pStyle) says which level the style is.
            linked = self._level_by_style.get(via_style or style_id or "")
            ilvl = linked[1] if linked else 0
        return num_id, ilvl

    def _resolve_abstract(self, abstract_id: str) -> str:
        link = self._style_links.get(abstract_id)
        if link:
            num_id, _, _ = self._style_num_pr(link)
            target = self._instances.get(num_id or "")
            if target and target.abstract_id != abstract_id:
                return target.abstract_id
        return abstract_id

    # -- counting and rendering ---------------------------------------------------------------

    def label(self, paragraph) -> NumberedLabel | None:
        """Advance the counters for this w:p and return its rendered label, or None if unnumbered."""
        applicable = self._applicable(paragraph)
        if applicable is None:
            return None
        num_id, ilvl = applicable
        instance = self._instances[num_id]
        abstract_id = self._resolve_abstract(instance.abstract_id)
        levels = dict(self._abstract.get(abstract_id, {}))
        levels.update(instance.level_overrides)
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(abstract_id, {})
        if ilvl not in instance.used and ilvl in instance.start_overrides:
            counters[ilvl] = instance.start_overrides[ilvl] - 1
        instance.used.add(ilvl)
        level = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper, deeper_level in levels.items():
            if deeper > ilvl and deeper in counters:
                restart_after = deeper_level.restart if deeper_level.restart is not None else deeper
                if restart_after != 0 and ilvl < restart_after:
                    del counters[deeper]
        if level.num_fmt == "bullet":
            return None
        text = level.lvl_text
        for k in range(len(levels) - 1, -1, -1):
            placeholder = f"%{k + 1}"
            if placeholder in text and k in levels:
                value = counters.get(k, levels[k].start)
                fmt = "decimal" if level.legal and levels[k].num_fmt != "none" else levels[k].num_fmt
                text = text.replace(placeholder, format_number(value, fmt))
        if not text.strip():
            return None
        return NumberedLabel(text=text, suffix=level.suffix, level=ilvl)


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


def join_label(label: NumberedLabel, text: str) -> str:
    """Put the rendered number before the paragraph text as Word shows it.

    Word separates with a tab (or space) unless suff is "nothing". A label that ends in a
    separating mark of its own (“一、”, “（一）”) shows no further gap, so none is written;
    “第一章 总论”, “1. 园区概况” and “① 资源利用” keep one space, as the page shows them.
    """
    if label.suffix == "nothing" or not label.text or label.text[-1] in _SEPARATING_MARKS:
        return label.text + text
    return f"{label.text} {text}"
