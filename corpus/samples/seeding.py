"""What a seeded defect is: the finding it makes a correct review report, the packages it shows in,
what a defect function may use, and the generator's own copy of the 《标准》's groups (never read
from `extractors`, so scores stay honest).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.samples.drafts import Drafts
from corpus.samples.model import Park, Project, TruthFinding

BOTH = ("application", "acceptance")
APPLICATION = ("application",)
ACCEPTANCE = ("acceptance",)

# The “X项指标至少选择N项达标” groups of HJ 274-2015 as the consultants know them: each group's
# members in the standard's order (a finding names the group by them) and how many must be met.
GROUP_MEMBERS: dict[str, tuple[tuple[str, ...], int]] = {
    "economy": (
        (
            "高新技术企业工业总产值占园区工业总产值比例",
            "人均工业增加值",
            "园区工业增加值三年年均增长率",
            "资源再生利用产业增加值占园区工业增加值比例",
        ),
        1,
    ),
    "waste": (("工业固体废物综合利用率", "再生资源循环利用率"), 1),
    "land": (("单位工业用地面积工业增加值", "单位工业用地面积工业增加值三年年均增长率"), 1),
    "energy": (("单位工业增加值综合能耗", "综合能耗弹性系数"), 1),
    "water": (("单位工业增加值新鲜水耗", "新鲜水耗弹性系数"), 1),
}
GROUPS = {name: group for group, (members, _) in GROUP_MEMBERS.items() for name in members}


@dataclass(frozen=True)
class Seeded:
    """A finding the review must report and the packages it appears in."""

    packages: tuple[str, ...]
    finding: TruthFinding


@dataclass
class DefectContext:
    """What a defect may use: the drafts, a random source, the parks written before this one and
    the defects seeded in them (by park index).
    """

    drafts: Drafts
    rng: random.Random
    earlier: list[Park]
    earlier_defects: dict[int, list[str]] = field(default_factory=dict)
    altered_projects: set[str] = field(default_factory=set)

    def spare_project(self) -> Project:
        """A 支撑项目 of the report no other defect of this park has altered yet, now marked altered: one
        defect per project, so a project another defect drops cannot also carry a status conflict.
        """
        report = self.drafts.report
        spare = [p for p in report.projects if p.name not in self.altered_projects] or report.projects
        chosen = self.rng.choice(spare)
        self.altered_projects.add(chosen.name)
        return chosen


DefectFn = Callable[[DefectContext, str], list[Seeded]]


def copy_source(ctx: DefectContext, unfit: frozenset[str]) -> Park:
    """An earlier park to copy from, none of whose defects is `unfit` (one that would leave the copied
    text out of its documents or under another name); any earlier park when none qualifies.
    """
    fit = [p for p in ctx.earlier if not unfit & set(ctx.earlier_defects.get(p.index, ()))]
    return ctx.rng.choice(fit or ctx.earlier)


def seed(packages, rule: str, kind: str | None, subject: str, defect: str) -> Seeded:
    """The truth entry of one seeded finding."""
    return Seeded(packages, TruthFinding(rule=rule, kind=kind, subject=subject, defect=defect))
