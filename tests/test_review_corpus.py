"""Every seeded defect of the sample corpus, one park each, reviewed end to end on its DOCX files:
the review must report exactly what the truth says (no more, no less), and a clean park nothing.
This is each rule's test on realistic documents; the PDF path is covered by bench/accuracy.py and
the fixture tests."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from corpus.samples.defects import CATALOGUE, NEEDS_EARLIER
from corpus.samples.draw import draw_park
from corpus.samples.generate import write_park
from service.review import review_paths
from service.review_json import to_contract

SEED = 31
# Copies of an earlier park (integrity.near_duplicate, integrity.copied_numbers) need the corpus
# (--against); they are scored by the benchmark, not here.
NEEDS_CORPUS = NEEDS_EARLIER


def _review(folder: Path, files: list[str]) -> Counter:
    paths = [(folder / name).with_suffix(".docx") for name in files]
    review = to_contract(review_paths(paths, today=date(2026, 11, 23))).model_dump(by_alias=True)
    return Counter((f["rule"], "".join(f["subject"].split())) for f in review["findings"])


def _expected(package: dict) -> Counter:
    return Counter((f["rule"], "".join(f["subject"].split())) for f in package["findings"])


@pytest.fixture(scope="module")
def parks() -> list:
    return [draw_park(random.Random(f"{SEED}:{i}"), i) for i in range(len(CATALOGUE) + 2)]


@pytest.mark.parametrize("defect", [None, *sorted(set(CATALOGUE) - NEEDS_CORPUS)])
def test_the_review_finds_exactly_the_seeded_defect(defect, parks, tmp_path):
    index = 1 + (sorted(CATALOGUE).index(defect) if defect else -1)
    written = write_park(tmp_path, SEED, parks[index], parks[:index], defects=[defect] if defect else [])
    truth = json.loads((written.folder / "truth.json").read_text(encoding="utf-8"))
    for package in truth["packages"]:
        assert _review(written.folder, package["files"]) == _expected(package), (defect, package["stage"])
    if defect is None:
        assert all(not p["findings"] for p in truth["packages"])


# Parks of SEED whose form_conflict draws each figure the 验收申请表 can get wrong. The report states
# no count of its indicators in words: the form's “选定的N项评价指标” is checked against the rows of
# its 指标达标情况表, as a reviewer counts them.
FORM_SUBJECTS = {
    0: "project_investment",
    1: "单位工业增加值综合能耗",
    2: "工业固体废物综合利用率",
    5: "indicator_count",
}


@pytest.mark.parametrize("index", sorted(FORM_SUBJECTS), ids=list(FORM_SUBJECTS.values()))
def test_every_figure_of_the_acceptance_form_is_compared_with_the_report(index, parks, tmp_path):
    written = write_park(tmp_path, SEED, parks[index], parks[:index], defects=["form_conflict"])
    truth = json.loads((written.folder / "truth.json").read_text(encoding="utf-8"))
    package = next(p for p in truth["packages"] if p["stage"] == "acceptance")
    subjects = [f["subject"] for f in package["findings"] if f["rule"] == "consistency.application_form_conflict"]
    assert subjects == [FORM_SUBJECTS[index]]  # the park really carries that figure wrong
    assert _review(written.folder, package["files"]) == _expected(package)
