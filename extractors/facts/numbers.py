"""Numbers, years and periods as Chinese documents write them, read from one cell or phrase.

Table cells mix full-width digits (１２.５), thousands separators, comparison signs (≥90%),
units glued to the number (3.74亿元) and Chinese numerals (三十二点五, 二〇二〇年). These helpers
return only the number; what unit it is in is `units`' job. They never raise: a cell that holds
no number (—, /, 无, 达标) gives None, because documents write "none" in many ways.
"""

from __future__ import annotations

import re
import unicodedata

import cn2an

# What a cell writes for "no value". Compared after NFKC and without spaces.
_NONE = frozenset({"", "-", "--", "—", "——", "–", "/", "//", "\\", "无", "暂无", "空", "不适用", "n/a", "na"})

_ARABIC = re.compile(r"(?<![\d.])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|(?<![\d.])[-+]?\.\d+")
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMERAL = re.compile(rf"负?[{_CN_DIGITS}十百千万亿]+(?:点[{_CN_DIGITS}]+)?")
_CN_MULTIPLIER_TAIL = re.compile(r"[万亿]+$")  # 三点七四亿元: 亿 belongs to the unit, as in 3.74亿元
# A lone numeral character is a number only before a counter or unit, not inside a word (一般, 十分).
_LONE_NUMERAL_NEXT = "年月日个项家人元吨座条台套次倍%"

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_CN_YEAR = re.compile(rf"[{_CN_DIGITS}]{{4}}")
_SHORT_END_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)\s*[-—–~～至到]+\s*(\d\d)(?![\d.])")
_OPEN_END = re.compile(r"(前|以前|之前|底前|为止)")
_OPEN_START = re.compile(r"(起|开始|以来|以后|之后)")
_UP_TO = re.compile(r"^(截至|截止|至|到)")


def clean(text: str | None) -> str:
    """NFKC-normalised text without white space: full-width digits and signs become ASCII."""
    if not text:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def is_none(text: str | None) -> bool:
    """Whether a cell says "no value" (—, /, 无, empty)."""
    return clean(text).lower() in _NONE


def parse_number(text: str | None) -> float | None:
    """The first number a cell or phrase states, Arabic or Chinese; None when it states none."""
    try:
        return _parse_number(clean(text))
    except Exception:  # cn2an raises several types on odd input; a cell without a number is not an error
        return None


def _parse_number(text: str) -> float | None:
    if text.lower() in _NONE:
        return None
    arabic = _ARABIC.search(text)
    chinese = _first_chinese(text)
    if arabic and (chinese is None or arabic.start() <= chinese[0]):
        return float(arabic.group().replace(",", ""))
    if chinese is not None:
        return chinese[1]
    return None


def _first_chinese(text: str) -> tuple[int, float] | None:
    """Position and value of the first Chinese numeral that cn2an reads."""
    for match in _CN_NUMERAL.finditer(text):
        numeral = _CN_MULTIPLIER_TAIL.sub("", match.group()) if match.end() < len(text) else match.group()
        core = numeral.lstrip("负")
        if not core or core[0] in "万亿":
            continue
        if len(core) == 1 and not _lone_is_number(text, match.start(), match.end()):
            continue
        try:
            value = cn2an.cn2an(numeral, "normal")
        except (ValueError, KeyError, IndexError, TypeError):
            continue
        return match.start(), float(value)
    return None


def _lone_is_number(text: str, start: int, end: int) -> bool:
    """A single numeral character counts when it stands alone or before a counter (三年, 五项)."""
    return end >= len(text) or text[end] in _LONE_NUMERAL_NEXT or not _is_cjk(text[end])


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def rounding_of(text: str) -> float:
    """Half a unit of a written number's last decimal: how far the exact value may lie (85.1 → 0.05)."""
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return 0.5 * 10**-decimals


def years_in(text: str | None) -> list[int]:
    """Every year a phrase names, in order: 2020, 2020年, 二〇二〇年 (1800–2199)."""
    text = clean(text)
    found: list[tuple[int, int]] = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
    for match in _CN_YEAR.finditer(text):
        try:
            year = int(cn2an.cn2an(match.group(), "normal"))
        except (ValueError, KeyError, IndexError, TypeError):
            continue
        if 1800 <= year < 2200:
            found.append((match.start(), year))
    return [year for _, year in sorted(found)]


def parse_year(text: str | None) -> int | None:
    """The first year a phrase names ("2020年", "二〇二〇年", "2020"), else None."""
    try:
        years = years_in(text)
    except Exception:
        return None
    return years[0] if years else None


def parse_period(text: str | None) -> tuple[int | None, int | None]:
    """Start and end year of a period ("2022—2024年", "2022年至2024年", "2023年" → (2023, 2023)).

    A single year with 前/底前 is only an end ("2024年底前" → (None, 2024)); with 起 only a start.
    """
    try:
        return _parse_period(clean(text))
    except Exception:
        return None, None


def _parse_period(text: str) -> tuple[int | None, int | None]:
    short = _SHORT_END_YEAR.search(text)
    if short:  # 2022—24年
        start = int(short.group(1))
        end = start // 100 * 100 + int(short.group(2))
        return start, end if end >= start else end + 100
    years = years_in(text)
    if not years:
        return None, None
    if len(years) >= 2:
        return years[0], years[-1]
    year = years[0]
    if _UP_TO.search(text) or _OPEN_END.search(text):
        return None, year
    if _OPEN_START.search(text):
        return year, None
    return year, year


__all__ = ["clean", "is_none", "parse_number", "parse_period", "parse_year", "rounding_of", "years_in"]
