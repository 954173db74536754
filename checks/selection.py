"""What the 实施方案's indicator table selects from the 《标准》: shared by the checks that ask
whether every 必选 indicator and every “X项指标至少选择N项” group is covered (附件1 二 2:
按照要求涵盖必选和特色两类指标).

A plan whose table names fewer than `MIN_RECOGNISED` of the standard's indicators has no readable
indicator table; that is outline.missing_section's business, not a selection to judge.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.model import Evidence, Submission
from checks.pairs import evidence
from extractors.model import Document, DocumentKind

MIN_RECOGNISED = 3


@dataclass(frozen=True)
class Selection:
    """A plan and the catalogue ids its indicator table names, with the table as evidence."""

    plan: Document
    chosen: frozenset[str]
    table: Evidence


def selections(submission: Submission) -> Iterator[Selection]:
    """Each readable 实施方案 of the package with the indicators it selects."""
    for plan in submission.of_kind(DocumentKind.IMPLEMENTATION_PLAN):
        recognised = [i for i in plan.facts.indicators if i.standard_id]
        if len(recognised) < MIN_RECOGNISED:
            continue
        yield Selection(plan, frozenset(i.standard_id for i in recognised), evidence(plan, recognised[0].quote))
