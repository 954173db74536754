"""Building the Submission a check sees: the package's stage from what was uploaded, and the
park it concerns from its forms and title pages. Stage rules are data (`data/stages.toml`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checks.model import PackageDates, Sourced, Stage, Submission
from extractors.kinds import title_area
from extractors.model import Document, DocumentKind
from extractors.segment import toc_indices

_PARK = re.compile(
    r"([\u4e00-\u9fff]{2,24}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|工业园区|产业园区|工业园|开发区|化工园区|园区))"
)
_PARK_FIELDS = ("filing.park_name", "acceptance.park_name", "filing.park", "acceptance.park")


class StageRule(BaseModel):
    """The documents that mark a stage, and the package its article requires."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stage: Stage
    basis: str
    indicative: tuple[DocumentKind, ...]
    required: tuple[DocumentKind, ...]


@lru_cache(maxsize=1)
def load_stage_rules() -> tuple[StageRule, ...]:
    """Stage rules in order of precedence."""
    with open(Path(__file__).parent / "data" / "stages.toml", "rb") as handle:
        return tuple(StageRule.model_validate(s) for s in tomllib.load(handle)["stages"])


def infer_stage(documents: Sequence[Document]) -> Stage:
    """The first stage (in precedence order) one of whose documents was uploaded."""
    kinds = {d.kind for d in documents}
    for rule in load_stage_rules():
        if kinds.intersection(rule.indicative):
            return rule.stage
    return Stage.UNKNOWN


def park_name(documents: Sequence[Document]) -> str | None:
    """The park's name as its forms state it, else as the title pages state it."""
    for field_id in _PARK_FIELDS:
        for document in documents:
            found = document.field_value(field_id)
            if found and found.value.strip():
                return found.value.strip()
    for document in documents:
        if document.raw is None:
            continue
        title = title_area(document.raw.blocks, toc_indices(document.raw.blocks))
        for line in title.split("\n"):
            match = _PARK.search(line)
            if match and "示范区" not in match.group(1) and "生态工业园区" not in match.group(1):
                return match.group(1)
    return None


def _sourced(documents: Sequence[Document], kind: str, owners: Sequence[DocumentKind], *, year: bool = False):
    """The first date of this kind stated by the documents that own it, in order of authority."""
    for owner in owners:
        for document in documents:
            if document.kind != owner:
                continue
            fact = next((d for d in document.facts.dates if d.kind == kind), None)
            if fact is None:
                continue
            value = (fact.year if fact.year is not None else fact.day.year if fact.day else None) if year else fact.day
            if value is not None:
                quote = fact.quote
                return Sourced(value, document.file, quote.page if quote else None, quote.text if quote else "")
    return None


def package_dates(documents: Sequence[Document], stage: Stage) -> PackageDates:
    """The dates the timeline checks and the contract's facts.dates rest on.

    The approval date is the form's (附件4 省级部门批准创建时间) before the report's; the application
    date is the form's 申请日期 or the letter's date for the stage uploaded; the baseline year is the
    plan's (附件3 二: the 评价时段 starts at the plan's baseline year).
    """
    k = DocumentKind
    if stage == Stage.APPLICATION:
        application = _sourced(documents, "document_date", [k.APPLICATION_LETTER]) or _sourced(
            documents, "application", [k.FILING_FORM]
        )
    else:
        application = _sourced(documents, "application", [k.ACCEPTANCE_FORM]) or _sourced(
            documents, "document_date", [k.ACCEPTANCE_LETTER]
        )
    report = [k.ACCEPTANCE_REPORT, k.DATA_SUPPORT]
    return PackageDates(
        approval_date=_sourced(documents, "approval", [k.ACCEPTANCE_FORM, k.ACCEPTANCE_REPORT, *report]),
        application_date=application,
        baseline_year=_sourced(documents, "baseline_year", [k.IMPLEMENTATION_PLAN], year=True),
        evaluation_start=_sourced(documents, "evaluation_start", report, year=True),
        evaluation_end=_sourced(documents, "evaluation_end", report, year=True),
        eia_report_date=_sourced(documents, "eia_report", [k.PLAN_EIA_PROOF]),
        eia_review_date=_sourced(documents, "eia_review", [k.PLAN_EIA_PROOF]),
        eia_followup_date=_sourced(documents, "eia_followup", [k.PLAN_EIA_PROOF]),
    )


def build_submission(documents: Sequence[Document]) -> Submission:
    """The typed package the checks receive."""
    stage = infer_stage(documents)
    return Submission(
        documents=tuple(documents), stage=stage, park=park_name(documents), dates=package_dates(documents, stage)
    )
