"""corpus.samples.paperwork: the forms, letters, certificate, EIA proof and data support it writes.

Verified with python-docx and pdfplumber only, never with `extractors`: these documents are ground
truth for the readers. Two drawn parks (different layout variants), all documents converted to PDF
in one LibreOffice call.
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

from corpus.samples import paperwork
from corpus.samples.draw import draw_park
from corpus.samples.model import FormContent, Park, ReportContent, TruthDocument
from corpus.samples.writer import convert_to_pdf

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
    ),
]

FILING_TEXT = (
    "{name}位于{city}，主导产业为{industries}。园区以减污降碳协同增效为主线，统筹推进产业结构调整和污染防治。"
    "创建工作以{year}年为基准年，依据《标准》确定了必选指标和特色指标，谋划了支撑项目。"
)
INDICATORS_TEXT = "园区按照《实施方案》选定的{n}项评价指标开展自评，各项指标总体达到《标准》要求。"
HIGHLIGHTS_TEXT = (
    "园区围绕{industries}构建生态工业链网，建成智慧环保监管平台，推行环保管家服务。\n"
    "持续开展生态工业主题宣传活动，营造全社会共同参与的良好氛围。"
)
KINDS = (
    "filing_form",
    "acceptance_form",
    "application_letter",
    "acceptance_letter",
    "compliance_certificate",
    "plan_eia_proof",
    "data_support",
)


@dataclass
class Written:
    park: Park
    filing: FormContent
    acceptance: FormContent
    report: ReportContent
    truth: dict[str, TruthDocument]
    docx: dict[str, Path]
    pdf: dict[str, Path]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _write(folder: Path, park: Park) -> Written:
    facts = {
        "name": park.identity.name,
        "city": park.city,
        "industries": "、".join(park.industries),
        "year": park.baseline_year,
        "n": len(park.indicators),
    }
    filing = FormContent(park.identity, date(2021, 7, 5), None, {"filing.content": FILING_TEXT.format(**facts)})
    acceptance = FormContent(
        park.identity,
        park.acceptance_date,
        park.approval_date,
        {
            "acceptance.indicators": INDICATORS_TEXT.format(**facts),
            "acceptance.highlights": HIGHLIGHTS_TEXT.format(**facts),
        },
    )
    report = ReportContent(
        identity=park.identity,
        evaluation_start=park.baseline_year,
        evaluation_end=park.acceptance_date.year - 1,
        approval_date=park.approval_date,
        indicators=park.indicators,
        projects=park.projects,
    )
    n = park.index
    docx = {kind: folder / f"{kind}-{n}.docx" for kind in KINDS}
    identity = park.identity
    truth = {
        "filing_form": paperwork.write_filing_form(docx["filing_form"], park, filing),
        "acceptance_form": paperwork.write_acceptance_form(docx["acceptance_form"], park, acceptance),
        "application_letter": paperwork.write_application_letter(
            docx["application_letter"], park, identity, park.application_date
        ),
        "acceptance_letter": paperwork.write_acceptance_letter(
            docx["acceptance_letter"], park, identity, park.acceptance_date
        ),
        "compliance_certificate": paperwork.write_compliance_certificate(
            docx["compliance_certificate"], park, identity, park.application_date
        ),
        "plan_eia_proof": paperwork.write_eia_proof(docx["plan_eia_proof"], park, identity),
        "data_support": paperwork.write_data_support(docx["data_support"], park, report),
    }
    return Written(park, filing, acceptance, report, truth, docx, {})


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Written]:
    folder = tmp_path_factory.mktemp("paperwork")
    parks = []
    for seed, index in ((11, 1), (12, 2), (13, 3)):
        park = draw_park(random.Random(seed), index)
        park.eia_followup = index == 2
        if index == 3:  # the other tick boxes
            park = replace(park, level="省级", park_type="高新技术产业开发区", chemical=True, body_nature="政府")
        parks.append(park)
    result = [_write(folder, park) for park in parks]
    all_docx = [p for w in result for p in w.docx.values()]
    pdfs = {p.stem: p for p in convert_to_pdf(all_docx, folder / "pdf")}
    for w in result:
        w.pdf = {kind: pdfs[path.stem] for kind, path in w.docx.items()}
    return result


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdf_cells(path: Path) -> set[str]:
    with pdfplumber.open(path) as pdf:
        return {_compact(c) for page in pdf.pages for t in page.extract_tables() for row in t for c in row if c}


def _grid(path: Path) -> list[list[str]]:
    """The form's table rows as their distinct cells (a merged cell once)."""
    doc = Document(str(path))
    assert len(doc.tables) == 1
    rows = []
    for row in doc.tables[0].rows:
        cells, seen = [], None
        for cell in row.cells:
            if cell._tc is not seen:
                cells.append(cell.text)
            seen = cell._tc
        rows.append(cells)
    return rows


