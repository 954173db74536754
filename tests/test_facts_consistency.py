"""The facts the consistency rules compare, read from realistic Chinese DOCX: project progress in
sentences, indicator values and totals written in prose, and the two dates of an adjustment (made,
reported) in one sentence or in neighbouring sentences of one paragraph."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from extractors.facts.dates import extract_dates
from extractors.facts.mentions import extract_mentions, extract_tallies
from extractors.facts.nlp import across_page_breaks, passages
from extractors.facts.progress import extract_progress, status_of
from extractors.model import Document, DocumentKind, RawDocument, TextBlock
from extractors.reader import read_document

PROJECT = "临江中水回用工程"


def _read(paragraphs: list[str]):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return read_document(buffer.getvalue(), "验收报告.docx")


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("目前已完成", True),
        ("项目已建成投运", True),
        ("目前仍在建设中", False),
        ("在建，尚未完成", False),
        ("尚未建成投运", False),  # 建成投运 inside a denial is not done
        ("建设中水回用管网", None),  # 中水 is reclaimed water, not “under construction”
        ("完成投资1200万元", None),
        ("已完成投资800万元，目前在建", False),
    ],
)
def test_status_words(text, done):
    assert status_of(text) is done


def test_progress_sentences_name_their_project_and_ignore_goals():
    document = _read(
        [
            f"{PROJECT}：新建中水回用管网12公里，由临江水务有限公司负责实施，完成投资1200万元，"
            "目前仍在建设中，按期建成投运，支撑资源循环利用相关指标达标。",
            "临江固废资源化利用中心：新建一般工业固废分选线，完成投资3000万元，目前已完成，按期建成投运。",
            "园区计划于2025年建成投运智慧监管平台。",
        ]
    )
    progress = {(p.project, p.done) for p in extract_progress(document)}
    assert progress == {(PROJECT, False), ("临江固废资源化利用中心", True)}


def test_values_in_prose_with_year_role_and_canonical_unit():
    document = _read(
        [
            "截至2023年，单位工业增加值综合能耗为0.45吨标煤/万元，工业固体废物综合利用率达到92.5%。",
            "单位工业增加值综合能耗：采用统计报表汇总与企业台账核查相结合的方式采集，按《标准》规定的计算方法核算，"
            "2023年现状值为450千克标煤/万元。",
            "单位工业增加值新鲜水耗基准值为8.1立方米/万元，目标值为7.0立方米/万元。",
            "《标准》要求单位工业增加值综合能耗不高于0.5吨标煤/万元。",
            "到2025年，园区单位工业增加值综合能耗由0.6吨标煤/万元下降到0.5吨标煤/万元。",
        ]
    )
    mentions = [(m.standard_id, m.value, m.unit, m.year, m.role) for m in extract_mentions(document)]
    energy = [m for m in mentions if m[2] == "吨标煤/万元"]
    assert [(value, year, role) for _, value, _, year, role in energy] == [(0.45, 2023, "value"), (0.45, 2023, "value")]
    assert any(m[1:] == (92.5, "%", 2023, "value") for m in mentions)
    assert any(m[1:] == (8.1, "立方米/万元", None, "baseline") for m in mentions)
    assert len(mentions) == 4  # neither the 《标准》 requirement nor “由…下降到…” is the park's value


def test_tallies_in_the_form_and_the_report():
    document = _read(
        [
            "园区按照《实施方案》选定的18项评价指标开展自评。",
            "《实施方案》共选定评价指标18项，其中必选指标12项，特色指标6项。",
            "6个支撑项目全部建成投运，累计完成投资5.23亿元。",
            "临江中水回用工程：完成投资1200万元，目前已完成。",
        ]
    )
    tallies = sorted((t.what, t.value) for t in extract_tallies(document))
    assert tallies == [("indicator_count", 18.0), ("indicator_count", 18.0), ("project_investment", 52300.0)]


def test_adjustment_dates_in_one_sentence_and_in_neighbouring_sentences():
    document = _read(
        [
            "2022年3月，因规划调整，原《实施方案》中的“临江中水回用工程”未能按原计划实施，相关建设内容调整为"
            "再生水厂扩建工程，园区管理委员会已于2022年12月5日将调整情况以书面形式向省级生态环境部门报告。",
            "因规划调整，2022年4月8日，园区管理机构研究决定将原《实施方案》中的“临江生态廊道建设工程”调整为"
            "园区集中式资源化利用设施扩容工程。园区管理委员会已于2022年6月20日将“临江生态廊道建设工程”的调整情况"
            "以书面形式向省级生态环境部门报告。",
            "2023年园区共开展执法检查12次。园区管理委员会于2023年5月10日以书面形式报告了年度工作情况。",
        ]
    )
    dates = extract_dates(document)
    made = [f for f in dates if f.kind == "adjustment_made"]
    reported = [f for f in dates if f.kind == "adjustment_reported"]
    assert [f.day for f in made] == [date(2022, 3, 1), date(2022, 4, 8)]
    assert [f.day for f in reported] == [date(2022, 12, 5), date(2022, 6, 20), date(2023, 5, 10)]
    pairs = [(m.day, r.day) for r in reported for m in made if r.quote.text in m.quote.text]
    assert pairs == [(date(2022, 3, 1), date(2022, 12, 5)), (date(2022, 4, 8), date(2022, 6, 20))]


def test_adjustment_paragraph_cut_by_a_pdf_page_break_keeps_its_two_dates_paired():
    """The PDF reader gives a paragraph cut at the foot of page 16 as two blocks; read as one, the
    adjustment made in 2023年1月 stays tied to its written report of 2023年12月9日 (第十四条)."""
    blocks = (
        TextBlock(
            "2023年1月，因规划调整，原《实施方案》中的“临江中水回用工程”未能按原计划实施，相关建设内容调整为园区集", 16
        ),
        TextBlock(
            "中式资源化利用设施扩容工程，园区管理委员会已于2023年12月9日将调整情况以书面形式向省级生态环境部门报告。",
            17,
        ),
        TextBlock("四、指标完成情况", 17),
    )
    raw = RawDocument(file="验收报告.pdf", sha256="", format="pdf", pages=17, blocks=blocks)
    dates = extract_dates(Document(file=raw.file, sha256="", kind=DocumentKind.ACCEPTANCE_REPORT, raw=raw))
    (made,) = [f for f in dates if f.kind == "adjustment_made"]
    (reported,) = [f for f in dates if f.kind == "adjustment_reported"]
    assert (made.day, reported.day) == (date(2023, 1, 1), date(2023, 12, 9))
    assert reported.quote.text in made.quote.text and PROJECT in made.quote.text


def test_a_short_line_at_a_page_foot_is_not_joined_to_the_next_page():
    """A cover's date or a letter's date line ends a page without a full stop, yet is no cut paragraph:
    joining it to the next page's title would give the title a date (a 跟踪评价 dated 2014)."""
    blocks = (
        TextBlock("2014年3月5日", 1),
        TextBlock("关于临江经济开发区规划环境影响跟踪评价报告书的意见", 2),
    )
    raw = RawDocument(file="规划环评审查意见.pdf", sha256="", format="pdf", pages=2, blocks=blocks)
    document = Document(file=raw.file, sha256="", kind=DocumentKind.PLAN_EIA_PROOF, raw=raw)
    assert [p.text for p in across_page_breaks(passages(document))] == [b.text for b in blocks]
