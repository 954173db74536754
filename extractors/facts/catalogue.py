"""The indicator catalogue of a 《标准》 (HJ 274-2015 by default), as data, and name matching.

Checks compare a document's indicators with the standard's thresholds, so every indicator a
document names must first be recognised as one of the standard's, whatever the consultancy
calls it (单位工业增加值能耗, 万元工业增加值综合能耗 …). The standard lives in a TOML file under
`data/standards/`, validated when loaded: a broken file fails at once with the file and the key,
instead of silently matching nothing. A provincial standard is another file of the same shape.

Matching normalises both sides (units in brackets, punctuation, leading 园区, wording folds from
the file), then takes the best rapidfuzz ratio over every name and alias at or above the file's
threshold, and refuses a pair whose last characters differ: names that differ only in their
last word (…排放量 vs …排放量年均削减率, 工业用水量 vs 工业用水重复利用率) measure different things.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator
from rapidfuzz import fuzz, process

from extractors.outline import DATA_DIR

STANDARDS_DIR = DATA_DIR / "standards"
DEFAULT_STANDARD = STANDARDS_DIR / "hj274_2015.toml"

NumericDirection = Literal["≥", "≤", "="]
QualitativeDirection = Literal["具备", "达标", "全部完成"]
Direction = NumericDirection | QualitativeDirection
NUMERIC_DIRECTIONS: frozenset[str] = frozenset({"≥", "≤", "="})

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]|\[[^\]]*\]|【[^】]*】")
_LEADING_NUMBER = re.compile(
    r"^(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}年?")
_TRAILING_MARK = re.compile(r"[*＊★☆※①②③④⑤⑥⑦⑧⑨⑩a-zA-Z0-9]+$")
_PUNCTUATION = re.compile(r"[\s、，,。.：:；;“”\"'‘’《》<>〈〉/／\\\-—–_·•]")


class CatalogueError(ValueError):
    """A standard's data file that cannot be used: its path, the key, and what is wrong."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Strict):
    """A conditional requirement: in `case` (a key of [cases]) the indicator must be `direction threshold`."""

    case: str
    direction: NumericDirection
    threshold: float


class Category(_Strict):
    """One of the standard's indicator categories (经济发展, 产业共生 …)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str


class Group(_Strict):
    """“X项指标至少选择N项达标”: at least `need` of the group's indicators must be met."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    category: str
    need: int = Field(ge=1)
    note: str
    to_verify: bool = False


class CatalogueIndicator(_Strict):
    """One indicator of a standard: its id, names, unit, requirement and how it is selected."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    category: str
    unit: str  # canonical spelling (data/units.toml); "" for dimensionless and yes/no indicators
    also_units: tuple[str, ...] = ()  # other units documents rightly write for it (次 for 次/年)
    direction: Direction
    threshold: float | None = None
    rules: tuple[Rule, ...] = ()
    mandatory: bool = False
    group: str | None = None
    note: str | None = None
    to_verify: bool = False

    @model_validator(mode="after")
    def _requirement_is_complete(self) -> CatalogueIndicator:
        numeric = self.direction in NUMERIC_DIRECTIONS
        if numeric and self.threshold is None and not self.rules:
            raise ValueError(f"direction {self.direction} needs a threshold or rules")
        if not numeric and (self.threshold is not None or self.rules):
            raise ValueError(f"qualitative direction {self.direction} takes no threshold or rules")
        if self.mandatory and self.group:
            raise ValueError("a mandatory indicator belongs to no group")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    @property
    def numeric(self) -> bool:
        """Whether the requirement compares a number (≥ ≤ =) rather than a state (具备, 达标 …)."""
        return self.direction in NUMERIC_DIRECTIONS


class Matching(_Strict):
    """How document names are compared with the catalogue's."""

    threshold: float = Field(default=88.0, ge=50, le=100)
    strip_prefixes: tuple[str, ...] = ()
    fold: tuple[tuple[str, str], ...] = ()


