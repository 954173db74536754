"""The service's own rows: users, API and session tokens, the audit log and review jobs.

Parks, submissions, documents, findings and dispositions belong to the corpus (`corpus/tables.py`);
these tables only point at them by id. Nothing here knows about extractors or checks.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from corpus.tables import utcnow


class Role(StrEnum):
    """Who may do what: see `service/access.py`."""

    park = "park"
    reviewer = "reviewer"
    auditor = "auditor"
    admin = "admin"


class JobStatus(StrEnum):
    """A review job's life: queued → running → done, or failed (with the reason) and retried."""

    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class User(SQLModel, table=True):
    """A person: a park's staff (bound to one park), a reviewer (bound to a province, or national
    when `province` is empty), an auditor or an administrator.
    """

    __tablename__ = "svc_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    display_name: str = Field(max_length=128)
    password_hash: str
    role: Role
    park_id: int | None = Field(default=None, foreign_key="parks.id", index=True)
    province: str | None = Field(default=None, max_length=32)
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class ApiToken(SQLModel, table=True):
    """A bearer token (API) or a login session (web cookie); only its SHA-256 is stored."""

    __tablename__ = "svc_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="svc_user.id", index=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    kind: str = Field(default="api", max_length=16)
    label: str = Field(default="", max_length=128)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime | None = None


class AuditEntry(SQLModel, table=True):
    """Who viewed, uploaded, changed or exported what, and when."""

    __tablename__ = "svc_audit"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, index=True)
    username: str = Field(default="", max_length=64)
    action: str = Field(max_length=32)
    target: str = Field(default="", max_length=64)
    target_id: int | None = None
    detail: str = ""


class Job(SQLModel, table=True):
    """One review of one uploaded package. The files are on disk under `upload_dir` before the
    job row is committed, so a worker that dies loses nothing: the job can be run again.
    """

    __tablename__ = "svc_job"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submissions.id", index=True)
    status: JobStatus = Field(default=JobStatus.queued, index=True)
    upload_dir: str
    today: str | None = Field(default=None, max_length=10)
    attempts: int = 0
    error: str | None = None
    created_by: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None


class ReviewRecord(SQLModel, table=True):
    """The contract JSON (`eipcheck.review/1`) of a submission's latest review, as exported and
    as the submission page's coverage, facts and comparison are computed from.
    """

    __tablename__ = "svc_review"

    submission_id: int = Field(foreign_key="submissions.id", primary_key=True)
    job_id: int | None = Field(default=None, foreign_key="svc_job.id")
    review_json: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
