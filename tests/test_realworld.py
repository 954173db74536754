"""Every file of ../shared/realworld (docling's and pdfplumber's test inputs: odd layouts, encryption,
image-only pages, broken structure) goes through the reader without an exception, within a
wall-clock budget, and comes out either parsed or `unreadable` with a Chinese reason.

Each read runs in a worker process so that a hang fails its own test after BUDGET_S seconds
instead of hanging CI, and a memory blow-up hits the worker's address-space cap, not the machine.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors.model import Document, DocumentKind, Table, TextBlock
from extractors.reader import INTERNAL_ERROR, read_document
from extractors.text import visible_chars

REALWORLD = Path(os.environ.get("EIPCHECK_REALWORLD", Path(__file__).resolve().parents[2] / "shared" / "realworld"))
FILES = sorted(p for p in REALWORLD.rglob("*") if p.suffix.lower() in (".pdf", ".docx")) if REALWORLD.is_dir() else []
BUDGET_S = 60
MEMORY_CAP = 4 * 2**30  # bytes of address space per worker; the whole sweep peaks near 110 MB RSS

CJK = re.compile(r"[\u4e00-\u9fff]")
ENCRYPTED = "PDF 已加密"
NO_TEXT_LAYER = "没有文字层"

pytestmark = [
    pytest.mark.realworld,
    pytest.mark.skipif(not REALWORLD.is_dir(), reason=f"real-world corpus not found at {REALWORLD}"),
]


def _rel(path: Path) -> str:
    return path.relative_to(REALWORLD).as_posix()


def _memory_cap_initializer() -> dict:
    """Pool arguments that cap each worker's address space, where the platform allows it.

    `resource.setrlimit` itself is the initializer, so the spawned worker needs nothing from this
    test module (which it could not import under every pytest import mode).
    """
    try:
        import resource
    except ImportError:  # not POSIX
        return {}
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY and hard < MEMORY_CAP:
        return {}
    return {"initializer": resource.setrlimit, "initargs": (resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))}


class _Runner:
    """A one-worker process pool that is thrown away and replaced when a read overruns its budget."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")  # no fork of the pytest process
        self._pool = self._new_pool()

    def _new_pool(self):
        return self._context.Pool(processes=1, maxtasksperchild=50, **_memory_cap_initializer())

    def read(self, path: Path) -> Document:
        pending = self._pool.apply_async(read_document, (path.read_bytes(), path.name))
        try:
            return pending.get(timeout=BUDGET_S)
        except multiprocessing.TimeoutError:
            self._pool.terminate()  # kills the hung worker
            self._pool = self._new_pool()
            pytest.fail(f"{_rel(path)}: reading took more than {BUDGET_S} s (hang or pathological input)")

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


@pytest.fixture(scope="module")
def runner():
    worker = _Runner()
    yield worker
    worker.close()


def _opens_without_password(path: Path) -> bool:
    """PDFium's independent opinion on whether an empty user password opens the file."""
    try:
        pdfium.PdfDocument(path.read_bytes(), password="").close()
    except pdfium.PdfiumError:
        return False
    return True


