"""Hostile and outsized input, bounded: scanned pages become a finding that names them, a 1 GB
file is refused without being read, a 2,000-page PDF is read within its bounds (and refused above
the page cap, cut short by the time budget with the pages named), a DOCX with 5,000 tables stops
at the table cap, a UTF-16 document part is read. Every case is reviewed beside a good plan that
must still be read. The inputs are built here; the scanned pages are rendered from the
LibreOffice-made fixture report, as a scanner would produce them.
"""

from __future__ import annotations

import copy
import io
import time
import zipfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
import test_bad_input
from test_bad_input import assert_good_read, assert_unreadable, make_pdf, plan_docx_bytes, review, write

from checks.document import image_only_pages
from extractors.limits import ReadLimits
from extractors.model import DocumentKind
from extractors.reader import INTERNAL_ERROR

NO_TEXT_LAYER = "没有文字层"
inputs = test_bad_input.inputs  # the fixture: a folder holding the good plan


def _with_scanned_pages(source: Path, scans: dict[int, int]) -> bytes:
    """The PDF with image-only copies of some pages inserted: {insert at index: page to scan}."""
    pdf = pdfium.PdfDocument(source)
    for index, scanned in sorted(scans.items()):
        original = pdf[scanned]
        width, height = original.get_size()
        bitmap = original.render(scale=1.5)
        page = pdf.new_page(width, height, index=index)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page.insert_obj(image)
        page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.mark.libreoffice
def test_scanned_pages_are_a_finding_that_names_them(sample_package, inputs: Path) -> None:
    report = sample_package.pdf["验收报告"]
    n_pages = len(pdfium.PdfDocument(report))
    scanned = write(inputs, "验收报告（含扫描页）.pdf", _with_scanned_pages(report, {1: 0, 2: 1, n_pages + 2: 2}))

    result, documents = review(inputs, scanned)

    document = documents["验收报告（含扫描页）.pdf"]
    assert document.kind == DocumentKind.ACCEPTANCE_REPORT, document.error
    assert document.raw.pages_without_text == (2, 3, n_pages + 3)
    findings = [f for f in result.findings if f.rule == image_only_pages.CHECK.id]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.document == document.file and finding.severity == image_only_pages.CHECK.severity
    assert f"第 2–3、{n_pages + 3} 页" in finding.message and NO_TEXT_LAYER in finding.message
    assert [e.page for e in finding.evidence] == [2, 3, n_pages + 3]
    assert_good_read(documents)


@pytest.mark.libreoffice
def test_a_report_with_a_text_layer_on_every_page_has_no_such_finding(sample_package, inputs: Path) -> None:
    result, documents = review(inputs, sample_package.pdf["验收报告"])

    assert documents["验收报告.pdf"].raw.pages_without_text == ()
    assert not [f for f in result.findings if f.rule == image_only_pages.CHECK.id]


def test_a_1_gb_file_is_refused_without_being_read(inputs: Path) -> None:
    huge = inputs / "超大附件.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(2**30)  # sparse: costs no disk, but stat() says 1 GB

    started = time.monotonic()
    _, documents = review(inputs, huge)

    assert_unreadable(documents["超大附件.pdf"], "超过上限")
    assert time.monotonic() - started < 60
    assert_good_read(documents)


def _long_pdf(pages: int) -> bytes:
    return make_pdf(
        [[f"Page {p} of the annex: monitoring record {p}, lorem ipsum dolor sit amet."] for p in range(pages)]
    )


def test_a_2000_page_pdf_is_read_within_bounds(inputs: Path) -> None:
    long = write(inputs, "监测数据汇编.pdf", _long_pdf(2000))

    _, documents = review(inputs, long)

    document = documents["监测数据汇编.pdf"]
    assert document.kind != DocumentKind.UNREADABLE, document.error
    assert document.pages == 2000
    text = " ".join(b.text for b in document.raw.blocks)
    assert "monitoring record 0" in text and "monitoring record 1999" in text
    assert_good_read(documents)


def test_a_pdf_over_the_page_cap_is_refused(inputs: Path) -> None:
    long = write(inputs, "监测数据汇编.pdf", _long_pdf(120))

    _, documents = review(inputs, long, limits=ReadLimits(max_pages=100))

    assert_unreadable(documents["监测数据汇编.pdf"], "共 120 页", "超过上限 100 页")
    assert_good_read(documents)


