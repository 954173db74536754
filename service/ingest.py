"""`eipcheck ingest`: the service wires reader, checks and corpus to store packages, each reviewed
(against what is stored already) and kept with its findings. A folder holding files is one
package, a zip is one package, files named together on the command line are one package.

Idempotent by content: a package is known by the hashes of its files, so ingesting it again changes
nothing, and each original is stored once (content-addressed). Resumable: every package is written
in one transaction and marked `complete` at its end; an interrupted run leaves nothing half-stored
but blobs (harmless), and running it again skips the packages already complete.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select

from corpus import tables as t
from corpus.db import Corpus, session_scope
from corpus.matches import package_matches
from corpus.store import get_park, package_key, province_of, store_document, store_findings
from extractors.limits import ReadLimits
from extractors.package import expand
from service.review import review_inputs

log = logging.getLogger("eipcheck.ingest")

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".wps", ".ofd", ".zip")


@dataclass(frozen=True)
class PackageSource:
    """Where one package comes from: a folder, a zip, or loose files named together."""

    label: str
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one package."""

    source: str
    status: str  # stored | skipped | empty
    submission_id: int | None = None
    park: str | None = None
    documents: int = 0
    findings: int = 0


def find_packages(paths: list[Path]) -> list[PackageSource]:
    """Every folder that directly holds documents is a package, every zip is one, and the loose files
    named on the command line together are one; folders are walked in name order.
    """
    found: list[PackageSource] = []
    loose = [p for p in paths if p.is_file() and p.suffix.lower() != ".zip"]
    if loose:
        found.append(PackageSource(" ".join(str(p) for p in loose), tuple(loose)))
    for path in paths:
        if path.is_file() and path.suffix.lower() == ".zip":
            found.append(PackageSource(str(path), (path,)))
        elif path.is_dir():
            found.extend(_folder_packages(path))
    return found


def _folder_packages(folder: Path) -> Iterator[PackageSource]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
    documents = tuple(p for p in files if p.suffix.lower() in DOCUMENT_SUFFIXES and p.suffix.lower() != ".zip")
    if documents:
        yield PackageSource(str(folder), documents)
    for zipped in (p for p in files if p.suffix.lower() == ".zip"):
        yield PackageSource(str(zipped), (zipped,))
    for child in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        yield from _folder_packages(child)


def ingest(corpus: Corpus, sources: list[PackageSource], *, today: date, progress: bool = False) -> list[IngestOutcome]:
    """Store each package not stored yet; a progress bar on stderr when asked."""
    from tqdm import tqdm

    outcomes = []
    limits = ReadLimits.from_env()
    bar = tqdm(sources, desc="入库", unit="包", disable=not progress, dynamic_ncols=True)
    for source in bar:
        bar.set_postfix_str(Path(source.label).name[-30:])
        outcomes.append(ingest_package(corpus, source, today=today, limits=limits))
    return outcomes


def ingest_package(corpus: Corpus, source: PackageSource, *, today: date, limits: ReadLimits) -> IngestOutcome:
    """Review and store one package in one transaction, unless its files are stored already."""
    inputs = list(expand(list(source.paths), limits))
    if not inputs:
        return IngestOutcome(source.label, "empty")
    key = package_key([hashlib.sha256(i.data).hexdigest() if i.data is not None else i.name for i in inputs])
    with session_scope(corpus) as session:
        existing = session.execute(select(t.Submission).where(t.Submission.package_key == key)).scalar_one_or_none()
        if existing is not None and existing.status == t.SubmissionStatus.COMPLETE:
            return IngestOutcome(source.label, "skipped", existing.id)
        if existing is not None:  # left over by an interrupted run of another writer: start again
            _remove(session, existing.id)
        result = review_inputs(inputs, today=today, limits=limits, against=lambda p: package_matches(session, p))
        package = result.submission
        park = get_park(session, package.park, province_of(package))
        dates = package.dates
        application = dates.application_date.value if dates.application_date else None
        submission = t.Submission(
            park_id=park.id if park else None,
            package_key=key,
            source=source.label,
            stage=package.stage.value,
            year=application.year if application else None,
            approval_date=dates.approval_date.value if dates.approval_date else None,
            application_date=application,
            baseline_year=dates.baseline_year.value if dates.baseline_year else None,
        )
        session.add(submission)
        session.flush()
        data = {item.name: item.data for item in inputs}
        rows: dict[str, int] = {}
        by_hash: dict[str, int] = {}  # the same file twice in a package (under two names) is stored once
        for document in package.documents:
            if document.file in rows:
                continue
            if document.sha256 not in by_hash:
                by_hash[document.sha256] = store_document(
                    session, corpus.data_dir, submission.id, package.park, document, data.get(document.file)
                ).id
            rows[document.file] = by_hash[document.sha256]
        stored = store_findings(session, submission.id, package.park, result.findings, rows)
        submission.status = t.SubmissionStatus.COMPLETE
        submission.reviewed_at = t.utcnow()
        log.info("已入库 %s：%d 份文件，%d 条审查意见", source.label, len(rows), len(stored))
        return IngestOutcome(source.label, "stored", submission.id, package.park, len(rows), len(stored))


def _remove(session, submission_id: int) -> None:
    """Delete a submission and everything stored under it (its blobs stay: other rows may share them)."""
    documents = select(t.Document.id).where(t.Document.submission_id == submission_id)
    passages = select(t.Passage.id).where(t.Passage.document_id.in_(documents))
    findings = select(t.Finding.id).where(t.Finding.submission_id == submission_id)
    session.execute(delete(t.PassageBand).where(t.PassageBand.passage_id.in_(passages)))
    session.execute(delete(t.NumberRun).where(t.NumberRun.document_id.in_(documents)))
    session.execute(delete(t.Passage).where(t.Passage.document_id.in_(documents)))
    session.execute(delete(t.Section).where(t.Section.document_id.in_(documents)))
    session.execute(delete(t.Fact).where(t.Fact.document_id.in_(documents)))
    session.execute(delete(t.Disposition).where(t.Disposition.finding_id.in_(findings)))
    session.execute(delete(t.Finding).where(t.Finding.submission_id == submission_id))
    session.execute(delete(t.Document).where(t.Document.submission_id == submission_id))
    session.execute(delete(t.Submission).where(t.Submission.id == submission_id))
