"""The service's one adapter to the corpus: it reads and writes the corpus rows (parks,
submissions, documents, findings, dispositions) and converts them to the API shapes of
`service/schemas.py`, applying the caller's access `Scope` in SQL. Only this module changes when
the corpus does; routers and pages never touch rows.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from corpus.neardup import Probe
from corpus.neardup import similar as corpus_similar
from corpus.search import MARK, SearchFilters
from corpus.search import search as corpus_search
from corpus.store import get_park, package_key, province_of, store_document, store_findings
from corpus.tables import (
    Disposition,
    Document,
    Fact,
    Finding,
    NumberRun,
    Park,
    Passage,
    PassageBand,
    Section,
    Submission,
    SubmissionStatus,
)
from service.access import Scope
from service.labels import SEVERITIES, ui
from service.review import ReviewResult
from service.review_json import EvidenceOut, ReviewOut, to_contract
from service.schemas import DocumentView, FindingView, SearchHit, SeverityCounts, SimilarHit, SubmissionSummary
from service.tables import Job, JobStatus, ReviewRecord, utcnow

REVIEW_STATUS = {
    JobStatus.queued: "queued",
    JobStatus.running: "running",
    JobStatus.done: "reviewed",
    JobStatus.failed: "failed",
}


@dataclass(frozen=True)
class QueueQuery:
    """Filters and order of the triage queue."""

    province: str | None = None
    stage: str | None = None
    status: str | None = None
    risk: str | None = None  # only submissions with an open finding at least this severe
    park: str | None = None
    sort: str = "risk"
    order: str = "desc"


SORT_KEYS = ("id", "park", "province", "stage", "status", "risk", "created_at")


def _scoped(statement, scope: Scope):
    if scope.park_id is not None:
        statement = statement.where(Submission.park_id == scope.park_id)
    if scope.province is not None:
        statement = statement.join(Park, Park.id == Submission.park_id).where(Park.province == scope.province)
    return statement


def visible_submission(session: Session, scope: Scope, submission_id: int) -> Submission | None:
    """The submission if it exists and the scope may see it."""
    return session.exec(_scoped(select(Submission).where(Submission.id == submission_id), scope)).first()


def visible_document(session: Session, scope: Scope, document_id: int) -> Document | None:
    """The document if its submission is visible."""
    document = session.get(Document, document_id)
    if document is None or visible_submission(session, scope, document.submission_id) is None:
        return None
    return document


def parks_in_scope(session: Session, scope: Scope) -> list[Park]:
    """Parks the scope may upload for or filter by."""
    statement = select(Park).order_by(Park.name)
    if scope.park_id is not None:
        statement = statement.where(Park.id == scope.park_id)
    if scope.province is not None:
        statement = statement.where(Park.province == scope.province)
    return list(session.exec(statement).all())


def provinces(session: Session, scope: Scope) -> list[str]:
    """Provinces of the visible parks, for the filters."""
    return sorted({p.province for p in parks_in_scope(session, scope) if p.province})


def create_submission(session: Session, hashes: Sequence[str], park_id: int | None, source: str) -> Submission:
    """A new submission for an upload, or the existing one with the same files (uploads are idempotent)."""
    key = package_key(hashes)
    existing = session.exec(select(Submission).where(Submission.package_key == key)).first()
    if existing is not None:
        return existing
    submission = Submission(park_id=park_id, package_key=key, source=source)
    session.add(submission)
    session.commit()
    session.refresh(submission)
    return submission


def latest_jobs(session: Session, submission_ids: Sequence[int]) -> dict[int, Job]:
    """The newest job of each submission."""
    jobs: dict[int, Job] = {}
    if not submission_ids:
        return jobs
    for job in session.exec(select(Job).where(col(Job.submission_id).in_(submission_ids)).order_by(Job.id)).all():
        jobs[job.submission_id] = job
    return jobs


def _decisions(session: Session, findings: Sequence[Finding]) -> dict[str, Disposition]:
    """The latest disposition per finding fingerprint (a decision survives a re-review)."""
    prints = {f.fingerprint for f in findings}
    latest: dict[str, Disposition] = {}
    if not prints:
        return latest
    rows = session.exec(
        select(Disposition)
        .where(col(Disposition.fingerprint).in_(prints))
        .order_by(Disposition.decided_at, Disposition.id)
    ).all()
    for row in rows:
        latest[row.fingerprint] = row
    return latest


def _counts(session: Session, submission_ids: Sequence[int]) -> dict[int, SeverityCounts]:
    findings = session.exec(select(Finding).where(col(Finding.submission_id).in_(submission_ids))).all()
    decided = _decisions(session, findings)
    counts: dict[int, SeverityCounts] = defaultdict(SeverityCounts)
    for f in findings:
        d = decided.get(f.fingerprint)
        if d is not None and d.verdict == "dismissed":
            continue
        c = counts[f.submission_id]
        setattr(c, f.severity, getattr(c, f.severity, 0) + 1)
    return counts


def _risk(counts: SeverityCounts) -> int:
    weights = ui().risk_weights
    return sum(weights.get(s, 0) * getattr(counts, s) for s in SEVERITIES)


def summaries(session: Session, submissions: Sequence[Submission]) -> list[SubmissionSummary]:
    """Queue rows for these submissions: park, province, review status, open counts and risk."""
    ids = [s.id for s in submissions if s.id is not None]
    parks = {
        p.id: p for p in session.exec(select(Park).where(col(Park.id).in_({s.park_id for s in submissions}))).all()
    }
    jobs, counts = latest_jobs(session, ids), _counts(session, ids)
    out = []
    for s in submissions:
        park, job = parks.get(s.park_id), jobs.get(s.id)
        c = counts.get(s.id, SeverityCounts())
        out.append(
            SubmissionSummary(
                id=s.id,
                park_id=s.park_id,
                park=park.name if park else None,
                province=park.province if park else None,
                stage=s.stage,
                status=REVIEW_STATUS[job.status] if job else "reviewed",
                error=job.error if job and job.status == JobStatus.failed else None,
                created_at=s.created_at,
                counts=c,
                risk=_risk(c),
            )
        )
    return out


def queue(session: Session, scope: Scope, query: QueueQuery) -> list[SubmissionSummary]:
    """The triage queue: visible submissions, filtered and sorted."""
    statement = _scoped(select(Submission), scope)
    if query.stage:
        statement = statement.where(Submission.stage == query.stage)
    rows = summaries(session, session.exec(statement).all())
    if query.province:
        rows = [r for r in rows if r.province == query.province]
    if query.status:
        rows = [r for r in rows if r.status == query.status]
    if query.park:
        rows = [r for r in rows if r.park and query.park in r.park]
    if query.risk in SEVERITIES:
        worse = SEVERITIES[: SEVERITIES.index(query.risk) + 1]
        rows = [r for r in rows if any(getattr(r.counts, s) for s in worse)]
    key = query.sort if query.sort in SORT_KEYS else "risk"
    rows.sort(
        key=lambda r: (
            getattr(r, key) is None,
            getattr(r, key) or 0 if key in ("risk", "id") else str(getattr(r, key) or ""),
        )
    )
    if query.order == "desc":
        rows.reverse()
    return rows


def finding_views(session: Session, submission_id: int) -> list[FindingView]:
    """The submission's findings with their dispositions, most severe first."""
    findings = session.exec(select(Finding).where(Finding.submission_id == submission_id).order_by(Finding.id)).all()
    decided = _decisions(session, findings)
    return sorted(
        (_finding_view(f, decided.get(f.fingerprint)) for f in findings),
        key=lambda v: SEVERITIES.index(v.severity) if v.severity in SEVERITIES else 9,
    )


