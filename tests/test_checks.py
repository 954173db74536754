"""Checks on small typed submissions: each rule has a failing and a passing case, and the
registry lists every check module on disk with an id, a severity and its article."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

import pytest

import checks
from checks import REGISTRY, run_checks
from checks.model import CheckContext, Severity, Submission
from checks.submission import build_submission
from extractors.model import Document, DocumentKind, FormField, RawDocument, Section, TextBlock

CONTEXT = CheckContext(today=date(2024, 10, 8))
REPORT_IDS = [s.id for s in CONTEXT.outline("annex3_report_2024").sections]


def _raw(name: str) -> RawDocument:
    return RawDocument(file=name, sha256="0" * 64, format="pdf", pages=10, blocks=(TextBlock("正文", page=1),))


def _report(outline_ids: list[str]) -> Document:
    sections = tuple(
        Section(
            title=f"标题{o}",
            level=o.count("."),
            page=i + 2,
            chars=100,
            family="chapter",
            start_block=i,
            end_block=i + 1,
            outline=o,
        )
        for i, o in enumerate(outline_ids)
    )
    return Document(
        file="验收报告.pdf",
        sha256="0" * 64,
        kind=DocumentKind.ACCEPTANCE_REPORT,
        pages=10,
        raw=_raw("验收报告.pdf"),
        sections=sections,
        outline_id="annex3_report_2024",
    )


def _form(highlights: str) -> Document:
    fields = (FormField("acceptance.highlights", "五、园区特色及亮点", highlights, 2),)
    return Document(
        file="验收申请表.docx",
        sha256="0" * 64,
        kind=DocumentKind.ACCEPTANCE_FORM,
        raw=_raw("验收申请表.docx"),
        form_fields=fields,
    )


def _subjects(rule: str, *documents: Document) -> list[str]:
    return [f.subject for f in run_checks(Submission(documents=documents), CONTEXT) if f.rule == rule]


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        (REPORT_IDS, []),
        ([i for i in REPORT_IDS if i != "report.1.4"], ["report.1.4"]),
        # a whole missing chapter is one finding, not one per sub-entry
        ([i for i in REPORT_IDS if not i.startswith("report.1")], ["report.1"]),
        # the parent counts as present when a park splits it into its parts without a chapter heading
        ([i for i in REPORT_IDS if i != "report.1"], []),
        ([i for i in REPORT_IDS if i not in ("report.3", "report.5")], ["report.3", "report.5"]),
    ],
)
def test_outline_missing_section(present, expected):
    assert _subjects("outline.missing_section", _report(present)) == expected


def test_missing_section_quotes_where_the_part_belongs():
    finding = run_checks(Submission(documents=(_report([i for i in REPORT_IDS if i != "report.1.4"]),)), CONTEXT)[0]
    assert finding.message == "验收报告缺少提纲要求的“碳排放与碳汇现状”部分（管理办法 附件3）"
    assert finding.evidence[0].quote == "标题report.1" and finding.evidence[0].page == 2
    assert finding.severity is Severity.MAJOR


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("园" * 500, False),
        ("园" * 501, True),
        ("园" * 499 + "ABC123", False),  # a Latin/digit run counts as one 字: 500
        ("园" * 499 + "AB 12", True),  # two runs: 501
        ("园，" * 500, False),  # punctuation is not a 字
    ],
)
def test_wordcount_over_limit(text, fires):
    assert _subjects("wordcount.over_limit", _form(text)) == (["acceptance.highlights"] if fires else [])


def test_wordcount_reports_count_and_limit():
    finding = run_checks(Submission(documents=(_form("园" * 623),)), CONTEXT)[0]
    assert finding.measure is not None and (finding.measure.value, finding.measure.limit) == (623, 500)
    assert "623" in finding.message and "500" in finding.message and finding.basis == "管理办法 附件4"
    assert finding.evidence[0].page == 2


def test_unreadable_documents_are_skipped_by_checks():
    broken = Document(file="坏.pdf", sha256="", kind=DocumentKind.UNREADABLE, error="PDF 已加密")
    assert run_checks(Submission(documents=(broken,)), CONTEXT) == []


def test_stage_follows_the_documents_uploaded():
    assert build_submission([_report(REPORT_IDS)]).stage == "acceptance"
    plan = Document(file="方案.docx", sha256="", kind=DocumentKind.IMPLEMENTATION_PLAN, raw=_raw("方案.docx"))
    assert build_submission([plan]).stage == "application"
    assert build_submission([plan, _report(REPORT_IDS)]).stage == "acceptance"
    assert build_submission([]).stage == "unknown"


def test_registry_lists_every_check_module_with_id_severity_and_article():
    on_disk = set()
    for family in pkgutil.iter_modules(checks.__path__):
        if not family.ispkg or family.name == "data":
            continue
        package = importlib.import_module(f"checks.{family.name}")
        for module in pkgutil.iter_modules(package.__path__):
            check = importlib.import_module(f"checks.{family.name}.{module.name}").CHECK
            on_disk.add(check.id)
            assert check.id.split(".")[0] == family.name, "the folder is the first part of the id"
    assert {c.id for c in REGISTRY} == on_disk
    assert len({c.id for c in REGISTRY}) == len(REGISTRY)
    for check in REGISTRY:
        assert check.basis.startswith("管理办法") and check.summary and isinstance(check.severity, Severity)
