"""End to end on the sample package: kinds, outline mapping, TOC, Word numbering, a table across
a page break, form fields, and exactly the seeded findings, for DOCX and for its LibreOffice PDF."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from corpus.samples.fixtures import TRUTH
from extractors.model import Document, Table
from extractors.pdf_pages import PdfLine
from extractors.pdf_reader import _paragraphs
from extractors.reader import read_document

FORMATS = ("docx", "pdf")


def _read(path: Path, name: str | None = None) -> Document:
    return read_document(path.read_bytes(), name or path.name)


def _review_json(*paths: Path) -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "review", "--json", "--today", "2024-10-08", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, json.loads(done.stdout)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", ["实施方案", "验收报告"])
def test_every_section_maps_onto_the_annex_outline(sample_package, fmt, stem):
    document = _read(getattr(sample_package, fmt)[stem])
    got = [(s.title.replace(" ", ""), s.outline) for s in document.sections]
    expected = []
    for title, outline in TRUTH.outlines[stem]:
        expected.append((title.replace(" ", ""), outline))
    if stem == "实施方案":
        # Word automatic numbering: the text holds no number, the reader must render it.
        numbers = iter(
            [
                "一、",
                "（一）",
                "（二）",
                "二、",
                "（一）",
                "（二）",
                "三、",
                "（一）",
                "（二）",
                "四、",
                "五、",
                "六、",
            ],
        )
        expected = [(next(numbers) + title, outline) for title, outline in expected]
    assert got == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_of_contents_is_not_taken_for_headings(sample_package, fmt):
    document = _read(getattr(sample_package, fmt)["实施方案"])
    titles = [s.title for s in document.sections]
    assert len(titles) == len(set(titles)), "TOC entries would repeat every heading"
    assert len(titles) == len(TRUTH.outlines["实施方案"])
    assert all("..." not in t and "\t" not in t for t in titles)


def test_pdf_pages_of_sections_follow_the_document(sample_package):
    document = _read(sample_package.pdf["验收报告"])
    pages = [s.page for s in document.sections]
    assert pages == sorted(pages)
    assert pages[0] >= 2  # the cover page holds no section
    assert all(1 <= p <= document.pages for p in pages)


def test_running_headers_and_page_numbers_are_removed(sample_package):
    document = _read(sample_package.pdf["验收报告"])
    texts = [b.text for b in document.raw.blocks if not isinstance(b, Table)]
    assert not any(t.endswith("生态工业园区验收报告") and "临江" in t and len(t) < 25 for t in texts[3:])
    assert not any(t.strip().isdigit() for t in texts)


def test_indicator_table_across_a_page_break_is_one_table(sample_package):
    docx_tables = [b for b in _read(sample_package.docx["验收报告"]).raw.blocks if isinstance(b, Table)]
    pdf_tables = [b for b in _read(sample_package.pdf["验收报告"]).raw.blocks if isinstance(b, Table)]
    assert len(docx_tables) == len(pdf_tables) == 2  # the indicator table, then the data-method table
    docx_table, pdf_table = docx_tables[0], pdf_tables[0]
    assert pdf_table.end_page > pdf_table.page, "the fixture table must cross a page break"
    assert pdf_table.n_rows == docx_table.n_rows == 34  # header once + 33 indicators
    assert [r[1] for r in pdf_table.text_rows()] == [r[1] for r in docx_table.text_rows()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_document_kinds_come_from_content_not_file_names(sample_package, fmt, tmp_path):
    for stem, kind in TRUTH.kinds.items():
        source = getattr(sample_package, fmt)[stem]
        misleading = tmp_path / f"附件{len(stem)}_实施方案.{fmt}"  # a file name that lies
        misleading.write_bytes(source.read_bytes())
        assert _read(misleading).kind == kind, stem


@pytest.mark.parametrize("fmt", FORMATS)
def test_acceptance_form_fields_are_read_by_label(sample_package, fmt):
    document = _read(getattr(sample_package, fmt)["验收申请表"])
    values = {f.id: f.value for f in document.form_fields}
    for field_id, value in TRUTH.form_values.items():
        assert values.get(field_id) == value, field_id
    assert "是□" in values["acceptance.chemical_park"] and "否☑" in values["acceptance.chemical_park"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_review_json_reports_exactly_the_seeded_findings(sample_package, fmt):
    paths = list(getattr(sample_package, fmt).values())
    code, review = _review_json(*paths)
    assert code == 0
    assert review["schema"] == "eipcheck.review/1"
    assert review["submission"] == {"park": "临江经济技术开发区", "stage": "acceptance"}
    kinds = {d["file"]: d["kind"] for d in review["documents"]}
    got = sorted((f["rule"], kinds[f["document"]], f["subject"]) for f in review["findings"])
    assert got == sorted((f.rule, f.kind, f.subject) for f in TRUTH.findings)
    over = next(f for f in review["findings"] if f["rule"] == "wordcount.over_limit")
    assert over["measure"] == {"value": 558, "limit": 500, "unit": "字"}
    assert "558" in over["message"] and "500" in over["message"]
    assert over["basis"] == "管理办法 附件4"
    assert over["evidence"][0]["quote"].startswith("园区坚持以减污降碳协同增效")
    missing = next(f for f in review["findings"] if f["rule"] == "outline.missing_section")
    assert "碳排放与碳汇现状" in missing["message"] and missing["basis"] == "管理办法 附件3"
    for document in review["documents"]:
        assert set(document) >= {"file", "sha256", "kind", "pages", "chars", "sections"}
        for section in document["sections"]:
            assert set(section) >= {"outline", "title", "level", "page", "chars"}
    _assert_facts(review)


def _assert_facts(review: dict) -> None:
    """The contract's facts: package dates, the plan's targets, the report's values, the projects."""
    facts = review["facts"]
    assert facts["dates"]["approval_date"] == "2021-06-15"
    assert facts["dates"]["application_date"] == "2024-03-28"
    assert facts["dates"]["baseline_year"] == 2020
    kinds = {d["file"]: d["kind"] for d in review["documents"]}
    plan = {i["name"]: i for i in facts["indicators"] if kinds[i["document"]] == "implementation_plan"}
    report = {i["name"]: i for i in facts["indicators"] if kinds[i["document"]] == "acceptance_report"}
    assert len(plan) == len(report) == 33
    energy = plan["单位工业增加值综合能耗"]
    assert (energy["unit"], energy["baseline"], energy["baseline_year"], energy["target"]) == (
        "吨标煤/万元",
        0.52,
        2020,
        0.45,
    )
    assert (report["单位工业增加值综合能耗"]["value"], report["单位工业增加值综合能耗"]["year"]) == (0.41, 2023)
    assert report["工业用水重复利用率"]["value"] == 92.6
    projects = {p["name"]: p for p in facts["projects"] if kinds[p["document"]] == "implementation_plan"}
    assert projects["园区污水处理厂提标改造工程"]["investment_wan"] == 12000
    assert (projects["分布式光伏示范项目"]["start"], projects["分布式光伏示范项目"]["end"]) == (2022, 2024)
    assert len(projects) == 4


