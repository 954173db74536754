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
# PostgreSQL: the GIN index finds at most RANK_POOL filtered matches, and only those are ranked.
_POOL = f"(SELECT p.id AS pid FROM passages p {_JOINS} WHERE {{where}} LIMIT :pool) m JOIN passages p ON p.id = m.pid"


def search(session: Session, query: str, filters: SearchFilters | None = None, limit: int = 20) -> list[SearchHit]:
    """The best passages for the query, best first."""
    query = query.strip()
    found = query_words(query)
    if not found:
        return []
    filters = filters or SearchFilters()
    where, params = _filters(filters)
    params["limit"] = limit
    if session.get_bind().dialect.name == "sqlite":
        params["match"] = " ".join('"' + w.replace('"', '""') + '"' for w in found)
        sql = _SELECT.format(
            score="-bm25(passages_fts)",
            source="passages_fts JOIN passages p ON p.id = passages_fts.rowid",
            where=" AND ".join(["passages_fts MATCH :match", *where]),
        )
    else:
        params.update(words=" ".join(found), pool=RANK_POOL)
        sql = _SELECT.format(
            score="ts_rank(p.tsv, plainto_tsquery('simple', :words))",
            source=_POOL.format(where=" AND ".join(["p.tsv @@ plainto_tsquery('simple', :words)", *where])),
            where=" AND ".join(["TRUE", *where]),
        )
    rows = session.execute(text(sql), params).all()
    if not rows:
        rows = _substring(session, query, where, params)
    return [_hit(row, found, query) for row in rows]


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


def _substring(session: Session, query: str, where: list[str], params: dict) -> list:
    """The fallback: passages containing the query as written (bounded by the limit)."""
    params = {**params, "like": "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"}
    sql = _SELECT.format(
        score="0.0", source="passages p", where=" AND ".join(["p.text LIKE :like ESCAPE '\\'", *where])
    )
    return session.execute(text(sql), params).all()


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
