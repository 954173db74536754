"""Dates, identity and compliance statements read from realistic Chinese documents: DOCX built
here the way parks write them, the same letter and EIA opinion as PDF through LibreOffice, and a
few generated sample parks checked against the park they were drawn from."""

from __future__ import annotations

import io
import random
import shutil
from datetime import date
from pathlib import Path

import cn2an
import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.facts.dates import extract_dates, find_dates, find_references, parse_date
from extractors.facts.identity import extract_identity, ticked
from extractors.facts.nlp import TextDataError, load_section, normalise_text, sentences, tokens
from extractors.facts.statements import extract_statements, read_sentence
from extractors.model import DocumentKind
from extractors.reader import read_document

PARK = "临江经济技术开发区"
BODY = f"{PARK}管理委员会"

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
)


RIGHT = ">>"  # a paragraph starting with this is right-aligned, as signatures and dates are


def _build(items: list) -> docx.Document:
    """A DOCX: a string is a paragraph (\n inside it a line break), a list of rows is a table."""
    document = docx.Document()
    for item in items:
        if isinstance(item, str):
            paragraph = document.add_paragraph()
            if item.startswith(RIGHT):
                item = item.removeprefix(RIGHT)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for n, line in enumerate(item.split("\n")):
                run = paragraph.add_run(line)
                if n < item.count("\n"):
                    run.add_break()
        else:
            table = document.add_table(rows=len(item), cols=max(len(r) for r in item))
            table.style = "Table Grid"
            for r, row in enumerate(item):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    return document


def _read(items: list, name: str = "doc.docx"):
    buffer = io.BytesIO()
    _build(items).save(buffer)
    return read_document(buffer.getvalue(), name)


def _save(items: list, path: Path) -> Path:
    _build(items).save(path)
    return path


def _dates(document) -> dict[str, list]:
    found: dict[str, list] = {}
    for fact in extract_dates(document):
        found.setdefault(fact.kind, []).append(fact)
    return found


def _identity(document) -> dict[str, object]:
    return {fact.field: fact for fact in extract_identity(document)}


# -- realistic documents -----------------------------------------------------------------------

APPLICATION_LETTER = [
    "临经开管发〔2021〕12号",
    f"关于申请创建{PARK}生态文明建设示范区（生态工业园区）的请示",
    "江南省生态环境厅：",
    f"{PARK}成立于1993年4月，为国家级经济技术开发区，规划面积3680公顷，已形成汽车零部件、新材料、生物医药等主导产业。",
    f"根据《生态文明建设示范区（生态工业园区）管理办法》有关要求，园区以2020年为基准年编制了《{PARK}生态文明建设示范区"
    "（生态工业园区）建设实施方案》。现申请创建生态文明建设示范区（生态工业园区）。妥否，请批示。",
    "附件：1.《建设实施方案》；2.环境守法证明；3.规划环境影响评价报告书及审查意见",
    RIGHT + BODY,
    RIGHT + "二〇二一年三月十五日",
    "（联系人：王海燕，联系电话：0512-86668888）",
]

EIA_OPINION = [
    "江环审〔2016〕58号",
    f"关于《{PARK}总体规划（2015—2030年）环境影响报告书》的审查意见",
    f"{BODY}：",
    f"你委报送的《{PARK}总体规划（2015—2030年）环境影响报告书》（以下简称《报告书》）收悉。《报告书》由江南省环境科学研究院"
    "编制，于2016年1月20日编制完成。经研究，现提出审查意见如下：",
    "一、规划范围东起沿江大道，西至京沪铁路；南至青龙河，北至港城路，规划面积36.8平方公里。",
    "二、规划实施五年以上的，应组织开展环境影响跟踪评价。",
    RIGHT + "江南省环境保护厅",
    RIGHT + "2016年3月2日",
    "关于临江经济技术开发区规划环境影响跟踪评价报告书的意见",
    "江环函〔2021〕131号",
    f"{BODY}：",
    "你委报送的《临江经济技术开发区总体规划环境影响跟踪评价报告书》收悉。该规划环境影响报告书于2016年3月2日通过审查"
    "（江环审〔2016〕58号），规划实施已满五年，跟踪评价提出的优化调整建议总体可行。",
    RIGHT + "江南省生态环境厅",
    RIGHT + "2021年1月8日",
]


