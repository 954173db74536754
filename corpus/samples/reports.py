"""Rendering the two long documents of a park, the 建设实施方案 (附件1) and the 验收报告 (附件3),
as Word files written the way the park's consultancy writes them, and returning the truth of what
was written (every heading as displayed, every indicator of the indicator table).

This module puts the documents together: the outline, the numbers Word's automatic numbering
shows (computed here, the way Word displays them), omitted sections, misplaced passages, cover and
table of contents. The chapters' prose comes from `plan_prose` and `report_prose`, numbers and dates
are worded by `wording`. The documents are ground truth for the readers: this module never imports
`extractors`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from corpus.samples.layout import base_column, heading_lines
from corpus.samples.model import (
    Identity,
    Indicator,
    Park,
    PlanContent,
    Project,
    ReportContent,
    TruthDocument,
    TruthIndicator,
    TruthProject,
    TruthSection,
)
from corpus.samples.plan_prose import (
    PLAN_INDICATOR_CAPTION,
    PLAN_PROJECT_CAPTION,
    PLAN_TASK_CAPTION,
    PROJECT_TABLE,
    PlanProse,
)
from corpus.samples.prose import TOTAL_LABEL, Block, Prose, Table, meets
from corpus.samples.report_prose import (
    REPORT_INDICATOR_CAPTION,
    REPORT_PROJECT_CAPTION,
    REPORT_TASK_CAPTION,
    ReportProse,
)
from corpus.samples.wording import cn_count, cn_cover_month, cn_number, fmt
from corpus.samples.writer import CHAPTER_OUTLINE, CHINESE_OUTLINE, DECIMAL_OUTLINE, DocxWriter

DEFAULT_HEADINGS = {
    "plan.1": "园区概况及创建基础",
    "plan.1.1": "园区概况",
    "plan.1.2": "创建基础",
    "plan.2": "总体方案",
    "plan.2.1": "总体框架",
    "plan.2.2": "主要目标及指标",
    "plan.3": "重点任务",
    "plan.4": "支撑项目",
    "plan.5": "指标可达性分析",
    "report.1": "园区概况",
    "report.1.1": "基本情况",
    "report.1.2": "经济状况",
    "report.1.3": "生态环境现状",
    "report.1.4": "碳排放与碳汇现状",
    "report.2": "评价时段",
    "report.3": "《标准》符合性评价",
    "report.4": "重点任务和支撑项目完成情况",
    "report.5": "创建特点和经验总结",
}
# Word's automatic schemes with the separator a Chinese consultancy sets: none after 、 and ）,
# a space after 章/节 and after a decimal label (Word's default tab would show as a wide gap).
_SCHEMES = {
    "cn": tuple(replace(level, suffix="nothing") for level in CHINESE_OUTLINE),
    "chapter": tuple(replace(level, suffix="space") for level in CHAPTER_OUTLINE),
    "decimal": tuple(replace(level, suffix="space") for level in DECIMAL_OUTLINE),
}
_REPORT_ONLY = ("结论", "验收", "经验", "成效")
_PLAN_ONLY = ("保障", "投资估算", "效益分析")


@dataclass
class _Section:
    level: int
    outline: str | None
    wording: str
    chapter: str | None  # outline id of the enclosing outline chapter (its omission removes this too)
    blocks: list[Block]
    title: str = ""


# -- numbering ---------------------------------------------------------------------------------


def heading_label(numbering: str, level: int, counters: tuple[int, ...]) -> tuple[str, str]:
    """The number Word displays for a heading, and the separator before its text."""
    n = counters[level - 1]
    if numbering == "cn":
        return (f"{cn_count(n)}、" if level == 1 else f"（{cn_count(n)}）"), ""
    if numbering == "chapter":
        return (f"第{cn_count(n)}章" if level == 1 else f"第{cn_count(n)}节"), " "
    if numbering == "decimal":
        return (f"{n}." if level == 1 else ".".join(str(c) for c in counters[:level])), " "
    raise ValueError(f"unknown numbering family {numbering!r}")


# -- rendering -----------------------------------------------------------------------------------


def _extra_fits(name: str, kind: str) -> bool:
    """Extra chapters go where they belong: 保障措施 to the plan, 结论与建议 to the report."""
    if any(k in name for k in _REPORT_ONLY):
        return kind == "acceptance_report"
    if any(k in name for k in _PLAN_ONLY):
        return kind == "implementation_plan"
    return True


def _keep(sections: list[_Section], omitted: set[str]) -> list[_Section]:
    return [s for s in sections if s.outline not in omitted and s.chapter not in omitted]


def _number(sections: list[_Section], numbering: str) -> None:
    counters = [0, 0]
    for section in sections:
        counters[section.level - 1] += 1
        if section.level == 1:
            counters[1] = 0
        label, sep = heading_label(numbering, section.level, tuple(counters))
        section.title = f"{label}{sep}{section.wording}"


def _place(sections: list[_Section], preferred: tuple[str, ...], text: str, *, middle: bool) -> None:
    """Put a paragraph into the first written section of `preferred` (else the last outline one)."""
    by_outline = {s.outline: s for s in sections if s.outline}
    target = next((by_outline[o] for o in preferred if o in by_outline), None)
    if target is None:
        target = [s for s in sections if s.outline][-1] if any(s.outline for s in sections) else sections[-1]
        target.blocks.append(text)
        return
    if target.outline == "report.3" or not target.blocks:
        target.blocks.append(text)
    else:
        target.blocks.insert(max(1, len(target.blocks) // 2) if middle else 1, text)


def _complete(
    sections: list[_Section],
    prose: Prose,
    content: PlanContent | ReportContent,
    kind: str,
    *,
    foreign_to: tuple[str, ...],
    copied_to: str,
) -> list[_Section]:
    """The extra chapters, omissions and heading numbers, then other parks' leftovers and the copied passage."""
    for name in prose.style.extra_chapters:
        if _extra_fits(name, kind):
            sections.append(_Section(1, None, name, None, prose.extra(name)))
    sections = _keep(sections, content.omitted_sections)
    _number(sections, prose.style.numbering)
    for foreign in content.foreign_names:
        _place(sections, foreign_to, prose.foreign(foreign), middle=False)
    if content.copied_passage:
        _place(sections, (copied_to,), content.copied_passage, middle=True)
    return sections


