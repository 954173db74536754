"""The schema: migrations create every table on both backends, rows link as the service expects,
and migrating again changes nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect
from sqlmodel import select

from corpus import tables as t
from corpus.db import migrate, open_corpus, session_scope

EXPECTED = {
    "parks",
    "submissions",
    "documents",
    "sections",
    "passages",
    "facts",
    "findings",
    "dispositions",
    "passage_bands",
}


def test_migration_creates_every_table(corpus):
    names = set(inspect(corpus.engine).get_table_names())
    assert names >= EXPECTED
    assert "alembic_version" in names
    migrate(corpus.engine)  # again: a no-op
    assert set(inspect(corpus.engine).get_table_names()) >= EXPECTED


def test_rows_link_from_park_to_disposition(corpus):
    with session_scope(corpus) as session:
        park = t.Park(name="苏州工业园区", province="江苏省")
        session.add(park)
        session.flush()
        submission = t.Submission(
            park_id=park.id, package_key="a" * 64, stage="acceptance", year=2024, approval_date=date(2021, 6, 15)
        )
        session.add(submission)
        session.flush()
        document = t.Document(
            submission_id=submission.id,
            file="验收报告.pdf",
            sha256="b" * 64,
            kind="acceptance_report",
            stored_path="blobs/bb/bb/" + "b" * 64,
        )
        session.add(document)
        session.flush()
        finding = t.Finding(
            submission_id=submission.id,
            document_id=document.id,
            rule="outline.missing_section",
            severity="major",
            subject="report.1.4",
            message="验收报告缺少提纲要求的“碳排放与碳汇现状”",
            basis="管理办法 附件3",
            evidence=[{"document": "验收报告.pdf", "page": 3, "quote": "一、园区概况"}],
            fingerprint="c" * 64,
        )
        session.add(finding)
        session.flush()
        session.add(
            t.Disposition(
                finding_id=finding.id,
                fingerprint=finding.fingerprint,
                verdict="dismissed",
                note="已说明",
                reviewer="张三",
            )
        )
    with session_scope(corpus) as session:
        row = session.exec(select(t.Disposition, t.Finding).join(t.Finding)).one()
        assert row[0].verdict == t.Verdict.DISMISSED
        assert row[1].evidence[0]["quote"] == "一、园区概况"
        assert session.exec(select(t.Submission)).one().approval_date == date(2021, 6, 15)


def test_data_dir_holds_the_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.setenv("EIPCHECK_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.delenv("EIPCHECK_DATABASE_URL", raising=False)
    corpus = open_corpus()
    assert corpus.is_sqlite
    assert (tmp_path / "d" / "eipcheck.sqlite3").exists()
