"""Corpus scale benchmark: search latency, near-duplicate lookup time for one new 100-page document,
index build rate and database size, at 10^5 or 10^6 stored passages, on SQLite and PostgreSQL.

The corpus is synthetic and inserted in bulk: passages of Chinese words drawn from jieba's dictionary
by frequency (each word's index form cut by jieba once and cached, so the index holds what the real
pipeline would), 1,000 passages per document, one document per park-submission. Band keys of
unrelated passages are random 64-bit values (what MinHash band hashes of unrelated texts are); a
few hundred template passages shared by many documents make hot keys, and 50 passages of the probe
document are planted as edited copies with their real band keys, so the lookup has work to do.
The real pipeline's rate (jieba cut, MinHash, insert) is measured on its own sample.

Usage: python bench/corpus_bench.py [--passages 100000] [--backend sqlite|postgresql|both]
                                    [--pg-url URL] [--queries 200] [--json FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text

from corpus import tables as t
from corpus.db import Corpus, make_engine, open_corpus
from corpus.neardup import Probe, band_keys, comparable, find_copies, passage_shingles, settings
from corpus.search import search
from corpus.text import index_text

PER_DOCUMENT = 1000
PROBE_PASSAGES = 1000  # a 100-page report: about ten paragraphs a page
PLANTED = 50
TEMPLATES = 300
PUNCTUATION = "，，，、。；"
UNITS = ("万元", "吨", "亩", "立方米", "千瓦时")
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass
class Result:
    backend: str
    passages: int
    pipeline_rate: float  # passages/s through jieba + MinHash + insert
    bulk_rate: float  # passages/s of the bulk synthetic load (with FTS and band rows)
    db_mb: float
    search_p50_ms: float
    search_p95_ms: float
    search_max_ms: float
    lookup_s: float  # find_copies for a 1000-passage document, median of 3
    segment_s: float  # of which: jieba cut and MinHash of the document's passages (independent of corpus size)
    planted_found: int
    planted_comparable: int  # planted copies long enough to be compared (min_chars)


class Words:
    """Dictionary words by frequency, and each word's index form (cut once by jieba)."""

    def __init__(self, rng: random.Random, size: int = 30000) -> None:
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
        rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
        rows = [(w, int(f)) for w, f, *_ in rows if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w)]
        rows.sort(key=lambda r: -r[1])
        self.words = [w for w, _ in rows[:size]]
        self.cumulative = list(itertools.accumulate(f for _, f in rows[:size]))
        self.rng = rng
        self._index: dict[str, str] = {}

    def passage(self, length: int = 45) -> tuple[str, str]:
        """A passage of dictionary words with a figure or two, as report prose states them."""
        chosen = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        body, tokens = [], []
        for i, word in enumerate(chosen):
            body.append(word)
            tokens.append(self.index_form(word))
            if i % 9 == 8:
                body.append(self.rng.choice(PUNCTUATION))
            if i % 20 == 10:
                figure = f"{self.rng.randint(100, 99999)}{self.rng.choice(UNITS)}"
                body.append(figure)
                tokens.append(self.index_form(figure))
        return "".join(body) + "。", " ".join(tokens)

    def index_form(self, word: str) -> str:
        if word not in self._index:
            self._index[word] = index_text(word)
        return self._index[word]


def fresh_corpus(backend: str, pg_url: str | None) -> Corpus:
    if backend == "sqlite":
        return open_corpus(Path(tempfile.mkdtemp(prefix="eipcheck-bench-")))
    admin = make_engine(pg_url or PG_ADMIN).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text('DROP DATABASE IF EXISTS "eipcheck_bench" WITH (FORCE)'))
        connection.execute(text('CREATE DATABASE "eipcheck_bench"'))
    url = make_engine(pg_url or PG_ADMIN).url.set(database="eipcheck_bench").render_as_string(hide_password=False)
    return open_corpus(url)


