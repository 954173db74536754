"""Seeded defects of consistency within the acceptance package: an indicator added to the plan's, a
project whose period changed or whose status contradicts itself, a 验收申请表 that disagrees with the
report, an adjustment reported after six months, an indicator given two values in one report; and
the distractors a review must not report (an addition explained, an adjustment reported in time).
Never imports `extractors`.
"""

from __future__ import annotations

from corpus.samples.drafts import shifted
from corpus.samples.draw import extra_indicator
from corpus.samples.model import Adjustment, Project
from corpus.samples.seeding import ACCEPTANCE, DefectContext, Seeded, seed

# Indicators the generator writes exactly as HJ 274-2015 names them, with a unit: a sentence about
# them can be told apart from any other (its own copy of that knowledge).
NAMED = (
    "单位工业增加值综合能耗",
    "单位工业增加值新鲜水耗",
    "工业固体废物综合利用率",
    "工业用水重复利用率",
    "人均工业增加值",
    "高新技术企业工业总产值占园区工业总产值比例",
    "单位工业用地面积工业增加值",
    "资源再生利用产业增加值占园区工业增加值比例",
)
_FORM_INDICATORS = {"energy": "单位工业增加值综合能耗", "waste": "工业固体废物综合利用率"}


def _added(ctx: DefectContext, explained: bool) -> str | None:
    report = ctx.drafts.report
    extra = extra_indicator(ctx.rng, {i.name for i in report.indicators} | {i.name for i in ctx.drafts.plan.indicators})
    if extra is None:
        return None
    report.indicators.append(extra)
    if explained:
        report.explained_additions.append(extra.name)
    return extra.name


def indicator_added(ctx: DefectContext, name: str) -> list[Seeded]:
    added = _added(ctx, explained=False)
    return [seed(ACCEPTANCE, "consistency.indicator_added", "acceptance_report", added, name)] if added else []


def indicator_added_explained(ctx: DefectContext, name: str) -> list[Seeded]:
    """Distractor: the report adds an indicator and says why: nothing to find."""
    _added(ctx, explained=True)
    return []


def project_period_changed(ctx: DefectContext, name: str) -> list[Seeded]:
    victim = ctx.spare_project()
    if ctx.rng.random() < 0.5:
        victim.end += 1
    else:
        victim.start -= 1
    return [seed(ACCEPTANCE, "consistency.project_changed", "acceptance_report", victim.name, name)]


def project_status_conflict(ctx: DefectContext, name: str) -> list[Seeded]:
    victim = ctx.spare_project()
    ctx.drafts.report.progress_in_text[victim.name] = ctx.rng.choice(("仍在建设中", "在建，尚未完成", "尚未建成投运"))
    return [seed(ACCEPTANCE, "consistency.project_status_conflict", "acceptance_report", victim.name, name)]


def form_conflict(ctx: DefectContext, name: str) -> list[Seeded]:
    report, form = ctx.drafts.report, ctx.drafts.acceptance_form
    present = {i.name: i for i in report.indicators}
    options = [key for key, indicator in _FORM_INDICATORS.items() if indicator in present]
    options += ["n", "total"]
    key = ctx.rng.choice(options)
    if key == "n":
        form.overrides["n"] = len(report.indicators) + ctx.rng.choice((-2, -1, 1, 2))
        return [seed(ACCEPTANCE, "consistency.application_form_conflict", "acceptance_form", "indicator_count", name)]
    if key == "total":
        total = report.project_total_wan or sum(p.investment_wan for p in report.projects)
        form.overrides["total"] = round(total * ctx.rng.choice((0.8, 0.85, 1.15, 1.25)), -2)
        return [
            seed(ACCEPTANCE, "consistency.application_form_conflict", "acceptance_form", "project_investment", name)
        ]
    indicator = present[_FORM_INDICATORS[key]]
    factor = ctx.rng.choice((0.9, 0.94)) if indicator.unit == "%" else ctx.rng.choice((0.85, 1.15))
    form.overrides[key] = round(indicator.achieved * factor, 2 if indicator.achieved < 2 else 1)
    return [seed(ACCEPTANCE, "consistency.application_form_conflict", "acceptance_form", indicator.name, name)]


def value_conflict(ctx: DefectContext, name: str) -> list[Seeded]:
    report = ctx.drafts.report
    victim = ctx.rng.choice([i for i in report.indicators if i.name in NAMED])
    factor = ctx.rng.choice((0.9, 0.95)) if victim.unit == "%" else ctx.rng.choice((0.8, 0.9, 1.1, 1.2))
    report.values_in_text[victim.name] = round(victim.achieved * factor, 2 if victim.achieved < 2 else 1)
    return [seed(ACCEPTANCE, "integrity.indicator_conflict", "acceptance_report", victim.name, name)]


def _adjust(ctx: DefectContext, late: bool) -> Project:
    """Drop a project from the report and explain it, reported in time or more than six months late."""
    report = ctx.drafts.report
    victim = ctx.spare_project()
    report.projects.remove(victim)
    made = shifted(ctx.drafts.park.approval_date, ctx.rng.randint(90, 200))
    after = ctx.rng.randint(230, 330) if late else ctx.rng.randint(15, 150)
    report.adjusted_projects.append(Adjustment(victim.name, made, shifted(made, after), ctx.rng.random() < 0.5))
    return victim


def project_adjusted_disclosed(ctx: DefectContext, name: str) -> list[Seeded]:
    """Distractor: a project replaced and explained, with a timely written report: nothing to find."""
    _adjust(ctx, late=False)
    return []


def adjustment_reported_late(ctx: DefectContext, name: str) -> list[Seeded]:
    victim = _adjust(ctx, late=True)
    return [seed(ACCEPTANCE, "change.reported_late", "acceptance_report", victim.name, name)]
