"""All facts of one analysed document, each extractor given the same Document.

Facts are extracted after segmentation, classification and form parsing, because they use them
(the plan's 目标指标表 sits under plan.2.2, an approval date is a form field). A failure in one
extractor costs that kind of fact for this document, with a warning, never the document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from extractors.facts.dates import extract_dates
from extractors.facts.economy import extract_economic_values, extract_growth
from extractors.facts.identity import extract_identity
from extractors.facts.indicators import extract_indicators
from extractors.facts.mentions import extract_mentions, extract_tallies
from extractors.facts.model import Facts
from extractors.facts.progress import extract_progress
from extractors.facts.projects import extract_projects, extract_tasks
from extractors.facts.ratios import extract_ratios
from extractors.facts.statements import extract_statements
from extractors.facts.tables import extract_tables
from extractors.model import Document

log = logging.getLogger("eipcheck.facts")

_EXTRACTORS: dict[str, tuple[str, Callable[[Document], tuple]]] = {
    "indicators": ("指标", extract_indicators),
    "projects": ("支撑项目", extract_projects),
    "tasks": ("重点任务", extract_tasks),
    "dates": ("日期", extract_dates),
    "identity": ("园区基本信息", extract_identity),
    "statements": ("守法声明", extract_statements),
    "tables": ("表格", extract_tables),
    "progress": ("项目进展", extract_progress),
    "mentions": ("正文指标数值", extract_mentions),
    "tallies": ("指标数量和投资合计", extract_tallies),
    "ratios": ("指标原始数据", extract_ratios),
    "economy": ("经济数据", extract_economic_values),
    "growth": ("经济增长率", extract_growth),
}


def extract_facts(document: Document) -> tuple[Facts, tuple[str, ...]]:
    """The document's facts, and a warning for each kind of fact that could not be read."""
    found: dict[str, tuple] = {}
    warnings: list[str] = []
    for key, (label, extractor) in _EXTRACTORS.items():
        try:
            found[key] = tuple(extractor(document))
        except Exception as exc:  # a bug on one odd document must not cost the review of it
            log.warning("%s: %s extraction failed: %r", document.file, key, exc)
            warnings.append(f"{label}信息提取失败（{type(exc).__name__}），相关核查可能不完整")
            found[key] = ()
    return Facts(**found), tuple(warnings)