def pipeline_rate(corpus: Corpus, words: Words, count: int = 2000) -> float:
    """Passages/s through what ingest does per passage: jieba index words, MinHash bands, insert."""
    samples = [words.passage()[0] for _ in range(count)]
    with corpus.session() as session:
        park = t.Park(name="基准园区")
        session.add(park)
        session.flush()
        submission = t.Submission(park_id=park.id, package_key="0" * 64, stage="acceptance", status="complete")
        session.add(submission)
        session.flush()
        document = t.Document(
            submission_id=submission.id, file="基准.pdf", sha256="0" * 64, kind="other", stored_path=""
        )
        session.add(document)
        session.flush()
        start = time.perf_counter()
        rows = [
            t.Passage(document_id=document.id, ordinal=i, page=1, text=s, tokens=index_text(s))
            for i, s in enumerate(samples)
        ]
        session.add_all(rows)
        session.flush()
        bands = []
        for row in rows:
            keys = band_keys(passage_shingles(comparable(row.text, None) or row.text))
            bands += [{"passage_id": row.id, "band": b, "hash": k} for b, k in enumerate(keys)]
        session.execute(insert(t.PassageBand), bands)
        session.commit()
        return count / (time.perf_counter() - start)


def bulk_load(corpus: Corpus, words: Words, total: int, probe: list[str], rng: random.Random) -> float:
    """Insert `total` passages (plus parks, submissions, documents and bands) in batches."""
    config = settings().minhash
    templates = [words.passage() for _ in range(TEMPLATES)]
    template_keys = [[rng.getrandbits(63) for _ in range(config.bands)] for _ in templates]
    planted = {i * (PROBE_PASSAGES // PLANTED): rng.randrange(total) for i in range(PLANTED)}
    planted_at = {at: probe[i] for i, at in planted.items()}
    start = time.perf_counter()
    with corpus.engine.begin() as connection:
        base = connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM passages")).scalar() + 1
    documents = total // PER_DOCUMENT
    for d in range(documents):
        with corpus.engine.begin() as connection:
            park = connection.execute(
                insert(t.Park).values(name=f"合成园区{d:07d}", province="江苏省").returning(t.Park.id)
            ).scalar()
            submission = connection.execute(
                insert(t.Submission)
                .values(
                    park_id=park, package_key=f"{d + 1:064d}", stage="acceptance", year=2015 + d % 10, status="complete"
                )
                .returning(t.Submission.id)
            ).scalar()
            document = connection.execute(
                insert(t.Document)
                .values(
                    submission_id=submission,
                    file=f"验收报告{d}.pdf",
                    sha256=f"{d + 1:064x}",
                    kind="acceptance_report",
                    stored_path="",
                )
                .returning(t.Document.id)
            ).scalar()
            passages, bands = [], []
            for i in range(PER_DOCUMENT):
                number = d * PER_DOCUMENT + i
                pid = base + number
                if number in planted_at:
                    body = planted_at[number].replace("。", "，") + "。"
                    tokens, keys = index_text(body), band_keys(passage_shingles(comparable(body, None) or body))
                elif rng.random() < 0.05:
                    which = rng.randrange(TEMPLATES)
                    (body, tokens), keys = templates[which], template_keys[which]
                else:
                    body, tokens = words.passage()
                    keys = [rng.getrandbits(63) for _ in range(config.bands)]
                passages.append(
                    {
                        "id": pid,
                        "document_id": document,
                        "ordinal": i,
                        "page": 1 + i // 10,
                        "text": body,
                        "tokens": tokens,
                    }
                )
                bands += [{"passage_id": pid, "band": b, "hash": k} for b, k in enumerate(keys)]
            _insert(connection, corpus, t.Passage, passages)
            _insert(connection, corpus, t.PassageBand, bands)
        if d % 50 == 49:
            rate = (d + 1) * PER_DOCUMENT / (time.perf_counter() - start)
            print(f"  {(d + 1) * PER_DOCUMENT:>9,} passages, {rate:,.0f}/s", file=sys.stderr)
    with corpus.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if corpus.is_sqlite:
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("SELECT setval('passages_id_seq', (SELECT MAX(id) FROM passages))"))
            connection.execute(text("VACUUM ANALYZE"))
    return total / (time.perf_counter() - start)


def _insert(connection, corpus: Corpus, table, rows: list[dict]) -> None:
    """Rows in bulk: executemany on SQLite, COPY on PostgreSQL."""
    if corpus.is_sqlite:
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.__tablename__} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def db_size_mb(corpus: Corpus) -> float:
    if corpus.is_sqlite:
        path = Path(corpus.engine.url.database)
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    with corpus.engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar() / 2**20


