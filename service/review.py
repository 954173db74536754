"""Review one package: expand the inputs, read every file, build the submission, run the checks.

The one place where extractors and checks meet; the CLI and the API both call `review_inputs`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checks import run_checks
from checks.model import CheckContext, CorpusMatch, Finding, Submission
from checks.submission import build_submission
from extractors.limits import ReadLimits
from extractors.package import InputFile, UsageProblem, expand, missing_paths
from extractors.reader import read_document, unreadable

log = logging.getLogger("eipcheck.review")


@dataclass(frozen=True)
class ReviewResult:
    """A reviewed package and the problems with the call itself (paths that do not exist)."""

    submission: Submission
    findings: tuple[Finding, ...]
    errors: tuple[UsageProblem, ...] = ()


Against = Callable[[Submission], tuple[CorpusMatch, ...]]


def review_inputs(
    inputs: Iterable[InputFile],
    *,
    today: date,
    errors: tuple[UsageProblem, ...] = (),
    limits: ReadLimits | None = None,
    against: Against | None = None,
) -> ReviewResult:
    """Read each input (a bad one becomes an unreadable document) and run every check; `against`
    looks the package up in a corpus first (copies of other parks' passages).
    """
    limits = limits or ReadLimits.from_env()
    documents = []
    for item in inputs:
        log.info("读取 %s", item.name)
        if item.error is not None:
            documents.append(unreadable(item.name, item.data, item.error))
        else:
            documents.append(read_document(item.data, item.name, limits))
    submission = build_submission(documents)
    matches = against(submission) if against else ()
    findings = run_checks(submission, CheckContext(today=today, corpus_matches=matches))
    return ReviewResult(submission, tuple(findings), errors)


def review_paths(
    paths: list[Path], *, today: date, limits: ReadLimits | None = None, against: Against | None = None
) -> ReviewResult:
    """Review the files, folders and zips named on the command line as one package."""
    limits = limits or ReadLimits.from_env()
    problems = tuple(missing_paths(paths))
    present = [p for p in paths if p.exists()]
    return review_inputs(expand(present, limits), today=today, errors=problems, limits=limits, against=against)
