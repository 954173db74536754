"""The human summary of a review, in Chinese, for `eipcheck review` without --json."""

from __future__ import annotations

from checks.model import Severity
from extractors.kinds import kind_labels
from service.review import ReviewResult

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
        label = kind_labels()[d.kind]
        lines.append(f"  · {d.file}：{label}，{pages}，{d.chars} 字符，{len(d.sections)} 个章节{outline}")
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
