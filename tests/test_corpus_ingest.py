"""Ingest, search and copy detection on generated sample parks (Word documents with automatic
numbering, TOC fields and tables, written by corpus/samples), on SQLite and on PostgreSQL.

Four parks: three clean, the fourth's 验收报告 carries a passage copied from an earlier park (the
generator's `report_copied_passage` defect, with its truth). Packages are ingested in time order:
every application, then every acceptance package.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from corpus_backends import BACKENDS, open_backend
from sqlmodel import func, select

from corpus import tables as t
from corpus.samples.draw import draw_park
from corpus.samples.generate import WrittenPark, write_park
from corpus.search import SearchFilters, search
from service.ingest import find_packages, ingest

SEED = 7
TODAY = date(2026, 1, 1)


@dataclass(frozen=True)
class Loaded:
    corpus: object
    parks: list[WrittenPark]
    root: Path


@pytest.fixture(scope="module")
def sample_parks(tmp_path_factory) -> tuple[Path, list[WrittenPark]]:
    out = tmp_path_factory.mktemp("parks")
    drawn = [draw_park(random.Random(f"{SEED}:{i}"), i) for i in range(4)]
    written = [
        write_park(out, SEED, park, drawn[: park.index], defects=[] if park.index < 3 else ["report_copied_passage"])
        for park in drawn
    ]
    return out, written


def _in_time_order(root: Path):
    return sorted(find_packages([root]), key=lambda s: ("acceptance" in s.label, s.label))


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(request, sample_parks, tmp_path_factory) -> Loaded:
    root, parks = sample_parks
    corpus = open_backend(request, request.param, tmp_path_factory.mktemp(f"data-{request.param}"))
    outcomes = ingest(corpus, _in_time_order(root), today=TODAY)
    assert [o.status for o in outcomes] == ["stored"] * 8
    yield Loaded(corpus, parks, root)
    corpus.engine.dispose()


def _counts(corpus) -> tuple[int, int, int, int]:
    with corpus.session() as session:
        return (
            session.exec(select(func.count()).select_from(t.Submission)).one(),
            session.exec(select(func.count()).select_from(t.Document)).one(),
            session.exec(select(func.count()).select_from(t.Passage)).one(),
            session.exec(select(func.count()).select_from(t.Finding)).one(),
        )


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.docx"))


def test_ingesting_twice_stores_each_file_once(loaded):
    before = _counts(loaded.corpus)
    blobs = sorted(p.name for p in (loaded.corpus.data_dir / "blobs").rglob("*") if p.is_file())
    assert before[1] == len(_files(loaded.root)) == len(blobs)
    outcomes = ingest(loaded.corpus, _in_time_order(loaded.root), today=TODAY)
    assert {o.status for o in outcomes} == {"skipped"}
    assert _counts(loaded.corpus) == before
    assert sorted(p.name for p in (loaded.corpus.data_dir / "blobs").rglob("*") if p.is_file()) == blobs


def test_originals_are_kept_byte_for_byte(loaded):
    with loaded.corpus.session() as session:
        rows = session.exec(select(t.Document)).all()
    by_name = {(p.parent.parent.name, p.parent.name, p.name): p for p in _files(loaded.root)}
    for row in rows:
        stored = (loaded.corpus.data_dir / row.stored_path).read_bytes()
        assert any(stored == p.read_bytes() for key, p in by_name.items() if key[2] == row.file)


def test_parks_and_stages_are_recorded(loaded):
    with loaded.corpus.session() as session:
        parks = {p.name for p in session.exec(select(t.Park)).all()}
        stages = sorted(s.stage for s in session.exec(select(t.Submission)).all())
    assert parks == {p.truth.park for p in loaded.parks}
    assert stages == ["acceptance"] * 4 + ["application"] * 4


def _near_duplicates(corpus) -> list[tuple[str, t.Finding]]:
    query = (
        select(t.Submission.source, t.Finding)
        .join(t.Finding, t.Finding.submission_id == t.Submission.id)
        .where(t.Finding.rule == "integrity.near_duplicate")
    )
    with corpus.session() as session:
        return list(session.exec(query).all())


def test_copied_passage_is_found_with_both_quotes(loaded):
    copier = loaded.parks[3].truth
    expected = [f for p in copier.packages for f in p.findings if f.rule == "integrity.near_duplicate"]
    assert expected, "the generator planted a copy"
    source = expected[0].subject
    found = [f for label, f in _near_duplicates(loaded.corpus) if "park-04" in label and "acceptance" in label]
    hits = [f for f in found if f.subject == source]
    assert len(hits) == 1
    evidence = hits[0].evidence
    ours, theirs = evidence[0], evidence[1]
    assert ours["document"] == "验收报告.docx" and copier.park in ours["quote"]
    assert theirs["document"].startswith(f"{source}/") and source in theirs["quote"]
    assert ours["quote"].replace(copier.park, source) == theirs["quote"]


def test_quotations_of_the_rules_are_not_flagged(loaded):
    # Every park's 环境守法证明 quotes 第十条(三) word for word: boilerplate, never a copy.
    assert not [f for _, f in _near_duplicates(loaded.corpus) if f.evidence[0]["document"] == "环境守法证明.docx"]


def test_search_finds_a_phrase_and_filters(loaded):
    copier = loaded.parks[3].truth.park
    with loaded.corpus.session() as session:
        hits = search(session, "产业共生联盟", limit=10)
        assert {h.park for h in hits} >= {p.truth.park for p in loaded.parks}
        assert all("【" in h.snippet and "产业共生联盟" in h.text for h in hits)
        only = search(session, "产业共生联盟", SearchFilters(park=copier, stage="acceptance"))
        assert only and {(h.park, h.stage, h.kind) for h in only} == {(copier, "acceptance", "acceptance_report")}
        assert search(session, "产业共生联盟", SearchFilters(kind="filing_form")) == []
        assert search(session, "完全不存在的词语组合") == []


def test_search_falls_back_to_the_text_when_words_differ(loaded):
    # “排污许可” and “一证式” are cut into other words than the query's: the substring still finds them.
    with loaded.corpus.session() as session:
        hits = search(session, "许可“一证式”管理", limit=3)
    assert hits and all("许可“一证式”管理" in h.text for h in hits)
