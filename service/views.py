"""Reviewer views computed from a stored review (the contract object): outline coverage per
document and the plan-versus-report comparison of indicators and projects.

Pure functions of `ReviewOut`; no storage, no requests. The API returns them as JSON and the web
pages render the same objects.
"""

from __future__ import annotations

from pydantic import BaseModel, computed_field

from extractors.outline import load_outlines
from service.labels import ui
from service.review_json import IndicatorOut, ProjectOut, ReviewOut

PLAN, REPORT = "implementation_plan", "acceptance_report"


class CoverageItem(BaseModel):
    """One required outline section and whether the document has it."""

    outline: str
    title: str
    level: int
    status: str  # present | thin | missing
    heading: str | None = None
    page: int | None = None
    chars: int = 0


class DocumentCoverage(BaseModel):
    """A document's coverage of its annex outline."""

    file: str
    kind: str
    outline_name: str
    basis: str
    items: list[CoverageItem]


def coverage(review: ReviewOut) -> list[DocumentCoverage]:
    """For every document mapped onto an annex outline: each required section present, thin or missing."""
    outlines = {o.id: o for o in load_outlines()}
    thin = ui().thin_section_chars
    out = []
    for document in review.documents:
        outline = outlines.get(document.outline_source or "")
        if outline is None:
            continue
        found: dict[str, tuple[str, int | None, int]] = {}
        for s in document.sections:
            if s.outline and s.outline not in found:
                found[s.outline] = (s.title, s.page, s.chars)
        items = []
        for entry in outline.sections:
            if not entry.required:
                continue
            title, page, chars = found.get(entry.id, (None, None, 0))
            has_children = any(o.id.startswith(entry.id + ".") for o in outline.sections)
            status = "missing" if title is None else "thin" if chars < thin and not has_children else "present"
            items.append(
                CoverageItem(
                    outline=entry.id,
                    title=entry.title,
                    level=entry.level,
                    status=status,
                    heading=title,
                    page=page,
                    chars=chars,
                )
            )
        out.append(
            DocumentCoverage(
                file=document.file, kind=document.kind, outline_name=outline.name, basis=outline.basis, items=items
            )
        )
    return out


class Cell(BaseModel):
    """A value on each side and whether they differ."""

    plan: int | float | str | None = None
    report: int | float | str | None = None

    @computed_field
    @property
    def differs(self) -> bool:
        """Both sides known and not equal."""
        return self.plan is not None and self.report is not None and self.plan != self.report


class IndicatorRow(BaseModel):
    """One indicator in the plan and in the report."""

    name: str
    unit: str | None
    baseline: Cell
    baseline_year: Cell
    target: Cell
    value: float | None
    plan_page: int | None
    report_page: int | None
    only_in: str | None = None  # "plan" | "report" | None


class ProjectRow(BaseModel):
    """One support project in the plan and in the report."""

    name: str
    investment_wan: Cell
    owner: Cell
    period: Cell
    status: str | None
    only_in: str | None = None


class Comparison(BaseModel):
    """The plan-versus-report table of a package (empty when one side is missing)."""

    plan_file: str | None
    report_file: str | None
    indicators: list[IndicatorRow]
    projects: list[ProjectRow]


def _key(item: IndicatorOut) -> str:
    return item.standard_id or item.name


def _side(review: ReviewOut, kind: str) -> str | None:
    return next((d.file for d in review.documents if d.kind == kind), None)


def compare(review: ReviewOut, plan_review: ReviewOut | None = None) -> Comparison:
    """Indicators (by 《标准》 id or name) and projects (by name) of the plan beside the report's.

    The plan comes from the same package or, for an acceptance package without it, from the park's
    earlier application (`plan_review`).
    """
    plan_source = review if _side(review, PLAN) else plan_review
    plan_file = _side(plan_source, PLAN) if plan_source else None
    report_file = _side(review, REPORT)
    if plan_source is None or plan_file is None or report_file is None:
        return Comparison(plan_file=plan_file, report_file=report_file, indicators=[], projects=[])
    plan_ind = {_key(i): i for i in plan_source.facts.indicators if i.document == plan_file}
    report_ind = {_key(i): i for i in review.facts.indicators if i.document == report_file}
    indicators = []
    for key in list(plan_ind) + [k for k in report_ind if k not in plan_ind]:
        p, r = plan_ind.get(key), report_ind.get(key)
        either = p or r
        assert either is not None
        indicators.append(
            IndicatorRow(
                name=either.name,
                unit=either.unit,
                baseline=Cell(plan=p and p.baseline, report=r and r.baseline),
                baseline_year=Cell(plan=p and p.baseline_year, report=r and r.baseline_year),
                target=Cell(plan=p and p.target, report=r and r.target),
                value=r.value if r else None,
                plan_page=p.page if p else None,
                report_page=r.page if r else None,
                only_in=None if p and r else ("plan" if p else "report"),
            )
        )
    plan_prj = {p.name: p for p in plan_source.facts.projects if p.document == plan_file}
    report_prj = {p.name: p for p in review.facts.projects if p.document == report_file}
    projects = [
        _project_row(plan_prj.get(name), report_prj.get(name))
        for name in list(plan_prj) + [n for n in report_prj if n not in plan_prj]
    ]
    return Comparison(plan_file=plan_file, report_file=report_file, indicators=indicators, projects=projects)


def _period(p: ProjectOut | None) -> str | None:
    if p is None or (p.start is None and p.end is None):
        return None
    return f"{p.start or '?'}–{p.end or '?'}"


def _project_row(p: ProjectOut | None, r: ProjectOut | None) -> ProjectRow:
    either = p or r
    assert either is not None
    return ProjectRow(
        name=either.name,
        investment_wan=Cell(plan=p and p.investment_wan, report=r and r.investment_wan),
        owner=Cell(plan=p and p.owner, report=r and r.owner),
        period=Cell(plan=_period(p), report=_period(r)),
        status=r.status if r else None,
        only_in=None if p and r else ("plan" if p else "report"),
    )