def _finding_view(f: Finding, d: Disposition | None) -> FindingView:
    return FindingView(
        id=f.id,
        rule=f.rule,
        severity=f.severity,
        document=_document_name(f),
        subject=f.subject,
        message=f.message,
        basis=f.basis,
        evidence=[EvidenceOut.model_validate(e) for e in f.evidence],
        decision=d.verdict if d else None,
        note=d.note if d else None,
        decided_by=d.reviewer if d else None,
        decided_at=d.decided_at if d else None,
    )


def _document_name(f: Finding) -> str | None:
    evidence = f.evidence or []
    return evidence[0].get("document") if evidence and isinstance(evidence[0], dict) else None


def document_views(session: Session, submission_id: int) -> list[DocumentView]:
    """The submission's stored documents."""
    rows = session.exec(select(Document).where(Document.submission_id == submission_id).order_by(Document.id)).all()
    return [
        DocumentView(id=d.id, file=d.file, kind=d.kind, sha256=d.sha256, pages=d.pages, chars=d.chars, error=d.error)
        for d in rows
    ]


def review_of(session: Session, submission_id: int) -> ReviewOut | None:
    """The stored contract JSON of the submission's latest review."""
    record = session.get(ReviewRecord, submission_id)
    return ReviewOut.model_validate_json(record.review_json) if record else None


