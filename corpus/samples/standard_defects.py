"""Seeded defects against the 《标准》's indicator system: a plan that leaves out a 必选 indicator,
selects no member of a “choose at least N” group, or writes an indicator in a unit that measures
something else. Never imports `extractors`.
"""

from __future__ import annotations

from corpus.samples.model import Indicator
from corpus.samples.seeding import BOTH, GROUP_MEMBERS, DefectContext, DefectFn, Seeded, seed

# 必选 indicators of HJ 274-2015 the consultants are sure of (the generator's own list).
MANDATORY = (
    "建设规划实施后新增构建的生态工业链项目数量",
    "单位工业增加值二氧化碳排放量年均削减率",
    "工业园区重点污染源稳定排放达标情况",
    "工业园区内企事业单位发生特别重大、重大突发环境事件数量",
    "环境管理能力完善度",
    "工业园区重点企业清洁生产审核实施率",
    "园区环境风险防控体系建设完善度",
    "重点企业环境信息公开率",
    "生态工业信息平台完善度",
    "生态工业主题宣传活动",
)
# Units a plan writes by mistake: the total's unit instead of the intensity's. Only units whose
# number reads the same in the canonical base, so the mistake shows as a unit and nothing else.
WRONG_UNITS = {
    "单位工业增加值综合能耗": ("吨标煤",),
    "单位工业增加值新鲜水耗": ("立方米",),
    "人均工业增加值": ("万元",),
    "单位工业增加值废水排放量": ("吨",),
}


def _drop(indicators: list[Indicator], names: set[str]) -> None:
    indicators[:] = [i for i in indicators if i.name not in names]


def mandatory_missing(ctx: DefectContext, name: str) -> list[Seeded]:
    """The plan (and so the report that evaluates it) leaves out a 必选 indicator."""
    present = [i.name for i in ctx.drafts.plan.indicators if i.name in MANDATORY]
    victim = ctx.rng.choice(present)
    _drop(ctx.drafts.plan.indicators, {victim})
    _drop(ctx.drafts.report.indicators, {victim})
    return [seed(BOTH, "standard.mandatory_missing", "implementation_plan", victim, name)]


def choice_unmet(ctx: DefectContext, name: str) -> list[Seeded]:
    """The plan selects no member of a group; the energy and waste groups feed the forms' text, so not those."""
    group = ctx.rng.choice(("economy", "land", "water"))
    members, _ = GROUP_MEMBERS[group]
    _drop(ctx.drafts.plan.indicators, set(members))
    _drop(ctx.drafts.report.indicators, set(members))
    return [seed(BOTH, "standard.choice_unmet", "implementation_plan", "、".join(members), name)]


def unit_mismatch(ctx: DefectContext, name: str) -> list[Seeded]:
    """The plan's target table writes one indicator in a unit of another quantity."""
    candidates = [i for i in ctx.drafts.plan.indicators if i.name in WRONG_UNITS]
    victim = ctx.rng.choice(candidates)
    victim.unit_written = ctx.rng.choice(WRONG_UNITS[victim.name])
    return [seed(BOTH, "standard.unit_mismatch", "implementation_plan", victim.name, name)]


# name -> (function, package it is drawn for, defects it cannot be combined with)
CATALOGUE: dict[str, tuple[DefectFn, str, frozenset[str]]] = {
    "mandatory_missing": (mandatory_missing, "application", frozenset()),
    "choice_unmet": (choice_unmet, "application", frozenset()),
    "unit_mismatch": (unit_mismatch, "application", frozenset()),
}
