"""What a seeded defect is: the finding it makes a correct review report, the packages it shows in,
and what a defect function may use. Shared by the defect modules; never imports `extractors`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from corpus.samples.drafts import Drafts
from corpus.samples.model import Park, TruthFinding

BOTH = ("application", "acceptance")
APPLICATION = ("application",)
ACCEPTANCE = ("acceptance",)


@dataclass(frozen=True)
class Seeded:
    """A finding the review must report and the packages it appears in."""

    packages: tuple[str, ...]
    finding: TruthFinding


@dataclass
class DefectContext:
    """What a defect may use: the drafts, a random source, and the parks written before this one."""

    drafts: Drafts
    rng: random.Random
    earlier: list[Park]


DefectFn = Callable[[DefectContext, str], list[Seeded]]


def seed(packages, rule: str, kind: str | None, subject: str, defect: str) -> Seeded:
    """The truth entry of one seeded finding."""
    return Seeded(packages, TruthFinding(rule=rule, kind=kind, subject=subject, defect=defect))
