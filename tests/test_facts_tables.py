"""Indicators, projects and tasks read from tables, the way real documents write them: a header
merged over two rows (指标值 over 基准年 | 目标年), units in name cells, 千克标煤 and 亿元, ≥90% in a
cell, — for none, a table split across pages, a 合计 row. The same facts must come out of the DOCX
and of the PDF LibreOffice makes from it. Then a small generated corpus against its truth.json.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from corpus.samples.writer import DocxWriter, convert_to_pdf
from extractors.facts.indicators import extract_indicators
from extractors.facts.model import IndicatorFact, ProjectFact
from extractors.facts.projects import extract_projects, extract_tasks
from extractors.facts.table_roles import TableKind, recognise, roled_tables
from extractors.model import Document, DocumentKind, RawDocument, Table, TableCell, TextBlock
from extractors.reader import read_document

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
)

# -- tables built by hand (no files) -------------------------------------------------------------------


def _table(rows: list[list[str]], merges: list[tuple[int, int, int, int]] = (), page: int | None = None) -> Table:
    """A Table as a reader builds it: merged rectangles are one cell, covered slots hold nothing."""
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    cells = [TableCell(rows[r0][c0], r0, c0, r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in covered:
                cells.append(TableCell(text, r, c))
    n_rows = len(rows)
    return Table(tuple(cells), n_rows, max(len(r) for r in rows), page=page, row_pages=(page,) * n_rows if page else ())


def _document(kind: DocumentKind, *blocks) -> Document:
    raw = RawDocument(file="t.docx", sha256="", format="docx", pages=None, blocks=tuple(blocks))
    return Document(file="t.docx", sha256="", kind=kind, raw=raw)


def test_merged_two_row_header_gives_years_and_roles() -> None:
    table = _table(
        [
            ["序号", "指标名称", "单位", "指标值", "", "《标准》要求"],
            ["", "", "", "基准年（2020年）", "目标年（2025年）", ""],
            ["1", "单位工业增加值综合能耗", "千克标煤/万元", "520", "450", "≤500"],
            ["2", "工业用水重复利用率", "%", "86", "≥92%", "≥90%"],
        ],
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)],
    )
    layout = recognise(table)
    assert layout is not None and layout.kind == TableKind.INDICATOR and layout.first_row == 2
    roles = [(c.role, c.year) for c in layout.columns]
    assert roles == [
        ("index", None),
        ("name", None),
        ("unit", None),
        ("baseline", 2020),
        ("target", 2025),
        ("standard", None),
    ]
    energy, water = extract_indicators(_document(DocumentKind.IMPLEMENTATION_PLAN, table))
    assert (energy.baseline, energy.target, energy.unit, energy.unit_as_written) == (
        0.52,
        0.45,
        "吨标煤/万元",
        "千克标煤/万元",
    )
    assert (energy.baseline_year, energy.target_year, energy.requirement) == (2020, 2025, "≤500")
    assert (water.baseline, water.target, water.unit) == (86, 92, "%")


def test_years_from_the_text_around_the_table() -> None:
    table = _table(
        [
            ["序号", "指标名称", "单位", "基准值", "目标值", "现状值", "达标情况"],
            ["1", "单位工业增加值新鲜水耗", "吨/万元", "8.6", "7.5", "7.1", "达标"],
            ["2", "可再生能源使用比例", "%", "5", "9.5", "8.7", "未达标"],
            ["3", "生态工业信息平台完善度", "%", "80", "100", "—", "—"],
        ]
    )
    text = TextBlock("本报告确定园区的评价时段为2021年至2023年。其中，2021年为《实施方案》确定的基准年。")
    water, renewable, platform = extract_indicators(_document(DocumentKind.ACCEPTANCE_REPORT, text, table))
    assert (water.unit, water.value, water.year, water.baseline_year, water.claims_met) == (
        "立方米/万元",
        7.1,
        2023,
        2021,
        True,
    )
    assert renewable.claims_met is False
    assert platform.value is None and platform.claims_met is None


def test_plan_status_column_is_the_baseline_and_year_columns_a_series() -> None:
    status = _table(
        [
            ["序号", "指标", "单位", "现状值（2020年）", "目标值（2025年）"],
            ["1", "清洁能源使用率", "%", "73.8", "78.2"],
        ]
    )
    series = _table(
        [
            ["指标（单位）", "2020年", "2025年"],
            ["建设用地土地产出率（万元/亩）", "120", "135"],
            ["工业增加值（亿元）", "3.74", "5.2"],
        ]
    )
    clean_energy, land, added = extract_indicators(_document(DocumentKind.IMPLEMENTATION_PLAN, status, series))
    assert (clean_energy.baseline, clean_energy.baseline_year, clean_energy.target, clean_energy.target_year) == (
        73.8,
        2020,
        78.2,
        2025,
    )
    assert land.name == "建设用地土地产出率" and land.unit == "亿元/平方公里"
    assert (land.baseline, land.target) == (pytest.approx(18.0), pytest.approx(20.25))
    assert (added.unit, added.baseline, added.baseline_year, added.target_year) == ("万元", 37400, 2020, 2025)


def test_a_table_of_economic_measures_only_states_no_indicator() -> None:
    """The report's 经济状况 表1-1 gives 工业增加值 by year like a series; as a whole it is economic data
    (附件3 一 2), while the same 工业增加值 row among indicators (the test above) is an indicator."""
    economy = _table(
        [
            ["指标", "2021年", "2022年", "2023年"],
            ["地区生产总值（亿元）", "58.2", "63.5", "69.1"],
            ["工业总产值（亿元）", "160.4", "178.0", "196.3"],
            ["工业增加值（亿元）", "38.6", "42.1", "46.0"],
        ]
    )
    indicators = _table([["指标（单位）", "2023年"], ["工业用水重复利用率（%）", "91.5"]])
    facts = extract_indicators(_document(DocumentKind.ACCEPTANCE_REPORT, economy, indicators))
    assert [fact.name for fact in facts] == ["工业用水重复利用率"]


def test_repeated_header_title_row_group_rows_and_continuation() -> None:
    first = _table(
        [
            ["表2-1 目标指标表", "", "", ""],
            ["序号", "指标名称", "基准值", "目标值"],
            ["一、资源节约", "", "", ""],
            ["1", "工业固体废物综合利用率（%）", "87.4", "92.6"],
            ["序号", "指标名称", "基准值", "目标值"],
            ["2", "污水集中处理率（%）", "93.6", "96.9"],
        ],
        merges=[(0, 0, 0, 3), (2, 0, 2, 3)],
    )
    rest = _table([["3", "危险废物安全处置率（%）", "100", "100"]])
    document = _document(DocumentKind.IMPLEMENTATION_PLAN, first, TextBlock("续表2-1"), rest)
    assert [t.block_index for t in roled_tables(document.raw.blocks)] == [0, 2]
    names = [f.name for f in extract_indicators(document)]
    assert names == ["工业固体废物综合利用率", "污水集中处理率", "危险废物安全处置率"]


def test_same_indicator_in_two_tables_is_one_fact() -> None:
    plan = _table([["序号", "指标名称", "单位", "基准值"], ["1", "人均工业增加值", "万元/人", "27.6"]])
    more = _table([["指标名称", "单位", "目标值（2025年）"], ["人均 工业增加值", "万元/人", "33.1"]])
    (fact,) = extract_indicators(_document(DocumentKind.IMPLEMENTATION_PLAN, plan, more))
    assert (fact.baseline, fact.target, fact.target_year) == (27.6, 33.1, 2025)


def test_project_and_task_tables() -> None:
    projects = _table(
        [
            ["序号", "项目名称", "建设内容", "实施期限", "实施主体", "总投资（亿元）", "预期目标"],
            ["1", "中水回用工程", "再生水厂及管网", "2022年至2024年", "水务公司", "1.2", "回用率提高"],
            ["2", "智慧环保平台", "监测监控平台", "2023年", "生态环境分局", "3500万元", "—"],
            ["合计", "", "", "", "", "1.55", ""],
        ],
        merges=[(3, 0, 3, 4)],
    )
    tasks = _table(
        [
            ["序号", "任务名称", "任务内容", "完成时间", "责任部门", "预期目标"],
            ["1", "资源循环利用工程", "固废分类收运", "2023年12月", "经济发展局", "利用率提升"],
        ]
    )
    document = _document(DocumentKind.IMPLEMENTATION_PLAN, projects, tasks)
    water, platform = extract_projects(document)
    assert (water.start, water.end, water.investment_wan, water.owner) == (2022, 2024, 12000, "水务公司")
    assert (platform.start, platform.end, platform.investment_wan, platform.goal) == (2023, 2023, 3500, None)
    (task,) = extract_tasks(document)
    assert (task.name, task.due, task.department) == ("资源循环利用工程", "2023年12月", "经济发展局")
    assert extract_indicators(document) == ()


def test_report_completion_table_gives_status() -> None:
    table = _table(
        [
            ["序号", "项目名称", "实施主体", "完成投资（万元）", "完成情况"],
            ["1", "中水回用工程", "水务公司", "12,000", "已完成"],
            ["2", "生态廊道建设工程", "城投公司", "—", "调整"],
        ]
    )
    done, adjusted = extract_projects(_document(DocumentKind.ACCEPTANCE_REPORT, table))
    assert (done.investment_wan, done.status) == (12000, "已完成")
    assert (adjusted.investment_wan, adjusted.status) == (None, "调整")


def test_report_wording_of_real_tables() -> None:
    table = _table(
        [
            ["分类", "指标名称", "单位", "规划目标", "2023年完成值", "评价结果"],
            ["资源节约", "单位工业增加值综合能耗", "千克标准煤/万元", "≤450", "430", "达到"],
            ["资源节约", "单位工业增加值新鲜水耗", "m³/万元", "7.5", "7.9", "未达到"],
            ["环境保护", "重点企业环境信息公开率", "%", "100%", "100%", "√"],
        ],
        merges=[(1, 0, 2, 0)],
    )
    text = TextBlock("园区以二〇二〇年为基准年，规划期为2021—2023年。")
    energy, water, disclosure = extract_indicators(_document(DocumentKind.ACCEPTANCE_REPORT, text, table))
    assert (energy.standard_id, energy.unit, energy.target, energy.value, energy.year) == (
        "energy_intensity",
        "吨标煤/万元",
        0.45,
        0.43,
        2023,
    )
    assert (energy.claims_met, water.claims_met, disclosure.claims_met) == (True, False, True)
    assert energy.target_year == 2023 and energy.baseline is None and energy.baseline_year is None
    assert (water.unit, water.value) == ("立方米/万元", 7.9)


def test_table_unit_from_a_title_row() -> None:
    table = _table(
        [
            ["单位：亿元", "", ""],
            ["项目名称", "实施单位", "计划投资"],
            ["固废资源化利用中心", "环境科技有限公司", "0.85"],
        ],
        merges=[(0, 0, 0, 2)],
    )
    (project,) = extract_projects(_document(DocumentKind.IMPLEMENTATION_PLAN, table))
    assert (project.owner, project.investment_wan) == ("环境科技有限公司", 8500)


def test_unrelated_tables_are_ignored() -> None:
    raw_data = _table([["年份", "工业综合能耗（吨标煤）", "指标值（吨标煤/万元）"], ["2021", "617328.35", "0.42"]])
    form = _table([["园区名称", "某某经济开发区"], ["成立时间", "1997年6月"]])
    document = _document(DocumentKind.DATA_SUPPORT, raw_data, form)
    assert extract_indicators(document) == () and extract_projects(document) == ()


# -- DOCX and the PDF made from it ---------------------------------------------------------------------

_FILLER = (
    "依据《生态工业园区建设标准》，结合园区产业特点和发展阶段，确定创建指标。必选指标覆盖经济发展、产业共生、"
    "资源节约、环境保护和信息公开等方面，特色指标结合园区主导产业特点和创建重点选取。"
)
# name, unit as written, baseline, target as written, 《标准》 cell; numbers in the written unit
_PLAN_ROWS: list[tuple[str, str, str, str, str]] = [
    ("单位工业增加值综合能耗", "千克标煤/万元", "520", "450", "≤500"),
    ("单位工业增加值新鲜水耗", "吨/万元", "8.6", "7.5", "≤8"),
    ("单位工业增加值二氧化碳排放量", "吨/万元", "1.12", "0.95", "—"),
    ("工业固体废物综合利用率", "%", "86.3", "≥90%", "≥70%"),
    ("工业用水重复利用率", "%", "88", "91.5", "≥90%"),
    ("高新技术企业工业总产值占园区工业总产值比例", "%", "28", "32", "≥30%"),
    ("人均工业增加值", "万元/人", "24", "28.8", "≥15"),
    ("建设用地土地产出率", "亿元/平方公里", "14.2", "16", "≥15"),
    ("可再生能源使用比例", "%", "6.5", "9.8", "≥9%"),
    ("清洁能源使用率", "%", "76", "80", "≥75%"),
    ("工业园区重点企业清洁生产审核实施率", "%", "88", "100", "100%"),
    ("污水集中处理率", "%", "95.2", "98", "≥95%"),
    ("危险废物安全处置率", "%", "100", "100", "100%"),
    ("环境风险应急预案备案率", "%", "90", "100", "100%"),
    ("工业园区重点企业环境信息公开率", "%", "92", "100", "100%"),
    ("生态工业信息平台完善度", "%", "75", "100", "100%"),
    ("资源再生利用产业增加值占园区工业增加值比例", "%", "14", "18", "≥30%"),
    ("公众对园区生态环境满意度", "%", "88", "92", "≥90%"),
    ("集中供热覆盖率", "%", "80", "86", "—"),
    ("绿色建筑占新建建筑比例", "%", "45", "58", "—"),
    ("再生水（中水）回用率", "%", "18", "25", "≥30%"),
    ("单位工业增加值固体废物产生量", "吨/万元", "0.12", "0.1", "≤0.1"),
    ("单位工业增加值废水排放量", "吨/万元", "5.2", "4.6", "≤7"),
    ("单位工业增加值化学需氧量排放量", "千克/万元", "0.62", "0.5", "≤0.8"),
    ("单位工业增加值氨氮排放量", "千克/万元", "0.05", "0.04", "≤0.08"),
    ("单位工业增加值二氧化硫排放量", "千克/万元", "0.3", "0.22", "≤0.5"),
    ("单位工业增加值氮氧化物排放量", "千克/万元", "0.55", "0.44", "≤0.8"),
    ("工业增加值三年年均增长率", "%", "8.2", "9", "≥15%"),
    ("生态工业主题宣传活动", "次/年", "2", "4", "≥2"),
    ("建立工业园区生态工业链网", "—", "—", "—", "—"),
]
# canonical value of the first rows (the others are written in their canonical unit)
_CANONICAL = {
    "单位工业增加值综合能耗": ("吨标煤/万元", 0.52, 0.45),
    "单位工业增加值新鲜水耗": ("立方米/万元", 8.6, 7.5),
    "工业固体废物综合利用率": ("%", 86.3, 90.0),
}


def _write_plan(path: Path) -> None:
    writer = DocxWriter()
    writer.title_page(["青川经济开发区", "生态文明建设示范区（生态工业园区）", "建设实施方案"])
    writer.heading("总体方案", 1)
    writer.heading("主要目标及指标", 2)
    writer.paragraph("本方案以2020年为基准年、2025年为目标年，确定创建指标30项，目标指标见表2-1。")
    for _ in range(4):
        writer.paragraph(_FILLER)
    header = [
        ["序号", "指标名称", "单位", "指标值", "", "《标准》要求"],
        ["", "", "", "基准年", "目标年", ""],
    ]
    body = [
        [str(n), name, unit, base, target, standard]
        for n, (name, unit, base, target, standard) in enumerate(_PLAN_ROWS, 1)
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)]
    writer.table(
        header + body,
        header_rows=2,
        merges=merges,
        caption="表2-1 目标指标表",
        col_widths_cm=[1, 5.2, 2.6, 1.7, 1.7, 2.4],
    )
    writer.paragraph("主要经济指标目标见表2-2。")
    writer.table(
        [
            ["指标（单位）", "2020年", "2025年"],
            ["工业增加值（亿元）", "3.74", "5.2"],
            ["人均工业增加值（万元/人）", "24", "28.8"],
        ],
        caption="表2-2 主要经济指标",
    )
    writer.heading("支撑项目", 1)
    writer.table(
        [
            ["序号", "项目名称", "建设内容", "实施期限", "实施主体", "总投资（亿元）", "预期目标"],
            [
                "1",
                "青川中水回用工程",
                "建设再生水厂及配套管网",
                "2022年至2024年",
                "青川水务有限公司",
                "1.2",
                "中水回用率达到25%",
            ],
            ["2", "青川智慧环保监管平台", "建设监测监控一体化平台", "2023年", "生态环境分局", "3500万元", "—"],
            [
                "3",
                "青川分布式光伏示范项目",
                "建设屋顶分布式光伏电站",
                "2022-2025",
                "青川能源投资有限公司",
                "2.05",
                "可再生能源比例提高",
            ],
            ["合计", "", "", "", "", "3.6", ""],
        ],
        merges=[(4, 0, 4, 4)],
        caption="表4-1 支撑项目表",
        col_widths_cm=[1, 3, 3.2, 2, 2.4, 1.6, 2.4],
    )
    writer.heading("重点任务", 1)
    writer.table(
        [
            ["序号", "任务名称", "任务内容", "完成时间", "责任部门", "预期目标"],
            ["1", "资源循环利用工程", "完善固废分类收运体系", "2023年12月", "经济发展局", "综合利用率达到90%"],
            ["2", "环境风险防控工程", "建设事故应急池", "2024年6月", "应急管理局", "风险防控体系完善"],
        ],
        caption="表3-1 重点任务表",
    )
    writer.save(path)


def _write_report(path: Path) -> None:
    writer = DocxWriter()
    writer.title_page(["青川经济开发区", "生态文明建设示范区（生态工业园区）", "验收报告"])
    writer.heading("评价时段", 1)
    writer.paragraph(
        "本报告确定园区的评价时段为2021年至2023年。其中，2021年为《实施方案》确定的基准年，2023年为验收年。"
    )
    writer.heading("《标准》符合性评价", 1)
    writer.table(
        [
            ["序号", "指标名称", "单位", "基准值", "目标值", "2023年值", "是否达标"],
            ["1", "单位工业增加值综合能耗", "tce/万元", "0.52", "0.45", "0.43", "达标"],
            ["2", "单位工业增加值新鲜水耗（立方米/万元）", "", "8.6", "7.5", "7.9", "达标"],
            ["3", "可再生能源使用比例", "%", "6.5", "9.8", "≥9.1%", "达标"],
            ["4", "资源再生利用产业增加值占园区工业增加值比例", "%", "14", "18", "16", "未达标"],
            ["5", "建立工业园区生态工业链网", "—", "—", "—", "—", "达标"],
        ],
        caption="表3-1 指标达标情况表",
    )
    writer.heading("重点任务和支撑项目完成情况", 1)
    writer.table(
        [
            ["序号", "项目名称", "实施主体", "完成投资（万元）", "完成情况"],
            ["1", "青川中水回用工程", "青川水务有限公司", "12,000", "已完成"],
            ["2", "青川分布式光伏示范项目", "青川能源投资有限公司", "—", "调整"],
            ["合计", "", "", "12,000", ""],
        ],
        merges=[(3, 0, 3, 2)],
        caption="表4-1 支撑项目完成情况表",
    )
    writer.save(path)


def _without_quotes(facts: tuple) -> tuple:
    return tuple(replace(f, quote=None) for f in facts)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("facts_tables")
    plan, report = folder / "实施方案.docx", folder / "验收报告.docx"
    _write_plan(plan)
    _write_report(report)
    documents = {p.name: read_document(p.read_bytes(), p.name) for p in (plan, report)}
    if shutil.which("soffice") or shutil.which("libreoffice"):
        for pdf in convert_to_pdf([plan, report], folder):
            documents[pdf.name] = read_document(pdf.read_bytes(), pdf.name)
    return documents


def _plan_expected() -> dict[str, tuple[str | None, float | None, float | None]]:
    expected = {}
    for name, unit, base, target, _ in _PLAN_ROWS:
        if name in _CANONICAL:
            expected[name] = _CANONICAL[name]
        elif unit == "—":
            expected[name] = (None, None, None)
        elif unit == "千克/万元":
            expected[name] = ("吨/万元", float(base) / 1000, float(target) / 1000)
        else:
            expected[name] = (unit, float(base), float(target.strip("≥%")))
    expected["工业增加值"] = ("万元", 37400.0, 52000.0)
    return expected


def _check_plan(facts: tuple[IndicatorFact, ...]) -> None:
    expected = _plan_expected()
    assert [f.name for f in facts] == list(expected)  # one fact for 人均工业增加值, in both tables
    for fact in facts:
        unit, baseline, target = expected[fact.name]
        assert fact.unit == unit, fact.name
        assert fact.baseline == pytest.approx(baseline, rel=1e-9) if baseline is not None else fact.baseline is None
        assert fact.target == pytest.approx(target, rel=1e-9) if target is not None else fact.target is None
        assert (fact.baseline_year, fact.target_year, fact.value) == (2020, 2025, None), fact.name
    energy = facts[0]
    assert (energy.unit_as_written, energy.requirement) == ("千克标煤/万元", "≤500")


def test_plan_docx(written: dict[str, Document]) -> None:
    document = written["实施方案.docx"]
    _check_plan(extract_indicators(document))
    projects = extract_projects(document)
    assert [(p.name, p.start, p.end, p.investment_wan) for p in projects] == [
        ("青川中水回用工程", 2022, 2024, 12000),
        ("青川智慧环保监管平台", 2023, 2023, 3500),
        ("青川分布式光伏示范项目", 2022, 2025, 20500),
    ]
    assert [t.name for t in extract_tasks(document)] == ["资源循环利用工程", "环境风险防控工程"]


def test_report_docx(written: dict[str, Document]) -> None:
    facts = {f.name: f for f in extract_indicators(written["验收报告.docx"])}
    energy = facts["单位工业增加值综合能耗"]
    assert (energy.unit, energy.baseline, energy.value, energy.year, energy.baseline_year) == (
        "吨标煤/万元",
        0.52,
        0.43,
        2023,
        2021,
    )
    water = facts["单位工业增加值新鲜水耗"]
    assert (water.unit, water.unit_as_written, water.value) == ("立方米/万元", "立方米/万元", 7.9)
    assert facts["可再生能源使用比例"].value == 9.1
    assert facts["资源再生利用产业增加值占园区工业增加值比例"].claims_met is False
    network = facts["建立工业园区生态工业链网"]
    assert (network.unit, network.value, network.claims_met) == (None, None, True)
    done, adjusted = extract_projects(written["验收报告.docx"])
    assert (done.investment_wan, done.status, adjusted.investment_wan, adjusted.status) == (
        12000,
        "已完成",
        None,
        "调整",
    )


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("stem", ["实施方案", "验收报告"])
def test_pdf_gives_the_docx_facts(written: dict[str, Document], stem: str) -> None:
    docx, pdf = written[f"{stem}.docx"], written[f"{stem}.pdf"]
    for extract in (extract_indicators, extract_projects, extract_tasks):
        assert _without_quotes(extract(pdf)) == _without_quotes(extract(docx)), extract.__name__
    for fact in (*extract_indicators(pdf), *extract_projects(pdf)):
        assert fact.quote is not None and fact.quote.page is not None and fact.name in fact.quote.text


@needs_libreoffice
@pytest.mark.libreoffice
def test_long_table_crosses_a_page_break(written: dict[str, Document]) -> None:
    pdf = written["实施方案.pdf"]
    (indicator_table, *_) = roled_tables(pdf.raw.blocks, TableKind.INDICATOR)
    assert indicator_table.table.end_page > indicator_table.table.page  # the test means what it says
    facts = extract_indicators(pdf)
    pages = [f.quote.page for f in facts[: len(_PLAN_ROWS)]]
    assert pages == sorted(pages) and pages[0] < pages[-1]
    _check_plan(facts)


# -- a generated corpus against its truth ------------------------------------------------------------


def _close(mine: float | None, truth: float) -> bool:
    return mine is not None and math.isclose(mine, truth, rel_tol=1e-6, abs_tol=1e-12)


def indicator_mismatches(truth: dict, facts: tuple[IndicatorFact, ...]) -> list[str]:
    """Every way the extracted indicators differ from a truth document's (empty when they agree)."""
    found = {f.name: f for f in facts}
    problems = []
    for item in truth["indicators"]:
        fact = found.get(item["name"])
        if fact is None:
            problems.append(f"{item['name']}: missing")
            continue
        year = fact.year if fact.value is not None else fact.target_year
        checks = [
            ("baseline", fact.baseline, item["baseline"]),
            ("target", fact.target, item["target"]),
            ("value", fact.value, item["value"]),
        ]
        problems += [
            f"{item['name']}: {k} {mine} != {want}"
            for k, mine, want in checks
            if want is not None and not _close(mine, want)
        ]
        if item["baseline"] is not None and fact.baseline_year != item["baseline_year"]:
            problems.append(f"{item['name']}: baseline_year {fact.baseline_year} != {item['baseline_year']}")
        if item["year"] is not None and year != item["year"]:
            problems.append(f"{item['name']}: year {year} != {item['year']}")
        if fact.unit != item["unit"]:
            problems.append(f"{item['name']}: unit {fact.unit} != {item['unit']}")
    return problems


