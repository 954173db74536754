"""completeness.indicator_method: the 验收报告 does not state, for an indicator it evaluates, how
its data were collected, where they come from or how it is calculated (附件3 三: 详列评价时段内
各指标的数据采集方法、数据来源、计算过程、原始数据清单).

The indicators are those of the report's indicator tables. An aspect is stated by a sentence
that names the indicator and says it (“…采用统计报表汇总的方式采集，数据来源于市统计局，按…
计算”), or by the indicator's row in a data-method table or in a 数据来源 column. A sentence
naming a longer indicator that contains this one's name (工业用水重复利用率 in 工业用水重复利用率
提高幅度) does not count for it. One finding per indicator names every missing aspect. Silent
when the report has no 《标准》符合性评价 section (outline.missing_section reports that).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.completeness_spec import Aspect, finding, label, plain, requirements, where_expected
from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from checks.text import sentences
from extractors.facts.model import IndicatorFact, TableFact
from extractors.model import Document

MESSAGE = "{document}未说明“{name}”的{missing}（{basis}要求详列各指标的数据采集方法、数据来源、计算过程）"
_DATA_TABLES = ("indicator", "method")


def _mentions(text: str, name: str, longer: tuple[str, ...]) -> bool:
    for other in longer:
        text = text.replace(other, "")
    return name in text


def _stated_in_tables(tables: list[TableFact], name: str, aspects: tuple[Aspect, ...]) -> set[str]:
    stated = set()
    for table in tables:
        for row in table.rows:
            if plain(table.cell(row, "name")) != name:
                continue
            stated |= {a.key for a in aspects if plain(table.cell(row, a.role)).strip("—-/／无") != ""}
    return stated


def _indicators(document: Document) -> list[IndicatorFact]:
    seen: dict[str, IndicatorFact] = {}
    for fact in document.facts.indicators:
        seen.setdefault(plain(fact.name), fact)
    return list(seen.values())


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per evaluated indicator with an aspect of 附件3 三 left unstated."""
    spec = requirements().indicator_method
    patterns = {a.key: re.compile(a.pattern) for a in spec.aspects}
    for _, document in where_expected(submission, (spec,)):
        indicators = _indicators(document)
        names = [plain(i.name) for i in indicators]
        tables = [t for t in document.facts.tables if t.kind in _DATA_TABLES]
        text = [plain(s.text) for s in sentences(document, rejoin=True)]
        for fact, name in zip(indicators, names, strict=True):
            longer = tuple(n for n in names if name in n and n != name)
            stated = _stated_in_tables(tables, name, spec.aspects)
            for sentence in (s for s in text if _mentions(s, name, longer)):
                stated |= {key for key, pattern in patterns.items() if pattern.search(sentence)}
            missing = [a.label for a in spec.aspects if a.key not in stated]
            if not missing:
                continue
            message = MESSAGE.format(
                document=label(document, context), name=fact.name, missing="、".join(missing), basis=spec.basis
            )
            quote = fact.quote
            evidence = (Evidence(document.file, quote.page, quote.text),) if quote else ()
            yield finding(CHECK, document, fact.name, message, spec.basis, evidence)


CHECK = Check(
    id="completeness.indicator_method",
    severity=Severity.MAJOR,
    basis="管理办法 附件3 三",
    summary="验收报告未说明指标的数据采集方法、数据来源或计算过程",
    run=run,
)