def test_pdf_evidence_names_the_page_where_the_text_is(sample_package):
    _, review = _review_json(sample_package.pdf["验收申请表"])
    evidence = next(f for f in review["findings"] if f["rule"] == "wordcount.over_limit")["evidence"][0]
    page = str(evidence["page"])
    done = subprocess.run(
        ["pdftotext", "-f", page, "-l", page, str(sample_package.pdf["验收申请表"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert evidence["quote"][:12] in done.stdout.replace("\n", "")


def test_a_zip_package_reviews_like_its_files(sample_package, tmp_path):
    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sample_package.docx.values():
            handle.write(path, f"验收材料/{path.name}")
    code, review = _review_json(archive)
    assert code == 0
    assert len(review["documents"]) == len(TRUTH.kinds)
    assert {f["subject"] for f in review["findings"]} == {"report.1.4", "acceptance.highlights"}


def test_human_summary_is_chinese_and_names_the_findings(sample_package):
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "review", *map(str, sample_package.docx.values())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0
    assert "验收报告缺少提纲要求的“碳排放与碳汇现状”部分" in done.stdout
    assert "共 558 字" in done.stdout


def test_clean_pdfs_carry_no_warnings_even_with_a_blank_trailing_page(sample_package):
    for path in sample_package.pdf.values():
        document = _read(path)
        assert document.warnings == (), (path.name, document.warnings)
        assert document.raw.pages_without_text == ()


def _line(text: str, page: int, x0: float, x1: float, top: float) -> PdfLine:
    return PdfLine(text, page, x0, x1, top, top + 12, 12.0, False)


def test_a_paragraph_a_page_break_cuts_is_read_whole():
    """The last line of page 13 runs to the right edge and page 14 opens without indent: one
    paragraph, as the DOCX has it. A new, indented paragraph or one after a table stays apart."""
    lines = [
        _line("    因规划调整，2021年1月1日，园区管理机构研究决定将原《实施方案》", 13, 114, 481, 700),
        _line("中的“北安分布式光伏示范项目”调整为园区集中式资源化利用设施扩容工程。", 13, 90, 481, 726),
        _line("北安经济开发区管理委员会已于2021年10月27日将调整情况以书面形式向省", 14, 90, 481, 80),
        _line("级生态环境部门报告。", 14, 90, 210, 106),
        _line("    从支撑关系看，污水处理、中水回用等项目直接支撑单位工业增加值新鲜水耗和工", 14, 114, 481, 132),
        _line("业用水重复利用率等指标达标。", 14, 90, 260, 158),
    ]
    texts = [block.text for _, _, block in _paragraphs(lines)]
    assert len(texts) == 2 and texts[0].endswith("向省级生态环境部门报告。")
    assert [block.page for _, _, block in _paragraphs(lines)] == [13, 14]
    with_table = [block.text for _, _, block in _paragraphs(lines, [(14, 40, 70)])]
    assert len(with_table) == 3  # a table opens page 14: its first body line starts anew
