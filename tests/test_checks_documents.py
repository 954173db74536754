"""Checks that read documents directly (tables, sentences), on Chinese DOCX and their LibreOffice PDF:
totals that do not add up, and another park's name left in the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checks import run_checks
from checks.model import CheckContext
from checks.submission import build_submission
from corpus.samples.writer import CHINESE_OUTLINE, DocxWriter, convert_to_pdf
from extractors.reader import read_document

PARK = "临江经济技术开发区"
PROJECTS = [
    ["序号", "项目名称", "实施期限", "实施主体", "投资金额（万元）"],
    ["1", "园区污水处理厂提标改造工程", "2022—2024年", "临江水务有限公司", "12000"],
    ["2", "固废资源化利用中心", "2022—2023年", "临江环境科技有限公司", "8600"],
    ["3", "分布式光伏示范项目", "2022—2024年", "园区能源投资公司", "14500"],
    ["4", "智慧环保监管平台", "2023—2024年", "开发区生态环境分局", "2300"],
]


def _plan(path: Path, total: str, sentences: list[str]) -> Path:
    doc = DocxWriter(heading_numbering=CHINESE_OUTLINE)
    doc.title_page([PARK, "生态文明建设示范区（生态工业园区）", "建设实施方案"])
    doc.heading("园区概况及创建基础", 1)
    doc.heading("园区概况", 2)
    for sentence in sentences:
        doc.paragraph(sentence)
    doc.heading("支撑项目", 1)
    doc.paragraph("园区共谋划支撑项目4项，具体见下表。")
    rows = [*PROJECTS, ["合计", "", "", "", total]]
    doc.table(rows, caption="表4-1 支撑项目表", merges=[(5, 0, 5, 3)])
    return doc.save(path)


CLEAN = [f"{PARK}位于江南省临江市，规划面积32.5平方公里。", "园区学习借鉴苏州工业园区的先进经验，推进产业共生。"]
LEFTOVER = [*CLEAN, "宜山工业园区坚持生态优先、绿色发展，持续推进减污降碳协同增效。"]


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("checks")
    written = {
        "clean": _plan(folder / "clean.docx", "37400", CLEAN),
        "wrong_total": _plan(folder / "wrong_total.docx", "38400", CLEAN),
        "foreign": _plan(folder / "foreign.docx", "37400", LEFTOVER),
    }
    pdfs = convert_to_pdf(list(written.values()), folder)
    return {**{f"{k}.docx": v for k, v in written.items()}, **{f"{p.stem}.pdf": p for p in pdfs}}


def _findings(path: Path) -> list:
    document = read_document(path.read_bytes(), path.name)
    return [
        f
        for f in run_checks(build_submission([document]), CheckContext(today=date(2024, 10, 8)))
        if f.rule in ("arithmetic.total_mismatch", "integrity.foreign_park_name")
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_clean_plan_trips_neither_check(documents, fmt):
    assert _findings(documents[f"clean.{fmt}"]) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_total_that_does_not_add_up(documents, fmt):
    (finding,) = _findings(documents[f"wrong_total.{fmt}"])
    assert finding.rule == "arithmetic.total_mismatch"
    assert finding.subject.replace(" ", "") == "表4-1支撑项目表"
    assert "38400" in finding.message and "37400" in finding.message
    assert "合计" in finding.evidence[0].quote
    if fmt == "pdf":
        assert finding.evidence[0].page >= 2


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_another_parks_name_where_the_text_speaks_of_itself(documents, fmt):
    (finding,) = _findings(documents[f"foreign.{fmt}"])
    assert (finding.rule, finding.subject) == ("integrity.foreign_park_name", "宜山工业园区")
    assert finding.evidence[0].quote.startswith("宜山工业园区坚持生态优先")


def _annual(path: Path, signed: str) -> Path:
    doc = DocxWriter()
    doc.title_page([PARK, "生态文明建设示范区（生态工业园区）", "2023年度工作报告"])
    doc.heading("一、年度工作进展", 1)
    doc.paragraph("2023年，园区持续推进减污降碳协同增效，各项指标保持稳定。")
    doc.paragraph(f"{PARK}管理委员会")
    doc.paragraph(signed)
    return doc.save(path)


@pytest.mark.parametrize(("signed", "late"), [("2024年6月20日", False), ("2024年7月15日", True)])
def test_annual_report_due_by_30_june_of_the_next_year(tmp_path, signed, late):
    path = _annual(tmp_path / "年度报告.docx", signed)
    document = read_document(path.read_bytes(), path.name)
    assert document.kind == "annual_report"
    findings = run_checks(build_submission([document]), CheckContext(today=date(2024, 10, 8)))
    assert [(f.rule, f.subject) for f in findings if f.rule.startswith("timeline")] == (
        [("timeline.annual_report_late", "2023")] if late else []
    )
