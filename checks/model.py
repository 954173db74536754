"""What checks take and give: the typed submission, the context, the check unit and its findings.

A check is a pure function of (Submission, CheckContext): no files, no database, no clock (today
comes in the context), no settings globals. Findings carry their evidence and legal basis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from extractors.forms import FormSpec, load_forms
from extractors.model import Document, DocumentKind
from extractors.outline import Outline, load_outlines


class Severity(StrEnum):
    """How much a finding weighs for the package (the contract's four levels). The policy:

    blocker  the package cannot pass as it stands: a document the article requires is missing
             (第十条, 第十六条), a value misses the 《标准》 (第十六条 达到《标准》要求的园区),
             a major adjustment was not reported (第十四条 未及时报告的将不予开展验收), the creation
             period is outside 第十三条, the planning EIA is outdated without follow-up (第十条(四)).
    major    the content contradicts itself, the plan or the annex outline, or shows a sign of
             copied material: a reviewer must ask the park to correct or explain it.
    minor    a formality of the forms (word limits) that does not change the substance.
    info     an observation for the reviewer, no correction asked.
    """

    BLOCKER = "blocker"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"


class Stage(StrEnum):
    """Which procedure the package belongs to (`submission.stage`)."""

    APPLICATION = "application"
    ACCEPTANCE = "acceptance"
    ANNUAL = "annual"
    CHANGE = "change"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    """Where a finding can be seen: document, 1-based page (None without pages) and quoted text."""

    document: str
    page: int | None
    quote: str


@dataclass(frozen=True)
class Measure:
    """A measured quantity against its limit, e.g. 623 字 against 500."""

    value: float
    limit: float
    unit: str


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer should look at, with what shows it and the article it rests on."""

    rule: str
    severity: Severity
    document: str | None
    subject: str
    message: str
    basis: str
    evidence: tuple[Evidence, ...] = ()
    measure: Measure | None = None


@dataclass(frozen=True)
class Sourced:
    """A package-level value and where it was read, so a finding can quote it."""

    value: date | int
    document: str
    page: int | None
    quote: str

    def evidence(self) -> Evidence:
        """The quote as a finding's evidence."""
        return Evidence(self.document, self.page, self.quote)


@dataclass(frozen=True)
class PackageDates:
    """The procedure's dates as the package states them, each from the document that owns it."""

    approval_date: Sourced | None = None
    application_date: Sourced | None = None
    baseline_year: Sourced | None = None
    evaluation_start: Sourced | None = None
    evaluation_end: Sourced | None = None
    eia_report_date: Sourced | None = None
    eia_review_date: Sourced | None = None
    eia_followup_date: Sourced | None = None

    def values(self) -> dict[str, date | int | None]:
        """Field name → the bare value (the contract's facts.dates)."""
        return {name: getattr(self, name).value if getattr(self, name) else None for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class Submission:
    """One package: its documents (readable or not), its stage, the park and its dates."""

    documents: tuple[Document, ...]
    stage: Stage = Stage.UNKNOWN
    park: str | None = None
    dates: PackageDates = field(default_factory=PackageDates)

    def of_kind(self, kind: DocumentKind) -> list[Document]:
        """The documents classified as this kind."""
        return [d for d in self.documents if d.kind == kind]

    def first(self, kind: DocumentKind) -> Document | None:
        """The first document of this kind, if any."""
        return next((d for d in self.documents if d.kind == kind), None)


@dataclass(frozen=True)
class CorpusMatch:
    """A passage of the package that (nearly) repeats a passage of another park's stored document.

    Found by the corpus (`corpus/neardup.py`) before the checks run, so checks stay free of storage.
    """

    document: str
    page: int | None
    quote: str
    other_park: str
    other_document: str
    other_page: int | None
    other_quote: str
    similarity: float  # 0–1, rapidfuzz ratio of the two passages with park names masked
    kind: str = "passage"  # passage (integrity.near_duplicate) or numbers (integrity.copied_numbers)
    other_year: int | None = None  # the year of the other submission
    run: int = 0  # for numbers: how many numbers in a row the two tables share


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may consult besides the submission: the date, the rule data, and what the
    corpus found when the review runs against one (`--against`).
    """

    today: date
    outlines: tuple[Outline, ...] = field(default_factory=load_outlines)
    forms: tuple[FormSpec, ...] = field(default_factory=load_forms)
    corpus_matches: tuple[CorpusMatch, ...] = ()

    def outline(self, outline_id: str) -> Outline | None:
        """The outline with this id."""
        return next((o for o in self.outlines if o.id == outline_id), None)

    def form(self, kind: DocumentKind) -> FormSpec | None:
        """The form spec of this document kind."""
        return next((f for f in self.forms if f.kind == kind), None)


@dataclass(frozen=True)
class Check:
    """A registered check: stable id, default severity, the article it enforces, what it does."""

    id: str
    severity: Severity
    basis: str
    summary: str
    run: Callable[[Submission, CheckContext], Iterator[Finding]]
