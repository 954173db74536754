"""The form checks on the fixture 验收申请表 with cells damaged the way forms come in: a 5-digit
postcode, an empty e-mail, two boxes ticked, a short phone number — in DOCX and its PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from checks import run_checks
from checks.model import CheckContext
from checks.submission import build_submission
from corpus.samples.fixtures import write_acceptance_form
from corpus.samples.writer import convert_to_pdf
from extractors.reader import read_document

DAMAGE = {
    "214400": "21440",
    "ljkfq_eco@example.cn": "",
    "国家级☑ 省级□ 其他□": "国家级☑ 省级☑ 其他□",
    "0510-86015678": "8601567",
}
RULES = ("form.required_field_empty", "form.tick_box", "form.field_format")


def _damaged(source: Path, target: Path) -> Path:
    document = docx.Document(str(source))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text in DAMAGE:
                    cell.paragraphs[0].runs[0].text = DAMAGE[cell.text]
                    for run in cell.paragraphs[0].runs[1:]:
                        run.text = ""
    document.save(str(target))
    return target


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("forms")
    clean = write_acceptance_form(folder / "clean.docx")
    damaged = _damaged(clean, folder / "damaged.docx")
    pdfs = convert_to_pdf([clean, damaged], folder)
    return {"clean.docx": clean, "damaged.docx": damaged, **{p.name: p for p in pdfs}}


def _found(path: Path) -> set[tuple[str, str]]:
    document = read_document(path.read_bytes(), path.name)
    findings = run_checks(build_submission([document]), CheckContext(today=date(2024, 10, 8)))
    return {(f.rule, f.subject) for f in findings if f.rule in RULES}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_well_filled_form_passes(forms, fmt):
    assert _found(forms[f"clean.{fmt}"]) == set()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_damaged_cells_are_each_reported(forms, fmt):
    assert _found(forms[f"damaged.{fmt}"]) == {
        ("form.field_format", "acceptance.postcode"),
        ("form.required_field_empty", "acceptance.email"),
        ("form.tick_box", "acceptance.level"),
        ("form.field_format", "acceptance.dept_head_phone"),
    }
