"""The numbering families of Chinese reports, recognised at the start of a line.

第一章 / 第一节 / 一、 / （一） / 1. / 1.1 / 1.1.1 / （1） / ① each form a family; in Chinese
reports the family carries the heading level far more reliably than font size does. This module
only parses a line; `segment` decides which lines are headings and at what level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "零〇一二三四五六七八九十百"
_N = r"(?:[1-9]|[12]\d)"  # a section number: real reports do not reach chapter 30
# Units that start common heading words (平台, 公共, 项目, 条件, 时间) only count in full (平方, 公里).
_UNIT = r"(?:[%％‰万亿元吨年月日千百米亩顷天度倍家次座]|个百分点|平方|公[里顷斤]|立方|小时)"
# Order matters: the more specific pattern first (1.1.1 before 1.1 before 1.).
_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第\s*[{_CN}\d]+\s*章")),
    ("part", re.compile(rf"^第\s*[{_CN}\d]+\s*(?:部分|[节部篇])")),
    ("cn", re.compile(rf"^[{_CN}]+\s*[、.．]")),
    ("cn_paren", re.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]")),
    ("arabic4", re.compile(rf"^{_N}[.．]{_N}[.．]{_N}[.．]{_N}(?![.．]?\d)")),
    ("arabic3", re.compile(rf"^{_N}[.．]{_N}[.．]{_N}(?![.．]?\d)")),
    # “2.1 总体框架”, but not a measured value such as “32.5平方公里” or “1.5亿元”.
    ("arabic2", re.compile(rf"^{_N}[.．]{_N}(?![.．]?\d)(?!\s*{_UNIT})")),
    ("arabic", re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    ("arabic_paren", re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
    ("arabic_half_paren", re.compile(r"^\d{1,2}\s*[）)]")),
    ("circled", re.compile(r"^[①-⑳]")),
)
# “表2-1 目标指标表”, “图3 生态工业链图”, “注：…”, but not “表面处理行业” or “注重源头减量”.
_CAPTION = re.compile(r"^(?:(?:附?表|附?图)\s*[\d一二三四五六七八九十]+|(?:注|资料来源|数据来源)\s*[:：])")
_SENTENCE_END = "。；;，,！？!?"


@dataclass(frozen=True)
class Numbered:
    """A line split into its numbering family, the number as written, and the title after it."""

    family: str
    label: str
    title: str


def parse_numbering(text: str) -> Numbered | None:
    """The numbering family of a line, or None if it does not start with a heading number."""
    stripped = text.strip()
    for family, pattern in _FAMILIES:
        match = pattern.match(stripped)
        if match:
            title = stripped[match.end() :].strip(" \t\u3000")
            if title:
                return Numbered(family, match.group(0).strip(), title)
    return None


def strip_numbering(text: str) -> str:
    """The title of a heading without its number (“（一）园区概况” → “园区概况”)."""
    numbered = parse_numbering(text)
    return numbered.title if numbered else text.strip()


def looks_like_title(text: str, max_chars: int = 40) -> bool:
    """A short line that does not end a sentence and is not a table/figure caption."""
    stripped = text.strip()
    if not stripped or len(stripped) > max_chars or stripped[-1] in _SENTENCE_END:
        return False
    return not _CAPTION.match(stripped)
