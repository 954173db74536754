"""API shapes (pydantic): what the JSON endpoints return and accept, and what the pages render.

Database rows never leave `service/store.py`; they are converted to these there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from service.review_json import EvidenceOut, ReviewOut
from service.views import DocumentCoverage


class SeverityCounts(BaseModel):
    """Open (not dismissed) findings by severity."""

    blocker: int = 0
    major: int = 0
    minor: int = 0
    info: int = 0


class SubmissionSummary(BaseModel):
    """A row of the triage queue."""

    id: int
    park_id: int | None
    park: str | None
    province: str | None
    stage: str
    status: str
    error: str | None = None
    created_at: datetime
    counts: SeverityCounts
    risk: int


class FindingView(BaseModel):
    """A stored finding with its reviewer disposition."""

    id: int
    rule: str
    severity: str
    document: str | None
    subject: str
    message: str
    basis: str
    evidence: list[EvidenceOut]
    decision: str | None = None
    note: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None


class DocumentView(BaseModel):
    """A stored document of a submission."""

    id: int
    file: str
    kind: str
    sha256: str
    pages: int | None
    chars: int | None
    error: str | None = None


class SubmissionDetail(BaseModel):
    """A submission with its documents, outline coverage, facts and findings."""

    submission: SubmissionSummary
    documents: list[DocumentView]
    coverage: list[DocumentCoverage]
    findings: list[FindingView]
    review: ReviewOut | None = None


class DispositionIn(BaseModel):
    """A reviewer's decision on a finding."""

    decision: Literal["confirmed", "dismissed"]
    note: str = Field(default="", max_length=2000)


class JobView(BaseModel):
    """A review job's state."""

    id: int
    submission_id: int
    status: str
    attempts: int
    error: str | None
    created_at: datetime
    finished_at: datetime | None


class UploadAccepted(BaseModel):
    """The 202 answer to an upload: the stored submission and its job."""

    submission_id: int
    job: JobView
    files: list[str]


class SearchHit(BaseModel):
    """A passage found by full-text search, with a highlighted snippet (<mark>…</mark>)."""

    submission_id: int | None
    document_id: int | None
    park: str | None
    file: str | None
    kind: str | None
    page: int | None
    snippet: str
    score: float | None = None


class SimilarHit(BaseModel):
    """A passage of the document and the closest passage stored for another document."""

    page: int | None
    text: str
    park: str | None
    file: str
    other_page: int | None
    other_text: str
    similarity: float


class TokenOut(BaseModel):
    """A new API token, shown once."""

    token: str
    username: str
    role: str
