"""Copied data tables: runs of several numbers, in reading order through a table's cells, that another
park's document (or the same park's document of another year) states identically. Each window of
`window` consecutive numbers is hashed and stored as a `number_runs` row; a new package's windows
are looked up with one indexed IN() query. Only evidence figures make a run (`corpus.text.evidence`):
years, small counts, round numbers and the 《标准》's thresholds, which every park's tables quote,
are left out, and a figure stated again (a target reached exactly, a count restated as a rate)
counts once. Runs that several other parks share are boilerplate. Parameters: `data/neardup.toml` [numbers].
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlmodel import Session

from checks.model import CorpusMatch, Submission
from corpus.text import evidence, numbers
from extractors.model import Document, Table

_CHUNK = 5000


@dataclass(frozen=True)
class NumberWindow:
    """`window` consecutive numbers of one table, where they start, and the row they start in."""

    hash: int
    page: int | None
    quote: str


def table_windows(document: Document) -> list[NumberWindow]:
    """Every window of consecutive evidence figures in the document's tables."""
    from corpus.neardup import settings

    size = settings().numbers.window
    found: list[NumberWindow] = []
    if document.raw is None:
        return found
    for block in document.raw.blocks:
        if isinstance(block, Table):
            found.extend(_windows(block, size))
    return found


def _windows(table: Table, size: int) -> Iterator[NumberWindow]:
    """Windows of `size` consecutive evidence figures (corpus.text.evidence: no years, small counts,
    round numbers or the 《标准》's thresholds; a repeated figure once) through the table's cells.
    """
    cells = [
        (value, row_index, row)
        for row_index, row in enumerate(table.rows())
        for cell in row
        for value in numbers(cell.text)
    ]
    located = [cells[i] for i in evidence([value for value, _, _ in cells])]
    for start in range(len(located) - size + 1):
        run = [value for value, _, _ in located[start : start + size]]
        digest = hashlib.blake2b("|".join(_canonical(v) for v in run).encode(), digest_size=8).digest()
        _, row_index, row = located[start]
        quote = "；".join(" ".join(c.text.split()) for c in row)
        yield NumberWindow(int.from_bytes(digest, "big", signed=True), table.page_of_row(row_index), quote)


def _canonical(value: str) -> str:
    return value.rstrip("0").rstrip(".") if "." in value else value


def package_number_matches(
    session: Session, package: Submission, parks: Collection[int] | None = None
) -> tuple[CorpusMatch, ...]:
    """Tables of the package whose runs of numbers another park's document (or this park's document
    of the same kind from another year) already states.
    """
    from corpus.neardup import settings

    config = settings().numbers
    windows = [(d, w) for d in package.documents for w in table_windows(d)]
    if not windows:
        return ()
    own = {d.sha256 for d in package.documents}
    rows = _stored(session, {w.hash for _, w in windows})
    own_park = session.execute(text("SELECT id FROM parks WHERE name = :n"), {"n": package.park or ""}).scalar()
    year = package.dates.application_date.value.year if package.dates.application_date else None
    by_hash: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        if row.sha256 in own or (parks is not None and row.park_id not in parks):
            continue
        by_hash[row.hash].append(row)
    matches: list[CorpusMatch] = []
    for document in package.documents:
        ours = [w for d, w in windows if d is document]
        hits: dict[int, list[tuple[NumberWindow, tuple]]] = defaultdict(list)
        for window in ours:
            stored = by_hash.get(window.hash, [])
            if len({r.park_id for r in stored if r.park_id != own_park}) >= config.boilerplate_parks:
                continue  # a run many parks share: the 《标准》's figures, not a copy
            for row in stored:
                same_park = own_park is not None and row.park_id == own_park
                if same_park and (row.kind != document.kind.value or row.year is None or row.year == year):
                    continue
                hits[row.document_id].append((window, row))
        for pairs in hits.values():
            if len(pairs) >= config.min_windows:
                window, row = pairs[0]
                matches.append(
                    CorpusMatch(
                        document=document.file,
                        page=window.page,
                        quote=window.quote,
                        other_park=row.park or "",
                        other_document=row.file,
                        other_page=row.page,
                        other_quote=row.quote,
                        similarity=1.0,
                        kind="numbers",
                        other_year=row.year,
                        run=len(pairs) + config.window - 1,
                    )
                )
    return tuple(matches)


def _stored(session: Session, hashes: Iterable[int]) -> list:
    query = text(
        "SELECT n.hash, n.document_id, n.page, n.quote, d.file, d.kind, d.sha256, s.park_id, s.year, k.name AS park "
        "FROM number_runs n JOIN documents d ON d.id = n.document_id JOIN submissions s ON s.id = d.submission_id "
        "LEFT JOIN parks k ON k.id = s.park_id WHERE n.hash IN :h"
    ).bindparams(bindparam("h", expanding=True))
    ordered, rows = sorted(set(hashes)), []
    for start in range(0, len(ordered), _CHUNK):
        rows.extend(session.execute(query, {"h": ordered[start : start + _CHUNK]}).all())
    return rows