def _right_of(rows: list[list[str]], label: str) -> str:
    for cells in rows:
        for k, cell in enumerate(cells[:-1]):
            if _compact(cell) == label:
                return cells[k + 1]
    raise AssertionError(f"label cell {label!r} not found")


def _below(rows: list[list[str]], title: str) -> str:
    for r, cells in enumerate(rows[:-1]):
        if _compact(cells[0]).startswith(title):
            return rows[r + 1][0]
    raise AssertionError(f"titled row {title!r} not found")


def test_truth_documents(written: list[Written]) -> None:
    for w in written:
        for kind in KINDS:
            assert w.truth[kind].kind == kind
            assert w.truth[kind].stem == w.docx[kind].stem
            if kind != "data_support":
                assert w.truth[kind].sections == [] and w.truth[kind].indicators == []
        indicators = w.truth["data_support"].indicators
        numeric = [i for i in w.park.indicators if not i.state]  # a state has no value to score
        assert [i.name for i in indicators] == [i.name for i in numeric]
        assert all(i.year == w.report.evaluation_end for i in indicators)
        assert [i.value for i in indicators] == [i.achieved for i in numeric]


def _common_values(park: Park) -> dict[str, str]:
    name, title, phone = park.head
    dept, dept_head, dept_phone, contact, contact_phone, fax, email = park.department
    return {
        "园区名称": park.identity.name,
        "通信地址": park.address,
        "邮政编码": park.postcode,
        "成立时间": f"{park.established.year}年{park.established.month}月",
        "机构名称": park.identity.body,
        "姓名": name,
        "职务": title,
        "电话": phone,
        "名称": dept,
        "负责人": dept_head,
        "负责人电话": dept_phone,
        "联系人": contact,
        "联系人电话": contact_phone,
        "传真": fax,
        "邮箱": email,
    }


def _check_common(rows: list[list[str]], park: Park) -> None:
    for label, value in _common_values(park).items():
        assert _right_of(rows, label) == value, label
    assert park.province in _right_of(rows, "园区所在地") and park.city in _right_of(rows, "园区所在地")
    level = park.level if park.level in ("国家级", "省级") else "其他"
    assert f"{level}☑" in _right_of(rows, "园区级别")
    assert _right_of(rows, "园区级别").count("☑") == 1
    types = _right_of(rows, "园区类型")
    assert types.count("☑") == 1 and "边境经济合作区" in types
    if park.park_type in ("经济技术开发区", "高新技术产业开发区"):
        assert f"{park.park_type}☑" in types
    assert f"{park.body_nature}☑" in _right_of(rows, "机构性质")
    chemical = next(c for cells in rows for c in cells if "是否为由省级人民政府认定的化工园区" in c)
    assert _compact(chemical).endswith("是☑否□" if park.chemical else "是□否☑")


def test_filing_form(written: list[Written]) -> None:
    for w in written:
        park, path = w.park, w.docx["filing_form"]
        rows = _grid(path)
        _check_common(rows, park)
        scope = _right_of(rows, "园区四至范围及面积")
        assert park.identity.boundary in scope and f"{paperwork.fmt(park.identity.area_km2)}平方公里" in scope
        text = _docx_text(path)
        assert "生态文明建设示范区（生态工业园区）" in text and "创建备案表" in text
        assert f"园区：{park.identity.name}" in text
        assert re.search(rf"报送单位：{park.province}生态环境(厅|局)（盖章）", text)
        assert "报送日期：2021年7月5日" in text
        content = w.filing.long_fields["filing.content"]
        assert content in text
        in_table = any(_compact(cells[0]).startswith("三、园区建设内容") for cells in rows)
        if in_table:
            assert _below(rows, "三、园区建设内容") == content


def test_acceptance_form(written: list[Written]) -> None:
    for w in written:
        park, path = w.park, w.docx["acceptance_form"]
        rows = _grid(path)
        _check_common(rows, park)
        approval = park.approval_date
        assert _right_of(rows, "省级部门批准创建时间") == f"{approval.year}年{approval.month}月{approval.day}日"
        assert f"{len(park.tasks)}项重点任务" in _right_of(rows, "重点任务完成情况")
        assert f"{len(park.projects)}个支撑项目" in _right_of(rows, "支撑项目完成情况")
        assert _below(rows, "四、创建指标完成情况") == w.acceptance.long_fields["acceptance.indicators"]
        assert _below(rows, "五、园区特色及亮点") == w.acceptance.long_fields["acceptance.highlights"]
        for part in ("六、省级商务部门意见", "七、省级工业和信息化部门意见", "八、省级生态环境部门意见"):
            assert any(_compact(cells[0]) == part for cells in rows)
        text = _docx_text(path)
        day = park.acceptance_date
        assert f"申请园区：{park.identity.name}" in text
        assert f"申请日期：{day.year}年{day.month}月{day.day}日" in text
        assert "园区四至范围及面积" not in text


