"""The `eipcheck.review/1` contract (../shared/spec/review-json.md) as pydantic models, and the
one conversion from domain objects to it. Contract fields are never renamed or dropped; extra
fields (form fields, warnings, kind signals, measures) are additions.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checks.model import Finding
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


class ProjectOut(_Model):
    document: str
    name: str
    investment_wan: float | None = None
    start: int | None = None
    end: int | None = None
    owner: str | None = None
    status: str | None = None
    page: int | None = None


class DatesOut(_Model):
    approval_date: str | None = None
    application_date: str | None = None
    baseline_year: int | None = None


class FactsOut(_Model):
    """Fact extraction arrives with issue #4; until then the lists are empty, as the contract allows."""

    indicators: list[IndicatorOut] = []
    projects: list[ProjectOut] = []
    dates: DatesOut = DatesOut()


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
        facts=FactsOut(),
        findings=[_finding(f) for f in result.findings],
        errors=[ErrorOut(path=e.path, message=e.message) for e in result.errors],
    )


def to_json(result: ReviewResult) -> str:
    """The contract JSON text: UTF-8, not ASCII-escaped; unreadable-only fields left out when empty."""
    return to_contract(result).model_dump_json(by_alias=True, indent=2, exclude_none=False)
