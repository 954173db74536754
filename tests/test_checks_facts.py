"""The fact-based checks on small typed packages: each rule fires on its defect and stays quiet on the
clean package and on the near-miss that must not be reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from checks import REGISTRY, run_checks
from checks.model import CheckContext, Stage
from checks.submission import build_submission
from extractors.facts.model import (
    DateFact,
    Facts,
    IdentityFact,
    IndicatorFact,
    ProjectFact,
    Quote,
    StatementFact,
    TallyFact,
)
from extractors.model import Document, DocumentKind, RawDocument, TextBlock

CONTEXT = CheckContext(today=date(2024, 10, 8))
Q = Quote(3, "……")


def _doc(kind: DocumentKind, name: str, facts: Facts, text: tuple[str, ...] = ("正文。",)) -> Document:
    raw = RawDocument(name, "0" * 64, "pdf", 10, tuple(TextBlock(t, page=2) for t in text))
    return Document(file=name, sha256="0" * 64, kind=kind, pages=10, raw=raw, facts=facts)


def _indicator(name: str, target: float, value: float | None = None) -> IndicatorFact:
    return IndicatorFact(name, None, "%", "%", baseline=80.0, baseline_year=2020, target=target, value=value, quote=Q)


def _project(name: str) -> ProjectFact:
    return ProjectFact(name, investment_wan=1000.0, quote=Q)


def _identity(name="临江经济开发区", body="临江经济开发区管理委员会", area=32.5) -> tuple[IdentityFact, ...]:
    return (
        IdentityFact("park_name", name, quote=Q),
        IdentityFact("managing_body", body, quote=Q),
        IdentityFact("area_km2", f"{area}平方公里", number=area, quote=Q),
    )


PLAN = Facts(
    indicators=(_indicator("工业用水重复利用率", 92), _indicator("工业固体废物综合利用率", 90)),
    projects=(_project("园区污水处理厂提标改造工程"), _project("分布式光伏示范项目")),
    dates=(DateFact("baseline_year", year=2020, quote=Q),),
    identity=_identity(),
)
REPORT = Facts(
    indicators=(_indicator("工业用水重复利用率", 92, 92.6), _indicator("工业固体废物综合利用率", 90, 91.2)),
    projects=(_project("园区污水处理厂提标改造工程"), _project("分布式光伏示范项目")),
    dates=(DateFact("evaluation_start", year=2020, quote=Q), DateFact("evaluation_end", year=2023, quote=Q)),
    identity=_identity(),
)
FORM = Facts(
    dates=(
        DateFact("approval", day=date(2021, 6, 15), quote=Q),
        DateFact("application", day=date(2024, 3, 28), quote=Q),
    ),
    identity=_identity(),
)


def _package(plan=PLAN, report=REPORT, form=FORM, report_text=("正文。",), extra=()) -> list[Document]:
    return [
        _doc(DocumentKind.IMPLEMENTATION_PLAN, "实施方案.pdf", plan),
        _doc(DocumentKind.ACCEPTANCE_REPORT, "验收报告.pdf", report, report_text),
        _doc(DocumentKind.ACCEPTANCE_FORM, "验收申请表.pdf", form),
        _doc(DocumentKind.ACCEPTANCE_LETTER, "验收申请.pdf", Facts()),
        _doc(DocumentKind.DATA_SUPPORT, "数据支撑材料.pdf", Facts()),
        *extra,
    ]


# The completeness rules read the documents' text and tables, which these typed packages leave out
# on purpose (tests/test_checks_completeness.py covers them on real documents).
FACT_CHECKS = tuple(check for check in REGISTRY if not check.id.startswith("completeness."))


def _found(documents) -> set[tuple[str, str]]:
    return {(f.rule, f.subject) for f in run_checks(build_submission(documents), CONTEXT, FACT_CHECKS)}


def test_a_clean_package_has_no_finding():
    assert _found(_package()) == set()


DROPPED_INDICATOR = replace(REPORT, indicators=REPORT.indicators[:1])
CHANGED_TARGET = replace(REPORT, indicators=(_indicator("工业用水重复利用率", 95, 96), REPORT.indicators[1]))
DROPPED_PROJECT = replace(REPORT, projects=REPORT.projects[:1])
LATE_START = replace(REPORT, dates=(DateFact("evaluation_start", year=2021, quote=Q),))
RENAMED = replace(FORM, identity=_identity(name="临江高新技术产业开发区", body="临江高新技术产业开发区管理委员会"))
NEW_BODY = replace(FORM, identity=_identity(body="临江经济开发区发展服务中心"))
LARGER = replace(FORM, identity=_identity(area=40.2))


@pytest.mark.parametrize(
    ("package", "expected"),
    [
        (
            _package(report=DROPPED_INDICATOR),
            {("consistency.indicator_dropped", "工业固体废物综合利用率"), ("change.undisclosed", "indicators")},
        ),
        (_package(report=CHANGED_TARGET), {("consistency.target_changed", "工业用水重复利用率")}),
        (
            _package(report=DROPPED_PROJECT),
            {("consistency.project_dropped", "分布式光伏示范项目"), ("change.undisclosed", "projects")},
        ),
        (_package(report=LATE_START), {("consistency.baseline_year_mismatch", "baseline_year")}),
        # the 管理委员会 renamed with its park is one change, not two
        (_package(form=RENAMED), {("change.undisclosed", "park_name")}),
        (_package(form=NEW_BODY), {("change.undisclosed", "managing_body")}),
        (_package(form=LARGER), {("change.undisclosed", "scope")}),
    ],
    ids=["indicator", "target", "project", "baseline", "renamed", "body", "area"],
)
def test_cross_document_rules_fire_on_their_defect(package, expected):
    assert _found(package) == expected


def test_an_adjustment_explained_and_reported_in_writing_is_not_a_finding():
    text = ("因用地规划调整，分布式光伏示范项目已调整为屋顶光伏二期，已于2023年3月向省生态环境厅书面报告。",)
    assert _found(_package(report=DROPPED_PROJECT, report_text=text)) == set()


def test_an_adjustment_explained_but_not_reported_is_undisclosed():
    text = ("因用地规划调整，分布式光伏示范项目已调整为屋顶光伏二期。",)
    assert _found(_package(report=DROPPED_PROJECT, report_text=text)) == {("change.undisclosed", "projects")}


def test_a_change_report_discloses_the_change():
    change = _doc(DocumentKind.CHANGE_REPORT, "调整报告.pdf", Facts())
    assert _found(_package(form=RENAMED, extra=(change,))) == set()


@pytest.mark.parametrize(
    ("approval", "application", "text", "expected"),
    [
        (date(2021, 6, 15), date(2023, 6, 14), "正文。", {("timeline.creation_period", "too_short")}),
        (date(2021, 6, 15), date(2023, 6, 15), "正文。", set()),
        (date(2021, 6, 15), date(2024, 6, 15), "正文。", set()),
        (date(2021, 6, 15), date(2024, 6, 16), "正文。", {("timeline.creation_period", "too_long")}),
        (date(2021, 6, 15), date(2025, 3, 1), "经省生态环境厅同意延期一年。", set()),
        (
            date(2021, 6, 15),
            date(2025, 7, 1),
            "经省生态环境厅同意延期一年。",
            {("timeline.creation_period", "too_long")},
        ),
    ],
)
def test_creation_period(approval, application, text, expected):
    form = Facts(
        dates=(DateFact("approval", day=approval, quote=Q), DateFact("application", day=application, quote=Q)),
        identity=_identity(),
    )
    assert _found(_package(form=form, report_text=(text,))) == expected


def _application(eia_review: date, followup: date | None, missing: DocumentKind | None = None) -> list[Document]:
    dates = [DateFact("eia_review", day=eia_review, quote=Q)]
    if followup:
        dates.append(DateFact("eia_followup", day=followup, quote=Q))
    documents = [
        _doc(
            DocumentKind.APPLICATION_LETTER,
            "创建申请.pdf",
            Facts(dates=(DateFact("document_date", day=date(2022, 5, 26), quote=Q),)),
        ),
        _doc(DocumentKind.IMPLEMENTATION_PLAN, "实施方案.pdf", PLAN),
        _doc(DocumentKind.COMPLIANCE_CERTIFICATE, "环境守法证明.pdf", Facts()),
        _doc(DocumentKind.PLAN_EIA_PROOF, "规划环评审查意见.pdf", Facts(dates=tuple(dates))),
    ]
    return [d for d in documents if d.kind != missing]


@pytest.mark.parametrize(
    ("review", "followup", "expected"),
    [
        (date(2018, 1, 10), None, set()),
        (date(2017, 5, 26), None, set()),  # exactly five years
        (date(2016, 11, 2), None, {("timeline.eia_outdated", "plan_eia")}),
        (date(2016, 11, 2), date(2021, 8, 1), set()),  # the 跟踪评价 is supplied
    ],
)
def test_eia_outdated(review, followup, expected):
    assert _found(_application(review, followup)) == expected


def test_missing_documents_for_the_stage():
    documents = _application(date(2018, 1, 10), None, missing=DocumentKind.COMPLIANCE_CERTIFICATE)
    assert build_submission(documents).stage == Stage.APPLICATION
    assert _found(documents) == {("package.missing_document", "compliance_certificate")}
    acceptance = [d for d in _package() if d.kind != DocumentKind.DATA_SUPPORT]
    assert _found(acceptance) == {("package.missing_document", "data_support")}


def _reported(name, value, requirement, *, unit="%", written="%", standard_id=None, claims_met=True):
    indicator = IndicatorFact(
        name,
        standard_id,
        unit,
        written,
        target=None,
        value=value,
        year=2023,
        requirement=requirement,
        claims_met=claims_met,
        quote=Q,
    )
    return replace(REPORT, indicators=(*REPORT.indicators, indicator))


@pytest.mark.parametrize(
    ("report", "fires"),
    [
        (_reported("工业用水重复利用率（补）", 89.0, "≥90"), True),
        (_reported("工业用水重复利用率（补）", 90.0, "≥90%"), False),
        (_reported("单位工业增加值综合能耗", 0.56, "≤500", unit="吨标煤/万元", written="千克标煤/万元"), True),
        (_reported("单位工业增加值综合能耗", 0.41, "≤500", unit="吨标煤/万元", written="千克标煤/万元"), False),
        # no requirement quoted: the catalogue's (HJ 274-2015: ≤0.5 吨标煤/万元)
        (
            _reported(
                "单位工业增加值综合能耗",
                0.52,
                "—",
                unit="吨标煤/万元",
                written="吨标煤/万元",
                standard_id="energy_intensity",
            ),
            True,
        ),
        (
            _reported(
                "单位工业增加值综合能耗",
                0.48,
                "—",
                unit="吨标煤/万元",
                written="tce/万元",
                standard_id="energy_intensity",
            ),
            False,
        ),
        (_reported("污水集中处理设施", None, "具备", unit="", written=""), False),
    ],
)
def test_standard_not_met(report, fires):
    found = {s for r, s in _found(_package(report=report)) if r == "standard.not_met"}
    assert bool(found) is fires


def test_a_claim_of_compliance_against_its_own_number_is_named():
    report = _reported("工业用水重复利用率（补）", 89.0, "≥90", claims_met=True)
    finding = next(
        f for f in run_checks(build_submission(_package(report=report)), CONTEXT) if f.rule == "standard.not_met"
    )
    assert "报告却称“达标”" in finding.message and "≥90%" in finding.message


def _economy(per_capita: float, claims_met: bool, high_tech: float | None) -> Facts:
    def fact(name, sid, value, unit, claim):
        return IndicatorFact(name, sid, unit, unit, value=value, year=2023, requirement="—", claims_met=claim, quote=Q)

    extra = [fact("人均工业增加值", "value_added_per_capita", per_capita, "万元/人", claims_met)]
    if high_tech is not None:
        extra.append(fact("高新技术企业工业总产值占园区工业总产值比例", "high_tech_output_share", high_tech, "%", True))
    return replace(REPORT, indicators=(*REPORT.indicators, *extra))


@pytest.mark.parametrize(
    ("report", "fires"),
    [
        (_economy(12.0, False, 35.0), False),  # 4项至少1项达标: the group is met by the other member
        (_economy(12.0, True, 35.0), True),  # …but a 达标 claim against its own number is still named
        (_economy(12.0, False, None), True),  # the only member reported misses: the group is not met
        (_economy(12.0, False, 25.0), True),
    ],
)
def test_a_choose_n_group_is_judged_as_a_group(report, fires):
    found = {s for r, s in _found(_package(report=report)) if r == "standard.not_met"}
    assert ("人均工业增加值" in found) is fires


def _with_baseline(value: float) -> Facts:
    first = replace(REPORT.indicators[0], baseline=value)
    return replace(REPORT, indicators=(first, *REPORT.indicators[1:]))


def _with_project(investment: float, owner: str | None) -> Facts:
    first = replace(REPORT.projects[0], investment_wan=investment, owner=owner)
    return replace(REPORT, projects=(first, *REPORT.projects[1:]))


@pytest.mark.parametrize(
    ("report", "text", "expected"),
    [
        (_with_baseline(80.0), "正文。", set()),
        (_with_baseline(78.5), "正文。", {("consistency.baseline_changed", "工业用水重复利用率")}),
        (_with_project(1000.0, None), "正文。", set()),
        (_with_project(1300.0, None), "正文。", {("consistency.project_changed", "园区污水处理厂提标改造工程")}),
        # the report explains the adjustment of that project
        (_with_project(1300.0, None), "园区污水处理厂提标改造工程因工艺调整，投资增加300万元。", set()),
    ],
)
def test_baseline_and_project_changes(report, text, expected):
    found = {(r, s) for r, s in _found(_package(report=report, report_text=(text,))) if r.endswith("_changed")}
    assert found == expected


def test_owner_change_is_named_once_per_attribute():
    plan = replace(PLAN, projects=(replace(PLAN.projects[0], owner="临江水务有限公司"), PLAN.projects[1]))
    report = _with_project(1000.0, "临江城投公司")
    findings = [
        f
        for f in run_checks(build_submission(_package(plan=plan, report=report)), CONTEXT)
        if f.rule == "consistency.project_changed"
    ]
    assert len(findings) == 1 and "实施主体" in findings[0].message


@pytest.mark.parametrize(
    ("period", "fires"),
    [("2019年5月至2022年5月", False), ("2020年5月至2022年5月", True), ("2018年至2020年", True)],
)
def test_compliance_certificate_covers_three_years_before_application(period, fires):
    documents = _application(date(2018, 1, 10), None)
    certificate = next(d for d in documents if d.kind == DocumentKind.COMPLIANCE_CERTIFICATE)
    statement = StatementFact("no_serious_incident", True, period, Q)
    documents[documents.index(certificate)] = replace(certificate, facts=Facts(statements=(statement,)))
    found = {r for r, _ in _found(documents)}
    assert ("timeline.certificate_period" in found) is fires


@pytest.mark.parametrize(
    ("form_count", "report_tallies", "fires"),
    [
        (2, (), False),  # the report evaluates the two indicators the form counts
        (3, (), True),  # the form counts one its report never evaluates
        (3, (TallyFact("indicator_count", 3.0, Q),), False),  # the report's own words say 3
        (2, (TallyFact("indicator_count", 3.0, Q),), True),
    ],
)
def test_the_form_count_of_indicators_against_the_report(form_count, report_tallies, fires):
    form = replace(FORM, tallies=(TallyFact("indicator_count", float(form_count), Q),))
    report = replace(REPORT, tallies=report_tallies)
    found = _found(_package(report=report, form=form))
    assert (("consistency.application_form_conflict", "indicator_count") in found) is fires
