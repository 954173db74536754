"""The 《标准》, arithmetic and economic-timeline checks on realistic documents: generated parks with
those defects seeded, converted to PDF by LibreOffice and reviewed from the PDFs (the DOCX path is
tests/test_review_corpus.py), plus the sentences and tables the facts are read from, each with the
near miss that must not be taken (人均工业增加值 is not 工业增加值; 按可比价 growth is not recomputed).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from checks.arithmetic import growth_mismatch
from checks.arithmetic.rate_mismatch import wrong
from checks.model import CheckContext, Severity, Submission
from checks.standard import choice_unmet, mandatory_missing, unit_mismatch
from checks.timeline import economic_years
from corpus.samples.draw import draw_park
from corpus.samples.generate import write_park
from corpus.samples.writer import convert_to_pdf
from extractors.facts.catalogue import load_standard, match_indicator
from extractors.facts.economy import extract_economy
from extractors.facts.model import EconomyFact, Facts, GrowthFact, IndicatorFact, Quote
from extractors.facts.ratios import extract_ratios
from extractors.model import Document, DocumentKind, RawDocument, Table, TableCell, TextBlock
from service.review import review_paths

SEED = 57
RULES = {
    "standard.mandatory_missing",
    "standard.choice_unmet",
    "standard.unit_mismatch",
    "arithmetic.rate_mismatch",
    "arithmetic.growth_mismatch",
    "timeline.economic_years",
}


def _keys(findings) -> Counter:
    return Counter((f["rule"], "".join(f["subject"].split())) for f in findings)


@pytest.fixture(scope="module")
def pdf_parks(tmp_path_factory) -> list[Path]:
    """Two parks with every new rule's defect between them, as PDF."""
    out = tmp_path_factory.mktemp("standard")
    parks = [draw_park(random.Random(f"{SEED}:{i}"), i) for i in range(2)]
    seeded = (
        ["mandatory_missing", "unit_mismatch", "rate_mismatch", "growth_mismatch"],
        ["choice_unmet", "economic_years_short"],
    )
    folders = []
    for park, defects in zip(parks, seeded, strict=True):
        written = write_park(out, SEED, park, [], defects=defects)
        for part in ("application", "acceptance"):
            convert_to_pdf(sorted((written.folder / part).glob("*.docx")), written.folder / part, timeout=600)
        folders.append(written.folder)
    return folders


def test_pdf_review_reports_exactly_the_seeded_findings(pdf_parks):
    seen: set[str] = set()
    for folder in pdf_parks:
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        for package in truth["packages"]:
            result = review_paths([folder / name for name in package["files"]], today=date(2026, 11, 23))
            found = [{"rule": f.rule, "subject": f.subject} for f in result.findings]
            assert _keys(found) == _keys(package["findings"]), (folder.name, package["stage"])
            seen |= {f["rule"] for f in package["findings"]}
            for finding in result.findings:
                if finding.rule in RULES:
                    assert finding.basis.startswith("管理办法") and finding.message.endswith("）")
                    assert all(e.page and e.quote for e in finding.evidence), finding
    assert seen >= RULES


# -- the facts behind the checks --------------------------------------------------------------------


def _document(*blocks, kind=DocumentKind.ACCEPTANCE_REPORT) -> Document:
    raw = RawDocument("报告.pdf", "0" * 64, "pdf", 5, tuple(blocks))
    return Document(file="报告.pdf", sha256="0" * 64, kind=kind, pages=5, raw=raw)


def _table(rows: list[list[str]], page: int = 4) -> Table:
    cells = tuple(TableCell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row))
    return Table(cells, len(rows), len(rows[0]), page=page)


def test_economy_reads_lists_tables_and_growth_but_not_lookalikes():
    document = _document(
        TextBlock(
            "2021—2023年，园区地区生产总值分别为412.6亿元、440.3亿元、476.0亿元，"
            "工业总产值分别为1150亿元、1230亿元、1320亿元。",
            page=3,
        ),
        _table([["指标", "2021年", "2022年", "2023年"], ["工业增加值（亿元）", "290.1", "310.4", "335.2"]]),
        TextBlock("2023年，园区实现工业增加值335.2亿元，同比增长8.0%；人均工业增加值为28.7万元/人。", page=4),
        TextBlock("按可比价计算，2023年园区工业增加值335.2亿元，同比增长6.1%。", page=4),
    )
    values, growth = extract_economy(document)
    years = {(v.measure, v.year) for v in values}
    assert {("地区生产总值", 2021), ("工业总产值", 2023), ("工业增加值", 2022)} <= years
    assert all(v.value_wan > 1000 for v in values)  # 28.7 万元/人 is 人均, not 工业增加值
    assert [(g.measure, g.start, g.end, g.rate) for g in growth] == [("工业增加值", 2022, 2023, 8.0)]