def _check_readable(doc: Document, path: Path) -> None:
    raw = doc.raw
    assert raw is not None, "a readable document must carry what the reader produced"
    assert doc.error is None
    assert raw.blocks, "a readable document has at least one block (else it would be no_text)"
    total = sum(visible_chars(b.text) for b in raw.blocks)
    # chars leaves out the table of contents, so it can be smaller than all text, never larger.
    assert total > 0 and 0 <= doc.chars <= total
    for section in doc.sections:
        assert 0 <= section.chars <= doc.chars, section
        assert 0 <= section.start_block < section.end_block <= len(raw.blocks), section
        assert section.title.strip()
    if raw.format == "pdf":
        assert doc.pages is not None and doc.pages >= 1
        for section in doc.sections:
            assert section.page is not None and 1 <= section.page <= doc.pages, section
        for block in raw.blocks:
            assert block.page is not None and 1 <= block.page <= doc.pages, block
            if isinstance(block, Table):
                assert block.end_page is not None and block.page <= block.end_page <= doc.pages
        for page in raw.pages_without_text:
            assert 1 <= page <= doc.pages
    else:
        assert raw.format == "docx"
        assert doc.pages is None
        assert all(s.page is None for s in doc.sections)
    for block in raw.blocks:
        assert isinstance(block, TextBlock | Table)
        if isinstance(block, Table):
            assert all(0 <= c.row < block.n_rows and 0 <= c.col < block.n_cols for c in block.cells)


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_file_is_read_or_refused_with_reason(path: Path, runner: _Runner) -> None:
    doc = runner.read(path)

    assert doc.file == path.name
    assert doc.chars >= 0
    if doc.kind == DocumentKind.UNREADABLE:
        assert doc.raw is None
        assert doc.error and CJK.search(doc.error), f"unreadable without a Chinese reason: {doc.error!r}"
        assert INTERNAL_ERROR not in doc.error, f"a reader crashed: {doc.error}"
    else:
        _check_readable(doc, path)

    # The classes of input the brief names, each with the outcome it must have.
    name = _rel(path)
    if name in ("pdfplumber/password-example.pdf", "docling/pdf_password/2206.01062_pg3.pdf"):
        if _opens_without_password(path):
            assert doc.kind != DocumentKind.UNREADABLE, doc.error
        else:
            assert doc.kind == DocumentKind.UNREADABLE and doc.error.startswith(ENCRYPTED), doc.error
    elif name == "pdfplumber/empty.pdf":
        assert doc.kind == DocumentKind.UNREADABLE and "文件为空" in doc.error
    elif name.startswith("docling/ocr/"):
        # Image-only: refused as needing OCR, or, if some pages do carry text, read with a warning
        # that names the pages without it.
        if doc.kind == DocumentKind.UNREADABLE:
            assert NO_TEXT_LAYER in doc.error, doc.error
        else:
            assert doc.raw.pages_without_text
            assert any(NO_TEXT_LAYER in w and f"第 {doc.raw.pages_without_text[0]}" in w for w in doc.warnings)
    elif name == "docling/docx/Strict.docx":
        # python-docx cannot open ISO Strict OOXML; the user must be told to re-save, not “damaged”.
        assert doc.kind == DocumentKind.UNREADABLE and "Strict" in doc.error and "另存为" in doc.error
    elif name in ("docling/docx/drawingml.docx", "docling/docx/textbox.docx"):
        # Text boxes with an mc:Fallback copy: once crashed the walker (qn("mc:…") is not mapped).
        assert doc.kind != DocumentKind.UNREADABLE
    if doc.raw is not None and doc.raw.pages_without_text:
        first = doc.raw.pages_without_text[0]
        assert any(NO_TEXT_LAYER in w and f"第 {first}" in w for w in doc.warnings), doc.warnings


def test_cli_reviews_the_whole_folder_as_one_package() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "service.cli", "review", "--json", str(REALWORLD)],
        capture_output=True,
        timeout=900,
        check=False,
    )
    stderr = completed.stderr.decode("utf-8", "replace")
    assert completed.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr
    report = json.loads(completed.stdout.decode("utf-8"))
    assert report["schema"] == "eipcheck.review/1"
    assert report["errors"] == []
    # A folder is walked whole: every file becomes one document (README and LICENSE included,
    # as unsupported), named by its path inside the folder.
    expected = sorted(_rel(p) for p in REALWORLD.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert sorted(d["file"] for d in report["documents"]) == expected
    for document in report["documents"]:
        if document["kind"] == "unreadable":
            assert document["error"] and CJK.search(document["error"]), document
            assert INTERNAL_ERROR not in document["error"], document
        else:
            assert document["error"] is None and document["chars"] >= 0
    kinds = {d["file"]: d["kind"] for d in report["documents"]}
    assert kinds["pdfplumber/malformed-from-issue-932.pdf"] != "unreadable"
    assert kinds["docling/docx/textbox.docx"] != "unreadable"
