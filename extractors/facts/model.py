"""The facts reviewers compare, typed, each with its evidence (page and quoted text).

Extracted from one document at a time; checks compare them across documents. Numbers are in
canonical units (万元 for money, km² for area, the catalogue's unit for indicators).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Quote:
    """Where a fact was read: 1-based page (None without pages) and the text that states it."""

    page: int | None
    text: str


@dataclass(frozen=True)
class IndicatorFact:
    """One indicator as a document states it (目标指标表, 《标准》符合性评价 table, or running text)."""

    name: str  # as written
    standard_id: str | None  # the catalogue indicator it is, if recognised
    unit: str | None  # canonical unit after conversion
    unit_as_written: str | None
    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    target_year: int | None = None
    value: float | None = None  # achieved / 现状值
    year: int | None = None
    requirement: str | None = None  # the 《标准》 value as the document quotes it (“≤0.5”)
    claims_met: bool | None = None  # the document's own 达标 / 未达标
    quote: Quote | None = None


@dataclass(frozen=True)
class ProjectFact:
    """A 支撑项目 (附件1 四), with the report's completion status where given."""

    name: str
    content: str | None = None
    start: int | None = None
    end: int | None = None
    owner: str | None = None
    investment_wan: float | None = None
    goal: str | None = None
    status: str | None = None  # 已完成 / 建成 / 在建 / 未开工 / 调整 / 取消 as written
    quote: Quote | None = None


@dataclass(frozen=True)
class TaskFact:
    """A 重点任务 (附件1 三)."""

    name: str
    content: str | None = None
    due: str | None = None
    department: str | None = None
    goal: str | None = None
    quote: Quote | None = None


@dataclass(frozen=True)
class DateFact:
    """A dated event of the procedure.

    kind: approval (批准/同意创建), application (申请日期), baseline_year, evaluation_start,
    evaluation_end, eia_report, eia_review, eia_followup, adjustment, adjustment_made (the day a
    major adjustment was decided or took effect), adjustment_reported (the day it was reported in
    writing, 第十四条), document_date.
    """

    kind: str
    day: date | None = None
    year: int | None = None
    reference: str | None = None  # 文号 such as 苏环审〔2019〕12号
    quote: Quote | None = None


@dataclass(frozen=True)
class IdentityFact:
    """Who the park says it is: field is park_name, managing_body, level, type, area_km2, boundary, chemical."""

    field: str
    value: str
    number: float | None = None  # area in km² for area_km2
    quote: Quote | None = None


@dataclass(frozen=True)
class StatementFact:
    """A compliance statement of 第十条(三): topic, whether it is asserted or denied, and its period."""

    topic: str  # no_serious_incident, lawful_discharge, no_negative_opinion, duties_fulfilled, risk_systems
    asserted: bool
    period: str | None = None
    quote: Quote | None = None


@dataclass(frozen=True)
class TableColumn:
    """A column of a recognised table: the role its header names (None for none) and the header."""

    role: str | None
    header: str


@dataclass(frozen=True)
class TableRow:
    """A data row of a recognised table: its cells as clean text, its page and the row as one line."""

    page: int | None
    cells: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class TableFact:
    """A table 附件1 or 附件3 asks for, as recognised: kind (indicator, task, project, method), the
    caption above it, its columns by role and its data rows (a table continued after a page
    break or a 续表 caption is one fact).
    """

    kind: str
    caption: str | None
    page: int | None
    columns: tuple[TableColumn, ...]
    rows: tuple[TableRow, ...] = ()

    @property
    def roles(self) -> frozenset[str]:
        """The roles its columns name."""
        return frozenset(c.role for c in self.columns if c.role)

    @property
    def header(self) -> str:
        """The header as one line, for quoting."""
        return " | ".join(c.header for c in self.columns if c.header)

    def cell(self, row: TableRow, role: str) -> str:
        """The first non-empty cell of a role in a row ("" when the table has no such column)."""
        cells = zip(self.columns, row.cells, strict=False)
        return next((text for column, text in cells if column.role == role and text), "")


@dataclass(frozen=True)
class ProgressFact:
    """A sentence saying how far a named 支撑项目 has got (附件3 四): done (已完成, 建成投运) or unfinished
    (在建, 未完成, 尚未开工).
    """

    project: str  # the project's name as the sentence writes it
    done: bool
    words: str  # the status words as written
    quote: Quote | None = None


@dataclass(frozen=True)
class EconomyFact:
    """An economic amount of one year (工业增加值, 工业总产值 …) in 万元, as the document states it."""

    measure: str  # the measure's name (data/economy.toml)
    year: int
    value_wan: float
    quote: Quote | None = None


@dataclass(frozen=True)
class ValueMention:
    """An indicator's value stated in running text (“2023年单位工业增加值综合能耗为0.42吨标煤/万元”).

    role: value (现状值 of `year`), target or baseline, read from the words before the number.
    """

    name: str  # as written
    standard_id: str
    value: float  # in `unit`, the catalogue's unit when the written one converts to it
    unit: str | None
    year: int | None
    role: str
    quote: Quote | None = None


@dataclass(frozen=True)
class TallyFact:
    """A package-level number stated in words: what is counted or summed, e.g. indicator_count 18 (项)
    or project_investment 52300 (万元).
    """

    what: str
    value: float
    quote: Quote | None = None


@dataclass(frozen=True)
class GrowthFact:
    """A growth rate the document states for a measure from `start` to `end` (同比: end − start = 1), in %."""

    measure: str
    start: int
    end: int
    rate: float
    rate_text: str
    quote: Quote | None = None


@dataclass(frozen=True)
class RatioFact:
    """A rate stated beside its raw numerator and denominator (one row of a raw-data table).

    `factor` turns numerator ÷ denominator into the stated unit (100 for %, 1 for 吨/万元 …).
    """

    name: str
    year: int | None
    numerator: float
    denominator: float
    stated: float
    stated_text: str
    unit: str
    factor: float
    quote: Quote | None = None

    @property
    def computed(self) -> float:
        """The rate the raw numbers give."""
        return self.numerator / self.denominator * self.factor


@dataclass(frozen=True)
class Facts:
    """Everything extracted from one document."""

    indicators: tuple[IndicatorFact, ...] = ()
    projects: tuple[ProjectFact, ...] = ()
    tasks: tuple[TaskFact, ...] = ()
    dates: tuple[DateFact, ...] = ()
    identity: tuple[IdentityFact, ...] = ()
    statements: tuple[StatementFact, ...] = ()
    tables: tuple[TableFact, ...] = ()
    progress: tuple[ProgressFact, ...] = ()
    mentions: tuple[ValueMention, ...] = ()
    tallies: tuple[TallyFact, ...] = ()
    ratios: tuple[RatioFact, ...] = ()
    economy: tuple[EconomyFact, ...] = ()
    growth: tuple[GrowthFact, ...] = ()