def test_ratios_pair_columns_by_the_formula_and_keep_the_rounding():
    document = _document(
        TextBlock("表2-3 工业用水重复利用率原始数据", page=6),
        _table(
            [
                ["年份", "工业用水重复利用量（万立方米）", "工业用水总量（万立方米）", "指标值（%）"],
                ["2022", "1702.35", "2000.00", "85.1"],
                ["2023", "1790.00", "2000.00", "85.3"],
            ],
            page=6,
        ),
        TextBlock("数据来源：园区供水企业售水台账。", page=6),
        TextBlock("计算方法：工业用水重复利用率 = 工业用水重复利用量 ÷ 工业用水总量 × 100%。", page=6),
        kind=DocumentKind.DATA_SUPPORT,
    )
    facts = extract_ratios(document)
    assert [(f.name, f.year, round(f.computed, 2), f.stated) for f in facts] == [
        ("工业用水重复利用率", 2022, 85.12, 85.1),
        ("工业用水重复利用率", 2023, 89.5, 85.3),
    ]
    assert [wrong(f) for f in facts] == [False, True]


# -- the checks on typed facts: each fires on its defect, not on the near miss ------------------------

CONTEXT = CheckContext(today=date(2024, 10, 8))
Q = Quote(12, "表2-1 目标指标表")


def _with_facts(kind: DocumentKind, facts: Facts) -> Submission:
    return Submission(documents=(replace(_document(kind=kind), facts=facts),))


def _plan_indicator(name: str, unit: str | None = None) -> IndicatorFact:
    known = match_indicator(name)
    return IndicatorFact(name, known.id if known else None, unit, unit, target=1.0, quote=Q)


def _full_plan(drop: set[str] = frozenset(), units: dict[str, str] | None = None) -> Submission:
    standard = load_standard()
    chosen = [i for i in standard.indicators if i.mandatory] + [standard.members(g.id)[0] for g in standard.groups]
    facts = [_plan_indicator(i.name, (units or {}).get(i.name, i.unit or None)) for i in chosen if i.name not in drop]
    return _with_facts(DocumentKind.IMPLEMENTATION_PLAN, Facts(indicators=tuple(facts)))


def _run(check, submission: Submission) -> list:
    return list(check.run(submission, CONTEXT))


def test_a_plan_covering_the_standard_gives_no_selection_or_unit_finding():
    plan = _full_plan(units={"单位工业增加值综合能耗": "千克标煤/万元", "生态工业主题宣传活动": "次"})
    assert _run(mandatory_missing.CHECK, plan) == _run(choice_unmet.CHECK, plan) == []
    plan = _full_plan(units={"单位工业增加值综合能耗": "吨标煤/万元", "生态工业主题宣传活动": "次"})
    assert _run(unit_mismatch.CHECK, plan) == []


def test_a_missing_mandatory_indicator_is_major_and_an_unverified_one_only_advisory():
    found = _run(mandatory_missing.CHECK, _full_plan(drop={"生态工业信息平台完善度", "工业用水重复利用率"}))
    assert {(f.subject, f.severity) for f in found} == {
        ("生态工业信息平台完善度", Severity.MAJOR),
        ("工业用水重复利用率", Severity.INFO),  # to_verify in the catalogue
    }
    assert all(f.evidence[0].page == 12 and "必选指标" in f.message for f in found)


def test_a_group_without_a_selected_member_is_reported_by_its_members():
    found = _run(choice_unmet.CHECK, _full_plan(drop={"单位工业增加值新鲜水耗"}))
    assert [(f.subject, f.severity) for f in found] == [("单位工业增加值新鲜水耗、新鲜水耗弹性系数", Severity.MAJOR)]
    assert "至少选择1项" in found[0].message


def test_a_unit_of_another_quantity_is_reported():
    found = _run(unit_mismatch.CHECK, _full_plan(units={"单位工业增加值综合能耗": "吨标煤"}))
    assert [f.subject for f in found] == ["单位工业增加值综合能耗"]
    assert "吨标煤/万元" in found[0].message


def test_growth_is_recomputed_only_where_one_series_exists():
    amounts = (EconomyFact("工业增加值", 2021, 2_900_000, Q), EconomyFact("工业增加值", 2023, 3_352_000, Q))
    right = GrowthFact("工业增加值", 2021, 2023, 7.5, "7.5", Q)  # (335.2/290)^(1/2) − 1 = 7.51%
    wrong = GrowthFact("工业增加值", 2021, 2023, 9.8, "9.8", Q)
    ok = _with_facts(DocumentKind.ACCEPTANCE_REPORT, Facts(economy=amounts, growth=(right,)))
    bad = _with_facts(DocumentKind.ACCEPTANCE_REPORT, Facts(economy=amounts, growth=(wrong,)))
    two_series = _with_facts(
        DocumentKind.ACCEPTANCE_REPORT,
        Facts(economy=(*amounts, EconomyFact("工业增加值", 2023, 2_100_000, Q)), growth=(wrong,)),
    )
    assert _run(growth_mismatch.CHECK, ok) == _run(growth_mismatch.CHECK, two_series) == []
    assert [f.subject for f in _run(growth_mismatch.CHECK, bad)] == ["工业增加值"]


def test_economic_data_must_cover_the_latest_three_years():
    def report(*years: int) -> Submission:
        facts = tuple(EconomyFact("工业总产值", y, 1_000_000.0, Q) for y in years)
        return _with_facts(DocumentKind.ACCEPTANCE_REPORT, Facts(economy=facts))

    assert _run(economic_years.CHECK, report(2021, 2022, 2023)) == []
    assert _run(economic_years.CHECK, report()) == []
    found = _run(economic_years.CHECK, report(2022, 2023))
    assert [f.subject for f in found] == ["economic_years"] and "缺2021年" in found[0].message
