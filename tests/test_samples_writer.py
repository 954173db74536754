"""End-to-end checks of corpus.samples.writer: DOCX structure and LibreOffice rendering.

Never import ``extractors`` here: the writer is the ground truth the readers
are tested against, so it is verified with python-docx/lxml and pdfplumber only.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from corpus.samples.writer import CHINESE_OUTLINE, DocxWriter, convert_to_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = "某某经济开发区生态工业园区建设实施方案"
HEADINGS = [
    ("园区概况及创建基础", 1),
    ("园区概况", 2),
    ("创建基础", 2),
    ("总体方案", 1),
    ("总体框架", 2),
]
RENDERED = ["一、园区概况及创建基础", "（一）园区概况", "（二）创建基础", "二、总体方案", "（一）总体框架"]
TABLE_ROWS = [["序号", "指标", "目标值", "备注"]] + [[str(i), f"指标{i}", f"{80 + i % 20}%", ""] for i in range(1, 61)]

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
    ),
]


@dataclass(frozen=True)
class Sample:
    docx: Path
    pdf: Path


def _build(path: Path, *, via_style: bool) -> Path:
    writer = DocxWriter(header_text=HEADER, heading_numbering=CHINESE_OUTLINE, numbering_via_style=via_style)
    writer.title_page(["某某经济开发区", "生态工业园区建设实施方案"], "二〇二四年三月")
    writer.toc([(level, rendered, 3) for (_, level), rendered in zip(HEADINGS, RENDERED, strict=True)])
    for index, (text, level) in enumerate(HEADINGS):
        writer.heading(text, level)
        writer.paragraph("园区位于某某市东部，规划面积约30平方公里，已形成主导产业集群。")
        if index == 2:
            writer.table(
                TABLE_ROWS,
                caption="表2-1 目标指标表",
                merges=[(1, 2, 2, 2)],
                col_widths_cm=[2, 6, 3, 3.6],
            )
    return writer.save(path)


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> dict[bool, Sample]:
    """Both numbering variants, converted in a single LibreOffice run."""
    out = tmp_path_factory.mktemp("samples")
    docs = {via: _build(out / f"style_{via}.docx", via_style=via) for via in (True, False)}
    pdfs = convert_to_pdf(list(docs.values()), out)
    return {via: Sample(docx, pdf) for (via, docx), pdf in zip(docs.items(), pdfs, strict=True)}


def _page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [page.extract_text() or "" for page in document.pages]


def _squash(text: str) -> str:
    """LibreOffice draws the number/text tab as a gap, which pdfplumber may turn into a space."""
    return re.sub(r"\s+", "", text)


def _xml(docx: Path, member: str):
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(member))


def _heading_paragraphs(docx: Path):
    body = _xml(docx, "word/document.xml")
    return [
        p
        for p in body.iter(f"{W}p")
        if (p.find(f"{W}pPr/{W}pStyle") is not None)
        and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val").startswith("Heading")
    ]


@pytest.mark.parametrize("via_style", [True, False])
def test_automatic_numbers_are_rendered(samples, via_style):
    pages = _page_texts(samples[via_style].pdf)
    body = _squash("".join(pages[2:]))  # skip title page and the typed TOC
    for rendered in RENDERED:
        assert rendered in body


@pytest.mark.parametrize("via_style", [True, False])
def test_header_and_page_numbers_on_every_page(samples, via_style):
    pages = _page_texts(samples[via_style].pdf)
    assert sum(HEADER in text for text in pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert text.strip().splitlines()[-1].strip() == str(number)


@pytest.mark.parametrize("via_style", [True, False])
def test_table_crosses_page_and_repeats_header(samples, via_style):
    pages = _page_texts(samples[via_style].pdf)
    table_pages = [i for i, text in enumerate(pages) if re.search(r"^\d+ 指标\d+", text, re.M)]
    assert len(table_pages) >= 2
    for i in table_pages:
        assert "序号 指标 目标值 备注" in pages[i]


@pytest.mark.parametrize("via_style", [True, False])
def test_heading_text_carries_no_typed_number(samples, via_style):
    paragraphs = _heading_paragraphs(samples[via_style].docx)
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in paragraphs]
    assert texts == [text for text, _ in HEADINGS]
    assert not any("一、" in text or "（一）" in text for text in texts)


@pytest.mark.parametrize("via_style", [True, False])
def test_num_pr_location(samples, via_style):
    """Style-linked lists keep numPr on the heading styles; direct ones on each paragraph."""
    docx = samples[via_style].docx
    styles = _xml(docx, "word/styles.xml")
    style_num = {s.get(f"{W}styleId"): s.find(f"{W}pPr/{W}numPr") is not None for s in styles.iter(f"{W}style")}
    paragraph_num = [p.find(f"{W}pPr/{W}numPr") is not None for p in _heading_paragraphs(docx)]
    assert all(style_num[f"Heading{n}"] == via_style for n in (1, 2, 3))
    assert all(has == (not via_style) for has in paragraph_num)
    numbering = _xml(docx, "word/numbering.xml")
    (heading_list,) = [
        a for a in numbering.iter(f"{W}abstractNum") if a.find(f"{W}lvl/{W}pStyle[@{W}val='Heading1']") is not None
    ]
    levels = [
        (
            lvl.find(f"{W}pStyle").get(f"{W}val"),
            lvl.find(f"{W}numFmt").get(f"{W}val"),
            lvl.find(f"{W}lvlText").get(f"{W}val"),
        )
        for lvl in heading_list.iter(f"{W}lvl")
    ]
    assert levels == [(f"Heading{n}", level.num_fmt, level.lvl_text) for n, level in enumerate(CHINESE_OUTLINE, 1)]


def test_merged_cell_keeps_top_left_text_only(samples):
    body = _xml(samples[True].docx, "word/document.xml")
    rows = body.find(f".//{W}tbl").findall(f"{W}tr")
    restart, covered = rows[1].findall(f"{W}tc")[2], rows[2].findall(f"{W}tc")[2]
    assert restart.find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    text = lambda tc: "".join(t.text for t in tc.iter(f"{W}t"))  # noqa: E731
    assert (text(restart), text(covered)) == ("81%", "")  # "82%" of row 2 is dropped