def _write(
    path: Path,
    park: Park,
    identity: Identity,
    sections: list[_Section],
    *,
    title: str,
    day: date,
    chapters_on_new_page: bool,
    rng: random.Random,
) -> list[TruthSection]:
    """Save the document (cover dated `day`, table of contents, chapters) and return its headings' truth."""
    style = park.style
    writer = DocxWriter(
        header_text=f"{identity.name}生态工业园区{title}" if style.header else None,
        heading_numbering=_SCHEMES[style.numbering] if style.automatic else None,
        numbering_via_style=rng.random() < 0.7,
    )
    writer.title_page(
        [identity.name, "生态文明建设示范区（生态工业园区）", title],
        date_line=f"{identity.body}\n{cn_cover_month(day)}",
    )
    if style.toc:
        page, entries = 1, []
        for section in sections:
            page += rng.randint(1, 3) if section.level == 1 else rng.randint(0, 2)
            entries.append((section.level, section.title, page))
        writer.toc(entries)
    first = True
    for section in sections:
        if section.level == 1 and chapters_on_new_page and not first:
            writer.page_break()
        first = False
        writer.heading(section.wording if style.automatic else section.title, section.level)
        for block in section.blocks:
            if isinstance(block, Table):
                writer.table(block.rows, caption=block.caption, merges=block.merges, col_widths_cm=block.widths)
            else:
                writer.paragraph(block)
    writer.save(path)
    return [TruthSection(title=s.title, outline=s.outline) for s in sections]


def _outline_sections(style_headings: dict[str, str], bodies: dict[str, list[Block]]) -> list[_Section]:
    sections = []
    for outline, blocks in bodies.items():
        level = outline.count(".")
        chapter = ".".join(outline.split(".")[:2])
        wording = style_headings.get(outline) or DEFAULT_HEADINGS[outline]
        sections.append(_Section(level, outline, wording, chapter, blocks))
    return sections


def write_plan(path: Path, park: Park, content: PlanContent) -> TruthDocument:
    """The 《建设实施方案》 on the outline of 附件1, written as the park's consultancy writes."""
    path = Path(path)
    kind = "implementation_plan"
    rng = random.Random(f"{park.index}:{kind}")
    prose = PlanProse(park, content, rng)
    bodies = {
        "plan.1": prose.plan_1(),
        "plan.1.1": prose.plan_1_1(),
        "plan.1.2": prose.plan_1_2(),
        "plan.2": prose.plan_2(),
        "plan.2.1": prose.plan_2_1(),
        "plan.2.2": prose.plan_2_2(),
        "plan.3": prose.plan_3(),
    }
    sections = _outline_sections(park.style.headings, bodies)
    for area, blocks in prose.task_areas():
        sections.append(_Section(2, None, area, "plan.3", blocks))
    for outline, blocks in (("plan.4", prose.plan_4()), ("plan.5", prose.plan_5())):
        sections += _outline_sections(park.style.headings, {outline: blocks})
    foreign_to = ("plan.1.1", "plan.1.2", "plan.1", "plan.2", "plan.2.1")
    sections = _complete(sections, prose, content, kind, foreign_to=foreign_to, copied_to="plan.3")
    truth_sections = _write(
        path,
        park,
        content.identity,
        sections,
        title="建设实施方案",
        day=park.application_date,
        chapters_on_new_page=park.style.numbering == "chapter" or rng.random() < 0.5,
        rng=rng,
    )
    indicators = []
    if not {"plan.2", "plan.2.2"} & content.omitted_sections:
        columns = park.style.indicator_columns
        indicators = _truth_indicators(content.indicators, columns, content.baseline_year, content.target_year)
    projects = []
    if "plan.4" not in content.omitted_sections and PROJECT_TABLE not in content.omitted_tables:
        projects = _truth_projects(content.projects, with_status=False)
    return TruthDocument(stem=path.stem, kind=kind, sections=truth_sections, indicators=indicators, projects=projects)


