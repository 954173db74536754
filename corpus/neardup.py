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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz
from sqlalchemy import bindparam, text
from sqlmodel import Session

from checks.model import CorpusMatch, Submission
from corpus.text import mask_park, shingles, squeeze, words

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


class Boilerplate(_Strict):
    """Phrases every park may write, removed before comparing."""

    phrases: tuple[str, ...]


class NearDupSettings(_Strict):
    """The whole of `data/neardup.toml`."""

    minhash: MinHashSettings
    passage: PassageSettings
    match: MatchSettings
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
    minhash = MinHash(num_perm=config.bands * config.rows, permutations=_permutations())
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
    park_id: int
    park: str
    document: str
    page: int | None
    text: str


def find_copies(
    session: Session, probes: Sequence[Probe], own_park: str | None, exclude_sha256: Iterable[str] = ()
) -> list[CorpusMatch]:
    """Passages of other parks' stored documents that these passages copy, one match per probe and
    other park. Same-park documents (and documents with the excluded hashes) are never compared.
    """
    prepared = []
    for probe in probes:
        text = comparable(probe.text, own_park)
        if text is not None:
            own = passage_shingles(text)
            prepared.append((probe, text, own, band_keys(own)))
    if not prepared:
        return []
    own_park_id = _park_id(session, own_park)
    hits = _band_hits(session, {k for *_, keys in prepared for k in keys}, own_park_id, set(exclude_sha256))
    config = settings().match
    wanted: dict[int, list[int]] = {}
    for index, (*_, keys) in enumerate(prepared):
        counts: dict[int, int] = defaultdict(int)
        for key in keys:
            for passage_id in hits.get(key, ()):
                counts[passage_id] += 1
        wanted[index] = sorted(counts, key=lambda p: (-counts[p], p))[: config.max_candidates]
    candidates = _candidates(session, {p for ids in wanted.values() for p in ids})
    matches: list[CorpusMatch] = []
    for index, (probe, text, own, _) in enumerate(prepared):
        matches.extend(_confirm(probe, text, own, [candidates[p] for p in wanted[index] if p in candidates]))
    return matches


def _confirm(probe: Probe, text: str, own: set[bytes], candidates: list[_Candidate]) -> list[CorpusMatch]:
    """The candidates that share the probe's rare shingles and read nearly the same; none when the
    probe is boilerplate (too few rare shingles, or matched in too many parks).
    """
    config = settings()
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
    best: dict[int, tuple[float, _Candidate]] = {}
    for candidate in candidates:
        if len(rare & theirs[candidate.passage_id]) / len(rare) < config.match.min_rare_share:
            continue
        ratio = fuzz.ratio(squeeze(text), squeeze(mask_park(candidate.text, candidate.park)))
        if ratio >= config.match.min_ratio and ratio > best.get(candidate.park_id, (0.0, None))[0]:
            best[candidate.park_id] = (ratio, candidate)
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


def _band_hits(session: Session, keys: set[int], own_park_id: int | None, exclude: set[str]) -> dict[int, list[int]]:
    """Band key → the stored passages of other parks having it, in one indexed IN() query per chunk."""
    query = text(
        "SELECT b.hash, b.passage_id, s.park_id, d.sha256 FROM passage_bands b "
        "JOIN passages p ON p.id = b.passage_id JOIN documents d ON d.id = p.document_id "
        "JOIN submissions s ON s.id = d.submission_id WHERE b.hash IN :keys"
    ).bindparams(bindparam("keys", expanding=True))
    hits: dict[int, list[int]] = defaultdict(list)
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        for key, passage_id, park_id, sha in session.execute(query, {"keys": ordered[start : start + _CHUNK]}):
            if park_id is None or (own_park_id is not None and park_id == own_park_id) or sha in exclude:
                continue
            hits[key].append(passage_id)
    return hits


def _candidates(session: Session, ids: set[int]) -> dict[int, _Candidate]:
    query = text(
        "SELECT p.id, s.park_id, k.name, d.file, p.page, p.text FROM passages p "
        "JOIN documents d ON d.id = p.document_id JOIN submissions s ON s.id = d.submission_id "
        "JOIN parks k ON k.id = s.park_id WHERE p.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    found: dict[int, _Candidate] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        for row in session.execute(query, {"ids": ordered[start : start + _CHUNK]}):
            found[row[0]] = _Candidate(*row)
    return found


def package_probes(package: Submission) -> list[Probe]:
    """The prose passages of a package's readable documents (table rows are left to number checks)."""
    from corpus.text import document_passages

    return [
        Probe(document.file, item.page, item.text)
        for document in package.documents
        for item in document_passages(document)
        if not item.in_table
    ]


def package_matches(session: Session, package: Submission) -> tuple[CorpusMatch, ...]:
    """What `integrity.near_duplicate` needs: the package's passages found in other parks' documents."""
    own = {d.sha256 for d in package.documents if d.sha256}
    return tuple(find_copies(session, package_probes(package), package.park, own))
