"""The service's one adapter to the corpus: it reads and writes the corpus rows (parks,
submissions, documents, findings, dispositions) and converts them to the API shapes of
`service/schemas.py`, applying the caller's access `Scope` in SQL. Only this module changes when
the corpus does; routers and pages never touch rows.
"""

from __future__ import annotations

import hashlib
import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jieba
from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from corpus.tables import Disposition, Document, Fact, Finding, Park, Passage, Section, Submission
from extractors.model import Document as ExtractedDocument
from extractors.model import TextBlock
from service.access import Scope
from service.labels import SEVERITIES, ui
from service.review import ReviewResult
from service.review_json import EvidenceOut, ReviewOut, to_contract
from service.schemas import DocumentView, FindingView, SearchHit, SeverityCounts, SubmissionSummary
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


def package_key(hashes: Sequence[str]) -> str:
    """The corpus's idempotency key: SHA-256 over the sorted file hashes."""
    return hashlib.sha256("\n".join(sorted(hashes)).encode()).hexdigest()


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


def counts_by_status(session: Session) -> dict[str, int]:
    """How many submissions per review status (for the health page)."""
    rows = session.exec(select(Job.status, func.count()).group_by(Job.status)).all()
    return {REVIEW_STATUS[JobStatus(s)]: n for s, n in rows}


def stored_file(data_dir: Path, document: Document) -> Path:
    """Where the document's original bytes are kept."""
    return data_dir / document.stored_path


def _fingerprint(rule: str, subject: str, document: str | None, quotes: Sequence[str]) -> str:
    return hashlib.sha256("\x1f".join([rule, subject, document or "", *quotes]).encode()).hexdigest()


def _blob(data_dir: Path, path: Path) -> tuple[str, str, int]:
    """Keep the file byte-for-byte in the content-addressed store; never overwrite."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    relative = Path("blobs") / digest[:2] / digest[2:4] / digest
    target = data_dir / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return digest, str(relative), len(data)


def _park_for(session: Session, submission: Submission, review: ReviewOut) -> int | None:
    """The uploader's park, else the park the documents name (created on first sight)."""
    if submission.park_id is not None or not review.submission.park:
        return submission.park_id
    name = review.submission.park
    park = session.exec(select(Park).where(Park.name == name)).first()
    if park is None:
        texts = [name, *(i.value for i in review.facts.identity)]
        province = next((p for p in map(ui().province_in, texts) if p), None)
        park = Park(name=name, province=province)
        session.add(park)
        session.flush()
    return park.id


def _passages(session: Session, document_id: int, document: ExtractedDocument | None) -> None:
    """The document's paragraphs as searchable passages (TOC lines and fragments left out)."""
    if document is None or document.raw is None:
        return
    ordinal = 0
    for block in document.raw.blocks:
        if not isinstance(block, TextBlock) or block.in_toc or len(block.text.strip()) < 8:
            continue
        text = block.text.strip()
        session.add(
            Passage(
                document_id=document_id, ordinal=ordinal, page=block.page, text=text, tokens=" ".join(jieba.lcut(text))
            )
        )
        ordinal += 1


def _clear_documents(session: Session, submission_id: int) -> list[int]:
    """Drop an earlier review's documents and passages; its findings stay (detached from their
    documents) until their dispositions have moved to the new findings. Returns their ids.
    """
    doc_ids = select(Document.id).where(Document.submission_id == submission_id)
    finding_ids = list(session.exec(select(Finding.id).where(Finding.submission_id == submission_id)).all())
    session.execute(update(Finding).where(col(Finding.id).in_(finding_ids)).values(document_id=None))
    for table in (Passage, Section, Fact):
        session.execute(delete(table).where(col(table.document_id).in_(doc_ids)))
    session.execute(delete(Document).where(Document.submission_id == submission_id))
    return finding_ids


def _carry_dispositions(session: Session, submission_id: int, old_ids: list[int]) -> None:
    """Decisions on the earlier findings follow the same finding (by fingerprint) in the new
    review; decisions on findings that are gone go with them.
    """
    if not old_ids:
        return
    new = session.exec(
        select(Finding.fingerprint, Finding.id).where(
            Finding.submission_id == submission_id, col(Finding.id).not_in(old_ids)
        )
    ).all()
    for fingerprint, finding_id in new:
        session.execute(
            update(Disposition)
            .where(col(Disposition.finding_id).in_(old_ids), Disposition.fingerprint == fingerprint)
            .values(finding_id=finding_id)
        )
    session.execute(delete(Disposition).where(col(Disposition.finding_id).in_(old_ids)))
    session.execute(delete(Finding).where(col(Finding.id).in_(old_ids)))