def plan_review_for(session: Session, submission: Submission) -> ReviewOut | None:
    """The newest earlier review of the same park that has an implementation plan (for comparison)."""
    if submission.park_id is None:
        return None
    others = session.exec(
        select(Submission.id)
        .where(Submission.park_id == submission.park_id, Submission.id != submission.id)
        .order_by(col(Submission.id).desc())
    ).all()
    for other in others:
        review = review_of(session, other)
        if review and any(d.kind == "implementation_plan" for d in review.documents):
            return review
    return None


def finding_submission(session: Session, scope: Scope, finding_id: int) -> Finding | None:
    """The finding if its submission is visible."""
    finding = session.get(Finding, finding_id)
    if finding is None or visible_submission(session, scope, finding.submission_id) is None:
        return None
    return finding


def dispose(session: Session, finding: Finding, decision: str, note: str, reviewer: str) -> FindingView:
    """Record a reviewer's decision (the history is kept; the latest counts)."""
    row = Disposition(
        finding_id=finding.id, fingerprint=finding.fingerprint, verdict=decision, note=note, reviewer=reviewer
    )
    session.add(row)
    session.commit()
    return _finding_view(finding, row)


def stored_file(data_dir: Path, document: Document) -> Path:
    """Where the document's original bytes are kept."""
    return data_dir / document.stored_path


def _clear_documents(session: Session, submission_id: int) -> list[int]:
    """Drop an earlier review's documents, passages and bands; its findings stay (detached from
    their documents) until the new findings have taken over their dispositions. Returns their ids.
    """
    doc_ids = select(Document.id).where(Document.submission_id == submission_id)
    finding_ids = list(session.exec(select(Finding.id).where(Finding.submission_id == submission_id)).all())
    session.execute(update(Finding).where(col(Finding.id).in_(finding_ids)).values(document_id=None))
    passages = select(Passage.id).where(col(Passage.document_id).in_(doc_ids))
    session.execute(delete(PassageBand).where(col(PassageBand.passage_id).in_(passages)))
    for table in (NumberRun, Passage, Section, Fact):
        session.execute(delete(table).where(col(table.document_id).in_(doc_ids)))
    session.execute(delete(Document).where(Document.submission_id == submission_id))
    return finding_ids


