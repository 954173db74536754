"""Copy detection across parks: MinHash LSH over jieba word shingles (datasketch), the bands kept as
indexed rows (`passage_bands`) so one IN() query finds every candidate, then a rarity test and a
rapidfuzz confirmation so shared template prose and quotations of the 管理办法 are not flagged.

Why each step: LSH bands find near-identical passages in one indexed lookup instead of comparing
all pairs. Template prose that many parks share matches too, so each probe's shingles are weighed by
how many different parks' candidates contain them (a data-driven document frequency): shingles found
in `common_parks` parks are boilerplate, and a copy must share the rare rest. A passage matched in
`boilerplate_parks` parks is shared text, not a copy. Parameters and phrases: `data/neardup.toml`.
"""

from __future__ import annotations

import tomllib
import zlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz
from sqlalchemy import bindparam, text
from sqlmodel import Session

from checks.model import CorpusMatch
from corpus.text import figures, mask_park, numbers, shingles, squeeze, words

DATA = Path(__file__).parent / "data" / "neardup.toml"
_CHUNK = 5000  # bound parameters per IN() query (SQLite allows 32766)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MinHashSettings(_Strict):
    """Shingle size and the LSH banding (bands × rows MinHash permutations)."""

    shingle_words: int
    bands: int
    rows: int


class PassageSettings(_Strict):
    """Which passages are compared at all."""

    min_chars: int
    min_rare_shingles: int


class MatchSettings(_Strict):
    """How candidates are confirmed and boilerplate told from copies."""

    max_candidates: int
    common_parks: int
    min_rare_share: float
    min_ratio: float
    boilerplate_parks: int
    same_figures: bool
    min_figures: int


class Boilerplate(_Strict):
    """Phrases every park may write, removed before comparing."""

    phrases: tuple[str, ...]


class NumberSettings(_Strict):
    """Copied data tables: runs of numbers (corpus/numbers.py)."""

    window: int
    min_significant: int
    min_windows: int
    boilerplate_parks: int


class NearDupSettings(_Strict):
    """The whole of `data/neardup.toml`."""

    minhash: MinHashSettings
    passage: PassageSettings
    match: MatchSettings
    numbers: NumberSettings
    boilerplate: Boilerplate


@lru_cache(maxsize=1)
def settings() -> NearDupSettings:
    """The validated settings (a wrong key fails here, naming the file)."""
    with open(DATA, "rb") as handle:
        try:
            return NearDupSettings.model_validate(tomllib.load(handle))
        except ValueError as exc:
            raise ValueError(f"{DATA}: {exc}") from exc


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    config = settings().minhash
    return MinHash(num_perm=config.bands * config.rows, seed=1).permutations


def comparable(text: str, park: str | None) -> str | None:
    """The passage as compared: park name masked, boilerplate phrases removed; None when what is
    left is too short to say anything about copying.
    """
    config = settings()
    for phrase in config.boilerplate.phrases:
        text = text.replace(phrase, "")
    text = mask_park(text, park)
    return text if len(squeeze(text)) >= config.passage.min_chars else None


def passage_shingles(text: str) -> set[bytes]:
    """The word shingles of a comparable text."""
    return shingles(words(text), settings().minhash.shingle_words)


