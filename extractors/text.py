"""Small text helpers shared by the readers and the checks: normalising and counting Chinese text."""

from __future__ import annotations

import re
import unicodedata

# CJK unified ideographs (basic, extensions A and B-H, compatibility) and 〇; punctuation is not a 字.
_CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
_ZI = re.compile(rf"[{_CJK}]|[A-Za-z0-9]+")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}，。、；：）（“”《》])\s+(?=[{_CJK}，。、；：（）“”《》])")
_SPACE_CJK_DIGIT = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \t]+(?=[{_CJK}])")
_WHITESPACE = re.compile(r"\s+")


def count_zi(text: str) -> int:
    """Count 字 as the contract defines it: every CJK character, plus each Latin/digit run as one."""
    return len(_ZI.findall(unicodedata.normalize("NFKC", text)))


def visible_chars(text: str) -> int:
    """Characters that are not white space: the `chars` figure of documents and sections."""
    return sum(1 for ch in text if not ch.isspace())


def squash(text: str) -> str:
    """Fold runs of white space to one space and trim: for display and quoting."""
    return _WHITESPACE.sub(" ", text).strip()


def join_cjk(text: str) -> str:
    """Remove the spaces PDF extraction puts between CJK characters and around digits.

    Word and LibreOffice never put a space between two Chinese characters; text extractors do,
    where glyph gaps look wide. Latin words keep their single spaces.
    """
    text = _SPACE_BETWEEN_CJK.sub("", text)
    return _SPACE_CJK_DIGIT.sub("", text)


def compact(text: str) -> str:
    """NFKC-normalise and drop all white space: for matching labels and headings."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def page_list(pages: list[int], shown: int = 20) -> str:
    """“第 3、7–9 页” (consecutive pages as ranges), cut short with a total when there are many."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in runs]
    text = "、".join(parts[:shown])
    return f"第 {text} 等页（共 {len(pages)} 页）" if len(parts) > shown else f"第 {text} 页"