def test_application_letter_dates_and_identity():
    document = _read(APPLICATION_LETTER, "创建申请.docx")
    assert document.kind == DocumentKind.APPLICATION_LETTER
    dates = _dates(document)
    assert [f.day for f in dates["application"]] == [date(2021, 3, 15)]
    assert [f.day for f in dates["document_date"]] == [date(2021, 3, 15)]
    assert dates["document_date"][0].quote.text == "二〇二一年三月十五日"
    assert [f.year for f in dates["baseline_year"]] == [2020]
    assert "approval" not in dates  # “妥否，请批示” asks; it states no approval
    identity = _identity(document)
    assert identity["park_name"].value == PARK
    assert identity["managing_body"].value == BODY
    assert identity["level"].value == "国家级"
    assert identity["type"].value == "经济技术开发区"
    assert identity["area_km2"].number == pytest.approx(36.8)  # 3680 公顷


def test_eia_opinion_with_follow_up_evaluation():
    document = _read(EIA_OPINION, "规划环评审查意见.docx")
    assert document.kind == DocumentKind.PLAN_EIA_PROOF
    dates = _dates(document)
    assert [f.day for f in dates["eia_report"]] == [date(2016, 1, 20)]
    assert {(f.day, f.reference) for f in dates["eia_review"]} == {(date(2016, 3, 2), "江环审〔2016〕58号")}
    assert [(f.day, f.reference) for f in dates["eia_followup"]] == [(date(2021, 1, 8), "江环函〔2021〕131号")]
    identity = _identity(document)
    assert identity["park_name"].value == PARK
    assert identity["managing_body"].value == BODY  # the addressee; the signature is the authority
    assert identity["boundary"].value == "东起沿江大道，西至京沪铁路；南至青龙河，北至港城路"
    assert identity["area_km2"].number == pytest.approx(36.8)


REPORT = [
    f"{PARK}",
    "生态文明建设示范区（生态工业园区）",
    "验收报告",
    f"{BODY}\n二〇二四年九月",
    "一、园区概况",
    f"{PARK}（以下简称园区）成立于1993年4月，是国家级经济技术开发区。园区管理机构为{BODY}（政府派出机构）。",
    "园区规划总面积约55200亩，四至范围为：东至沿江大道；南至青龙河；西至京沪铁路；北至港城路。园区现有公共绿地约320公顷。",
    "经江南省生态环境厅、江南省商务厅、江南省工业和信息化厅同意（江环办〔2021〕88号），园区于2021年6月正式启动"
    "生态工业园区创建工作。",
    "园区不属于省级人民政府认定的化工园区。",
    "二、评价时段",
    "本报告的评价时段为2020—2023年，其中2020年为《实施方案》确定的基准年。",
    "四、重点任务和支撑项目完成情况",
    "因规划调整，原《实施方案》中的“临江中水回用工程”调整为再生水厂扩建工程，园区管理委员会已于2022年9月16日"
    "将调整情况以书面形式报告江南省生态环境厅、商务厅和工业和信息化厅。",
    "评价时段内，园区未发生较大及以上突发环境事件，重点排污单位均依法依规排放。",
]


def test_report_dates_identity_and_statements():
    document = _read(REPORT, "验收报告.docx")
    dates = _dates(document)
    assert [(f.day, f.reference) for f in dates["approval"]] == [(date(2021, 6, 1), "江环办〔2021〕88号")]
    assert [f.year for f in dates["evaluation_start"]] == [2020]
    assert [f.year for f in dates["evaluation_end"]] == [2023]
    assert [f.year for f in dates["baseline_year"]] == [2020]
    assert [f.day for f in dates["adjustment_reported"]] == [date(2022, 9, 16)]
    assert [f.day for f in dates["document_date"]] == [date(2024, 9, 1)]  # the cover's month, as its 1st day
    identity = _identity(document)
    assert identity["park_name"].value == PARK
    assert identity["managing_body"].value == BODY
    assert identity["area_km2"].number == pytest.approx(36.8)  # 55200 亩, not the 320 公顷 of green space
    assert identity["boundary"].value == "东至沿江大道；南至青龙河；西至京沪铁路；北至港城路"
    assert identity["chemical"].value == "否"
    assert identity["level"].value == "国家级"
    statements = {(s.topic, s.asserted, s.period) for s in extract_statements(document)}
    assert statements == {("no_serious_incident", True, "评价时段内"), ("lawful_discharge", True, "评价时段内")}