def write_report(path: Path, park: Park, content: ReportContent) -> TruthDocument:
    """The 《验收报告》 on the outline of 附件3; every chapter starts on a new page."""
    path = Path(path)
    kind = "acceptance_report"
    rng = random.Random(f"{park.index}:{kind}")
    prose = ReportProse(park, content, rng)
    headings = park.style.headings
    split_4 = rng.random() < 0.5
    bodies = {
        "report.1": prose.report_1(),
        "report.1.1": prose.report_1_1(),
        "report.1.2": prose.report_1_2(),
        "report.1.3": prose.report_1_3(),
        "report.1.4": prose.report_1_4(),
        "report.2": prose.report_2(),
        "report.3": prose.report_3(heading_lines(headings.get("report.3") or DEFAULT_HEADINGS["report.3"])),
        "report.4": prose.report_4_intro() if split_4 else prose.report_4_intro() + prose.tasks() + prose.projects(),
    }
    sections = _outline_sections(headings, bodies)
    if split_4:
        sections.append(_Section(2, None, "重点任务完成情况", "report.4", prose.tasks()))
        sections.append(_Section(2, None, "支撑项目完成情况", "report.4", prose.projects()))
    sections += _outline_sections(headings, {"report.5": prose.report_5()})
    foreign_to = ("report.1.1", "report.1", "report.1.2", "report.1.3", "report.2")
    sections = _complete(sections, prose, content, kind, foreign_to=foreign_to, copied_to="report.5")
    truth_sections = _write(
        path,
        park,
        content.identity,
        sections,
        title="验收报告",
        day=park.acceptance_date,
        chapters_on_new_page=True,
        rng=rng,
    )
    indicators = []
    if "report.3" not in content.omitted_sections:
        columns = park.style.report_columns
        start, end = content.evaluation_start, content.evaluation_end
        indicators = _truth_indicators(content.indicators, columns, start, end, achieved=True)
    projects = [] if "report.4" in content.omitted_sections else _truth_projects(content.projects, with_status=True)
    return TruthDocument(stem=path.stem, kind=kind, sections=truth_sections, indicators=indicators, projects=projects)


def _truth_projects(projects: list[Project], *, with_status: bool) -> list[TruthProject]:
    """The projects as the table shows them: both state periods, the report completion status too."""
    return [
        TruthProject(p.name, p.investment_wan, p.start, p.end, p.owner, p.status if with_status else None)
        for p in projects
    ]


def _truth_indicators(
    indicators: list[Indicator], columns: tuple[str, ...], first: int, last: int, *, achieved: bool = False
) -> list[TruthIndicator]:
    """The indicators as the table shows them: baseline (of year `first`) and target where their columns
    are written, the achieved value only for the report (`achieved`) with a 现状值 column; `last` is the
    year the table looks to (target year or evaluation end).
    """
    shown = {base_column(c) for c in columns}
    numeric = [i for i in indicators if not i.state]  # a state (达标, 具备) has no value to score
    return [
        TruthIndicator(
            i.name,
            i.unit,
            i.baseline if "基准值" in shown else None,
            first if "基准值" in shown else None,
            i.target if "目标值" in shown else None,
            i.achieved if achieved and "现状值" in shown else None,
            last,
        )
        for i in numeric
    ]


__all__ = [
    "PLAN_INDICATOR_CAPTION",
    "PLAN_PROJECT_CAPTION",
    "PLAN_TASK_CAPTION",
    "REPORT_INDICATOR_CAPTION",
    "REPORT_PROJECT_CAPTION",
    "REPORT_TASK_CAPTION",
    "TOTAL_LABEL",
    "cn_count",
    "cn_number",
    "fmt",
    "heading_label",
    "meets",
    "write_plan",
    "write_report",
]
