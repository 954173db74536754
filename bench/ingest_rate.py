"""Batch rate of `eipcheck ingest` in pages per second over the sample corpus (issue #8), and its
idempotence (issue #6): the same folders ingested a second time store nothing.

Ingests CORPUS (a folder of packages, as `eipcheck ingest` takes it; by default a sample corpus
generated into a temporary folder) into a fresh SQLite data directory, exactly as the CLI does
(`service.ingest.find_packages` + `ingest`: read, review against what is stored, persist), then runs
the same ingest again. Pages are counted from what the corpus stored (`documents.pages`), so a file
the readers could not open adds no pages; blobs are counted on disk to show each original is kept once.

Usage: python bench/ingest_rate.py [--corpus DIR] [--parks 3] [--seed 1] [--format pdf|docx] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from corpus import tables as t
from corpus.db import open_corpus
from service.ingest import PackageSource, find_packages, ingest


def measure(corpus_dir: Path, data_dir: Path, fmt: str) -> dict:
    """Two ingest runs of the same folder into one fresh corpus: the rate of the first, the second's effect.
    The generator writes each document as DOCX and as PDF side by side; one format makes one package.
    """
    sources = [
        PackageSource(s.label, kept)
        for s in find_packages([corpus_dir])
        if (kept := tuple(p for p in s.paths if p.suffix.lower() == f".{fmt}"))
    ]
    corpus = open_corpus(data_dir)
    runs = []
    for _ in range(2):
        start = time.perf_counter()
        outcomes = ingest(corpus, sources, today=date.today(), progress=sys.stderr.isatty())
        runs.append((time.perf_counter() - start, outcomes))
    with corpus.session() as session:
        pages = session.execute(select(func.coalesce(func.sum(t.Document.pages), 0))).scalar_one()
        documents = session.execute(select(func.count(t.Document.id))).scalar_one()
        hashes = session.execute(select(func.count(func.distinct(t.Document.sha256)))).scalar_one()
    corpus.engine.dispose()
    blobs = sum(1 for p in (data_dir / "blobs").rglob("*") if p.is_file())
    (first, stored), (second, again) = runs
    return {
        "packages": len(sources),
        "documents": documents,
        "distinct_files": hashes,
        "blobs": blobs,
        "pages": pages,
        "first_run_s": round(first, 2),
        "pages_per_s": round(pages / first, 1) if first else None,
        "stored_first": sum(o.status == "stored" for o in stored),
        "second_run_s": round(second, 2),
        "stored_second": sum(o.status == "stored" for o in again),
        "skipped_second": sum(o.status == "skipped" for o in again),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder of packages (default: generate a sample corpus)")
    parser.add_argument("--parks", type=int, default=3, help="parks of the generated corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("pdf", "docx"), default="pdf", help="which rendering to ingest")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eipcheck-ingest-") as scratch:
        corpus_dir = args.corpus
        if corpus_dir is None:
            from corpus.samples.generate import generate

            corpus_dir = Path(scratch) / "corpus"
            generate(corpus_dir, args.parks, args.seed)
        figures = measure(corpus_dir, Path(scratch) / "data", args.format)
    print(
        f"{figures['packages']} packages, {figures['documents']} documents ({figures['distinct_files']} distinct, "
        f"{figures['blobs']} blobs), {figures['pages']} pages\n"
        f"first ingest  {figures['first_run_s']:8.1f} s  {figures['pages_per_s']} pages/s  "
        f"stored {figures['stored_first']}\n"
        f"second ingest {figures['second_run_s']:8.1f} s  stored {figures['stored_second']}, "
        f"skipped {figures['skipped_second']}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