PLAN_WORDED_OTHERWISE = [
    "南江化学工业园区生态文明建设示范区（生态工业园区）建设实施方案",
    "南江化学工业园区管理办公室",
    "二〇二二年五月",
    "南江化学工业园区于2001年经省人民政府批准设立，2006年升级为国家级经济技术开发区，2019年被认定为省级化工园区。"
    "园区管理机构为南江化学工业园区管理办公室。园区规划面积5.2万亩，东临长江，南至宁六公路，西接滨江大道，北到化工大道。",
    "2020年12月，经江南省生态环境厅、省商务厅、省工业和信息化厅联合批复同意（江环办〔2020〕342号），"
    "南江化学工业园区正式开展生态工业园区创建工作。",
    "本方案基准年：2021年；评价时段为2021年1月1日至2024年12月31日。",
]


def test_plan_worded_otherwise():
    document = _read(PLAN_WORDED_OTHERWISE, "实施方案.docx")
    dates = _dates(document)
    assert [(f.day, f.reference) for f in dates["approval"]] == [(date(2020, 12, 1), "江环办〔2020〕342号")]
    assert [f.year for f in dates["baseline_year"]] == [2021]
    assert [(f.year) for f in dates["evaluation_start"] + dates["evaluation_end"]] == [2021, 2024]
    assert [f.day for f in dates["document_date"]] == [date(2022, 5, 1)]
    identity = _identity(document)
    assert identity["park_name"].value == "南江化学工业园区"
    assert identity["managing_body"].value == "南江化学工业园区管理办公室"
    assert identity["level"].value == "国家级"
    assert identity["type"].value == "经济技术开发区"
    assert identity["chemical"].value == "是"
    assert identity["area_km2"].number == pytest.approx(52000 / 1500)
    assert identity["boundary"].value == "东临长江，南至宁六公路，西接滨江大道，北到化工大道"


ACCEPTANCE_FORM = [
    "附件4",
    "生态文明建设示范区（生态工业园区）验收申请表",
    f"申请园区：{PARK}",
    "申请日期：2024年9月26日",
    [
        ["一、园区基本情况", "", "", ""],
        ["园区名称", PARK, "", ""],
        ["园区所在地", "江南省临江市", "", ""],
        ["邮政编码", "215000", "成立时间", "1993年4月"],
        ["园区级别", "■国家级  □省级  □其他", "", ""],
        ["园区类型", "经济技术开发区√  高新技术产业开发区  保税区  出口加工区  边境经济合作区  其他", "", ""],
        ["", "是否为由省级人民政府认定的化工园区  是☐  否☒", "", ""],
        ["二、园区管理机构情况", "", "", ""],
        ["机构名称", BODY, "", ""],
        ["三、园区创建生态工业园区工作情况", "", "", ""],
        ["省级部门批准创建时间", "2021.6.15", "", ""],
    ],
]


def test_acceptance_form_fields_and_tick_marks():
    document = _read(ACCEPTANCE_FORM, "验收申请表.docx")
    assert document.kind == DocumentKind.ACCEPTANCE_FORM
    dates = _dates(document)
    assert [f.day for f in dates["approval"]] == [date(2021, 6, 15)]
    assert [f.day for f in dates["application"]] == [date(2024, 9, 26)]
    identity = _identity(document)
    assert identity["park_name"].value == PARK
    assert identity["managing_body"].value == BODY
    assert identity["level"].value == "国家级"
    assert identity["type"].value == "经济技术开发区"
    assert identity["chemical"].value == "否"
    assert identity["level"].quote.text.startswith("园区级别：")


