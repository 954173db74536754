"""Chinese full-text search over stored passages: the query is cut by jieba exactly as the index
was, matched by SQLite FTS5 (ranked by its own `bm25()` with LIMIT, so only the top set is ranked)
or by PostgreSQL's GIN-indexed tsvector (ranked over a bounded set of matches), filtered by park,
province, document kind, stage and year, and returned with a highlighted snippet and the page.

When the words match nothing (jieba cut the text differently), the query falls back to a bounded
substring scan, so a phrase that is in the text is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from corpus.text import query_words

RANK_POOL = 2000  # PostgreSQL ranks at most this many matches (the GIN index finds them)
SNIPPET_CHARS = 120
MARK = ("【", "】")


@dataclass(frozen=True)
class SearchFilters:
    """Optional filters; None means any."""

    park: str | None = None
    province: str | None = None
    kind: str | None = None
    stage: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class SearchHit:
    """One passage found: where it is, a snippet with the query words marked 【】, and its score."""

    passage_id: int
    park: str | None
    province: str | None
    document: str
    kind: str
    stage: str
    year: int | None
    page: int | None
    snippet: str
    text: str
    score: float


_JOINS = (
    "JOIN documents d ON d.id = p.document_id JOIN submissions s ON s.id = d.submission_id "
    "LEFT JOIN parks k ON k.id = s.park_id"
)
_SELECT = (
    "SELECT p.id, k.name, k.province, d.file, d.kind, s.stage, s.year, p.page, p.text, {score} AS score "
    f"FROM {{source}} {_JOINS} WHERE {{where}} ORDER BY score DESC, p.id LIMIT :limit"
)
# SQLite: the newest RANK_POOL matches (FTS5 walks its doclists by rowid without ranking) set a rowid
# floor, and bm25() ranks only the matches above it.
_SQLITE_FLOOR = (
    "SELECT MIN(rowid) FROM (SELECT passages_fts.rowid AS rowid FROM passages_fts "
    f"JOIN passages p ON p.id = passages_fts.rowid {_JOINS} WHERE {{where}} "
    "ORDER BY passages_fts.rowid DESC LIMIT :pool)"
)
# PostgreSQL: the GIN index finds at most RANK_POOL filtered matches, and only those are ranked.
_POOL = f"(SELECT p.id AS pid FROM passages p {_JOINS} WHERE {{where}} LIMIT :pool) m JOIN passages p ON p.id = m.pid"


def search(session: Session, query: str, filters: SearchFilters | None = None, limit: int = 20) -> list[SearchHit]:
    """The best passages for the query, best first. All the query's words must occur; if that finds
    nothing (jieba cut the text differently), passages with any of the words that contain the query
    as written are returned instead.
    """
    query = query.strip()
    found = query_words(query)
    if not found:
        return []
    where, params = _filters(filters or SearchFilters())
    params.update(limit=limit, pool=RANK_POOL)
    sqlite = session.get_bind().dialect.name == "sqlite"
    run = _sqlite if sqlite else _postgres
    rows = run(session, found, " AND ", where, params)
    if not rows:
        params["like"] = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = run(session, found, " OR ", [*where, "p.text LIKE :like ESCAPE '\\'"], params)
    return [_hit(row, found, query) for row in rows]


def _sqlite(session: Session, found: list[str], joiner: str, where: list[str], params: dict) -> list:
    params = {**params, "match": joiner.join('"' + w.replace('"', '""') + '"' for w in found)}
    clauses = ["passages_fts MATCH :match", *where]
    floor = session.execute(text(_SQLITE_FLOOR.format(where=" AND ".join(clauses))), params).scalar()
    if floor is None:
        return []
    sql = _SELECT.format(
        score="-bm25(passages_fts)",
        source="passages_fts JOIN passages p ON p.id = passages_fts.rowid",
        where=" AND ".join([*clauses, "passages_fts.rowid >= :floor"]),
    )
    return session.execute(text(sql), {**params, "floor": floor}).all()


def _postgres(session: Session, found: list[str], joiner: str, where: list[str], params: dict) -> list:
    # A common word matches most passages: let the GIN scan stop at a bounded (random) subset instead
    # of building a bitmap of every match (PostgreSQL's own knob for exactly this).
    session.execute(text(f"SET LOCAL gin_fuzzy_search_limit = {RANK_POOL * 5}"))
    names = [f"w{i}" for i in range(len(found))]
    query = (" && " if joiner == " AND " else " || ").join(f"plainto_tsquery('simple', :{n})" for n in names)
    params = {**params, **dict(zip(names, found, strict=True))}
    sql = _SELECT.format(
        score=f"ts_rank(p.tsv, {query})",
        source=_POOL.format(where=" AND ".join([f"p.tsv @@ ({query})", *where])),
        where="TRUE",
    )
    return session.execute(text(sql), params).all()


def _filters(filters: SearchFilters) -> tuple[list[str], dict]:
    clauses, params = [], {}
    for name, column in (
        ("park", "k.name"),
        ("province", "k.province"),
        ("kind", "d.kind"),
        ("stage", "s.stage"),
        ("year", "s.year"),
    ):
        value = getattr(filters, name)
        if value is not None:
            clauses.append(f"{column} = :f_{name}")
            params[f"f_{name}"] = value
    return clauses, params


def _hit(row, found: list[str], query: str) -> SearchHit:
    passage_id, park, province, document, kind, stage, year, page, body, score = row
    return SearchHit(
        passage_id,
        park,
        province,
        document,
        kind,
        stage,
        year,
        page,
        snippet(body, [query, *found]),
        body,
        float(score),
    )


def snippet(body: str, marks: list[str], width: int = SNIPPET_CHARS) -> str:
    """A window of the passage around the first marked word, every occurrence of the words marked."""
    terms = sorted({m for m in marks if m}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
    first = pattern.search(body) if pattern else None
    start = max(0, (first.start() if first else 0) - width // 3)
    window = body[start : start + width]
    marked = pattern.sub(lambda m: f"{MARK[0]}{m.group(0)}{MARK[1]}", window) if pattern else window
    return ("…" if start else "") + marked + ("…" if start + width < len(body) else "")
