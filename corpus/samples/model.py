"""What a generated park's documents say, as typed content, and the truth written beside them.

The generator draws a `Park` (identity, dates, indicators, projects, tasks, a consultancy
`Style`), turns it into one `*Content` per document, lets defects change those contents, and
renders them. Truth is recorded where a defect is seeded, in the review contract's terms. This
package never imports `extractors`, so scores against it are not circular.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from corpus.samples.states import EconomyState


@dataclass
class Indicator:
    """One evaluation indicator with the plan's and the report's numbers (canonical units)."""

    name: str
    unit: str
    direction: str  # "≥", "≤", or "" for indicators without a 《标准》 threshold
    standard: float | None
    baseline: float
    target: float
    achieved: float
    mandatory: bool = True
    state: str | None = None  # a qualitative requirement's value (达标, 全部完成, 具备); numbers unused
    unit_written: str | None = None  # a unit the document writes instead of the right one (a defect)


@dataclass
class Project:
    """A 支撑项目 of 附件1 四."""

    name: str
    content: str
    start: int
    end: int
    owner: str
    investment_wan: float
    goal: str
    status: str = "已完成"


@dataclass
class Task:
    """A 重点任务 of 附件1 三."""

    name: str
    content: str
    due: str
    department: str
    goal: str


@dataclass
class Style:
    """A consultancy's habits: how headings are numbered and worded, what tables look like."""

    numbering: str  # "cn" (一、/（一）/1.), "chapter" (第一章/第一节/一、), "decimal" (1./1.1/1.1.1)
    automatic: bool  # Word automatic numbering: no number typed in the heading text
    toc: bool
    header: bool
    headings: dict[str, str]  # outline id -> the heading text this consultancy writes (no number)
    extra_chapters: tuple[str, ...]
    indicator_columns: tuple[str, ...]  # plan table columns, e.g. ("序号", "指标名称", "单位", "基准值", "目标值")
    report_columns: tuple[str, ...]  # report table columns (adds 现状值, 达标情况 …)
    energy_unit: str  # "吨标煤/万元", "tce/万元" or "千克标煤/万元"
    money_in_yi: bool  # investment totals in text written in 亿元


@dataclass
class Identity:
    """Who the park is, as one document states it."""

    name: str
    body: str
    area_km2: float
    boundary: str


@dataclass
class Park:
    """The drawn park: the facts every document starts from."""

    index: int
    identity: Identity
    province: str
    city: str
    address: str
    postcode: str
    established: date
    level: str  # 国家级 / 省级
    park_type: str  # 经济技术开发区, 高新技术产业开发区, …
    chemical: bool
    body_nature: str
    head: tuple[str, str, str]  # name, title, phone
    department: tuple[str, str, str, str, str, str, str]  # name, head, head phone, contact, phone, fax, email
    industries: tuple[str, ...]
    baseline_year: int
    application_date: date  # 创建申请
    approval_date: date  # 省级批准创建
    acceptance_date: date  # 验收申请
    eia_report_date: date
    eia_review_date: date
    eia_followup: bool
    indicators: list[Indicator]
    projects: list[Project]
    tasks: list[Task]
    style: Style
    economy: EconomyState


@dataclass
class Adjustment:
    """A 支撑项目 the report drops and explains (附件3 四): when the adjustment was made and when it was
    reported in writing (第十四条: within 6 months), told in one sentence or in two.
    """

    name: str
    made: date
    reported: date
    two_sentences: bool = False


@dataclass
class PlanContent:
    """What the 实施方案 says."""

    identity: Identity
    baseline_year: int
    target_year: int
    indicators: list[Indicator]
    projects: list[Project]
    tasks: list[Task]
    omitted_sections: set[str] = field(default_factory=set)
    foreign_names: list[str] = field(default_factory=list)  # another park's name left in the text
    project_total_wan: float | None = None  # the stated total; None means the true sum
    copied_passage: str | None = None
    omitted_tables: set[str] = field(default_factory=set)  # 重点任务表 / 支撑项目表 written as prose only
    omitted_columns: dict[str, str] = field(default_factory=dict)  # table name -> column header left out
    omitted_maps: set[str] = field(default_factory=set)  # 四至范围图 / 生态工业链图 never referred to
    sources_stated: bool = True  # 附件1 备注: where data and maps come from


