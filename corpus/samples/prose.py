"""What the bodies of the 实施方案 and the 验收报告 have in common: the `Prose` both are written
with (the document's facts, the consultancy's variation of wording, the sentences both documents
use, the indicator table's rows) and the table blocks the bodies are made of.

`plan_prose` and `report_prose` write each document's chapters on it; `reports` lays them out.
The documents are ground truth for the readers, so this module never imports `extractors`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.samples.layout import base_column
from corpus.samples.model import Identity, Indicator, Park, Project
from corpus.samples.wording import cn_number, fmt, shown_unit, shown_value, standard_cell, with_unit

TOTAL_LABEL = "合计"


@dataclass
class Table:
    """A table of a document body: its rows (header first), caption, column widths (cm) and merged cells."""

    rows: list[list[str]]
    caption: str | None
    widths: list[float]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


Block = str | Table


def meets(indicator: Indicator) -> bool:
    """Whether the achieved value meets the 《标准》 threshold, or the target where there is none."""
    if indicator.state:
        return True
    if indicator.standard is not None:
        threshold, direction = indicator.standard, indicator.direction
    else:
        threshold = indicator.target
        direction = indicator.direction or ("≤" if indicator.target < indicator.baseline else "≥")
    if direction == "≤":
        return indicator.achieved <= threshold + 1e-9
    if direction == "≥":
        return indicator.achieved >= threshold - 1e-9
    return abs(indicator.achieved - threshold) < 1e-9


class Prose:
    """Facts of one document and the variation its consultancy brings to the wording."""

    doc: str  # what the text calls itself: 方案 or 报告

    def __init__(self, park: Park, identity: Identity, indicators: list[Indicator], rng: random.Random) -> None:
        self.park, self.identity, self.indicators, self.rng = park, identity, indicators, rng
        self.name, self.body = identity.name, identity.body
        self.city, self.province = park.city, park.province
        self.industries = "、".join(park.industries)
        self.style = park.style
        self.stats_office = f"{park.city}统计局"
        self.omitted_maps: set[str] = set()  # maps the document never refers to (a seeded defect)

    def pick(self, *options: str) -> str:
        return options[self.rng.randrange(len(options))]

    def find(self, *keys: str) -> Indicator | None:
        return next((i for i in self.indicators if any(k in i.name for k in keys)), None)

    def value(self, indicator: Indicator, number: float) -> str:
        unit, factor = shown_unit(indicator, self.style.energy_unit)
        return indicator.state or with_unit(number * factor, unit)

    def area_text(self) -> str:
        area = self.identity.area_km2
        return self.pick(f"{fmt(area)}平方公里", f"{cn_number(area)}平方公里")

    def approver(self) -> str:
        return "国务院" if self.park.level == "国家级" else f"{self.province}人民政府"

    def economy(self, year: int) -> str:
        gdp = self.rng.uniform(150, 800)
        return (
            f"{year}年，园区实现地区生产总值{gdp:.1f}亿元，工业总产值{gdp * self.rng.uniform(2.5, 3.2):.1f}亿元，"
            f"规模以上工业增加值同比增长{self.rng.uniform(5, 10):.1f}%，"
            f"主导产业产值占园区工业总产值的比重达到{self.rng.randint(60, 82)}%。"
        )

    def pollutants(self, year: int) -> str:
        cod, nh, so2, nox = (self.rng.uniform(a, b) for a, b in ((300, 1200), (20, 90), (80, 500), (200, 900)))
        return (
            f"{year}年，园区化学需氧量、氨氮、二氧化硫和氮氧化物排放量分别为{cod:.1f}吨、{nh:.1f}吨、{so2:.1f}吨和{nox:.1f}吨，"
            "均控制在总量控制指标以内，重点排污单位全部安装在线监测设备并与生态环境部门联网。"
        )

    def foreign(self, other: str) -> str:
        return self.pick(
            f"近年来，{other}坚持生态优先、绿色发展，把生态工业园区创建作为推动高质量发展的重要抓手，"
            f"产业结构持续优化，资源能源利用效率稳步提升，生态环境质量不断改善。",
            f"{other}始终坚持以习近平生态文明思想为指导，统筹推进经济发展和生态环境保护，"
            f"先后获评省级循环化改造示范试点园区和绿色园区，具备创建生态工业园区的良好基础。",
        )

    def data_source(self, year: int) -> str:
        return self.pick(
            f"本{self.doc}所用经济数据来源于《{self.city[:-1]}统计年鉴（{year + 1}）》和{self.stats_office}，"
            f"资源能源消耗数据来源于重点用能单位能源利用状况报告，环境质量数据来源于{self.city}生态环境局例行监测结果，"
            "图件底图来源于自然资源部门国土空间规划成果。",
            f"数据来源：{self.stats_office}、{self.city}生态环境局、园区经济发展局及重点企业统计报表；"
            "碳排放数据依据重点企业温室气体排放报告核算，图件来源于园区国土空间规划。",
        )

    def indicator_rows(
        self,
        columns: list[str],
        years: dict[str, int],
        more: Callable[[Indicator, float], dict[str, str]] | None = None,
    ) -> list[list[str]]:
        """The indicator table in the consultancy's columns: a header (some value columns with their
        year), then a row per indicator in the shown unit; `more` gives cells only one document has.
        """
        headers = [f"{c}（{years[c]}年）" if c in years and self.rng.random() < 0.5 else c for c in columns]
        rows = [headers]
        for number, indicator in enumerate(self.indicators, 1):
            unit, factor = shown_unit(indicator, self.style.energy_unit)
            cells = {
                "序号": str(number),
                "指标名称": indicator.name,
                "单位": unit,
                "基准值": shown_value(indicator, indicator.baseline, factor),
                "目标值": shown_value(indicator, indicator.target, factor),
                "标准值": standard_cell(indicator, factor),
                "指标类型": "必选指标" if indicator.mandatory else "特色指标",
                **(more(indicator, factor) if more else {}),
            }
            rows.append([cells.get(base_column(c), "") for c in columns])
        return rows

    @staticmethod
    def project_total(projects: list[Project], stated: float | None) -> float:
        """The projects' total investment (万元) as the document states it, else their sum."""
        return stated if stated is not None else round(sum(p.investment_wan for p in projects), 2)

    def extra(self, name: str) -> list[Block]:
        if "保障" in name:
            return [
                f"加强组织领导。成立由{self.body}主要负责同志任组长、分管负责同志任副组长、各职能部门和重点企业负责人为成员的"
                "生态工业园区创建工作领导小组，领导小组办公室设在生态环境分局，负责创建工作的统筹协调、督促检查和考核评估。",
                "强化资金保障。园区每年安排生态工业园区创建专项资金，重点支持循环化改造、清洁生产审核、节能降碳改造和环境基础设施建设；"
                "积极争取中央和省级生态环境、节能减排专项资金，引导金融机构加大绿色信贷投放力度。",
                "完善制度保障。建立重点任务和支撑项目台账管理制度，实行月调度、季通报、年考核，"
                "将创建工作完成情况纳入各部门和重点企业年度目标责任考核。",
                f"加强宣传引导。充分利用园区门户网站、微信公众号等渠道，广泛宣传生态工业园区创建的意义和进展，"
                f"营造{self.name}上下共同参与创建的良好氛围。",
            ]
        if "结论" in name:
            return [
                f"综上所述，{self.name}自批准创建以来，认真落实《实施方案》确定的各项任务，"
                "重点任务全部完成，支撑项目按计划推进，《标准》规定的各项指标总体达到要求，创建工作取得明显成效，具备验收条件。",
                "下一步，园区将持续巩固创建成果，重点在以下方面继续发力：一是进一步优化能源结构，提高可再生能源使用比例；"
                "二是深化企业间副产物交换和资源循环利用；三是完善生态环境监测监控体系，提升环境风险防控能力。",
            ]
        if "附图" in name or "附表" in name:
            maps = [f"{self.name}四至范围图", f"{self.name}土地利用规划图", "园区生态工业链图"]
            maps = [m for m in maps if not any(m.endswith(o) for o in self.omitted_maps)]
            maps += ["园区环境基础设施分布图", "园区环境风险源分布图"]
            return [
                "；".join(f"附图{n} {m}" for n, m in enumerate(maps, 1)) + "。",
                "附表1 园区重点企业名录；附表2 园区主要污染物排放情况统计表；附表3 指标数据来源及计算说明表。",
            ]
        return [
            f"围绕{name}，{self.body}结合园区实际，明确了工作目标、责任分工和时间节点，"
            "建立了定期调度和考核评估机制，确保各项工作落到实处。",
            "各职能部门按照职责分工，加强协调配合，形成工作合力，推动园区生态工业建设取得实效。",
        ]


__all__ = ["TOTAL_LABEL", "Block", "Prose", "Table", "meets"]