def save_review(
    session: Session, data_dir: Path, submission_id: int, job_id: int, result: ReviewResult, files: Sequence[Path]
) -> None:
    """Replace the submission's documents and findings with this review's; keep its JSON."""
    review = to_contract(result)
    extracted = {d.file: d for d in result.submission.documents}
    submission = session.get(Submission, submission_id)
    assert submission is not None
    old_findings = _clear_documents(session, submission_id)
    stored = {p.name: _blob(data_dir, p) for p in files}
    doc_ids: dict[str, int | None] = {}
    for d in review.documents:
        digest, relative, size = stored.get(d.file, (d.sha256, "", 0))
        row = Document(
            submission_id=submission_id,
            file=d.file,
            sha256=d.sha256 or digest,
            size=size,
            kind=d.kind,
            pages=d.pages,
            chars=d.chars,
            stored_path=relative,
            error=d.error,
        )
        session.add(row)
        session.flush()
        doc_ids[d.file] = row.id
        _passages(session, row.id, extracted.get(d.file))
    for f in review.findings:
        quotes = [e.quote for e in f.evidence]
        session.add(
            Finding(
                submission_id=submission_id,
                document_id=doc_ids.get(f.document or ""),
                rule=f.rule,
                severity=f.severity,
                subject=f.subject,
                message=f.message,
                basis=f.basis,
                evidence=[e.model_dump() for e in f.evidence],
                measure=f.measure.model_dump() if f.measure else None,
                fingerprint=_fingerprint(f.rule, f.subject, f.document, quotes),
            )
        )
    session.flush()
    _carry_dispositions(session, submission_id, old_findings)
    submission.park_id = _park_for(session, submission, review)
    submission.stage = review.submission.stage
    submission.approval_date = review.facts.dates.approval_date
    submission.application_date = review.facts.dates.application_date
    submission.baseline_year = review.facts.dates.baseline_year
    submission.year = submission.application_date.year if submission.application_date else None
    submission.status = "complete"
    submission.reviewed_at = utcnow()
    session.add(submission)
    record = session.get(ReviewRecord, submission_id) or ReviewRecord(submission_id=submission_id, review_json="")
    record.job_id, record.review_json, record.created_at = job_id, review.model_dump_json(by_alias=True), utcnow()
    session.add(record)
    session.commit()


def _snippet(text: str, query: str, width: int = 60) -> str:
    """The passage around the first match, HTML-escaped, the match in <mark>."""
    at = text.find(query)
    start = max(0, at - width) if at >= 0 else 0
    piece = text[start : start + 2 * width + len(query)]
    escaped = html.escape(piece)
    marked = escaped.replace(html.escape(query), f"<mark>{html.escape(query)}</mark>") if query else escaped
    return ("…" if start else "") + marked + ("…" if start + len(piece) < len(text) else "")


def search(
    session: Session, scope: Scope, query: str, province: str | None = None, kind: str | None = None, limit: int = 50
) -> list[SearchHit]:
    """Passages of visible submissions containing the query (substring match), newest first."""
    query = query.strip()
    if not query:
        return []
    statement = (
        select(Passage, Document, Submission)
        .join(Document, Document.id == Passage.document_id)
        .join(Submission, Submission.id == Document.submission_id)
        .where(col(Passage.text).contains(query, autoescape=True))
    )
    if scope.park_id is not None:
        statement = statement.where(Submission.park_id == scope.park_id)
    if scope.province is not None or province:
        statement = statement.join(Park, Park.id == Submission.park_id)
        if scope.province is not None:
            statement = statement.where(Park.province == scope.province)
        if province:
            statement = statement.where(Park.province == province)
    if kind:
        statement = statement.where(Document.kind == kind)
    rows = session.exec(statement.order_by(col(Submission.id).desc(), Passage.ordinal).limit(limit)).all()
    parks = {p.id: p.name for p in session.exec(select(Park)).all()}
    return [
        SearchHit(
            submission_id=s.id,
            document_id=d.id,
            park=parks.get(s.park_id),
            file=d.file,
            kind=d.kind,
            page=p.page,
            snippet=_snippet(p.text, query),
        )
        for p, d, s in rows
    ]
