"""Rules → findings. The registry below is the explicit, readable list of every check; a test
fails if a check module is missing from it or a contract rule id is not registered.
Checks never touch files, storage or the clock.
"""

from __future__ import annotations

from checks.arithmetic import growth_mismatch, rate_mismatch, total_mismatch
from checks.change import reported_late, undisclosed
from checks.completeness import data_source, indicator_method, map_missing, table_columns, table_missing
from checks.consistency import (
    application_form_conflict,
    baseline_changed,
    baseline_year_mismatch,
    indicator_added,
    indicator_dropped,
    project_changed,
    project_dropped,
    project_status_conflict,
    target_changed,
)
from checks.document import image_only_pages
from checks.form import field_format, required_field_empty, tick_box
from checks.integrity import copied_numbers, foreign_park_name, indicator_conflict, near_duplicate
from checks.model import Check, CheckContext, Finding, Submission
from checks.outline import missing_section
from checks.package import missing_document
from checks.standard import choice_unmet, mandatory_missing, not_met, unit_mismatch
from checks.timeline import annual_report_late, certificate_period, creation_period, economic_years, eia_outdated
from checks.wordcount import over_limit

REGISTRY: tuple[Check, ...] = (
    missing_document.CHECK,
    missing_section.CHECK,
    over_limit.CHECK,
    required_field_empty.CHECK,
    tick_box.CHECK,
    field_format.CHECK,
    indicator_dropped.CHECK,
    indicator_added.CHECK,
    target_changed.CHECK,
    baseline_changed.CHECK,
    baseline_year_mismatch.CHECK,
    project_dropped.CHECK,
    project_changed.CHECK,
    project_status_conflict.CHECK,
    application_form_conflict.CHECK,
    undisclosed.CHECK,
    reported_late.CHECK,
    creation_period.CHECK,
    eia_outdated.CHECK,
    certificate_period.CHECK,
    annual_report_late.CHECK,
    economic_years.CHECK,
    not_met.CHECK,
    mandatory_missing.CHECK,
    choice_unmet.CHECK,
    unit_mismatch.CHECK,
    foreign_park_name.CHECK,
    indicator_conflict.CHECK,
    near_duplicate.CHECK,
    copied_numbers.CHECK,
    total_mismatch.CHECK,
    rate_mismatch.CHECK,
    growth_mismatch.CHECK,
    table_missing.CHECK,
    table_columns.CHECK,
    map_missing.CHECK,
    data_source.CHECK,
    indicator_method.CHECK,
    image_only_pages.CHECK,
)


def run_checks(submission: Submission, context: CheckContext, registry: tuple[Check, ...] = REGISTRY) -> list[Finding]:
    """Every finding of every check, in registry order."""
    return [finding for check in registry for finding in check.run(submission, context)]
