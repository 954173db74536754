"""The consistency rules of issue #5 end to end on LibreOffice PDFs: one generated park carrying every
such defect at once (an indicator added without reason, a project's period changed, a project both
complete and unfinished, a 验收申请表 contradicting the report, an indicator given two values, an
adjustment reported after eight months), and one carrying only their distractors (an addition
explained, an adjustment reported in time), which must yield nothing. Each rule is also reviewed
alone on DOCX in tests/test_review_corpus.py; here the PDF path (paragraphs rebuilt from lines,
tables across pages) must find the same."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from corpus.samples.draw import draw_park
from corpus.samples.generate import write_park
from corpus.samples.writer import convert_to_pdf
from service.review import review_paths

SEED = 5
DEFECTS = [
    "indicator_added",
    "project_period_changed",
    "project_status_conflict",
    "form_conflict",
    "value_conflict",
    "adjustment_reported_late",
]
DISTRACTORS = ["indicator_added_explained", "project_adjusted_disclosed"]
NEW_RULES = {
    "consistency.indicator_added",
    "consistency.project_changed",
    "consistency.project_status_conflict",
    "consistency.application_form_conflict",
    "integrity.indicator_conflict",
    "change.reported_late",
}


def _reviewed_as_pdf(tmp_path: Path, index: int, defects: list[str]) -> tuple[Counter, Counter, list]:
    parks = [draw_park(random.Random(f"{SEED}:{i}"), i) for i in range(index + 1)]
    written = write_park(tmp_path, SEED, parks[index], parks[:index], defects=defects)
    for part in ("application", "acceptance"):
        folder = written.folder / part
        convert_to_pdf(sorted(folder.glob("*.docx")), folder, timeout=600)
    truth = json.loads((written.folder / "truth.json").read_text(encoding="utf-8"))
    package = next(p for p in truth["packages"] if p["stage"] == "acceptance")
    review = review_paths([written.folder / f for f in package["files"]], today=date(2026, 11, 23))
    found = Counter((f.rule, "".join(f.subject.split())) for f in review.findings)
    expected = Counter((f["rule"], "".join(f["subject"].split())) for f in package["findings"])
    return found, expected, list(review.findings)


def test_every_consistency_defect_is_found_in_the_pdfs(tmp_path):
    found, expected, findings = _reviewed_as_pdf(tmp_path, 2, DEFECTS)
    assert {rule for rule, _ in expected} == NEW_RULES  # the park really carries one of each
    assert found == expected
    for finding in findings:
        assert finding.basis in finding.message and finding.evidence
        assert all(e.page and e.quote for e in finding.evidence), finding


def test_the_distractors_are_not_reported(tmp_path):
    found, expected, _ = _reviewed_as_pdf(tmp_path, 3, DISTRACTORS)
    assert not expected
    assert not found, found


@pytest.mark.parametrize("index", [0, 1])
def test_a_clean_package_has_no_major_finding(tmp_path, index):
    found, expected, findings = _reviewed_as_pdf(tmp_path, index, [])
    assert not expected and not found, found
    assert not [f for f in findings if f.severity in ("major", "blocker")]
