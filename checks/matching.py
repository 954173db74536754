"""Matching facts across documents: the same indicator or project written slightly differently.

Indicators match by catalogue id when both sides were recognised, else by folded name; projects by
folded name with rapidfuzz, since reports shorten and reword project names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz

from extractors.facts.model import IndicatorFact, ProjectFact

_NOISE = re.compile(r"[\s（）()《》“”\"'、，,。:：；;·\-—_/]")
_PROJECT_SIMILARITY = 90.0


def fold(text: str) -> str:
    """NFKC, no spaces, brackets or punctuation: what two spellings of one name share."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def same_indicator(a: IndicatorFact, b: IndicatorFact) -> bool:
    """One indicator on both sides: same catalogue id, or the same folded name."""
    if a.standard_id and b.standard_id:
        return a.standard_id == b.standard_id
    return fold(a.name) == fold(b.name)


def find_indicator(wanted: IndicatorFact, among: Iterable[IndicatorFact]) -> IndicatorFact | None:
    """The counterpart of an indicator in another document."""
    return next((i for i in among if same_indicator(wanted, i)), None)


def same_project(a: str, b: str) -> bool:
    """Two project names that denote one project (reports drop or add a word)."""
    fa, fb = fold(a), fold(b)
    return fa == fb or fuzz.ratio(fa, fb) >= _PROJECT_SIMILARITY


def find_project(name: str, among: Iterable[ProjectFact]) -> ProjectFact | None:
    """The counterpart of a project in another document."""
    return next((p for p in among if same_project(name, p.name)), None)


def differs(a: float | None, b: float | None, *, tolerance: float = 1e-6) -> bool:
    """Two stated numbers that disagree (both present and not equal up to rounding noise)."""
    if a is None or b is None:
        return False
    return abs(a - b) > tolerance * max(abs(a), abs(b), 1.0)