class Standard(_Strict):
    """A standard's indicator system, validated as a whole (ids, references, names unique)."""

    id: str
    code: str
    name: str
    scope: Literal["national", "provincial"]
    region: str | None = None
    matching: Matching = Matching()
    cases: dict[str, str] = {}
    categories: tuple[Category, ...]
    groups: tuple[Group, ...] = ()
    indicators: tuple[CatalogueIndicator, ...]
    _keys: tuple[tuple[str, CatalogueIndicator], ...] = PrivateAttr(default=())

    def model_post_init(self, context: object, /) -> None:
        """Index every normalised name once, for matching."""
        self._keys = tuple(
            (normalise(written, self.matching), indicator)
            for indicator in self.indicators
            for written in indicator.names
        )

    @model_validator(mode="after")
    def _consistent(self) -> Standard:
        categories = _unique("categories", [c.id for c in self.categories])
        groups = _unique("groups", [g.id for g in self.groups])
        _unique("indicators", [i.id for i in self.indicators])
        for group in self.groups:
            if group.category not in categories:
                raise ValueError(f"groups[{group.id}].category: unknown category {group.category!r}")
        members: dict[str, int] = dict.fromkeys(groups, 0)
        owner: dict[str, str] = {}
        for indicator in self.indicators:
            where = f"indicators[{indicator.id}]"
            if indicator.category not in categories:
                raise ValueError(f"{where}.category: unknown category {indicator.category!r}")
            if indicator.group is not None:
                if indicator.group not in groups:
                    raise ValueError(f"{where}.group: unknown group {indicator.group!r}")
                group = next(g for g in self.groups if g.id == indicator.group)
                if group.category != indicator.category:
                    raise ValueError(f"{where}.group: group {group.id!r} belongs to category {group.category!r}")
                members[indicator.group] += 1
            for rule in indicator.rules:
                if rule.case not in self.cases:
                    raise ValueError(f"{where}.rules: unknown case {rule.case!r} (not in [cases])")
            own: set[str] = set()
            for written in indicator.names:
                key = normalise(written, self.matching)
                if not key:
                    raise ValueError(f"{where}: name {written!r} is empty after normalisation")
                if owner.get(key, indicator.id) != indicator.id:
                    raise ValueError(f"{where}: name {written!r} is also a name of indicators[{owner[key]}]")
                if key in own:
                    raise ValueError(f"{where}.aliases: {written!r} adds nothing (normalised it is {key!r} again)")
                owner[key] = indicator.id
                own.add(key)
        for group in self.groups:
            if members[group.id] < group.need:
                raise ValueError(f"groups[{group.id}].need: {group.need} but only {members[group.id]} indicators")
        return self

    def indicator(self, indicator_id: str) -> CatalogueIndicator:
        """The indicator with this id (KeyError if the standard has none)."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    def members(self, group_id: str) -> tuple[CatalogueIndicator, ...]:
        """The indicators of a “choose at least N” group."""
        return tuple(i for i in self.indicators if i.group == group_id)

    @property
    def mandatory(self) -> tuple[CatalogueIndicator, ...]:
        """The 必选 indicators."""
        return tuple(i for i in self.indicators if i.mandatory)

    def match(self, name: str | None) -> CatalogueIndicator | None:
        """The indicator a document's name stands for, or None when no name is close enough."""
        return _match(self, name or "")


def _unique(what: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{what}: duplicate id {item!r}")
        seen.add(item)
    return seen


def normalise(name: str, matching: Matching | None = None) -> str:
    """A name as matching compares it: NFKC, no brackets, numbering, punctuation, leading 园区, folded wording."""
    matching = matching or Matching()
    text = unicodedata.normalize("NFKC", name or "")
    text = re.sub(r"\s+", "", text)
    text = _LEADING_NUMBER.sub("", text)
    text = _LEADING_YEAR.sub("", text)
    previous = None
    while previous != text:  # nested brackets: （含危险废物（HW）） comes off in two passes
        previous, text = text, _BRACKETED.sub("", text)
    text = _PUNCTUATION.sub("", text)
    text = _TRAILING_MARK.sub("", text) if re.search(r"[\u4e00-\u9fff]", text) else text
    for written, compared in matching.fold:
        text = text.replace(unicodedata.normalize("NFKC", written), compared)
    for prefix in matching.strip_prefixes:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix) :]
            break
    return text


def _match(standard: Standard, name: str) -> CatalogueIndicator | None:
    query = normalise(name, standard.matching)
    if len(query) < 2:
        return None
    keys = [key for key, _ in standard._keys]
    candidates = process.extract(
        query, keys, scorer=fuzz.ratio, score_cutoff=standard.matching.threshold, limit=8, processor=None
    )
    for key, _score, index in candidates:  # best first; the last character must agree
        if key[-1] == query[-1]:
            return standard._keys[index][1]
    return None


def load_standard(path: Path | str | None = None) -> Standard:
    """A standard read from its TOML file (HJ 274-2015 by default), validated; CatalogueError names file and key."""
    return _load(Path(path) if path is not None else DEFAULT_STANDARD)


@lru_cache(maxsize=8)
def _load(path: Path) -> Standard:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return Standard.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(f"{path}: {_describe(exc, data)}") from exc


def _describe(error: ValidationError, data: dict) -> str:
    """Pydantic's errors with the key path spelled the way the file is written (indicators[energy_intensity].unit)."""
    lines = []
    for item in error.errors():
        parts: list[str] = []
        node: object = data
        for step in item["loc"]:
            if isinstance(step, int) and isinstance(node, list) and step < len(node):
                node = node[step]
                label = node.get("id") if isinstance(node, dict) else None
                parts[-1] = f"{parts[-1]}[{label if label else step}]" if parts else f"[{step}]"
            else:
                node = node.get(step) if isinstance(node, dict) else None
                parts.append(str(step))
        where = ".".join(parts) or "(file)"
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {message}")
    return "; ".join(lines)


def match_indicator(name: str | None, standard: Standard | None = None) -> CatalogueIndicator | None:
    """The catalogue indicator a document's indicator name stands for (default standard HJ 274-2015), or None."""
    return (standard or load_standard()).match(name)


__all__ = [
    "DEFAULT_STANDARD",
    "CatalogueError",
    "CatalogueIndicator",
    "Category",
    "Group",
    "Rule",
    "Standard",
    "load_standard",
    "match_indicator",
    "normalise",
]
