"""Reviews are kept: a reviewer's disposition holds for the same finding in a later review, an
interrupted ingest resumes without duplicates, and search over LibreOffice PDFs gives page numbers.
Both backends.
"""

from __future__ import annotations

import shutil
from datetime import date

import docx
import pytest
from sqlmodel import func, select

from corpus import tables as t
from corpus.search import search
from corpus.store import dispose
from service import ingest as ingest_module
from service.ingest import find_packages, ingest

TODAY = date(2026, 1, 1)


@pytest.fixture
def pdf_package(sample_package, tmp_path):
    folder = tmp_path / "package"
    folder.mkdir()
    for path in sample_package.pdf.values():
        shutil.copy(path, folder / path.name)
    return folder


def test_search_over_pdf_gives_pages(corpus, pdf_package):
    ingest(corpus, find_packages([pdf_package]), today=TODAY)
    with corpus.session() as session:
        hits = search(session, "支撑项目", limit=5)
    assert hits and all(h.page is not None and h.page >= 1 for h in hits)
    assert all("【" in h.snippet for h in hits)


def test_dismissed_finding_stays_dismissed_in_a_later_review(corpus, pdf_package, tmp_path):
    ingest(corpus, find_packages([pdf_package]), today=TODAY)
    with corpus.session() as session:
        finding = session.exec(select(t.Finding).order_by(t.Finding.id)).first()
        assert finding is not None, "the sample package has findings"
        dispose(session, finding.id, t.Verdict.DISMISSED, "张审查", "已在补充材料中说明")
        session.commit()
    # The park sends the package again with a covering note: a new submission, the same finding.
    later = tmp_path / "later"
    shutil.copytree(pdf_package, later)
    note = docx.Document()
    note.add_paragraph("关于补充提交验收材料的说明：根据审查意见，现将有关情况说明如下。")
    note.save(later / "补充说明.docx")
    outcomes = ingest(corpus, find_packages([later]), today=TODAY)
    assert outcomes[0].status == "stored"
    with corpus.session() as session:
        again = session.exec(
            select(t.Finding).where(
                t.Finding.submission_id == outcomes[0].submission_id, t.Finding.fingerprint == finding.fingerprint
            )
        ).one()
        kept = session.exec(select(t.Disposition).where(t.Disposition.finding_id == again.id)).one()
    assert (kept.verdict, kept.reviewer, kept.note) == ("dismissed", "张审查", "已在补充材料中说明")


def test_interrupted_ingest_resumes_without_duplicates(corpus, pdf_package, tmp_path, monkeypatch):
    second = tmp_path / "second"
    second.mkdir()
    shutil.copy(sorted(pdf_package.glob("*.pdf"))[0], second / "只有一份.pdf")
    sources = find_packages([pdf_package, second])
    real = ingest_module.store_findings
    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C in the middle of the second package
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "store_findings", fail_on_second)
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus, sources, today=TODAY)
    with corpus.session() as session:
        assert session.exec(select(func.count()).select_from(t.Submission)).one() == 1
    monkeypatch.setattr(ingest_module, "store_findings", real)
    outcomes = ingest(corpus, sources, today=TODAY)
    assert [o.status for o in outcomes] == ["skipped", "stored"]
    with corpus.session() as session:
        assert session.exec(select(func.count()).select_from(t.Submission)).one() == 2
        assert (
            session.exec(select(func.count()).select_from(t.Submission).where(t.Submission.status == "complete")).one()
            == 2
        )


def test_bad_and_repeated_files_are_stored_without_losing_the_package(corpus, pdf_package):
    first = sorted(pdf_package.glob("*.pdf"))[0]
    shutil.copy(first, pdf_package / f"副本-{first.name}")  # the same bytes under a second name
    (pdf_package / "损坏.pdf").write_bytes(b"%PDF-1.7\n\x00garbage")
    (pdf_package / "空文件.docx").write_bytes(b"")
    outcomes = ingest(corpus, find_packages([pdf_package]), today=TODAY)
    assert outcomes[0].status == "stored"
    with corpus.session() as session:
        documents = session.exec(select(t.Document)).all()
    unreadable = {d.file: d.error for d in documents if d.kind == "unreadable"}
    assert set(unreadable) == {"损坏.pdf", "空文件.docx"} and all(unreadable.values())
    assert len({d.sha256 for d in documents}) == len(documents)
    assert outcomes[0].documents == len(list(pdf_package.iterdir()))
