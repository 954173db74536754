"""One file's bytes → a structured Document: format sniffed from content, read, segmented,
classified, mapped onto its annex outline, form fields read. A file that cannot be read becomes
an `unreadable` Document carrying the reason; nothing is raised past this point.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace

from extractors.docx_reader import read_docx
from extractors.errors import Reason, UnreadableDocument
from extractors.facts.extract import extract_facts
from extractors.forms import form_for, parse_form
from extractors.kinds import classify
from extractors.limits import ReadLimits
from extractors.model import Document, DocumentKind, RawDocument
from extractors.outline import load_outlines, map_sections
from extractors.pdf_reader import read_pdf
from extractors.segment import build_sections, find_headings, toc_indices
from extractors.text import visible_chars

log = logging.getLogger("eipcheck.reader")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
INTERNAL_ERROR = "读取时发生内部错误"  # in the message of a file a reader crashed on; tests look for it


def sniff_format(data: bytes, name: str) -> str:
    """'pdf' or 'docx' by content; raise UnreadableDocument for anything else, saying what it is."""
    if not data:
        raise UnreadableDocument(Reason.EMPTY, "文件为空（0 字节）")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if data[:8] == _OLE:
        raise UnreadableDocument(
            Reason.UNSUPPORTED, "旧版 Word/WPS 二进制格式（.doc/.wps）暂不支持，请另存为 DOCX 或 PDF"
        )
    if suffix in ("pdf", "docx"):
        raise UnreadableDocument(Reason.CORRUPT, f"文件扩展名为 .{suffix}，但内容不是 {suffix.upper()} 文件")
    kind = f".{suffix}" if suffix else "无扩展名"  # not “.无扩展名”
    raise UnreadableDocument(Reason.UNSUPPORTED, f"不支持的文件类型（{kind}），请提交 PDF 或 DOCX")


def read_raw(data: bytes, name: str, limits: ReadLimits) -> RawDocument:
    """Read a file into neutral blocks with the reader its content calls for."""
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > limits.max_file_bytes:
        raise UnreadableDocument(Reason.TOO_LARGE, f"文件大小超过上限 {limits.max_file_bytes // 2**20} MB")
    fmt = sniff_format(data, name)
    reader = read_pdf if fmt == "pdf" else read_docx
    return reader(data, name, sha, limits)


def unreadable(name: str, data: bytes | None, error: UnreadableDocument) -> Document:
    """The Document that stands for a file that could not be read."""
    sha = hashlib.sha256(data).hexdigest() if data is not None else ""
    return Document(file=name, sha256=sha, kind=DocumentKind.UNREADABLE, error=error.message)


def analyse(raw: RawDocument) -> Document:
    """Segment, classify and map a read document."""
    blocks = raw.blocks
    toc = toc_indices(blocks)
    sections = build_sections(blocks, find_headings(blocks))
    mappings = [map_sections(sections, outline) for outline in load_outlines()]
    decision = classify(blocks, toc, raw.file, mappings)
    own = [m for m in mappings if m.outline.document_kind == decision.kind]
    best = max(own, key=lambda m: m.score, default=None)
    spec = form_for(decision.kind)
    document = Document(
        file=raw.file,
        sha256=raw.sha256,
        kind=decision.kind,
        pages=raw.pages,
        chars=sum(visible_chars(b.text) for i, b in enumerate(blocks) if i not in toc),
        raw=raw,
        sections=best.sections if best else tuple(sections),
        outline_id=best.outline.id if best else None,
        form_fields=parse_form(blocks, spec) if spec else (),
        kind_signals=decision.signals,
        warnings=raw.warnings,
    )
    facts, fact_warnings = extract_facts(document)
    return replace(document, facts=facts, warnings=document.warnings + fact_warnings)


def read_document(data: bytes | None, name: str, limits: ReadLimits | None = None) -> Document:
    """Read and analyse one file; any failure becomes an unreadable Document with its reason."""
    limits = limits or ReadLimits()
    if data is None:
        return unreadable(name, None, UnreadableDocument(Reason.CORRUPT, "文件无法读取"))
    try:
        raw = read_raw(data, name, limits)
    except UnreadableDocument as error:
        return unreadable(name, data, error)
    except Exception as exc:
        # Last line of defence: a third-party parser (or our walker) failing on an odd file must cost
        # that one file, not the whole package.
        return _crashed(name, data, exc)
    if not raw.blocks:
        reason = (
            "文档没有文字层（可能是扫描件），需要 OCR 后才能审查"
            if raw.pages_without_text
            else "文档中没有可读取的文字"
        )
        return unreadable(name, data, UnreadableDocument(Reason.NO_TEXT, reason))
    try:
        return analyse(raw)
    except Exception as exc:  # as above: segmentation or classification failing on one odd file
        return _crashed(name, data, exc)


def _crashed(name: str, data: bytes, exc: Exception) -> Document:
    """The unreadable Document for a file a reader crashed on. It is a bug of ours, so it is logged,
    but the traceback only at DEBUG: users see a message on stderr, never a traceback.
    """
    log.warning("%s %s: %r", name, INTERNAL_ERROR, exc, exc_info=log.isEnabledFor(logging.DEBUG))
    message = f"{INTERNAL_ERROR}（{type(exc).__name__}），此文件未能审查，请另存为 PDF 或 DOCX 后重试"
    return unreadable(name, data, UnreadableDocument(Reason.CORRUPT, message))