def test_letters_and_certificate(written: list[Written]) -> None:
    for w in written:
        park = w.park
        name, body = park.identity.name, park.identity.body
        application = _docx_text(w.docx["application_letter"])
        assert f"关于申请创建{name}生态文明建设示范区（生态工业园区）的请示" in application
        assert re.search(rf"{park.province}生态环境(厅|局)：", application)
        assert body in application and paperwork.cn_date(park.application_date) in application
        acceptance = _docx_text(w.docx["acceptance_letter"])
        assert re.search(rf"{name}生态文明建设示范区（生态工业园区）验收(的请示|申请)", acceptance)
        assert body in acceptance and paperwork.cn_date(park.acceptance_date) in acceptance
        certificate = _docx_text(w.docx["compliance_certificate"])
        when = park.application_date
        assert re.search(rf"{name}环境守法(情况)?证明", certificate)
        assert f"{when.year - 3}年{when.month}月至{when.year}年{when.month}月" in certificate
        for phrase in ("严重污染环境事件", "依法取得排污许可", "负面舆情", "生态环境保护责任", "环境应急响应制度"):
            assert phrase in certificate
        assert body in certificate and paperwork.cn_date(when) in certificate


def _cn_dates(text: str) -> list[date]:
    return [date(int(y), int(m), int(d)) for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)]


def test_eia_proof(written: list[Written]) -> None:
    for w in written:
        park = w.park
        text = _docx_text(w.docx["plan_eia_proof"])
        assert "审查意见" in text and "环境影响" in text
        assert paperwork.cn_date(park.eia_report_date) in text
        assert paperwork.cn_date(park.eia_review_date) in text
        assert re.search(rf"环审〔{park.eia_review_date.year}〕\d+号", text)
        assert ("跟踪评价报告书" in text) == park.eia_followup
        if park.eia_followup:
            last = _cn_dates(text)[-1]
            assert park.eia_review_date < last <= park.application_date


def test_data_support(written: list[Written]) -> None:
    for w in written:
        park, report = w.park, w.report
        doc = Document(str(w.docx["data_support"]))
        text = _docx_text(w.docx["data_support"])
        assert f"{park.identity.name}生态文明建设示范区（生态工业园区）验收数据支撑材料" in text
        summary = [[c.text for c in row.cells] for row in doc.tables[0].rows]
        assert summary[0][1] == "指标名称"
        assert len(doc.tables) == 1 + len(report.indicators)
        for row, indicator in zip(summary[1:], report.indicators, strict=True):
            assert row[1] == indicator.name
            if indicator.state:  # a qualitative requirement shows its state (达标, 具备)
                assert row[4] == indicator.state
                continue
            shown = 1000.0 if row[2] == "千克标煤/万元" else 1.0
            assert float(row[4]) == pytest.approx(indicator.achieved * shown)
        for table, indicator in zip(doc.tables[1:], report.indicators, strict=True):
            assert indicator.name in _compact(table.rows[0].cells[1].text + text)
            years = [r.cells[0].text for r in table.rows[1:]]
            assert years[0] == str(report.evaluation_start)
            assert any(str(report.evaluation_end) in y for y in years)
        assert text.count("数据来源：") == len(report.indicators)
        qualitative = sum(1 for i in report.indicators if i.state)
        assert text.count("计算方法：") == len(report.indicators) - qualitative
        assert text.count("评价方法：") == qualitative


def test_pdfs_render_the_chinese_text(written: list[Written]) -> None:
    for w in written:
        park = w.park
        for kind, pdf in w.pdf.items():
            text = _compact(_pdf_text(pdf))
            assert park.identity.name in text, kind
            assert "�" not in text and "(cid:" not in text, kind
        form = _compact(_pdf_text(w.pdf["acceptance_form"]))
        cells = _pdf_cells(w.pdf["acceptance_form"])
        approval = park.approval_date
        for label in ("省级部门批准创建时间", "负责园区生态工业工作的职能部门", "联系人电话", park.department[6]):
            assert label in cells
        assert f"{approval.year}年{approval.month}月{approval.day}日" in cells
        assert _compact(w.acceptance.long_fields["acceptance.highlights"]) in form
        filing = _compact(_pdf_text(w.pdf["filing_form"]))
        assert _compact(w.filing.long_fields["filing.content"]) in filing
        assert "报送日期：2021年7月5日" in filing and "园区四至范围及面积" in _pdf_cells(w.pdf["filing_form"])
        certificate = _compact(_pdf_text(w.pdf["compliance_certificate"]))
        assert paperwork.cn_date(park.application_date) in certificate
        eia = _compact(_pdf_text(w.pdf["plan_eia_proof"]))
        assert paperwork.cn_date(park.eia_review_date) in eia
