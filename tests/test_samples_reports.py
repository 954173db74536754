"""The generated 实施方案 and 验收报告 say what their truth says: every heading as displayed, in
order, omitted sections absent, indicators in the tables, totals, leftovers and copied passages.

Never import ``extractors`` here: the generated documents are ground truth for the readers, so they
are verified with python-docx and pdfplumber only. All documents go through one LibreOffice run.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.table import Table as DocxTable

from corpus.samples import reports
from corpus.samples.model import (
    Adjustment,
    Identity,
    Indicator,
    Park,
    PlanContent,
    Project,
    ReportContent,
    Style,
    Task,
    TruthDocument,
)
from corpus.samples.reports import fmt, write_plan, write_report
from corpus.samples.states import EconomyState
from corpus.samples.writer import convert_to_pdf

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
    ),
]

FAMILIES = ("cn", "chapter", "decimal")
FOREIGN = "青川经济技术开发区"
COPIED = (
    "园区探索形成了“汽车零部件—新材料—生物医药”产业共生模式，依托园区公共管廊实现蒸汽、中水和副产物的梯级利用，"
    "由园区管理机构牵头组建产业共生联盟，按月召开供需对接会，形成了可复制推广的园区循环化改造经验。"
)
_LABEL = re.compile(
    r"^(第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(\.\d+)*\.?)?$"
)


def _indicators() -> list[Indicator]:
    return [
        Indicator("单位工业增加值综合能耗", "吨标煤/万元", "≤", 0.5, 0.52, 0.45, 0.41),
        Indicator("单位工业增加值新鲜水耗", "立方米/万元", "≤", 8.0, 8.6, 7.5, 7.1),
        Indicator("单位工业增加值二氧化碳排放量", "吨/万元", "≤", None, 1.12, 0.95, 0.92),
        Indicator("工业固体废物综合利用率", "%", "≥", 70.0, 86.3, 90.0, 91.2),
        Indicator("工业用水重复利用率", "%", "≥", 90.0, 88.1, 92.0, 86.0),  # misses the 《标准》
        Indicator("高新技术企业工业总产值占园区工业总产值比例", "%", "≥", 30.0, 32.5, 40.0, 41.8, False),
        Indicator("公众对园区生态环境满意度", "%", "≥", 90.0, 86.0, 90.0, 88.0),  # misses, claimed met
        Indicator("绿色建筑占新建建筑比例", "%", "", None, 45.0, 60.0, 63.2, False),
    ]


def _park(index: int, numbering: str, automatic: bool) -> Park:
    """A hand-made park: 8 indicators, 4 projects, 4 tasks; the style varies with `index`."""
    name = ["临江", "安阳", "泰川", "永宁", "嘉兴", "龙泉"][index] + "经济技术开发区"
    identity = Identity(name, f"{name}管理委员会", 32.5 + index, "东至长江路，南至青龙河，西至科技大道，北至环城北路")
    style = Style(
        numbering=numbering,
        automatic=automatic,
        toc=index % 3 != 2,
        header=index % 2 == 0,
        headings={"plan.2.2": "主要目标与指标", "report.3": "标准符合性分析", "plan.1.2": "创建条件分析"},
        extra_chapters=(("保障措施", "结论与建议"), ("附图附表",), ())[index % 3],
        indicator_columns=(
            ("序号", "指标名称", "单位", "基准值", "目标值", "标准值"),
            ("序号", "指标名称", "指标类型", "单位", "标准值", "基准值", "目标值"),
        )[index % 2],
        report_columns=(
            ("序号", "指标名称", "单位", "基准值", "目标值", "标准值", "现状值", "达标情况"),
            ("序号", "指标名称", "单位", "标准值", "现状值", "达标情况"),
        )[index % 2],
        energy_unit=("吨标煤/万元", "千克标煤/万元", "tce/万元")[index % 3],
        money_in_yi=index % 2 == 1,
    )
    city = name[:2]
    projects = [
        Project(
            f"{city}污水处理厂提标改造工程",
            "新增深度处理单元",
            2022,
            2024,
            f"{city}水务有限公司",
            12000,
            "出水达到准Ⅳ类",
        ),
        Project(
            f"{city}固废资源化利用中心",
            "建设一般工业固废再生利用线",
            2022,
            2023,
            f"{city}环境科技有限公司",
            8600.5,
            "综合利用率达到90%",
        ),
        Project(
            f"{city}分布式光伏示范项目",
            "利用厂房屋顶建设光伏35兆瓦",
            2023,
            2024,
            f"{city}能源投资公司",
            14500,
            "年发电3500万千瓦时",
            "在建",
        ),
        Project(
            f"{city}智慧环保监管平台", "建设监测监控一体化平台", 2023, 2023, "生态环境分局", 2300, "重点企业监控全覆盖"
        ),
    ]
    tasks = [
        Task(f"{area}工程", f"围绕{area}制定专项计划", "2023年12月", dept, f"{area}水平明显提升")
        for area, dept in (
            ("培育发展绿色生产力", "经济发展局"),
            ("减污降碳协同增效", "生态环境分局"),
            ("资源循环利用", "经济发展局"),
            ("环境风险防控", "应急管理局"),
        )
    ]
    return Park(
        index=index,
        identity=identity,
        province="江南省",
        city=f"{city}市",
        address=f"江南省{city}市滨江大道188号",
        postcode="214400",
        established=date(2006, 5, 1),
        level="国家级",
        park_type="经济技术开发区",
        chemical=False,
        body_nature="政府派出机构",
        head=("王建国", "主任", "0510-86011234"),
        department=("生态环境分局", "李明", "0510-86015678", "张华", "13912345678", "0510-86019999", "eco@example.cn"),
        industries=("汽车零部件", "新材料", "生物医药"),
        baseline_year=2020,
        application_date=date(2021, 3, 10),
        approval_date=date(2021, 6, 15),
        acceptance_date=date(2024, 3, 20),
        eia_report_date=date(2019, 5, 1),
        eia_review_date=date(2019, 7, 1),
        eia_followup=False,
        indicators=_indicators(),
        projects=projects,
        tasks=tasks,
        style=style,
        economy=EconomyState(gdp=412.6, output_share=2.8, added_share=0.7, growth=(6.5, 7.2, 8.1, 6.9)),
    )


def _contents(park: Park, index: int) -> tuple[PlanContent, ReportContent]:
    """Contents with a different seeded peculiarity per variant."""
    plan = PlanContent(
        identity=replace(park.identity),
        baseline_year=park.baseline_year,
        target_year=2023,
        indicators=[replace(i) for i in park.indicators],
        projects=[replace(p) for p in park.projects],
        tasks=[replace(t) for t in park.tasks],
        omitted_sections=[{"plan.1.2"}, {"plan.5"}, set(), {"plan.2"}, set(), {"plan.2.1"}][index],
        foreign_names=[FOREIGN] if index % 2 == 0 else [],
        project_total_wan=40000.0 if index in (1, 4) else None,
        copied_passage=COPIED if index % 3 == 0 else None,
    )
    report = ReportContent(
        identity=replace(park.identity),
        evaluation_start=park.baseline_year,
        evaluation_end=2023,
        approval_date=park.approval_date,
        indicators=[replace(i) for i in park.indicators],
        projects=[replace(p) for p in park.projects[1:]],
        adjusted_projects=[Adjustment(park.projects[0].name, date(2022, 3, 8), date(2022, 7, 20), index == 3)]
        if index % 2 == 1
        else [],
        omitted_sections=[{"report.1.4"}, set(), {"report.5"}, {"report.1"}, {"report.1.2"}, set()][index],
        foreign_names=[FOREIGN] if index % 2 == 1 else [],
        claims_met={"公众对园区生态环境满意度"},
        project_total_wan=99999.0 if index in (2, 5) else None,
        copied_passage=COPIED if index % 3 != 0 else None,
    )
    return plan, report


@dataclass
class Rendered:
    park: Park
    content: PlanContent | ReportContent
    truth: TruthDocument
    docx: Path
    pdf: Path
    pages: list[str]


def _page_texts(pdf: Path) -> list[str]:
    texts = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            texts.append(page.extract_text() or "")
            page.close()
    return texts


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> list[Rendered]:
    """Plan and report for each numbering family with and without Word numbering, plus drawn parks."""
    out = tmp_path_factory.mktemp("reports")
    jobs: list[tuple[Park, PlanContent | ReportContent, Path]] = []
    for index, (numbering, automatic) in enumerate((f, a) for f in FAMILIES for a in (True, False)):
        park = _park(index, numbering, automatic)
        plan, report = _contents(park, index)
        jobs += [(park, plan, out / f"plan_{index}.docx"), (park, report, out / f"report_{index}.docx")]
    try:
        from corpus.samples.draw import draw_park
    except ImportError:  # the drawer is optional for this test
        draw_park = None
    if draw_park is not None:
        for seed in (3, 11):
            park = draw_park(random.Random(f"reports:{seed}"), seed)
            plan, report = _contents(park, seed % 6)
            plan.indicators, report.indicators = park.indicators, [replace(i) for i in park.indicators]
            report.claims_met = set()
            jobs += [(park, plan, out / f"plan_d{seed}.docx"), (park, report, out / f"report_d{seed}.docx")]
    truths = [
        (write_plan if isinstance(content, PlanContent) else write_report)(path, park, content)
        for park, content, path in jobs
    ]
    pdfs = convert_to_pdf([path for _, _, path in jobs], out)
    return [
        Rendered(park, content, truth, path, pdf, _page_texts(pdf))
        for (park, content, path), truth, pdf in zip(jobs, truths, pdfs, strict=True)
    ]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_toc(page: str) -> bool:
    return (
        "目录" in page.splitlines()[:3]
        or sum(bool(re.search(r"\.{4,}\s*\d+$", line)) for line in page.splitlines()) >= 3
    )


def _body(item: Rendered) -> str:
    """The text after the cover and the table of contents, whitespace removed."""
    return "".join(_squash(page) for page in item.pages[1:] if not _is_toc(page))


def _tables(item: Rendered) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(str(item.docx)).tables]


def _headings(item: Rendered) -> list[str]:
    return [p.text for p in Document(str(item.docx)).paragraphs if p.style.name.startswith("Heading")]


def _table_after(item: Rendered, caption: str) -> list[list[str]]:
    """The table a caption heads, read from the DOCX body in order."""
    seen = False
    for block in Document(str(item.docx)).iter_inner_content():
        if isinstance(block, DocxTable):
            if seen:
                return [[cell.text for cell in row.cells] for row in block.rows]
        else:
            seen = block.text.strip() == caption
    raise AssertionError(f"no table after caption {caption!r} in {item.docx.name}")


def _plans(rendered):
    return [r for r in rendered if r.truth.kind == "implementation_plan"]


def _reports(rendered):
    return [r for r in rendered if r.truth.kind == "acceptance_report"]


def test_titles_appear_in_order_and_numbering_is_word_like(rendered):
    for item in rendered:
        body = _body(item)
        position = 0
        for section in item.truth.sections:
            found = body.find(_squash(section.title), position)
            assert found >= 0, f"{item.docx.name}: {section.title!r} not found after position {position}"
            position = found + len(_squash(section.title))
        style = item.park.style
        titles = [s.title for s in item.truth.sections]
        expected = [re.split(r"(?<=[、）])| ", t, maxsplit=1)[1] for t in titles] if style.automatic else titles
        assert _headings(item) == expected, item.docx.name
        first = titles[0]
        assert first.startswith({"cn": "一、", "chapter": "第一章 ", "decimal": "1. "}[style.numbering]), first


def test_outline_ids_and_extra_chapters(rendered):
    for item in rendered:
        prefix = "plan" if item.truth.kind == "implementation_plan" else "report"
        outlines = [s.outline for s in item.truth.sections if s.outline]
        assert outlines == sorted(outlines, key=lambda o: [int(x) for x in o.split(".")[1:]])
        assert all(o.startswith(prefix + ".") for o in outlines)
        omitted = item.content.omitted_sections
        for outline in omitted:
            assert not [o for o in outlines if o == outline or o.startswith(outline + ".")], outline
        extras = [s.title for s in item.truth.sections if s.outline is None and s.title.endswith("保障措施")]
        if extras:
            assert prefix == "plan"
    by_name = {r.docx.stem: r for r in rendered}
    assert [s.outline for s in by_name["plan_0"].truth.sections][:3] == ["plan.1", "plan.1.1", "plan.2"]
    assert [s.title for s in by_name["plan_0"].truth.sections][-1] == "六、保障措施"
    assert [s.title for s in by_name["report_0"].truth.sections][-1] == "六、结论与建议"
    plan3 = [s for s in by_name["plan_2"].truth.sections if s.outline is None and not s.title.startswith("第六章")]
    assert len(plan3) >= 3 and all(s.title.startswith("第") and "节" in s.title for s in plan3)


def test_omitted_sections_leave_no_heading(rendered):
    for item in rendered:
        wording = {**reports.DEFAULT_HEADINGS, **item.park.style.headings}
        lines = [_squash(line) for page in item.pages for line in page.splitlines()]
        for outline in item.content.omitted_sections:
            children = [o for o in wording if o == outline or o.startswith(outline + ".")]
            for child in children:
                text = wording[child]
                if any(s.title.endswith(text) for s in item.truth.sections):
                    continue  # the same wording is also a written heading (e.g. 园区概况)
                heads = [line for line in lines if line.endswith(text) and _LABEL.match(line[: -len(text)])]
                assert not heads, f"{item.docx.name}: omitted {child} shows as {heads}"
                assert text not in _headings(item)


def test_indicators_in_tables_with_canonical_truth(rendered):
    for item in rendered:
        cells = {cell for table in _tables(item) for row in table for cell in row}
        for indicator in item.truth.indicators:
            assert indicator.name in cells, f"{item.docx.name}: {indicator.name}"
        content = item.content
        if isinstance(content, PlanContent):
            if not {"plan.2", "plan.2.2"} & content.omitted_sections:
                assert len(item.truth.indicators) == len([i for i in content.indicators if not i.state])
                assert {i.year for i in item.truth.indicators} == {content.target_year}
                assert {i.baseline_year for i in item.truth.indicators} == {content.baseline_year}
                assert all(i.value is None for i in item.truth.indicators)
        else:
            assert {i.year for i in item.truth.indicators} == {content.evaluation_end}
            assert [i.value for i in item.truth.indicators] == [i.achieved for i in content.indicators if not i.state]
            shown = {c.split("（")[0] for c in item.park.style.report_columns}
            assert all((i.target is None) == ("目标值" not in shown) for i in item.truth.indicators)
            assert all((i.baseline_year is None) == ("基准值" not in shown) for i in item.truth.indicators)
        energy = next((i for i in item.truth.indicators if i.unit == "吨标煤/万元"), None)
        if energy is not None:
            unit = item.park.style.energy_unit
            factor = 1000 if unit.startswith("千克") else 1
            caption = (
                reports.PLAN_INDICATOR_CAPTION if isinstance(content, PlanContent) else reports.REPORT_INDICATOR_CAPTION
            )
            row = next(r for r in _table_after(item, caption) if energy.name in r)
            shown = {fmt(v * factor) for v in (energy.baseline, energy.target, energy.value) if v is not None}
            assert unit in row and shown & set(row), (row, shown)


def test_report_compliance_column(rendered):
    for item in _reports(rendered):
        if "report.3" in item.content.omitted_sections:
            continue
        table = _table_after(item, reports.REPORT_INDICATOR_CAPTION)
        column = table[0].index("达标情况")
        status = {row[table[0].index("指标名称")]: row[column] for row in table[1:]}
        for indicator in item.content.indicators:
            expected = reports.meets(indicator) or indicator.name in item.content.claims_met
            assert status[indicator.name] == ("达标" if expected else "未达标"), indicator.name
        if item.docx.stem.startswith("report_") and not item.docx.stem.startswith("report_d"):
            assert status["公众对园区生态环境满意度"] == "达标"  # claimed although 88 < 90
            assert status["工业用水重复利用率"] == "未达标"


def test_report_indicator_table_crosses_a_page_break(rendered):
    for item in _reports(rendered):
        with pdfplumber.open(item.pdf) as pdf:
            start = next(
                i for i, text in enumerate(item.pages) if _squash(reports.REPORT_INDICATOR_CAPTION) in _squash(text)
            )
            first = [row for table in pdf.pages[start].extract_tables() for row in table]
            second = pdf.pages[start + 1].extract_tables()
        names = [i.name for i in item.content.indicators]
        on_first = [n for n in names if any(_squash(n) == _squash(cell or "") for row in first for cell in row)]
        assert 1 <= len(on_first) < len(names), f"{item.pdf.name}: {len(on_first)} of {len(names)} rows on page 1"
        assert second and any("指标名称" in _squash(cell or "") for cell in second[0][0]), "header not repeated"


def test_project_totals(rendered):
    for item in rendered:
        content = item.content
        if isinstance(content, PlanContent):
            if "plan.4" in content.omitted_sections:
                continue
            caption = reports.PLAN_PROJECT_CAPTION
        else:
            if "report.4" in content.omitted_sections:
                continue
            caption = reports.REPORT_PROJECT_CAPTION
        table = _table_after(item, caption)
        total = content.project_total_wan
        if total is None:
            total = sum(p.investment_wan for p in content.projects)
        assert table[-1][0] == reports.TOTAL_LABEL
        assert fmt(total) in table[-1], (item.docx.name, table[-1])
        assert [row[1] for row in table[1:-1]] == [p.name for p in content.projects]
        if isinstance(content, PlanContent) and item.park.style.money_in_yi:
            assert f"{fmt(total / 10000)}亿元" in _body(item)


def test_leftovers_copies_and_report_facts(rendered):
    for item in rendered:
        body = _body(item)
        for name in item.content.foreign_names:
            assert name in body
        if item.content.copied_passage:
            assert _squash(item.content.copied_passage) in body
    for item in _reports(rendered):
        body, content = _body(item), item.content
        identity = content.identity
        if not {"report.1", "report.1.1"} & content.omitted_sections:
            for fact in (identity.name, identity.body, f"规划面积{fmt(identity.area_km2)}平方公里", identity.boundary):
                assert _squash(fact) in body, fact
            day = content.approval_date
            assert f"{day.year}年{day.month}月{day.day}日" in body
        assert f"评价时段为{content.evaluation_start}年至{content.evaluation_end}年" in body
        for adjustment in content.adjusted_projects:
            name = adjustment.name
            assert re.search(f"“{re.escape(name)}”.{{0,60}}调整", body), name
            assert "书面形式向省级生态环境部门报告" in body


def test_plan_references_figures_and_data_sources(rendered):
    for item in _plans(rendered):
        body, omitted = _body(item), item.content.omitted_sections
        if not {"plan.1", "plan.1.1"} & omitted:
            assert "园区四至范围图" in body
        if not {"plan.2", "plan.2.1"} & omitted:
            assert "园区生态工业链图" in body
        assert "数据来源" in body or "来源于" in body


def test_page_counts_are_report_like(rendered):
    for item in rendered:
        assert 8 <= len(item.pages) <= 35, (item.pdf.name, len(item.pages))


def test_deterministic(tmp_path):
    park = _park(1, "chapter", True)
    plan, _ = _contents(park, 1)
    first = write_plan(tmp_path / "a.docx", park, plan)
    second = write_plan(tmp_path / "b.docx", park, plan)
    assert first.sections == second.sections and first.indicators == second.indicators
    text = [[p.text for p in Document(str(tmp_path / f"{n}.docx")).paragraphs] for n in "ab"]
    assert text[0] == text[1]


def test_chinese_numbers():
    assert [reports.cn_count(n) for n in (1, 10, 11, 20, 21, 105, 1010)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十一",
        "一百零五",
        "一千零一十",
    ]
    assert reports.cn_number(32.5) == "三十二点五"
    assert reports.cn_number(0.45) == "零点四五"
    assert fmt(0.4500) == "0.45" and fmt(452.00000000000006) == "452" and fmt(12000.0) == "12000"
    assert reports.heading_label("decimal", 2, (2, 2)) == ("2.2", " ")
    assert reports.heading_label("cn", 2, (3, 12)) == ("（十二）", "")