@pytest.mark.parametrize(
    ("line", "options", "expected"),
    [
        ("国家级☑ 省级□ 其他□", ("国家级", "省级", "其他"), ["国家级"]),
        ("■省级 □国家级 □其他", ("国家级", "省级", "其他"), ["省级"]),
        ("国家级（ ）省级（√）其他（ ）", ("国家级", "省级", "其他"), ["省级"]),
        ("国家级□ 省级□ 其他□", ("国家级", "省级", "其他"), []),
        ("国家级☑ 省级☑", ("国家级", "省级", "其他"), ["国家级", "省级"]),
        ("省级", ("国家级", "省级", "其他"), ["省级"]),
        ("是□  否☑", ("是", "否"), ["否"]),
        ("是否为由省级人民政府认定的化工园区 是✓ 否□", ("是", "否"), ["是"]),
        (
            "经济技术开发区□ 高新技术产业开发区■ 其他□",
            ("经济技术开发区", "高新技术产业开发区", "其他"),
            ["高新技术产业开发区"],
        ),
    ],
)
def test_ticked_boxes(line, options, expected):
    assert ticked(line, options) == expected


CERTIFICATE_DENIED = [
    f"{PARK}环境守法情况说明",
    f"近三年，{PARK}生态环境守法情况如下：",
    "（一）2022年7月，园区内某化工企业发生了1起较大突发环境事件，已妥善处置。",
    "（二）园区个别排污单位存在超标排放问题，已责令整改。",
    "（三）园区所有企业不存在因生态环境问题引起的负面舆情。",
    "（四）园区部分企业尚未建立自行监测制度。",
    RIGHT + BODY,
    RIGHT + "2023年3月1日",
]


def test_compliance_statements_asserted_and_denied_with_period():
    document = _read(CERTIFICATE_DENIED, "环境守法证明.docx")
    found = {(s.topic, s.asserted) for s in extract_statements(document)}
    assert found == {
        ("no_serious_incident", False),
        ("lawful_discharge", False),
        ("no_negative_opinion", True),
        ("risk_systems", False),
    }
    periods = {s.topic: s.period for s in extract_statements(document)}
    assert periods["no_negative_opinion"] == "近三年"  # from the line that opens the list
    assert periods["no_serious_incident"] == "近三年"


CHECKLIST_CERTIFICATE = [
    f"{PARK}2020年3月至2023年3月环境守法情况证明",
    [
        ["序号", "事项", "情况"],
        ["1", "是否发生严重污染环境事件或特别重大、重大突发环境事件", "否"],
        ["2", "是否存在因生态环境问题引起的负面舆情", "是"],
    ],
    RIGHT + BODY,
    RIGHT + "2023年3月20日",
]


def test_checklist_certificate_answers_and_title_period():
    document = _read(CHECKLIST_CERTIFICATE, "环境守法证明.docx")
    found = {(s.topic, s.asserted, s.period) for s in extract_statements(document)}
    assert found == {
        ("no_serious_incident", True, "2020年3月至2023年3月"),
        ("no_negative_opinion", False, "2020年3月至2023年3月"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "一是有效贯彻执行国家和地方有关生态环境保护的法律、法规、标准，未发生严重污染环境事件，或特别重大、重大突发环境事件"
            "（自然灾害等不可抗力因素造成的突发环境事件除外）；",
            {("no_serious_incident", True)},
        ),
        (
            "二是园区内全部排污单位依法取得排污许可并按证排放，污染物排放稳定达到国家和地方排放标准；",
            {("lawful_discharge", True)},
        ),
        ("三是园区所有企业不存在因生态环境问题引起的负面舆情；", {("no_negative_opinion", True)}),
        (
            "四是园区所有企业均完成国家和地方要求的生态环境保护责任，未因生态环境违法行为受到重大行政处罚；",
            {("duties_fulfilled", True)},
        ),
        (
            "五是园区建立了完善的环境风险管理制度、排污单位自行监测监督管理制度和环境应急响应制度。",
            {("risk_systems", True)},
        ),
        (
            "2022年3月，某企业因废气超标排放被媒体曝光，引发负面舆情。",
            {("lawful_discharge", False), ("no_negative_opinion", False)},
        ),
        (
            "近三年，园区没有发生重大环境污染事故，无超标排放现象。",
            {("no_serious_incident", True), ("lawful_discharge", True)},
        ),
        ("负面舆情：无。", {("no_negative_opinion", True)}),
        ("完成了突发环境事件应急预案修编和备案。", set()),  # an emergency plan is no event
        ("园区应加强风险防控，防止发生突发环境事件。", set()),  # a goal
        ("健全环境风险防控体系，落实企业生态环境保护责任。", set()),  # a task of a review opinion
        ("总体目标：到2025年，环境风险防控体系明显完善。", set()),
    ],
)
def test_statement_polarity(sentence, expected):
    assert {(v.topic, v.asserted) for v in read_sentence(sentence)} == expected


