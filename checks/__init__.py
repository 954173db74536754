"""Rules → findings. The registry below is the explicit, readable list of every check; a test
fails if a check module is missing from it or a contract rule id is not registered.
Checks never touch files, storage or the clock.
"""

from __future__ import annotations

from checks.model import Check, CheckContext, Finding, Submission
from checks.outline import missing_section
from checks.wordcount import over_limit

REGISTRY: tuple[Check, ...] = (
    missing_section.CHECK,
    over_limit.CHECK,
)


def run_checks(submission: Submission, context: CheckContext, registry: tuple[Check, ...] = REGISTRY) -> list[Finding]:
    """Every finding of every check, in registry order."""
    return [finding for check in registry for finding in check.run(submission, context)]