@dataclass
class ReportContent:
    """What the 验收报告 says."""

    identity: Identity
    evaluation_start: int
    evaluation_end: int
    approval_date: date
    indicators: list[Indicator]  # targets as the report states them
    projects: list[Project]  # with status as the report states it
    adjusted_projects: list[Adjustment] = field(default_factory=list)  # dropped and explained (附件3 四)
    progress_in_text: dict[str, str] = field(default_factory=dict)  # project -> status its paragraph states
    values_in_text: dict[str, float] = field(default_factory=dict)  # indicator -> 现状值 its method note states
    explained_additions: list[str] = field(default_factory=list)  # indicators added to the plan's, explained
    omitted_sections: set[str] = field(default_factory=set)
    foreign_names: list[str] = field(default_factory=list)
    claims_met: set[str] = field(default_factory=set)  # indicators claimed 达标 though the number misses
    project_total_wan: float | None = None
    copied_passage: str | None = None
    # 附件3 三 left out for an indicator: "all" (nothing said), or the one aspect left unsaid
    # ("method", "source", "calculation").
    method_gaps: dict[str, str] = field(default_factory=dict)
    method_table: bool | None = None  # 附件3 三 as a table (True) or sentences (False); None: the consultancy's habit
    miscomputed: set[str] = field(default_factory=set)  # rates whose raw numerator the data support misstates
    economy_years: int = 3  # how many years the 经济状况 gives (附件3 一 2 asks for 近三年)
    growth_error: float = 0.0  # percentage points added to the stated average growth of 工业增加值
    copied_economy: EconomyState | None = None  # another park's economy whose 经济状况 table is copied


@dataclass
class FormContent:
    """What a form (创建备案表 or 验收申请表) says; `long_fields` maps field id to its text."""

    identity: Identity
    date: date
    approval_date: date | None
    long_fields: dict[str, str]
    over_limit: set[str] = field(default_factory=set)  # long fields written over their word limit
    overrides: dict[str, float] = field(default_factory=dict)  # figures the form states unlike the report


@dataclass
class TruthFinding:
    """A finding a correct review reports, in the contract's terms."""

    rule: str
    kind: str | None  # the document kind the finding is on; None for package-level findings
    subject: str
    defect: str  # which seeded defect produced it


@dataclass
class TruthSection:
    """A heading as written and the outline id it truly belongs to (None: not in the outline)."""

    title: str
    outline: str | None


@dataclass
class TruthIndicator:
    """An indicator as one document states it, in canonical units."""

    name: str
    unit: str
    baseline: float | None
    baseline_year: int | None
    target: float | None
    value: float | None
    year: int | None


@dataclass
class TruthProject:
    """A 支撑项目 as one document's table states it (investment in 万元)."""

    name: str
    investment_wan: float
    start: int | None
    end: int | None
    owner: str
    status: str | None


@dataclass
class TruthDocument:
    """One written document: its file stem, kind, outline mapping, indicator values and projects."""

    stem: str
    kind: str
    sections: list[TruthSection] = field(default_factory=list)
    indicators: list[TruthIndicator] = field(default_factory=list)
    projects: list[TruthProject] = field(default_factory=list)


@dataclass
class TruthPackage:
    """One package as reviewed: which files (relative to the park folder) and what must be found."""

    stage: str
    files: list[str]
    findings: list[TruthFinding]


@dataclass
class ParkTruth:
    """Everything written beside a park's folder as truth.json."""

    park: str
    seed: int
    index: int
    defects: list[str]
    documents: list[TruthDocument]
    packages: list[TruthPackage]

    def to_json(self) -> dict:
        """Plain JSON-ready data."""
        return asdict(self)
