"""The review opinion (审查意见) as a Word document: the package, then the open findings by
severity with their article and evidence, then the dismissed ones with the reviewer's note.

Takes the service's finding views; writes nothing to disk (returns the DOCX bytes).
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from service.labels import SEVERITIES, ui
from service.schemas import FindingView, SubmissionSummary


def _font(document) -> None:
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")


def opinion_docx(summary: SubmissionSummary, findings: list[FindingView], today: date) -> bytes:
    """The 审查意见 of one submission."""
    words = ui()
    document = Document()
    _font(document)
    title = document.add_heading(words.opinion.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(f"园区：{summary.park or '（未识别）'}    省份：{summary.province or '—'}")
    document.add_paragraph(f"阶段：{words.stage(summary.stage)}    材料编号：{summary.id}    日期：{today.isoformat()}")
    document.add_paragraph(words.opinion.basis)
    open_findings = [f for f in findings if f.decision != "dismissed"]
    if not open_findings:
        document.add_paragraph(words.opinion.no_findings)
    number = 0
    for severity in SEVERITIES:
        group = [f for f in open_findings if f.severity == severity]
        if not group:
            continue
        document.add_heading(f"{words.severity(severity)}问题（{len(group)}项）", level=1)
        for finding in group:
            number += 1
            document.add_paragraph(f"{number}. {finding.message}（依据：{finding.basis}）")
            for e in finding.evidence:
                page = f"第{e.page}页" if e.page else ""
                document.add_paragraph(f"证据：《{e.document}》{page}：“{e.quote}”", style="Quote")
            if finding.note:
                document.add_paragraph(f"审查人员意见：{finding.note}")
    dismissed = [f for f in findings if f.decision == "dismissed"]
    if dismissed:
        document.add_heading(f"已排除的问题（{len(dismissed)}项）", level=1)
        for finding in dismissed:
            document.add_paragraph(f"{finding.message}——排除理由：{finding.note or '未说明'}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