# -- PDF through LibreOffice -------------------------------------------------------------------


@needs_libreoffice
@pytest.mark.libreoffice
def test_letter_and_eia_opinion_read_the_same_from_pdf(tmp_path):
    from corpus.samples.writer import convert_to_pdf

    letter = _save(APPLICATION_LETTER, tmp_path / "创建申请.docx")
    opinion = _save(EIA_OPINION, tmp_path / "规划环评审查意见.docx")
    for docx_path, pdf_path in zip((letter, opinion), convert_to_pdf([letter, opinion], tmp_path / "pdf"), strict=True):
        from_docx = read_document(docx_path.read_bytes(), docx_path.name)
        from_pdf = read_document(pdf_path.read_bytes(), pdf_path.name)
        assert from_pdf.pages and from_pdf.kind == from_docx.kind

        def facts(document):
            dates = {(f.kind, f.day, f.year, f.reference) for f in extract_dates(document)}
            identity = {(f.field, f.value, f.number) for f in extract_identity(document)}
            return dates, identity

        assert facts(from_pdf) == facts(from_docx)
        assert all(f.quote and f.quote.page for f in extract_dates(from_pdf))


# -- generated sample parks --------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from corpus.samples.generate import generate

    out = tmp_path_factory.mktemp("parks")
    seed = 31
    return seed, generate(out, 3, seed, pdf=False)


def _truth_park(seed: int, index: int, earlier: list):
    """The park as its documents state it: drawn, drafted, and changed by its seeded defects."""
    from corpus.samples.defects import DefectContext, apply
    from corpus.samples.drafts import draft
    from corpus.samples.draw import draw_park
    from corpus.samples.generate import choose_defects

    park = draw_park(random.Random(f"{seed}:{index}"), index)
    rng = random.Random(f"{seed}:{index}:defects")
    drafts = draft(park)
    apply(choose_defects(seed, index + 1)[index], DefectContext(drafts, rng, earlier))
    return park, drafts


def test_generated_parks_dates_and_identity(generated):
    seed, folders = generated
    earlier: list = []
    for index, folder in enumerate(folders):
        park, drafts = _truth_park(seed, index, earlier)
        earlier.append(park)
        for path in sorted(folder.glob("*/*.docx")):
            document = read_document(path.read_bytes(), path.name)
            dates = _dates(document)
            days = {kind: {f.day for f in facts} for kind, facts in dates.items()}
            kind = document.kind
            if kind == DocumentKind.APPLICATION_LETTER:
                assert drafts.park.application_date in days["application"], path
            if kind in (DocumentKind.ACCEPTANCE_FORM, DocumentKind.ACCEPTANCE_REPORT):
                assert drafts.report.approval_date in days["approval"], path
            if kind == DocumentKind.ACCEPTANCE_LETTER:
                assert drafts.park.approval_date in days["approval"], path
                assert drafts.park.acceptance_date in days["application"], path
            if kind == DocumentKind.PLAN_EIA_PROOF:
                assert drafts.park.eia_report_date in days["eia_report"], path
                assert drafts.park.eia_review_date in days["eia_review"], path
                assert ("eia_followup" in days) == drafts.park.eia_followup, path
            if kind == DocumentKind.ACCEPTANCE_REPORT:
                assert {f.year for f in dates["evaluation_end"]} == {drafts.report.evaluation_end}, path
            identity = _identity(document)
            stated = drafts.plan.identity if path.parent.name == "application" else drafts.acceptance_identity
            assert identity["park_name"].value == stated.name, path
            assert identity["managing_body"].value == stated.body, path
            if "area_km2" in identity:
                assert identity["area_km2"].number == pytest.approx(stated.area_km2), path
            if kind == DocumentKind.COMPLIANCE_CERTIFICATE:
                statements = extract_statements(document)
                assert {s.topic for s in statements if s.asserted} == {
                    "no_serious_incident",
                    "lawful_discharge",
                    "no_negative_opinion",
                    "duties_fulfilled",
                    "risk_systems",
                }
                assert all(s.period for s in statements)