def save_review(
    session: Session, data_dir: Path, submission_id: int, job_id: int, result: ReviewResult, data: dict[str, bytes]
) -> None:
    """Replace the submission's documents and findings with this review's (through the corpus's
    own conversion, `corpus.store`), carry reviewers' decisions over, keep the contract JSON.
    """
    package = result.submission
    submission = session.get(Submission, submission_id)
    assert submission is not None
    old_findings = _clear_documents(session, submission_id)
    park = session.get(Park, submission.park_id) if submission.park_id else None
    park = park or get_park(session, package.park, province_of(package))
    park_name = park.name if park else None
    rows: dict[str, int] = {}
    for document in package.documents:
        if document.file not in rows:
            stored = store_document(session, data_dir, submission_id, park_name, document, data.get(document.file))
            rows[document.file] = stored.id
    store_findings(session, submission_id, park_name, result.findings, rows)
    session.execute(delete(Disposition).where(col(Disposition.finding_id).in_(old_findings)))
    session.execute(delete(Finding).where(col(Finding.id).in_(old_findings)))
    dates = package.dates
    application = dates.application_date.value if dates.application_date else None
    submission.park_id = park.id if park else None
    submission.stage = package.stage.value
    submission.approval_date = dates.approval_date.value if dates.approval_date else None
    submission.application_date = application
    submission.baseline_year = dates.baseline_year.value if dates.baseline_year else None
    submission.year = application.year if application else None
    submission.status, submission.reviewed_at = SubmissionStatus.COMPLETE, utcnow()
    session.add(submission)
    record = session.get(ReviewRecord, submission_id) or ReviewRecord(submission_id=submission_id, review_json="")
    record.job_id, record.created_at = job_id, utcnow()
    record.review_json = to_contract(result).model_dump_json(by_alias=True)
    session.add(record)
    session.commit()


def _marked(snippet: str) -> str:
    """The corpus snippet (query words in 【】) as HTML with <mark>."""
    return html.escape(snippet).replace(MARK[0], "<mark>").replace(MARK[1], "</mark>")


def search(
    session: Session, scope: Scope, query: str, province: str | None = None, kind: str | None = None, limit: int = 50
) -> list[SearchHit]:
    """The corpus's full-text search (`corpus.search`), restricted to what the scope may see."""
    park = session.get(Park, scope.park_id) if scope.park_id is not None else None
    if (scope.park_id is not None and park is None) or (scope.province and province not in (None, scope.province)):
        return []
    filters = SearchFilters(park=park.name if park else None, province=scope.province or province, kind=kind)
    hits = corpus_search(session, query[:200], filters, limit=limit)
    found = session.exec(
        select(Passage.id, Document.id, Document.submission_id)
        .join(Document, Document.id == Passage.document_id)
        .where(col(Passage.id).in_([h.passage_id for h in hits]))
    ).all()
    where = {pid: (sid, did) for pid, did, sid in found}
    return [
        SearchHit(
            submission_id=where.get(h.passage_id, (None, None))[0],
            document_id=where.get(h.passage_id, (None, None))[1],
            park=h.park,
            file=h.document,
            kind=h.kind,
            page=h.page,
            snippet=_marked(h.snippet),
            score=h.score,
        )
        for h in hits
    ]


def similar_passages(session: Session, scope: Scope, document: Document, limit: int = 30) -> list[SimilarHit]:
    """Stored passages of other documents closest to this document's (`corpus.neardup.similar`),
    only from parks the scope may see.
    """
    passages = session.exec(select(Passage).where(Passage.document_id == document.id).order_by(Passage.ordinal)).all()
    submission = session.get(Submission, document.submission_id)
    park = session.get(Park, submission.park_id) if submission and submission.park_id else None
    probes = [Probe(document.file, p.page, p.text) for p in passages]
    _documents, pairs = corpus_similar(session, probes, park.name if park else None, exclude_sha256={document.sha256})
    visible = None if scope.everything else {p.name for p in parks_in_scope(session, scope)}
    return [
        SimilarHit(
            page=pair.page,
            text=pair.text,
            park=pair.park,
            file=pair.document,
            other_page=pair.other_page,
            other_text=pair.other_text,
            similarity=pair.similarity,
        )
        for pair in pairs
        if visible is None or pair.park in visible
    ][:limit]
