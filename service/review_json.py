"""The `eipcheck.review/1` contract (../shared/spec/review-json.md) as pydantic models, and the
one conversion from domain objects to it. Contract fields are never renamed or dropped; extra
fields (form fields, warnings, kind signals, measures) are additions.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from checks.model import Finding
from extractors.facts.model import Quote
from extractors.model import Document
from service.review import ReviewResult

SCHEMA = "eipcheck.review/1"


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class SubmissionOut(_Model):
    park: str | None
    stage: str


class SectionOut(_Model):
    outline: str | None
    title: str
    level: int
    page: int | None
    chars: int


class FormFieldOut(_Model):
    id: str
    label: str
    value: str
    page: int | None


class DocumentOut(_Model):
    file: str
    sha256: str
    kind: str
    pages: int | None
    chars: int
    sections: list[SectionOut]
    outline_source: str | None = None
    form_fields: list[FormFieldOut] = []
    kind_signals: list[str] = []
    warnings: list[str] = []
    error: str | None = None


class EvidenceOut(_Model):
    document: str
    page: int | None
    quote: str


class MeasureOut(_Model):
    value: float
    limit: float
    unit: str


class FindingOut(_Model):
    rule: str
    severity: str
    document: str | None
    subject: str
    message: str
    basis: str
    evidence: list[EvidenceOut]
    measure: MeasureOut | None = None


class IndicatorOut(_Model):
    document: str
    name: str
    unit: str | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    value: float | None = None
    year: int | None = None
    page: int | None = None
    target_year: int | None = None
    standard_id: str | None = None
    requirement: str | None = None
    claims_met: bool | None = None
    quote: str | None = None


class ProjectOut(_Model):
    document: str
    name: str
    investment_wan: float | None = None
    start: int | None = None
    end: int | None = None
    owner: str | None = None
    status: str | None = None
    page: int | None = None
    content: str | None = None
    goal: str | None = None


class TaskOut(_Model):
    document: str
    name: str
    content: str | None = None
    due: str | None = None
    department: str | None = None
    goal: str | None = None
    page: int | None = None


class IdentityOut(_Model):
    document: str
    field: str
    value: str
    number: float | None = None
    page: int | None = None


class StatementOut(_Model):
    document: str
    topic: str
    asserted: bool
    period: str | None = None
    page: int | None = None
    quote: str | None = None


class DatesOut(_Model):
    approval_date: date | None = None
    application_date: date | None = None
    baseline_year: int | None = None
    evaluation_start: int | None = None
    evaluation_end: int | None = None
    eia_report_date: date | None = None
    eia_review_date: date | None = None
    eia_followup_date: date | None = None


class FactsOut(_Model):
    indicators: list[IndicatorOut] = []
    projects: list[ProjectOut] = []
    dates: DatesOut = DatesOut()
    tasks: list[TaskOut] = []
    identity: list[IdentityOut] = []
    statements: list[StatementOut] = []


class ErrorOut(_Model):
    path: str
    message: str


class ReviewOut(_Model):
    schema_: str = Field(SCHEMA, alias="schema")
    submission: SubmissionOut
    documents: list[DocumentOut]
    facts: FactsOut
    findings: list[FindingOut]
    errors: list[ErrorOut]


def _page(quote: Quote | None) -> int | None:
    return quote.page if quote else None


def _facts(result: ReviewResult) -> FactsOut:
    """Every document's facts, each naming its document, and the package's dates."""
    out = FactsOut(dates=DatesOut(**result.submission.dates.values()))
    for d in result.submission.documents:
        f = d.facts
        out.indicators += [
            IndicatorOut(
                document=d.file,
                name=i.name,
                unit=i.unit,
                baseline=i.baseline,
                baseline_year=i.baseline_year,
                target=i.target,
                value=i.value,
                year=i.year,
                page=_page(i.quote),
                target_year=i.target_year,
                standard_id=i.standard_id,
                requirement=i.requirement,
                claims_met=i.claims_met,
                quote=i.quote.text if i.quote else None,
            )
            for i in f.indicators
        ]
        out.projects += [
            ProjectOut(
                document=d.file,
                name=p.name,
                investment_wan=p.investment_wan,
                start=p.start,
                end=p.end,
                owner=p.owner,
                status=p.status,
                page=_page(p.quote),
                content=p.content,
                goal=p.goal,
            )
            for p in f.projects
        ]
        out.tasks += [
            TaskOut(
                document=d.file,
                name=t.name,
                content=t.content,
                due=t.due,
                department=t.department,
                goal=t.goal,
                page=_page(t.quote),
            )
            for t in f.tasks
        ]
        out.identity += [
            IdentityOut(document=d.file, field=i.field, value=i.value, number=i.number, page=_page(i.quote))
            for i in f.identity
        ]
        out.statements += [
            StatementOut(
                document=d.file,
                topic=s.topic,
                asserted=s.asserted,
                period=s.period,
                page=_page(s.quote),
                quote=s.quote.text if s.quote else None,
            )
            for s in f.statements
        ]
    return out


def _document(d: Document) -> DocumentOut:
    return DocumentOut(
        file=d.file,
        sha256=d.sha256,
        kind=d.kind.value,
        pages=d.pages,
        chars=d.chars,
        sections=[
            SectionOut(outline=s.outline, title=s.title, level=s.level, page=s.page, chars=s.chars) for s in d.sections
        ],
        outline_source=d.outline_id,
        form_fields=[FormFieldOut(id=f.id, label=f.label, value=f.value, page=f.page) for f in d.form_fields],
        kind_signals=list(d.kind_signals),
        warnings=list(d.warnings),
        error=d.error,
    )


def _finding(f: Finding) -> FindingOut:
    return FindingOut(
        rule=f.rule,
        severity=f.severity.value,
        document=f.document,
        subject=f.subject,
        message=f.message,
        basis=f.basis,
        evidence=[EvidenceOut(document=e.document, page=e.page, quote=e.quote) for e in f.evidence],
        measure=MeasureOut(value=f.measure.value, limit=f.measure.limit, unit=f.measure.unit) if f.measure else None,
    )


def to_contract(result: ReviewResult) -> ReviewOut:
    """The review as the contract's object."""
    submission = result.submission
    return ReviewOut(
        submission=SubmissionOut(park=submission.park, stage=submission.stage.value),
        documents=[_document(d) for d in submission.documents],
        facts=_facts(result),
        findings=[_finding(f) for f in result.findings],
        errors=[ErrorOut(path=e.path, message=e.message) for e in result.errors],
    )


def to_json(result: ReviewResult) -> str:
    """The contract JSON text: UTF-8, not ASCII-escaped; unreadable-only fields left out when empty."""
    return to_contract(result).model_dump_json(by_alias=True, indent=2, exclude_none=False)