def project_mismatches(truth: dict, facts: tuple[ProjectFact, ...]) -> list[str]:
    """Every way the extracted projects differ from a truth document's."""
    found = {p.name: p for p in facts}
    problems = []
    for item in truth.get("projects", []):
        project = found.get(item["name"])
        if project is None:
            problems.append(f"{item['name']}: missing")
            continue
        if not _close(project.investment_wan, item["investment_wan"]):
            problems.append(f"{item['name']}: investment {project.investment_wan} != {item['investment_wan']}")
        for key in ("start", "end", "owner", "status"):
            if item[key] is not None and getattr(project, key) != item[key]:
                problems.append(f"{item['name']}: {key} {getattr(project, key)} != {item[key]}")
    return problems


def _plan_project_names(docx: Path) -> list[str]:
    """The project names of the plan's 支撑项目表 as python-docx reads the file (not our reader)."""
    from docx import Document as open_docx

    for table in open_docx(str(docx)).tables:
        header = [cell.text for cell in table.rows[0].cells]
        if "项目名称" in header and "实施期限" in header:
            column = header.index("项目名称")
            names = [row.cells[column].text for row in table.rows[1:]]
            return [n for n in names if n and n != "合计"]
    return []


@needs_libreoffice
@pytest.mark.libreoffice
def test_generated_corpus_matches_truth(tmp_path: Path) -> None:
    from corpus.samples.generate import generate

    folders = generate(tmp_path, 3, 7, pdf=True)
    problems: list[str] = []
    compared = 0
    for folder in folders:
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        for item in truth["documents"]:
            if not item["indicators"] and not item.get("projects"):
                continue
            for suffix in ("docx", "pdf"):
                path = next(folder.glob(f"*/{item['stem']}.{suffix}"))
                document = read_document(path.read_bytes(), path.name)
                where = f"{folder.name}/{path.name}"
                problems += [f"{where} {p}" for p in indicator_mismatches(item, extract_indicators(document))]
                projects = extract_projects(document)
                problems += [f"{where} {p}" for p in project_mismatches(item, projects)]
                if item["kind"] == "implementation_plan":
                    names = {p.name for p in projects}
                    written_names = _plan_project_names(path.with_suffix(".docx"))
                    problems += [f"{where} project {n}: missing" for n in written_names if n not in names]
                compared += len(item["indicators"])
    assert compared > 0
    assert problems == []
