"""The human summary of a review, in Chinese, for `eipcheck review` without --json."""

from __future__ import annotations

from checks.model import Severity
from extractors.model import DocumentKind
from service.review import ReviewResult

KIND_LABELS = {
    DocumentKind.IMPLEMENTATION_PLAN: "建设实施方案",
    DocumentKind.ACCEPTANCE_REPORT: "验收报告",
    DocumentKind.APPLICATION_LETTER: "创建申请",
    DocumentKind.ACCEPTANCE_LETTER: "验收申请",
    DocumentKind.COMPLIANCE_CERTIFICATE: "环境守法证明",
    DocumentKind.PLAN_EIA_PROOF: "规划环评证明",
    DocumentKind.FILING_FORM: "创建备案表",
    DocumentKind.ACCEPTANCE_FORM: "验收申请表",
    DocumentKind.ANNUAL_REPORT: "年度工作报告",
    DocumentKind.CHANGE_REPORT: "重大调整报告",
    DocumentKind.DATA_SUPPORT: "数据支撑材料",
    DocumentKind.OTHER: "其他材料",
    DocumentKind.UNREADABLE: "无法读取",
}
SEVERITY_LABELS = {Severity.BLOCKER: "否决", Severity.MAJOR: "重要", Severity.MINOR: "一般", Severity.INFO: "提示"}
STAGE_LABELS = {
    "application": "创建申请",
    "acceptance": "验收",
    "annual": "年度报告",
    "change": "重大调整",
    "unknown": "未能判断",
}


def render(result: ReviewResult) -> str:
    """A compact report a reviewer can read in a terminal."""
    submission = result.submission
    lines = [f"审查对象：{submission.park or '（未识别园区名称）'} · 阶段：{STAGE_LABELS[submission.stage.value]}", ""]
    lines.append(f"文件（{len(submission.documents)}）：")
    for d in submission.documents:
        if d.error:
            lines.append(f"  ✗ {d.file}：无法读取——{d.error}")
            continue
        pages = f"{d.pages} 页" if d.pages else "无分页"
        mapped = {s.outline for s in d.sections if s.outline}
        outline = f"，提纲章节 {len(mapped)} 个" if d.outline_id else ""
        lines.append(f"  · {d.file}：{KIND_LABELS[d.kind]}，{pages}，{d.chars} 字符，{len(d.sections)} 个章节{outline}")
        lines.extend(f"      注意：{w}" for w in d.warnings)
    lines.append("")
    if not result.findings:
        lines.append("未发现问题。")
    else:
        lines.append(f"发现问题（{len(result.findings)}）：")
        for f in result.findings:
            lines.append(f"  [{SEVERITY_LABELS[f.severity]}] {f.message}  ——{f.document or ''}（{f.rule}）")
            for e in f.evidence:
                page = f"第 {e.page} 页" if e.page else "（无页码）"
                lines.append(f"      依据原文：{page}“{e.quote}”")
    for error in result.errors:
        lines.append(f"错误：{error.message}")
    return "\n".join(lines)
