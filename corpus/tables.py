"""The corpus's database rows (SQLModel): what was submitted, what was read, what was found, and
what reviewers decided. Rows are not domain objects: `corpus/convert.py` is the one place that
turns extractor documents and check findings into rows. Nothing here parses or checks.

Names (tables and columns) are stable: the service builds its API on them, and Alembic migrations
under `corpus/migrations/` create them. Change them only with a new migration.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timestamps are timezone-aware UTC (SQLModel refuses naive ones)."""
    return datetime.now(UTC)


class SubmissionStatus(StrEnum):
    """Where a package is in ingestion: `ingesting` until every document is stored, so an
    interrupted run is recognised and resumed; `complete` afterwards.
    """

    INGESTING = "ingesting"
    COMPLETE = "complete"


class Verdict(StrEnum):
    """A reviewer's decision on a finding."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class Park(SQLModel, table=True):
    """A park, by the name its forms or title pages give; the province is read from that name."""

    __tablename__ = "parks"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    province: str | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Submission(SQLModel, table=True):
    """One package of one park at one stage. `package_key` (sha256 over the sorted document hashes)
    makes ingestion idempotent: the same files never make a second submission.
    """

    __tablename__ = "submissions"

    id: int | None = Field(default=None, primary_key=True)
    park_id: int | None = Field(default=None, foreign_key="parks.id", index=True)
    package_key: str = Field(index=True, unique=True, max_length=64)
    source: str = ""  # the folder or zip it came from, for people
    stage: str = Field(default="unknown", index=True)  # checks.model.Stage values
    year: int | None = Field(default=None, index=True)  # the year the package was made (its application date)
    approval_date: date | None = None
    application_date: date | None = None
    baseline_year: int | None = None
    status: str = Field(default=SubmissionStatus.INGESTING, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    reviewed_at: datetime | None = None


class Document(SQLModel, table=True):
    """A file of a submission. The original bytes live once in the content-addressed store under
    `stored_path` (derived from `sha256`); the same file in two packages is two rows, one blob.
    """

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("submission_id", "sha256", name="uq_documents_submission_sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submissions.id", index=True)
    file: str  # the name within the package
    sha256: str = Field(index=True, max_length=64)
    size: int = 0
    kind: str = Field(index=True)  # extractors.model.DocumentKind values
    format: str | None = None
    pages: int | None = None
    chars: int = 0
    stored_path: str  # relative to the data directory: blobs/ab/cd/<sha256>
    error: str | None = None  # set for unreadable files
    created_at: datetime = Field(default_factory=utcnow)


class Section(SQLModel, table=True):
    """A section of a document as segmented, with its annex outline id."""

    __tablename__ = "sections"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    ordinal: int
    title: str
    level: int
    outline: str | None = None
    page: int | None = None
    chars: int = 0


class Passage(SQLModel, table=True):
    """A paragraph (or a table row run) of a document: the unit of search and copy detection.
    `tokens` is the jieba segmentation joined by spaces, which the full-text index is built on.
    """

    __tablename__ = "passages"
    __table_args__ = (Index("ix_passages_document_ordinal", "document_id", "ordinal"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id")
    section_id: int | None = Field(default=None, foreign_key="sections.id")
    ordinal: int
    page: int | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    tokens: str = Field(sa_column=Column(Text, nullable=False))


class Fact(SQLModel, table=True):
    """A fact the extractors read (indicator, project, task, date, identity, statement). The
    searchable parts are columns; the whole typed fact is kept in `data` to rebuild it.
    """

    __tablename__ = "facts"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    type: str = Field(index=True)  # indicator | project | task | date | identity | statement
    name: str = Field(default="", index=True)
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    page: int | None = None
    quote: str | None = Field(default=None, sa_column=Column(Text))
    data: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Finding(SQLModel, table=True):
    """A finding of a review of a submission. `fingerprint` (rule, subject, document, quotes)
    identifies the same finding across re-reviews, so a reviewer's disposition carries over.
    """

    __tablename__ = "findings"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submissions.id", index=True)
    document_id: int | None = Field(default=None, foreign_key="documents.id")
    rule: str = Field(index=True)
    severity: str
    subject: str
    message: str = Field(sa_column=Column(Text, nullable=False))
    basis: str
    evidence: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    measure: dict | None = Field(default=None, sa_column=Column(JSON))
    fingerprint: str = Field(index=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class Disposition(SQLModel, table=True):
    """A reviewer's decision on a finding: confirmed or dismissed, with a note, who and when.
    Kept by fingerprint too, so the decision applies to the same finding in a later review.
    """

    __tablename__ = "dispositions"

    id: int | None = Field(default=None, primary_key=True)
    finding_id: int = Field(foreign_key="findings.id", index=True)
    fingerprint: str = Field(index=True, max_length=64)
    verdict: str  # Verdict values
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    reviewer: str
    decided_at: datetime = Field(default_factory=utcnow)


class PassageBand(SQLModel, table=True):
    """One LSH band of a passage's MinHash signature: near-duplicate candidates are the passages
    sharing a (band, hash) row with the probe, found with one indexed IN() query.
    """

    __tablename__ = "passage_bands"
    __table_args__ = (Index("ix_passage_bands_hash", "hash"),)

    passage_id: int = Field(foreign_key="passages.id", primary_key=True)
    band: int = Field(primary_key=True)
    hash: int = Field(sa_column=Column(BigInteger, nullable=False))


class NumberRun(SQLModel, table=True):
    """A run of consecutive numbers in one of a document's tables, hashed (corpus/numbers.py): the
    documents sharing runs with a new package's tables are found with one indexed IN() query.
    """

    __tablename__ = "number_runs"
    __table_args__ = (Index("ix_number_runs_hash", "hash"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    hash: int = Field(sa_column=Column(BigInteger, nullable=False))
    page: int | None = None
    quote: str = Field(sa_column=Column(Text, nullable=False))
