"""Seeded defects: each changes a park's drafts the way real submissions go wrong and returns the
findings a correct review must report, in the contract's terms, with the packages they show in.

A defect inside the 实施方案 shows in both packages, because the acceptance review reads the
plan beside the report. Distractors change the documents in ways that must NOT be reported (an
adjustment disclosed in time, an old EIA with its follow-up evaluation). Never imports `extractors`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from corpus.samples import data_defects, standard_defects
from corpus.samples import defects_consistency as consistency
from corpus.samples.drafts import facts_of, over_limit_text, shifted
from corpus.samples.draw import park_name, practice_passage
from corpus.samples.plan_prose import MAP_BOUNDARY, MAP_CHAIN, PLAN_PROJECT_CAPTION, PROJECT_TABLE, TASK_TABLE
from corpus.samples.report_prose import REPORT_PROJECT_CAPTION
from corpus.samples.seeding import (
    ACCEPTANCE,
    APPLICATION,
    BOTH,
    GROUPS,
    DefectContext,
    DefectFn,
    Seeded,
    copy_source,
)
from corpus.samples.seeding import seed as _seed


def _standard_indicators(ctx: DefectContext, taken: set[str]) -> list[str]:
    return [i.name for i in ctx.drafts.report.indicators if i.standard and not i.state and i.name not in taken]


def plan_missing_section(ctx: DefectContext, name: str) -> list[Seeded]:
    section = ctx.rng.choice(("plan.1.2", "plan.2.1", "plan.5"))
    ctx.drafts.plan.omitted_sections.add(section)
    return [_seed(BOTH, "outline.missing_section", "implementation_plan", section, name)]


def report_missing_section(ctx: DefectContext, name: str) -> list[Seeded]:
    section = ctx.rng.choice(("report.1.2", "report.1.4", "report.5"))
    ctx.drafts.report.omitted_sections.add(section)
    return [_seed(ACCEPTANCE, "outline.missing_section", "acceptance_report", section, name)]


def filing_over_limit(ctx: DefectContext, name: str) -> list[Seeded]:
    ctx.drafts.filing.long_fields["filing.content"] = over_limit_text("filing.content", facts_of(ctx.drafts.park), 1000)
    return [_seed(APPLICATION, "wordcount.over_limit", "filing_form", "filing.content", name)]


def acceptance_over_limit(ctx: DefectContext, name: str) -> list[Seeded]:
    field = ctx.rng.choice(("acceptance.indicators", "acceptance.highlights"))
    ctx.drafts.acceptance_form.over_limit.add(field)  # written by drafts.follow_report
    return [_seed(ACCEPTANCE, "wordcount.over_limit", "acceptance_form", field, name)]


def application_missing_document(ctx: DefectContext, name: str) -> list[Seeded]:
    kind = ctx.rng.choice(("application_letter", "compliance_certificate", "plan_eia_proof"))
    del ctx.drafts.application[kind]
    return [_seed(APPLICATION, "package.missing_document", None, kind, name)]


def acceptance_missing_document(ctx: DefectContext, name: str) -> list[Seeded]:
    kind = ctx.rng.choice(("acceptance_letter", "data_support"))
    del ctx.drafts.acceptance[kind]
    return [_seed(ACCEPTANCE, "package.missing_document", None, kind, name)]


def indicator_dropped(ctx: DefectContext, name: str) -> list[Seeded]:
    report = ctx.drafts.report
    victim = ctx.rng.choice([i for i in report.indicators if not i.mandatory] or report.indicators)
    report.indicators.remove(victim)
    return [
        _seed(ACCEPTANCE, "consistency.indicator_dropped", "acceptance_report", victim.name, name),
        _seed(ACCEPTANCE, "change.undisclosed", "acceptance_report", "indicators", name),
    ]


def target_changed(ctx: DefectContext, name: str) -> list[Seeded]:
    victim = ctx.rng.choice([i for i in ctx.drafts.report.indicators if i.target and not i.state])
    factor = ctx.rng.choice((0.9, 1.1)) if victim.unit != "%" or victim.target < 90 else 0.95
    victim.target = round(victim.target * factor, 2 if victim.target < 2 else 1)
    style = ctx.drafts.park.style
    if "目标值" not in style.report_columns:  # a changed target must be visible: this report states targets
        style.report_columns = (*style.report_columns[:4], "目标值", *style.report_columns[4:])
    return [_seed(ACCEPTANCE, "consistency.target_changed", "acceptance_report", victim.name, name)]


def baseline_year_mismatch(ctx: DefectContext, name: str) -> list[Seeded]:
    ctx.drafts.report.evaluation_start = ctx.drafts.plan.baseline_year + ctx.rng.choice((1, -1))
    return [_seed(ACCEPTANCE, "consistency.baseline_year_mismatch", "acceptance_report", "baseline_year", name)]


def project_dropped(ctx: DefectContext, name: str) -> list[Seeded]:
    report = ctx.drafts.report
    victim = ctx.spare_project()
    report.projects.remove(victim)
    return [
        _seed(ACCEPTANCE, "consistency.project_dropped", "acceptance_report", victim.name, name),
        _seed(ACCEPTANCE, "change.undisclosed", "acceptance_report", "projects", name),
    ]


def park_renamed(ctx: DefectContext, name: str) -> list[Seeded]:
    identity = ctx.drafts.acceptance_identity
    city = identity.name[:2]
    options = [f"{city}{suffix}" for suffix in ("高新技术产业开发区", "经济技术开发区", "产业园区")]
    identity.name = next(o for o in options if o != identity.name)
    identity.body = f"{identity.name}管理委员会"
    return [_seed(ACCEPTANCE, "change.undisclosed", "acceptance_report", "park_name", name)]


def body_changed(ctx: DefectContext, name: str) -> list[Seeded]:
    identity = ctx.drafts.acceptance_identity
    identity.body = identity.body.replace(
        "管理委员会", ctx.rng.choice(("发展服务中心", "管理办公室", "建设发展有限公司"))
    )
    return [_seed(ACCEPTANCE, "change.undisclosed", "acceptance_report", "managing_body", name)]


def area_changed(ctx: DefectContext, name: str) -> list[Seeded]:
    identity = ctx.drafts.acceptance_identity
    identity.area_km2 = round(identity.area_km2 * ctx.rng.uniform(1.15, 1.5), 1)
    identity.boundary = (
        identity.boundary.replace("北至", "北至新区") if "北至" in identity.boundary else identity.boundary
    )
    return [_seed(ACCEPTANCE, "change.undisclosed", "acceptance_report", "scope", name)]


def standard_not_met(ctx: DefectContext, name: str) -> list[Seeded]:
    report = ctx.drafts.report
    chosen = ctx.rng.choice(_standard_indicators(ctx, set()))
    victim = next(i for i in report.indicators if i.name == chosen)
    assert victim.standard is not None
    missed = victim.standard * (0.9 if victim.direction == "≥" else 1.12)
    victim.achieved = round(missed, 2 if missed < 2 else 1)
    others = [i.name for i in report.indicators if i.name != victim.name]
    in_met_group = any(GROUPS.get(name) == GROUPS.get(victim.name) for name in others if victim.name in GROUPS)
    if in_met_group or ctx.rng.random() < 0.5:
        # The report says 达标 although its own number misses. A member of a “choose at least N”
        # group whose other member is met only fails this way: the park still meets the group.
        report.claims_met.add(victim.name)
    return [_seed(ACCEPTANCE, "standard.not_met", "acceptance_report", victim.name, name)]


def creation_too_short(ctx: DefectContext, name: str) -> list[Seeded]:
    _move_acceptance(ctx, ctx.rng.randint(400, 2 * 365 - 40))
    return [_seed(ACCEPTANCE, "timeline.creation_period", "acceptance_form", "too_short", name)]


def creation_too_long(ctx: DefectContext, name: str) -> list[Seeded]:
    _move_acceptance(ctx, ctx.rng.randint(3 * 365 + 40, 4 * 365 - 60))
    return [_seed(ACCEPTANCE, "timeline.creation_period", "acceptance_form", "too_long", name)]


def _move_acceptance(ctx: DefectContext, days_after_approval: int) -> None:
    when = shifted(ctx.drafts.park.approval_date, days_after_approval)
    ctx.drafts.park.acceptance_date = when
    ctx.drafts.acceptance_form.date = when
    ctx.drafts.report.evaluation_end = when.year - 1


def eia_outdated(ctx: DefectContext, name: str) -> list[Seeded]:
    park = ctx.drafts.park
    park.eia_review_date = shifted(park.application_date, -ctx.rng.randint(5 * 365 + 60, 8 * 365))
    park.eia_report_date = shifted(park.eia_review_date, -ctx.rng.randint(30, 120))
    park.eia_followup = False
    return [_seed(APPLICATION, "timeline.eia_outdated", "plan_eia_proof", "plan_eia", name)]


def eia_old_with_followup(ctx: DefectContext, name: str) -> list[Seeded]:
    """Distractor: the EIA is over five years old but a 跟踪评价 is supplied: nothing to find."""
    eia_outdated(ctx, name)
    ctx.drafts.park.eia_followup = True
    return []


def _foreign_name(ctx: DefectContext) -> str:
    own = {ctx.drafts.plan.identity.name, ctx.drafts.acceptance_identity.name}
    candidates = [p.identity.name for p in ctx.earlier if p.identity.name not in own]
    while not candidates or ctx.rng.random() < 0.4:
        invented = park_name(ctx.rng)[0]
        if invented not in own:
            return invented
    return ctx.rng.choice(candidates)


def plan_foreign_name(ctx: DefectContext, name: str) -> list[Seeded]:
    other = _foreign_name(ctx)
    ctx.drafts.plan.foreign_names.append(other)
    return [_seed(BOTH, "integrity.foreign_park_name", "implementation_plan", other, name)]


def report_foreign_name(ctx: DefectContext, name: str) -> list[Seeded]:
    other = _foreign_name(ctx)
    ctx.drafts.report.foreign_names.append(other)
    return [_seed(ACCEPTANCE, "integrity.foreign_park_name", "acceptance_report", other, name)]


def plan_total_mismatch(ctx: DefectContext, name: str) -> list[Seeded]:
    plan = ctx.drafts.plan
    plan.project_total_wan = (
        sum(p.investment_wan for p in plan.projects) + ctx.rng.choice((-1, 1)) * ctx.rng.randint(5, 40) * 100
    )
    return [_seed(BOTH, "arithmetic.total_mismatch", "implementation_plan", PLAN_PROJECT_CAPTION, name)]


def report_total_mismatch(ctx: DefectContext, name: str) -> list[Seeded]:
    report = ctx.drafts.report
    report.project_total_wan = sum(p.investment_wan for p in report.projects) + ctx.rng.randint(5, 40) * 100
    return [_seed(ACCEPTANCE, "arithmetic.total_mismatch", "acceptance_report", REPORT_PROJECT_CAPTION, name)]


def report_copied_passage(ctx: DefectContext, name: str) -> list[Seeded]:
    # The source's own practice passage, under the name its report bears: not a park renamed at
    # acceptance, nor one whose report holds a copied passage instead of its own.
    source = copy_source(ctx, frozenset({"park_renamed", "report_copied_passage"}))
    own = ctx.drafts.report.identity.name
    ctx.drafts.report.copied_passage = practice_passage(source).replace(source.identity.name, own)
    return [_seed(ACCEPTANCE, "integrity.near_duplicate", "acceptance_report", source.identity.name, name)]


def plan_table_missing(ctx: DefectContext, name: str) -> list[Seeded]:
    """附件1 三/四: the tasks or projects described in prose only, without their table."""
    table = ctx.rng.choice((TASK_TABLE, PROJECT_TABLE))
    ctx.drafts.plan.omitted_tables.add(table)
    return [_seed(BOTH, "completeness.table_missing", "implementation_plan", table, name)]


# The columns a consultancy may leave out of a table of 附件1 (the period, owner and investment of a
# project feed other checks and stay).
_DROPPABLE_COLUMNS = {
    TASK_TABLE: ("任务内容", "完成时间", "责任部门", "预期目标"),
    PROJECT_TABLE: ("建设内容", "预期目标"),
}


def plan_table_columns(ctx: DefectContext, name: str) -> list[Seeded]:
    table = ctx.rng.choice(sorted(_DROPPABLE_COLUMNS))
    ctx.drafts.plan.omitted_columns[table] = ctx.rng.choice(_DROPPABLE_COLUMNS[table])
    return [_seed(BOTH, "completeness.table_columns", "implementation_plan", table, name)]


def plan_map_missing(ctx: DefectContext, name: str) -> list[Seeded]:
    """附件1 一（1）/二（1）: a map never referred to (the 生态工业链图 only while 总体框架 is written)."""
    maps = [MAP_BOUNDARY] + ([MAP_CHAIN] if "plan.2.1" not in ctx.drafts.plan.omitted_sections else [])
    chosen = ctx.rng.choice(maps)
    ctx.drafts.plan.omitted_maps.add(chosen)
    return [_seed(BOTH, "completeness.map_missing", "implementation_plan", chosen, name)]


def plan_data_source_missing(ctx: DefectContext, name: str) -> list[Seeded]:
    ctx.drafts.plan.sources_stated = False
    return [_seed(BOTH, "completeness.data_source", "implementation_plan", "data_source", name)]


def report_method_missing(ctx: DefectContext, name: str) -> list[Seeded]:
    """附件3 三: one or two indicators without their method, source or calculation."""
    report = ctx.drafts.report
    victims = ctx.rng.sample(report.indicators, min(len(report.indicators), ctx.rng.randint(1, 2)))
    for victim in victims:
        report.method_gaps[victim.name] = ctx.rng.choice(("all", "method", "source", "calculation"))
    return [_seed(ACCEPTANCE, "completeness.indicator_method", "acceptance_report", v.name, name) for v in victims]


# name -> (function, package it is drawn for, defects it cannot be combined with)
CATALOGUE: dict[str, tuple[DefectFn, str, frozenset[str]]] = {
    "plan_missing_section": (plan_missing_section, "application", frozenset()),
    "filing_over_limit": (filing_over_limit, "application", frozenset()),
    "application_missing_document": (application_missing_document, "application", frozenset({"eia_outdated"})),
    "eia_outdated": (eia_outdated, "application", frozenset({"application_missing_document", "eia_old_with_followup"})),
    "eia_old_with_followup": (eia_old_with_followup, "application", frozenset({"application_missing_document"})),
    "plan_foreign_name": (plan_foreign_name, "application", frozenset()),
    "plan_total_mismatch": (plan_total_mismatch, "application", frozenset({"plan_table_missing"})),
    "plan_table_missing": (plan_table_missing, "application", frozenset({"plan_total_mismatch", "plan_table_columns"})),
    "plan_table_columns": (plan_table_columns, "application", frozenset({"plan_table_missing"})),
    "plan_map_missing": (plan_map_missing, "application", frozenset()),
    "plan_data_source_missing": (plan_data_source_missing, "application", frozenset()),
    "report_missing_section": (report_missing_section, "acceptance", frozenset({"baseline_year_mismatch"})),
    "acceptance_over_limit": (acceptance_over_limit, "acceptance", frozenset({"form_conflict"})),
    "acceptance_missing_document": (acceptance_missing_document, "acceptance", frozenset()),
    "indicator_dropped": (indicator_dropped, "acceptance", frozenset()),
    "target_changed": (target_changed, "acceptance", frozenset()),
    "baseline_year_mismatch": (baseline_year_mismatch, "acceptance", frozenset({"report_missing_section"})),
    "project_dropped": (
        project_dropped,
        "acceptance",
        frozenset({"project_adjusted_disclosed", "adjustment_reported_late"}),
    ),
    "project_adjusted_disclosed": (
        consistency.project_adjusted_disclosed,
        "acceptance",
        frozenset({"project_dropped", "adjustment_reported_late"}),
    ),
    "park_renamed": (park_renamed, "acceptance", frozenset({"report_foreign_name"})),
    "body_changed": (body_changed, "acceptance", frozenset({"park_renamed"})),
    "area_changed": (area_changed, "acceptance", frozenset()),
    "standard_not_met": (standard_not_met, "acceptance", frozenset()),
    "creation_too_short": (creation_too_short, "acceptance", frozenset({"creation_too_long"})),
    "creation_too_long": (creation_too_long, "acceptance", frozenset({"creation_too_short"})),
    "report_foreign_name": (report_foreign_name, "acceptance", frozenset({"park_renamed"})),
    "report_total_mismatch": (report_total_mismatch, "acceptance", frozenset()),
    "report_copied_passage": (report_copied_passage, "acceptance", frozenset()),
    "report_method_missing": (report_method_missing, "acceptance", frozenset()),
    "indicator_added": (consistency.indicator_added, "acceptance", frozenset({"indicator_added_explained"})),
    "indicator_added_explained": (consistency.indicator_added_explained, "acceptance", frozenset({"indicator_added"})),
    "project_period_changed": (consistency.project_period_changed, "acceptance", frozenset()),
    "project_status_conflict": (consistency.project_status_conflict, "acceptance", frozenset()),
    "form_conflict": (consistency.form_conflict, "acceptance", frozenset({"acceptance_over_limit"})),
    "value_conflict": (consistency.value_conflict, "acceptance", frozenset()),
    "adjustment_reported_late": (
        consistency.adjustment_reported_late,
        "acceptance",
        frozenset({"project_dropped", "project_adjusted_disclosed"}),
    ),
    **standard_defects.CATALOGUE,
    **data_defects.CATALOGUE,
}


# Defects that copy from a park written before this one: never drawn for the first park.
NEEDS_EARLIER = frozenset({"report_copied_passage", "report_copied_numbers"})


def choose(
    rng: random.Random, package: str, count: int, has_earlier: bool, drawn: Mapping[str, int] | None = None
) -> list[str]:
    """`count` compatible defects for one package, in catalogue order. The least drawn so far
    (`drawn`: name -> times) come first, ties in random order, so that a corpus of a few dozen
    parks seeds every defect kind before it repeats one and every rule has cases to score.
    """
    drawn = drawn or {}
    pool = [n for n, (_, where, _) in CATALOGUE.items() if where == package and (has_earlier or n not in NEEDS_EARLIER)]
    chosen: list[str] = []
    for name in sorted(rng.sample(pool, len(pool)), key=lambda n: drawn.get(n, 0)):
        if len(chosen) == count:
            break
        if not any(name in CATALOGUE[c][2] or c in CATALOGUE[name][2] for c in chosen):
            chosen.append(name)
    return sorted(chosen, key=list(CATALOGUE).index)


def apply(names: list[str], ctx: DefectContext) -> list[Seeded]:
    """Seed the named defects into the drafts; return what a correct review reports."""
    seeded: list[Seeded] = []
    for name in names:
        seeded.extend(CATALOGUE[name][0](ctx, name))
    return seeded
