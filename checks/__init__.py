"""Rules → findings. The registry below is the explicit, readable list of every check; a test
fails if a check module is missing from it or a contract rule id is not registered.
Checks never touch files, storage or the clock.
"""

from __future__ import annotations

from checks.arithmetic import total_mismatch
from checks.change import undisclosed
from checks.consistency import (
    baseline_changed,
    baseline_year_mismatch,
    indicator_dropped,
    project_changed,
    project_dropped,
    target_changed,
)
from checks.form import field_format, required_field_empty, tick_box
from checks.integrity import copied_numbers, foreign_park_name, near_duplicate
from checks.model import Check, CheckContext, Finding, Submission
from checks.outline import missing_section
from checks.package import missing_document
from checks.standard import not_met
from checks.timeline import annual_report_late, certificate_period, creation_period, eia_outdated
from checks.wordcount import over_limit

REGISTRY: tuple[Check, ...] = (
    missing_document.CHECK,
    missing_section.CHECK,
    over_limit.CHECK,
    required_field_empty.CHECK,
    tick_box.CHECK,
    field_format.CHECK,
    indicator_dropped.CHECK,
    target_changed.CHECK,
    baseline_changed.CHECK,
    baseline_year_mismatch.CHECK,
    project_dropped.CHECK,
    project_changed.CHECK,
    undisclosed.CHECK,
    creation_period.CHECK,
    eia_outdated.CHECK,
    certificate_period.CHECK,
    annual_report_late.CHECK,
    not_met.CHECK,
    foreign_park_name.CHECK,
    near_duplicate.CHECK,
    copied_numbers.CHECK,
    total_mismatch.CHECK,
)


def run_checks(submission: Submission, context: CheckContext, registry: tuple[Check, ...] = REGISTRY) -> list[Finding]:
    """Every finding of every check, in registry order."""
    return [finding for check in registry for finding in check.run(submission, context)]
