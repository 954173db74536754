"""What a review asks of the corpus (`--against`): the package's passages that copy other parks'
passages, and its tables whose runs of numbers another park (or another year) already states.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session

from checks.model import CorpusMatch, Submission
from corpus.neardup import Probe, find_copies
from corpus.numbers import package_number_matches
from corpus.text import document_passages


def package_probes(package: Submission) -> list[Probe]:
    """The prose passages of a package's readable documents (table rows go to the number runs)."""
    return [
        Probe(document.file, item.page, item.text)
        for document in package.documents
        for item in document_passages(document)
        if not item.in_table
    ]


def package_matches(
    session: Session, package: Submission, parks: Collection[int] | None = None
) -> tuple[CorpusMatch, ...]:
    """Everything the integrity checks need from the corpus; `parks` (ids) limits the corpus."""
    own = {d.sha256 for d in package.documents if d.sha256}
    copies = find_copies(session, package_probes(package), package.park, own, parks)
    return (*copies, *package_number_matches(session, package, parks))
