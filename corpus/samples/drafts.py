"""A park's documents as contents before rendering: which documents each package holds and what
each says. Defects change these; renderers only render them. Never imports `extractors`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from corpus.samples.draw import practice_passage
from corpus.samples.model import FormContent, Identity, Park, PlanContent, ReportContent

APPLICATION_DOCUMENTS = {
    "application_letter": "创建申请",
    "implementation_plan": "实施方案",
    "compliance_certificate": "环境守法证明",
    "plan_eia_proof": "规划环评审查意见",
    "filing_form": "创建备案表",
}
ACCEPTANCE_DOCUMENTS = {
    "acceptance_letter": "验收申请",
    "acceptance_report": "验收报告",
    "acceptance_form": "验收申请表",
    "data_support": "数据支撑材料",
}
_ZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]|[A-Za-z0-9]+")


def count_zi(text: str) -> int:
    """字 as the contract counts them (an independent copy: the generator may not use the reader's)."""
    return len(_ZI.findall(text))


@dataclass
class Drafts:
    """Everything the park's two packages will say, and which documents they include."""

    park: Park
    plan: PlanContent
    report: ReportContent
    filing: FormContent
    acceptance_form: FormContent
    acceptance_identity: Identity  # what the acceptance letter and data support call the park
    application: dict[str, str] = field(default_factory=lambda: dict(APPLICATION_DOCUMENTS))
    acceptance: dict[str, str] = field(default_factory=lambda: dict(ACCEPTANCE_DOCUMENTS))


_FILING_SENTENCES = (
    "{name}位于{city}，规划面积{area}平方公里，主导产业为{industries}。",
    "园区以减污降碳协同增效为主线，统筹推进产业结构调整、资源能源节约和污染防治，具备较好的创建基础。",
    "创建工作以{baseline}年为基准年，依据《标准》确定了必选指标和特色指标，编制了目标指标表。",
    "重点任务涵盖培育发展绿色生产力、减污降碳协同、主导行业生态体系构建、资源循环利用和环境风险防控等方面。",
    "园区谋划了{n_projects}个支撑项目，总投资{total}万元，覆盖污水处理、固废资源化、清洁能源和智慧监管等领域。",
    "通过创建，园区将形成上下游衔接的生态工业链网，主要资源产出率和资源循环利用水平显著提升。",
    "园区管理机构成立了由主要负责同志任组长的创建工作领导小组，建立了定期调度和考核评估机制。",
)
_INDICATOR_SENTENCES = (
    "园区按照《实施方案》选定的{n}项评价指标开展自评。",
    "截至{year}年，单位工业增加值综合能耗为{energy}吨标煤/万元，工业固体废物综合利用率达到{waste}%。",
    "各项必选指标和特色指标总体达到《标准》要求，指标数据均来源于统计部门和重点企业报表。",
)
_HIGHLIGHT_SENTENCES = (
    "园区坚持规划引领，围绕{industries}构建生态工业链网，形成了企业间物料、能源和副产物的梯级利用体系。",
    "建成智慧环保监管平台，实现重点排污单位在线监测全覆盖和环境风险的全过程监管。",
    "推行环保管家服务和企业环境信用评价，建立生态环境问题发现、交办、整改和销号的闭环机制。",
    "持续开展生态工业主题宣传活动，营造全社会共同参与生态工业园区建设的良好氛围。",
)
_PADDING = (
    "园区还组织企业开展清洁生产审核和节能诊断，推动重点行业实施超低排放和节水改造，",
    "并通过绿色金融、专项资金和政策奖励引导企业加大环保投入，形成了政府引导、企业主体、社会参与的工作格局。",
)


def _fill(templates: tuple[str, ...], facts: dict[str, object]) -> str:
    return "".join(t.format(**facts) for t in templates)


def long_text(templates: tuple[str, ...], facts: dict[str, object], *, at_least: int, at_most: int) -> str:
    """Form prose of a length between the bounds (in 字): the base text, padded with real sentences."""
    text = _fill(templates, facts)
    while count_zi(text) < at_least:
        text += "".join(_PADDING)
    while count_zi(text) > at_most and "。" in text[:-1]:
        text = text[: text[:-1].rfind("。") + 1]
    return text


def facts_of(park: Park) -> dict[str, object]:
    """The values form prose quotes."""
    by_name = {i.name: i for i in park.indicators}
    return {
        "name": park.identity.name,
        "city": park.city,
        "area": park.identity.area_km2,
        "industries": "、".join(park.industries),
        "baseline": park.baseline_year,
        "n_projects": len(park.projects),
        "total": f"{sum(p.investment_wan for p in park.projects):.0f}",
        "n": len(park.indicators),
        "year": park.acceptance_date.year - 1,
        "energy": by_name["单位工业增加值综合能耗"].achieved,
        "waste": by_name["工业固体废物综合利用率"].achieved,
    }


def draft(park: Park) -> Drafts:
    """The clean contents of every document of both packages."""
    facts = facts_of(park)
    # One object for the whole acceptance package: a change of name, body or area shows in all of it.
    report_identity = copy.deepcopy(park.identity)
    report = ReportContent(
        identity=report_identity,
        evaluation_start=park.baseline_year,
        evaluation_end=park.acceptance_date.year - 1,
        approval_date=park.approval_date,
        indicators=copy.deepcopy(park.indicators),
        projects=copy.deepcopy(park.projects),
        copied_passage=practice_passage(park),
    )
    return Drafts(
        park=park,
        plan=PlanContent(
            identity=copy.deepcopy(park.identity),
            baseline_year=park.baseline_year,
            target_year=park.approval_date.year + 2,
            indicators=copy.deepcopy(park.indicators),
            projects=copy.deepcopy(park.projects),
            tasks=copy.deepcopy(park.tasks),
        ),
        report=report,
        filing=FormContent(
            identity=copy.deepcopy(park.identity),
            date=park.approval_date + timedelta(days=20),
            approval_date=None,
            long_fields={"filing.content": long_text(_FILING_SENTENCES, facts, at_least=420, at_most=980)},
        ),
        acceptance_form=FormContent(
            identity=report_identity,
            date=park.acceptance_date,
            approval_date=park.approval_date,
            long_fields={
                "acceptance.indicators": long_text(_INDICATOR_SENTENCES, facts, at_least=120, at_most=480),
                "acceptance.highlights": long_text(_HIGHLIGHT_SENTENCES, facts, at_least=200, at_most=480),
            },
        ),
        acceptance_identity=report_identity,
    )


def follow_report(drafts: Drafts) -> None:
    """Write the 验收申请表's figures from the report as the defects left it (the form summarises the
    report, 附件4): indicator count and values, projects and investment, unless a defect set the form
    apart (`overrides`) or over its word limit (`over_limit`).
    """
    report, form = drafts.report, drafts.acceptance_form
    by_name = {i.name: i for i in report.indicators}
    facts = facts_of(drafts.park)
    facts.update(n=len(report.indicators), year=report.evaluation_end, n_projects=len(report.projects))
    for key, name in (("energy", "单位工业增加值综合能耗"), ("waste", "工业固体废物综合利用率")):
        if name in by_name:
            facts[key] = by_name[name].achieved
    total = report.project_total_wan
    facts["total"] = total if total is not None else round(sum(p.investment_wan for p in report.projects), 2)
    facts.update(form.overrides)
    for field_id, templates, at_least in (
        ("acceptance.indicators", _INDICATOR_SENTENCES, 120),
        ("acceptance.highlights", _HIGHLIGHT_SENTENCES, 200),
    ):
        if field_id in form.over_limit:
            form.long_fields[field_id] = over_limit_text(field_id, facts, 500)
        else:
            form.long_fields[field_id] = long_text(templates, facts, at_least=at_least, at_most=480)
    form.long_fields["acceptance.projects_status"] = (
        f"{facts['n_projects']}个支撑项目全部建成投运，累计完成投资{facts['total'] / 10000:.2f}亿元。"
    )


def over_limit_text(templates_key: str, facts: dict[str, object], limit: int) -> str:
    """A form field written 10–40 % over its limit, as parks do when they paste from the report."""
    templates = {
        "filing.content": _FILING_SENTENCES,
        "acceptance.indicators": _INDICATOR_SENTENCES,
        "acceptance.highlights": _HIGHLIGHT_SENTENCES,
    }[templates_key]
    text = _fill(templates, facts)
    while count_zi(text) <= limit * 1.1:
        text += "".join(_PADDING) + _fill(templates, facts)
    return text


def shifted(day: date, days: int) -> date:
    """A date moved by a number of days."""
    return day + timedelta(days=days)
