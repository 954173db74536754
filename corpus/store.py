"""The one place where domain objects become rows: a reviewed package (extractor Documents, the
check Submission and its Findings) is written as a submission with its documents, sections,
passages (with their full-text words and LSH bands), facts and findings. Reviewer dispositions of
an earlier review carry over to the same finding by fingerprint.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from pydantic_core import to_jsonable_python
from sqlmodel import Session, select

from checks.model import Finding
from checks.model import Submission as Package
from corpus import tables as t
from corpus.blobs import store_blob
from corpus.neardup import band_keys, comparable, passage_shingles
from corpus.numbers import table_windows
from corpus.text import document_passages, index_text, section_of_blocks
from extractors.model import Document

_PROVINCE_DATA = Path(__file__).parent / "data" / "provinces.toml"


@lru_cache(maxsize=1)
def _provinces() -> re.Pattern[str]:
    with open(_PROVINCE_DATA, "rb") as handle:
        names = tomllib.load(handle)["names"]
    short = {n: re.sub("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", n) for n in names}
    return re.compile("|".join(sorted({*names, *short.values()}, key=len, reverse=True))), short


def province_of(package: Package) -> str | None:
    """The province named by the forms' 园区所在地, else first named in the documents' opening text."""
    pattern, short = _provinces()
    texts = [f.value for d in package.documents for f in d.form_fields if f.id.endswith("location")]
    texts += [" ".join(b.text for b in d.raw.blocks[:40]) for d in package.documents if d.raw is not None]
    for text in texts:
        match = pattern.search(text)
        if match:
            return next((full for full, s in short.items() if match.group(0) in (full, s)), None)
    return None


def package_key(hashes: Sequence[str]) -> str:
    """The identity of a package: its files' hashes, order and names aside."""
    return hashlib.sha256("\n".join(sorted(set(hashes))).encode()).hexdigest()


def get_park(session: Session, name: str | None, province: str | None) -> t.Park | None:
    """The park row with this name, created on first sight."""
    if not name:
        return None
    park = session.exec(select(t.Park).where(t.Park.name == name)).first()
    if park is None:
        park = t.Park(name=name, province=province)
        session.add(park)
        session.flush()
    elif park.province is None and province:
        park.province = province
    return park


def store_document(
    session: Session, data_dir: Path, submission_id: int, park: str | None, document: Document, data: bytes | None
) -> t.Document:
    """The document row, its original in the blob store, and its sections, passages, bands and facts."""
    stored = store_blob(data_dir, data) if data is not None else ""
    row = t.Document(
        submission_id=submission_id,
        file=document.file,
        sha256=document.sha256,
        size=len(data or b""),
        kind=document.kind.value,
        format=document.raw.format if document.raw else None,
        pages=document.pages,
        chars=document.chars,
        stored_path=stored,
        error=document.error,
    )
    session.add(row)
    session.flush()
    sections = [
        t.Section(
            document_id=row.id, ordinal=i, title=s.title, level=s.level, outline=s.outline, page=s.page, chars=s.chars
        )
        for i, s in enumerate(document.sections)
    ]
    session.add_all(sections)
    session.flush()
    spans = [(i, s.start_block, s.end_block) for i, s in enumerate(document.sections)]
    items = document_passages(document)
    passages = []
    for item in items:
        ordinal = section_of_blocks(spans, item.block)
        passages.append(
            t.Passage(
                document_id=row.id,
                section_id=sections[ordinal].id if ordinal is not None else None,
                ordinal=item.ordinal,
                page=item.page,
                text=item.text,
                tokens=index_text(item.text),
            )
        )
    session.add_all(passages)
    session.flush()
    bands = []
    for item, passage in zip(items, passages, strict=True):
        text = None if item.in_table else comparable(item.text, park)
        if text is not None:
            keys = band_keys(passage_shingles(text))
            bands += [t.PassageBand(passage_id=passage.id, band=b, hash=k) for b, k in enumerate(keys)]
    session.add_all(bands)
    session.add_all(
        t.NumberRun(document_id=row.id, hash=w.hash, page=w.page, quote=w.quote) for w in table_windows(document)
    )
    session.add_all(fact_rows(row.id, document))
    return row


def fact_rows(document_id: int, document: Document) -> list[t.Fact]:
    """Every fact of the document, the searchable parts as columns, the whole fact as JSON."""
    facts = document.facts
    rows: list[t.Fact] = []
    for kind, items in (
        ("indicator", facts.indicators),
        ("project", facts.projects),
        ("task", facts.tasks),
        ("date", facts.dates),
        ("identity", facts.identity),
        ("statement", facts.statements),
    ):
        for item in items:
            data = to_jsonable_python(asdict(item))
            quote = getattr(item, "quote", None)
            rows.append(
                t.Fact(
                    document_id=document_id,
                    type=kind,
                    name=str(data.get("name") or data.get("kind") or data.get("field") or data.get("topic") or ""),
                    value=_number(item),
                    unit=getattr(item, "unit", None),
                    year=getattr(item, "year", None),
                    page=quote.page if quote else None,
                    quote=quote.text if quote else None,
                    data=data,
                )
            )
    return rows


def _number(item) -> float | None:
    for name in ("value", "investment_wan", "number"):
        value = getattr(item, name, None)
        if isinstance(value, int | float):
            return float(value)
    return None


def fingerprint(park: str | None, finding: Finding) -> str:
    """The same finding in a later review of the same park has the same fingerprint."""
    quotes = sorted(e.quote[:200] for e in finding.evidence)
    key = "\n".join([park or "", finding.rule, finding.subject, finding.document or "", *quotes])
    return hashlib.sha256(key.encode()).hexdigest()


def store_findings(
    session: Session, submission_id: int, park: str | None, findings: Sequence[Finding], documents: dict[str, int]
) -> list[t.Finding]:
    """The review's findings, each carrying forward the latest disposition of its fingerprint."""
    rows = []
    for finding in findings:
        row = t.Finding(
            submission_id=submission_id,
            document_id=documents.get(finding.document or ""),
            rule=finding.rule,
            severity=finding.severity.value,
            subject=finding.subject,
            message=finding.message,
            basis=finding.basis,
            evidence=[asdict(e) for e in finding.evidence],
            measure=asdict(finding.measure) if finding.measure else None,
            fingerprint=fingerprint(park, finding),
        )
        rows.append(row)
    session.add_all(rows)
    session.flush()
    for row in rows:
        earlier = latest_disposition(session, row.fingerprint)
        if earlier is not None:
            session.add(
                t.Disposition(
                    finding_id=row.id,
                    fingerprint=row.fingerprint,
                    verdict=earlier.verdict,
                    note=earlier.note,
                    reviewer=earlier.reviewer,
                    decided_at=earlier.decided_at,
                )
            )
    return rows


def latest_disposition(session: Session, fingerprint_value: str) -> t.Disposition | None:
    """The most recent reviewer decision on findings with this fingerprint."""
    query = select(t.Disposition).where(t.Disposition.fingerprint == fingerprint_value)
    return session.exec(query.order_by(t.Disposition.decided_at.desc(), t.Disposition.id.desc())).first()


def dispose(session: Session, finding_id: int, verdict: t.Verdict, reviewer: str, note: str = "") -> t.Disposition:
    """Record a reviewer's decision on a finding (it then holds for the same finding in later reviews)."""
    finding = session.get(t.Finding, finding_id)
    if finding is None:
        raise KeyError(finding_id)
    row = t.Disposition(
        finding_id=finding_id, fingerprint=finding.fingerprint, verdict=verdict.value, note=note, reviewer=reviewer
    )
    session.add(row)
    session.flush()
    return row
