"""Long PDFs are read by page workers: the result must not depend on how many."""

from __future__ import annotations

import pytest
from test_bad_input import make_pdf

from extractors import pdf_schedule
from extractors.limits import ReadLimits
from extractors.model import DocumentKind
from extractors.pdf_pages import read_page
from extractors.pdf_schedule import PARALLEL_FROM_PAGES, worker_count
from extractors.reader import read_document

PAGES = PARALLEL_FROM_PAGES + 13


def _pdf() -> bytes:
    return make_pdf([[f"Section {p}.{i}: emission record {p * 100 + i}." for i in range(12)] for p in range(PAGES)])


def test_workers_read_the_same_document_as_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _pdf()
    monkeypatch.setenv("EIPCHECK_WORKERS", "1")
    assert worker_count(PAGES) == 1
    alone = read_document(data, "记录.pdf")
    monkeypatch.setenv("EIPCHECK_WORKERS", "2")
    assert worker_count(PAGES) == 2
    pooled = read_document(data, "记录.pdf")

    assert alone.kind != DocumentKind.UNREADABLE, alone.error
    assert pooled.raw.blocks == alone.raw.blocks and pooled.pages == alone.pages == PAGES
    assert f"emission record {(PAGES - 1) * 100 + 11}" in pooled.raw.blocks[-1].text


def _greedy_read_page(pdf, number):
    """A page whose reading needs far more memory than the cap allows (as a hostile page might)."""
    hoard = bytearray(64 * 2**20)
    return read_page(pdf, number) if hoard else None


def test_a_worker_over_its_memory_cap_makes_the_file_unreadable_not_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EIPCHECK_WORKERS", "2")
    monkeypatch.setattr(pdf_schedule, "read_page", _greedy_read_page)  # workers are forked: they inherit it
    capped = read_document(_pdf(), "记录.pdf", ReadLimits(worker_memory_bytes=16 * 2**20))
    assert capped.kind == DocumentKind.UNREADABLE
    assert "内存上限（16 MB）" in capped.error and "损坏" not in capped.error

    roomy = read_document(_pdf(), "记录.pdf", ReadLimits(worker_memory_bytes=256 * 2**20))
    assert roomy.kind != DocumentKind.UNREADABLE