def band_keys(shingle_set: Iterable[bytes]) -> list[int]:
    """One signed 64-bit key per LSH band: the band number and its MinHash values hashed together."""
    from datasketch import MinHash

    config = settings().minhash
    minhash = MinHash(
        num_perm=config.bands * config.rows, permutations=_permutations(), scheme="affine32", hashfunc=zlib.crc32
    )
    minhash.update_batch(list(shingle_set))
    values = minhash.hashvalues.astype(np.uint64).reshape(config.bands, config.rows)
    keys = np.arange(1, config.bands + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(config.rows):
            keys = (keys * np.uint64(0x100000001B3)) ^ values[:, column]
    return keys.view(np.int64).tolist()


@dataclass(frozen=True)
class Probe:
    """A passage of the package under review."""

    document: str
    page: int | None
    text: str


@dataclass(frozen=True)
class _Candidate:
    passage_id: int
    park_id: int | None
    park: str | None
    document_id: int
    document: str
    page: int | None
    text: str


@dataclass(frozen=True)
class _Prepared:
    probe: Probe
    text: str  # comparable text (names masked, phrases removed)
    shingles: set[bytes]
    keys: list[int]


def _prepare(probes: Sequence[Probe], park: str | None) -> list[_Prepared]:
    prepared = []
    for probe in probes:
        text = comparable(probe.text, park)
        if text is not None:
            own = passage_shingles(text)
            prepared.append(_Prepared(probe, text, own, band_keys(own)))
    return prepared


def _lookup(
    session: Session, prepared: list[_Prepared], keep: Callable[[int | None, str], bool]
) -> list[list[_Candidate]]:
    """Each probe's candidates (stored passages sharing a band that `keep(park_id, sha256)` accepts),
    most shared bands first, at most `max_candidates`: one IN() query for all band keys.
    """
    hits = _band_hits(session, {k for p in prepared for k in p.keys}, keep)
    wanted: list[list[int]] = []
    for item in prepared:
        counts: dict[int, int] = defaultdict(int)
        for key in item.keys:
            for passage_id in hits.get(key, ()):
                counts[passage_id] += 1
        wanted.append(sorted(counts, key=lambda p: (-counts[p], p))[: settings().match.max_candidates])
    found = _candidates(session, {p for ids in wanted for p in ids})
    return [[found[p] for p in ids if p in found] for ids in wanted]


def find_copies(
    session: Session,
    probes: Sequence[Probe],
    own_park: str | None,
    exclude_sha256: Iterable[str] = (),
    parks: Collection[int] | None = None,
) -> list[CorpusMatch]:
    """Passages of other parks' stored documents that these passages copy, one match per probe and
    other park. Same-park documents (and documents with the excluded hashes) are never compared;
    `parks` (ids), when given, limits the corpus to those parks (e.g. the parks known before).
    """
    least = settings().match.min_figures
    prepared = [p for p in _prepare(probes, own_park) if len(figures(p.text)) >= least]
    if not prepared:
        return []
    own_id, exclude = _park_id(session, own_park), set(exclude_sha256)
    allowed = set(parks) if parks is not None else None

    def keep(park: int | None, sha: str) -> bool:
        return park is not None and park != own_id and sha not in exclude and (allowed is None or park in allowed)

    lists = _lookup(session, prepared, keep)
    return [m for item, found in zip(prepared, lists, strict=True) for m in _confirm(item, found)]


def _confirm(item: _Prepared, candidates: list[_Candidate]) -> list[CorpusMatch]:
    """The candidates that share the probe's rare shingles and read nearly the same; none when the
    probe is boilerplate (too few rare shingles, or matched in too many parks).
    """
    config, probe, text, own = settings(), item.probe, item.text, item.shingles
    theirs = {
        c.passage_id: passage_shingles(comparable(c.text, c.park) or mask_park(c.text, c.park)) for c in candidates
    }
    parks_with: dict[bytes, set[int]] = defaultdict(set)
    for candidate in candidates:
        for shingle in theirs[candidate.passage_id] & own:
            parks_with[shingle].add(candidate.park_id)
    rare = {s for s in own if len(parks_with.get(s, ())) < config.match.common_parks}
    if len(rare) < config.passage.min_rare_shingles:
        return []
    similar: dict[int, tuple[float, _Candidate]] = {}
    for candidate in candidates:
        if len(rare & theirs[candidate.passage_id]) / len(rare) < config.match.min_rare_share:
            continue
        ratio = fuzz.ratio(squeeze(text), squeeze(mask_park(candidate.text, candidate.park)))
        if ratio >= config.match.min_ratio and ratio > similar.get(candidate.park_id, (0.0, None))[0]:
            similar[candidate.park_id] = (ratio, candidate)
    # A template other parks refilled with their own figures is neither copied nor boilerplate for
    # them: only passages stating the same figures count, as copies or, in enough parks, as boilerplate.
    stated = numbers(text)
    best = {
        park: (ratio, c)
        for park, (ratio, c) in similar.items()
        if not config.match.same_figures or numbers(mask_park(c.text, c.park)) == stated
    }
    if len(best) >= config.match.boilerplate_parks:
        return []
    return [
        CorpusMatch(
            document=probe.document,
            page=probe.page,
            quote=probe.text,
            other_park=c.park,
            other_document=c.document,
            other_page=c.page,
            other_quote=c.text,
            similarity=round(ratio / 100, 3),
        )
        for ratio, c in sorted(best.values(), key=lambda item: -item[0])
    ]


def _park_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    return session.execute(text("SELECT id FROM parks WHERE name = :name"), {"name": name}).scalar()


def _band_hits(session: Session, keys: set[int], keep: Callable[[int | None, str], bool]) -> dict[int, list[int]]:
    """Band key → the stored passages having it that `keep` accepts, one indexed IN() query per chunk."""
    if session.get_bind().dialect.name == "postgresql":
        # Band keys are random: an index probe per key is always the right plan, but PostgreSQL's default
        # cost model (random_page_cost 4, for spinning disks) prefers a sequential scan below ~10^7 rows.
        session.execute(text("SET LOCAL random_page_cost = 1.1"))
    query = text("SELECT hash, passage_id FROM passage_bands WHERE hash IN :keys").bindparams(
        bindparam("keys", expanding=True)
    )
    pairs: list[tuple[int, int]] = []
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        pairs.extend(session.execute(query, {"keys": ordered[start : start + _CHUNK]}).all())
    owners = _owners(session, {passage_id for _, passage_id in pairs})
    hits: dict[int, list[int]] = defaultdict(list)
    for key, passage_id in pairs:
        if keep(*owners[passage_id]):
            hits[key].append(passage_id)
    return hits


def _owners(session: Session, ids: set[int]) -> dict[int, tuple[int | None, str]]:
    """Passage id → (park id, document sha256)."""
    query = text(
        "SELECT p.id, s.park_id, d.sha256 FROM passages p JOIN documents d ON d.id = p.document_id "
        "JOIN submissions s ON s.id = d.submission_id WHERE p.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    owners: dict[int, tuple[int | None, str]] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        for passage_id, park_id, sha in session.execute(query, {"ids": ordered[start : start + _CHUNK]}):
            owners[passage_id] = (park_id, sha)
    return owners


def _candidates(session: Session, ids: set[int]) -> dict[int, _Candidate]:
    query = text(
        "SELECT p.id, s.park_id, k.name, d.id, d.file, p.page, p.text FROM passages p "
        "JOIN documents d ON d.id = p.document_id JOIN submissions s ON s.id = d.submission_id "
        "LEFT JOIN parks k ON k.id = s.park_id WHERE p.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    found: dict[int, _Candidate] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        for row in session.execute(query, {"ids": ordered[start : start + _CHUNK]}):
            found[row[0]] = _Candidate(*row)
    return found


@dataclass(frozen=True)
class SimilarPassage:
    """A passage of the file and its closest stored passage."""

    page: int | None
    text: str
    park: str | None
    document: str
    other_page: int | None
    other_text: str
    similarity: float


@dataclass(frozen=True)
class SimilarDocument:
    """A stored document and how much of the file it resembles."""

    document_id: int
    park: str | None
    document: str
    passages: int  # passages of the file with a close passage in this document
    share: float  # of the file's compared passages
    similarity: float  # mean similarity of those passages


def similar(
    session: Session,
    probes: Sequence[Probe],
    park: str | None,
    exclude_sha256: Iterable[str] = (),
    min_ratio: float = 70,
) -> tuple[list[SimilarDocument], list[SimilarPassage]]:
    """The stored documents most like these passages (any park, boilerplate included: this is for
    a reader to look at, not a finding), and each passage's closest stored passage.
    """
    prepared = _prepare(probes, park)
    exclude = set(exclude_sha256)
    lists = _lookup(session, prepared, lambda _park, sha: sha not in exclude) if prepared else []
    pairs: list[SimilarPassage] = []
    per_document: dict[int, list[float]] = defaultdict(list)
    labels: dict[int, tuple[str | None, str]] = {}
    for item, found in zip(prepared, lists, strict=True):
        best_per_document: dict[int, tuple[float, _Candidate]] = {}
        for c in found:
            ratio = fuzz.ratio(squeeze(item.text), squeeze(mask_park(c.text, c.park)))
            if ratio >= min_ratio and ratio > best_per_document.get(c.document_id, (0.0, None))[0]:
                best_per_document[c.document_id] = (ratio, c)
        for document_id, (ratio, c) in best_per_document.items():
            per_document[document_id].append(ratio / 100)
            labels[document_id] = (c.park, c.document)
        if best_per_document:
            ratio, c = max(best_per_document.values(), key=lambda pair: pair[0])
            pairs.append(
                SimilarPassage(item.probe.page, item.probe.text, c.park, c.document, c.page, c.text, ratio / 100)
            )
    documents = [
        SimilarDocument(d, *labels[d], len(r), len(r) / len(prepared), sum(r) / len(r)) for d, r in per_document.items()
    ]
    documents.sort(key=lambda d: (-d.share, -d.similarity, d.document_id))
    pairs.sort(key=lambda p: -p.similarity)
    return documents, pairs
