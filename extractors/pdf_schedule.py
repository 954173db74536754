"""Which pages of a PDF are read where and for how long: open with PDFium (errors translated into
our reasons), then read the pages in this process or, for long documents, in a pool of worker
processes, each with a memory cap, all within one time budget.

Only scheduling and bounds live here; what a page yields is pdf_pages' business.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import pypdfium2 as pdfium

from extractors.errors import Reason, UnreadableDocument
from extractors.limits import ReadLimits
from extractors.pdf_pages import PageContent, read_page
from extractors.text import page_list

_PDFIUM_LOCK = threading.Lock()
PARALLEL_FROM_PAGES = 24  # below this, starting workers costs more than it saves
_PDFIUM_PASSWORD = 4  # FPDF_ERR_PASSWORD
_PDFIUM_SECURITY = 5  # FPDF_ERR_SECURITY: an encryption handler PDFium does not support


@dataclass(frozen=True)
class PdfPages:
    """The pages read, and what went wrong with the others (as Chinese warnings)."""

    n_pages: int
    contents: tuple[PageContent, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Missed:
    """A page not read: the parser's error type, or None when the time budget ran out first."""

    number: int
    error: str | None


_Outcome = PageContent | _Missed


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open a PDF from bytes; PDFium's load errors become UnreadableDocument with a reason."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_PDFIUM_PASSWORD, _PDFIUM_SECURITY):
            raise UnreadableDocument(Reason.ENCRYPTED, "PDF 已加密，需要密码才能打开") from exc
        raise UnreadableDocument(Reason.CORRUPT, "PDF 文件已损坏或不完整，无法打开") from exc


def read_pages(data: bytes, limits: ReadLimits) -> PdfPages:
    """Read every page within the limits; a page that fails costs only itself.

    PDFium is not thread-safe, and the API server reviews in threads: one PDF at a time per
    process (its pages may still go to worker processes, forked while no thread is inside PDFium).
    """
    with _PDFIUM_LOCK:
        return _read_pages(data, limits)


def _read_pages(data: bytes, limits: ReadLimits) -> PdfPages:
    pdf = open_pdf(data)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise UnreadableDocument(Reason.EMPTY, "PDF 文件没有页面")
        if n_pages > limits.max_pages:
            raise UnreadableDocument(Reason.TOO_LARGE, f"PDF 共 {n_pages} 页，超过上限 {limits.max_pages} 页")
        deadline = time.monotonic() + limits.max_seconds
        workers = worker_count(n_pages)
        if workers == 1:
            outcomes = _read_range(pdf, range(1, n_pages + 1), deadline)
    finally:
        pdf.close()
    if workers > 1:
        outcomes = _read_parallel(data, n_pages, workers, deadline, limits)
    return _collect(n_pages, outcomes, limits)


def worker_count(n_pages: int) -> int:
    """EIPCHECK_WORKERS, else the cores this process may use (at most 4); 1 for short documents."""
    if n_pages < PARALLEL_FROM_PAGES or multiprocessing.current_process().daemon:
        return 1  # daemonic pool workers may not start processes of their own
    value = os.environ.get("EIPCHECK_WORKERS", "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    wanted = int(value) if value.isdigit() else min(cores, 4)
    return max(1, min(wanted, n_pages // (PARALLEL_FROM_PAGES // 2)))


def _read_range(pdf: pdfium.PdfDocument, numbers: range, deadline: float) -> list[_Outcome]:
    outcomes: list[_Outcome] = []
    for number in numbers:
        if time.monotonic() >= deadline:
            outcomes.append(_Missed(number, None))
            continue
        try:
            outcomes.append(read_page(pdf, number))
        except MemoryError:
            raise  # the worker's memory cap, not a malformed page: the document is too large to read
        except Exception as exc:  # one malformed page must not cost the others
            outcomes.append(_Missed(number, type(exc).__name__))
    return outcomes


_worker_pdf: pdfium.PdfDocument | None = None


def _start_worker(data: bytes, memory_bytes: int) -> None:
    """Open the document once per worker, under an address-space cap above what fork inherited."""
    global _worker_pdf
    if memory_bytes > 0:
        with open("/proc/self/statm") as statm:
            inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = inherited + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    _worker_pdf = pdfium.PdfDocument(data)


def _read_chunk(numbers: range, deadline: float) -> list[_Outcome]:
    assert _worker_pdf is not None
    return _read_range(_worker_pdf, numbers, deadline)


def _read_parallel(data: bytes, n_pages: int, workers: int, deadline: float, limits: ReadLimits) -> list[_Outcome]:
    """Contiguous page ranges, two per worker so an uneven range does not leave a core idle."""
    n_chunks = workers * 2
    bounds = [1 + n_pages * i // n_chunks for i in range(n_chunks + 1)]
    chunks = [range(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    context = multiprocessing.get_context("fork")  # the bytes and loaded modules are inherited, not sent
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(data, limits.worker_memory_bytes)
        ) as pool:
            return [o for chunk in pool.map(_read_chunk, chunks, [deadline] * len(chunks)) for o in chunk]
    except (BrokenProcessPool, MemoryError) as exc:
        raise UnreadableDocument(
            Reason.TOO_LARGE, f"PDF 解析进程超出内存上限（{limits.worker_memory_bytes // 2**20} MB）或异常退出"
        ) from exc


def _collect(n_pages: int, outcomes: list[_Outcome], limits: ReadLimits) -> PdfPages:
    contents = tuple(o for o in outcomes if isinstance(o, PageContent))
    failed = [o for o in outcomes if isinstance(o, _Missed) and o.error is not None]
    skipped = [o.number for o in outcomes if isinstance(o, _Missed) and o.error is None]
    if len(failed) == n_pages:
        # Not a scan: every page broke the parser, so say “damaged” rather than “needs OCR”.
        raise UnreadableDocument(Reason.CORRUPT, f"PDF 文件已损坏，{n_pages} 页均无法解析")
    warnings = [f"第 {f.number} 页无法解析（{f.error}），已跳过" for f in failed]
    if skipped:
        late = f"读取超过时限 {limits.max_seconds} 秒，{page_list(skipped)}未读取"
        if not contents:
            raise UnreadableDocument(Reason.TOO_LARGE, late)
        warnings.append(f"{late}，其内容未审查")
    return PdfPages(n_pages, contents, tuple(warnings))
