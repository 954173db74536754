"""Completeness inside documents (附件1 tables, columns, maps, data sources; 附件3 三 each indicator's
method, source and calculation), on a generated park's 实施方案 and 验收报告 as DOCX and as the PDF
LibreOffice makes of them: the complete documents give no finding, the incomplete ones exactly
what they leave out, with the article, a Chinese message and evidence where it shows.
"""

from __future__ import annotations

import copy
import random
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from checks import run_checks
from checks.model import CheckContext, Finding
from checks.submission import build_submission
from checks.text import sentences
from corpus.samples.drafts import draft
from corpus.samples.draw import draw_park
from corpus.samples.plan_prose import MAP_BOUNDARY, MAP_CHAIN, PROJECT_TABLE, TASK_TABLE
from corpus.samples.reports import write_plan, write_report
from corpus.samples.writer import convert_to_pdf
from extractors.facts.table_roles import TableKind, recognise
from extractors.model import Document, DocumentKind, RawDocument, Table, TableCell, TextBlock
from extractors.reader import read_document

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
)
CONTEXT = CheckContext(today=date(2026, 11, 23))
# Indicators of the report left without their method, source or calculation, by position.
GAPS = {0: "all", 2: "source", 4: "calculation", 5: "method"}
MISSING = {
    "all": "数据采集方法、数据来源、计算过程",
    "source": "数据来源",
    "calculation": "计算过程",
    "method": "数据采集方法",
}


@dataclass(frozen=True)
class Written:
    paths: dict[str, Path]  # "<stem>.<fmt>" -> file
    gaps: dict[str, str]  # indicator name -> what its report leaves out


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Written:
    folder = tmp_path_factory.mktemp("completeness")
    park = draw_park(random.Random("completeness:3"), 3)
    drafts = draft(park)
    plan = copy.deepcopy(drafts.plan)
    plan.omitted_tables.add(TASK_TABLE)
    plan.omitted_columns[PROJECT_TABLE] = "预期目标"
    plan.omitted_maps |= {MAP_BOUNDARY, MAP_CHAIN}
    plan.sources_stated = False
    write_plan(folder / "clean_plan.docx", park, drafts.plan)
    write_plan(folder / "bare_plan.docx", park, plan)
    gaps = {drafts.report.indicators[i].name: gap for i, gap in GAPS.items()}
    for layout, as_table in (("table", True), ("prose", False)):
        clean, bare = copy.deepcopy(drafts.report), copy.deepcopy(drafts.report)
        clean.method_table = bare.method_table = as_table
        bare.method_gaps = dict(gaps)
        write_report(folder / f"clean_report_{layout}.docx", park, clean)
        write_report(folder / f"bare_report_{layout}.docx", park, bare)
    docx = sorted(folder.glob("*.docx"))
    pdf = convert_to_pdf(docx, folder)
    return Written({p.name: p for p in [*docx, *pdf]}, gaps)


def _findings(written: Written, name: str) -> list[Finding]:
    path = written.paths[name]
    document = read_document(path.read_bytes(), path.name)
    return [f for f in run_checks(build_submission([document]), CONTEXT) if f.rule.startswith("completeness.")]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("stem", ["clean_plan", "clean_report_table", "clean_report_prose"])
def test_complete_documents_give_no_completeness_finding(written, stem, fmt):
    assert _findings(written, f"{stem}.{fmt}") == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_plan_without_task_table_goal_column_maps_or_sources(written, fmt):
    findings = _findings(written, f"bare_plan.{fmt}")
    assert sorted((f.rule, f.subject) for f in findings) == sorted(
        [
            ("completeness.data_source", "data_source"),
            ("completeness.map_missing", MAP_CHAIN),
            ("completeness.map_missing", MAP_BOUNDARY),
            ("completeness.table_columns", PROJECT_TABLE),
            ("completeness.table_missing", TASK_TABLE),
        ]
    )
    by_rule = {(f.rule, f.subject): f for f in findings}
    columns = by_rule["completeness.table_columns", PROJECT_TABLE]
    assert "“预期目标”" in columns.message and columns.basis == "管理办法 附件1 四"
    assert "项目名称" in columns.evidence[0].quote and "建设内容" in columns.evidence[0].quote
    assert by_rule["completeness.table_missing", TASK_TABLE].basis == "管理办法 附件1 三"
    assert by_rule["completeness.map_missing", MAP_CHAIN].basis == "管理办法 附件1 二（1）"
    assert "注明具体来源" in by_rule["completeness.data_source", "data_source"].message
    for finding in findings:
        assert finding.severity == "major" and finding.message.startswith("实施方案")
        assert finding.evidence and all(e.quote for e in finding.evidence)
        if fmt == "pdf":
            assert all(e.page and e.page > 1 for e in finding.evidence)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("layout", ["table", "prose"])
def test_indicators_whose_method_source_or_calculation_the_report_leaves_out(written, layout, fmt):
    findings = _findings(written, f"bare_report_{layout}.{fmt}")
    assert {f.subject for f in findings} == set(written.gaps)
    for finding in findings:
        assert finding.rule == "completeness.indicator_method" and finding.basis == "管理办法 附件3 三"
        assert f"未说明“{finding.subject}”的{MISSING[written.gaps[finding.subject]]}（" in finding.message
        assert finding.subject in finding.evidence[0].quote.replace(" ", "")
        if fmt == "pdf":
            assert finding.evidence[0].page and finding.evidence[0].page > 1


def _table(rows: list[list[str]]) -> Table:
    cells = tuple(TableCell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row))
    return Table(cells, len(rows), len(rows[0]))


def test_a_data_method_table_and_a_source_column_are_recognised():
    header = ["序号", "指标名称", "采集方式", "资料来源", "计算公式"]
    method = recognise(_table([header, ["1", "人均工业增加值", "统计报表", "统计局", "增加值/从业人数"]]))
    assert method is not None and method.kind == TableKind.METHOD
    assert [c.role for c in method.columns] == ["index", "name", "method", "source", "calculation"]
    header = ["指标名称", "单位", "现状值", "数据来源"]
    indicator = recognise(_table([header, ["人均工业增加值", "万元/人", "36", "统计局"]]))
    assert indicator is not None and indicator.kind == TableKind.INDICATOR and indicator.has("source")


def test_a_sentence_cut_by_a_page_break_is_read_whole():
    """A PDF page break cuts a method sentence in two blocks; its calculation is on the next page."""
    cut = (
        TextBlock("高新技术企业工业总产值占园区工业总产值比例：采用统计报表汇总的方式采集，数据来源于园区", page=9),
        TextBlock("经济发展局，按《标准》规定的计算方法核算。", page=10),
    )
    raw = RawDocument(file="报告.pdf", sha256="", format="pdf", pages=10, blocks=cut)
    document = Document(file="报告.pdf", sha256="", kind=DocumentKind.ACCEPTANCE_REPORT, raw=raw)
    assert [(s.text[-7:], s.page) for s in sentences(document, rejoin=True)] == [("计算方法核算。", 9)]
    assert len(list(sentences(document))) == 2