def test_the_time_budget_stops_reading_and_says_so(inputs: Path) -> None:
    long = write(inputs, "监测数据汇编.pdf", _long_pdf(60))

    _, documents = review(inputs, long, limits=ReadLimits(max_seconds=0))

    assert_unreadable(documents["监测数据汇编.pdf"], "超过时限 0 秒")
    assert_good_read(documents)


def test_a_docx_with_5000_tables_stops_at_the_table_cap(inputs: Path) -> None:
    document = docx.Document()
    document.add_paragraph("附件：监测数据表")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(
        table.rows[0].cells + table.rows[1].cells, ["点位", "指标", "数值", "A1", "COD", "12"], strict=True
    ):
        cell.text = text
    body = document.element.body
    for _ in range(5000):  # deep copies of the XML: python-docx would take minutes to add them one by one
        table._tbl.addnext(copy.deepcopy(table._tbl))
    buffer = io.BytesIO()
    document.save(buffer)
    assert len(body.findall(".//{*}tbl")) == 5001
    many = write(inputs, "数据表.docx", buffer.getvalue())

    _, documents = review(inputs, many, limits=ReadLimits(max_tables=100))

    read = documents["数据表.docx"]
    assert read.kind != DocumentKind.UNREADABLE, read.error
    assert any("表格超过 100 个" in w for w in read.warnings)
    assert_good_read(documents)


def _plan_with_part(part: str, edit) -> bytes:
    """The good plan's DOCX with one part's bytes replaced by `edit(bytes)`."""
    source = zipfile.ZipFile(io.BytesIO(plan_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            out.writestr(item, edit(data) if item.filename == part else data)
    return buffer.getvalue()


def test_a_utf16_document_part_is_read(inputs: Path) -> None:
    """An XML part may declare any encoding; some converters write UTF-16."""

    def to_utf16(data: bytes) -> bytes:
        return data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1).encode("utf-16")

    odd = write(inputs, "实施方案（UTF-16）.docx", _plan_with_part("word/document.xml", to_utf16))

    _, documents = review(inputs, odd)

    read = documents["实施方案（UTF-16）.docx"]
    assert read.kind == DocumentKind.IMPLEMENTATION_PLAN, read.error
    assert "园区概况" in " ".join(b.text for b in read.raw.blocks)


def test_a_zip_made_on_chinese_windows_keeps_its_member_names(inputs: Path) -> None:
    """Windows zips store GBK names without the UTF-8 flag; read as cp437 they would be mojibake."""
    members = {"材料/实施方案.docx": plan_docx_bytes(), "材料/说明（GB18030）.txt": "园区说明".encode("gb18030")}
    stand_ins = {name: str(i).ljust(len(name.encode("gbk")), "_") for i, name in enumerate(members)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():  # ASCII names as long as the GBK ones, swapped in below
            archive.writestr(stand_ins[name], data)
    raw = buffer.getvalue()
    for name, stand_in in stand_ins.items():
        raw = raw.replace(stand_in.encode(), name.encode("gbk"))
    package = write(inputs, "申报材料.zip", raw)

    _, documents = review(inputs, package)

    plan = documents["申报材料.zip/材料/实施方案.docx"]
    assert plan.kind == DocumentKind.IMPLEMENTATION_PLAN, plan.error
    assert_unreadable(documents["申报材料.zip/材料/说明（GB18030）.txt"], "不支持的文件类型（.txt）")
    assert_good_read(documents)


def test_a_docx_whose_content_types_lost_the_styles_part_is_unreadable_alone(inputs: Path) -> None:
    """Found by bench/fuzz.py: python-docx then loads styles.xml as an untyped part, and reading
    its styles raised AttributeError inside the walker (an internal error instead of a reason).
    """

    def without_styles(data: bytes) -> bytes:
        text = data.decode("utf-8")
        start = text.index('<Override PartName="/word/styles.xml"')
        return (text[:start] + text[text.index("/>", start) + 2 :]).encode("utf-8")

    damaged = write(inputs, "实施方案（损坏）.docx", _plan_with_part("[Content_Types].xml", without_styles))

    _, documents = review(inputs, damaged)

    assert_unreadable(documents["实施方案（损坏）.docx"], "Word 文档已损坏")
    assert INTERNAL_ERROR not in documents["实施方案（损坏）.docx"].error
    assert_good_read(documents)