# -- the date parser ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2021年6月15日", date(2021, 6, 15), "day"),
        ("二〇二一年六月十五日", date(2021, 6, 15), "day"),
        ("二零二一年十二月三十一日", date(2021, 12, 31), "day"),
        ("2021-06-15", date(2021, 6, 15), "day"),
        ("2021.6.15", date(2021, 6, 15), "day"),
        ("2021/6/15", date(2021, 6, 15), "day"),
        ("２０２１年６月１５日", date(2021, 6, 15), "day"),
        ("2021 年 6 月 15 日", date(2021, 6, 15), "day"),
        ("2021年6月", date(2021, 6, 1), "month"),
        ("二〇二四年九月", date(2024, 9, 1), "month"),
    ],
)
def test_date_formats(text, expected, precision):
    found = find_dates(normalise_text(text))
    assert [(f.day, f.precision) for f in found] == [(expected, precision)]


@pytest.mark.parametrize(
    "text", ["2021年13月1日", "2021年2月30日", "3.1415", "2021.6", "规划期为2021—2035年", "第2021号"]
)
def test_not_dates(text):
    assert find_dates(text) == []


def test_month_only_dates_say_so():
    from extractors.facts.dates import precision

    dates = _dates(_read(REPORT, "验收报告.docx"))
    assert precision(dates["approval"][0]) == "month"  # 2021年6月 → 2021-06-01
    assert precision(dates["adjustment_reported"][0]) == "day"
    assert precision(dates["evaluation_end"][0]) is None


def test_references():
    assert [r.text for r in find_references("省厅以苏环审〔2019〕12号文出具审查意见")] == ["苏环审〔2019〕12号"]
    assert [r.text for r in find_references("（皖环函[2018]1234号）")] == ["皖环函[2018]1234号"]
    assert [r.text for r in find_references("根据鲁政办字〔2017〕168号")] == ["鲁政办字〔2017〕168号"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_date_parser_never_raises(text):
    find_dates(text)
    parse_date(text)
    find_references(text)


_FILLER = st.text(alphabet="园区于批准创建，。的（）审查意见", max_size=8)


def _cn_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), _FILLER, _FILLER, st.integers(0, 4))
def test_formatted_dates_round_trip(day, before, after, style):
    written = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{_cn_year(day.year)}年{cn2an.an2cn(day.month)}月{cn2an.an2cn(day.day)}日",
        day.isoformat(),
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month}/{day.day}",
    ][style]
    assert [f.day for f in find_dates(before + written + after)] == [day]
    assert parse_date(written) == day


# -- text helpers and data -----------------------------------------------------------------------


def test_domain_words_stay_whole():
    assert "突发环境事件" in tokens("未发生特别重大、重大突发环境事件")
    assert "单位工业增加值综合能耗" in tokens("园区单位工业增加值综合能耗持续下降")
    assert "管理委员会" in tokens(f"{PARK}管理委员会") or BODY in tokens(BODY)


def test_sentences_split_list_items():
    assert sentences("一是甲；二是乙。三是丙\n四") == ["一是甲；", "二是乙。", "三是丙", "四"]


def test_a_broken_text_data_file_fails_naming_file_and_key(tmp_path):
    from extractors.facts.dates import _DatesData
    from extractors.facts.nlp import TEXT_DATA

    text = TEXT_DATA.read_text(encoding="utf-8").replace("patterns = ['批准创建',", "patterns = ['批准(创建',", 1)
    path = tmp_path / "facts_text.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TextDataError) as raised:
        load_section("dates", _DatesData, path)
    assert str(path) in str(raised.value) and "[dates].cues.0.patterns" in str(raised.value)
    with pytest.raises(TextDataError, match=r"\[nothing\] is missing"):
        load_section("nothing", _DatesData, path)