def search_latency(corpus: Corpus, words: Words, count: int, rng: random.Random) -> tuple[float, float, float]:
    queries = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.4:  # one common word (the hard case: many matches)
            queries.append(rng.choice(words.words[:300]))
        elif kind < 0.8:  # two words
            queries.append(rng.choice(words.words[:5000]) + rng.choice(words.words[:5000]))
        else:  # a rarer word
            queries.append(rng.choice(words.words[5000:]))
    times = []
    with corpus.session() as session:
        search(session, queries[0])  # warm the caches once
        for query in queries:
            start = time.perf_counter()
            search(session, query, limit=20)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1], times[-1]


def lookup_time(corpus: Corpus, probe: list[str]) -> tuple[float, float, int]:
    """Median seconds of find_copies for the document, of which cutting and hashing it, and copies found."""
    from corpus.neardup import _prepare

    probes = [Probe("新报告.pdf", 1 + i // 10, body) for i, body in enumerate(probe)]
    runs, cuts, found = [], [], 0
    for _ in range(3):
        start = time.perf_counter()
        _prepare(probes, "新园区")
        cuts.append(time.perf_counter() - start)
        with corpus.session() as session:
            start = time.perf_counter()
            matches = find_copies(session, probes, "新园区")
            runs.append(time.perf_counter() - start)
            found = len({m.quote for m in matches})
    return statistics.median(runs), statistics.median(cuts), found


def run(backend: str, total: int, queries: int, pg_url: str | None) -> Result:
    rng = random.Random(1)
    words = Words(rng)
    probe = [words.passage(rng.randint(15, 60))[0] for _ in range(PROBE_PASSAGES)]  # ~110 k characters
    corpus = fresh_corpus(backend, pg_url)
    print(f"[{backend}] pipeline rate…", file=sys.stderr)
    rate = pipeline_rate(corpus, words)
    print(f"[{backend}] bulk load of {total:,} passages…", file=sys.stderr)
    bulk = bulk_load(corpus, words, total, probe, rng)
    size = db_size_mb(corpus)
    print(f"[{backend}] search and lookup…", file=sys.stderr)
    p50, p95, worst = search_latency(corpus, words, queries, rng)
    lookup, segment, found = lookup_time(corpus, probe)
    comparable_planted = sum(
        comparable(probe[i * (PROBE_PASSAGES // PLANTED)], None) is not None for i in range(PLANTED)
    )
    corpus.engine.dispose()
    return Result(
        backend,
        total,
        round(rate),
        round(bulk),
        round(size, 1),
        round(p50, 2),
        round(p95, 2),
        round(worst, 1),
        round(lookup, 3),
        round(segment, 3),
        found,
        comparable_planted,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default=os.environ.get("EIPCHECK_BENCH_PG_URL"))
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = [run(b, args.passages, args.queries, args.pg_url) for b in backends]
    print(
        "| backend | passages | pipeline passages/s | bulk load passages/s | DB MB | search p50 ms | search p95 ms "
        "| search max ms | lookup s (1000-passage doc) | of which jieba+MinHash s | planted found |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(
            f"| {r.backend} | {r.passages:,} | {r.pipeline_rate:,} | {r.bulk_rate:,} | {r.db_mb:,} "
            f"| {r.search_p50_ms} | {r.search_p95_ms} | {r.search_max_ms} | {r.lookup_s} | {r.segment_s} "
            f"| {r.planted_found}/{r.planted_comparable} |"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
