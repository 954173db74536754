"""The prose and tables of the 建设实施方案 (附件1) chapter by chapter: 园区概况及创建基础, 总体方案 with
the target indicator table, 重点任务 and their areas, 支撑项目, 指标可达性分析.

Sentences are templated from the park's facts and varied by the document's generator, so the same
content always renders the same text. Ground truth for the readers: never imports `extractors`.
"""

from __future__ import annotations

import random

from corpus.samples.layout import column_widths
from corpus.samples.model import Indicator, Park, PlanContent
from corpus.samples.prose import TOTAL_LABEL, Block, Prose, Table
from corpus.samples.wording import cn_count, fmt, period

PLAN_INDICATOR_CAPTION = "表2-1 目标指标表"
PLAN_TASK_CAPTION = "表3-1 重点任务表"
PLAN_PROJECT_CAPTION = "表4-1 支撑项目表"
# What 附件1 calls the tables and maps a seeded defect may leave out.
TASK_TABLE, PROJECT_TABLE = "重点任务表", "支撑项目表"
MAP_BOUNDARY, MAP_CHAIN = "四至范围图", "生态工业链图"


class PlanProse(Prose):
    """The chapters of the 实施方案 (附件1) from a `PlanContent`."""

    doc = "方案"

    def __init__(self, park: Park, content: PlanContent, rng: random.Random) -> None:
        super().__init__(park, content.identity, content.indicators, rng)
        self.content = content
        self.by, self.ty = content.baseline_year, content.target_year
        self.omitted_maps = content.omitted_maps

    def plan_1(self) -> list[Block]:
        age = self.by - self.park.established.year
        return [
            f"{self.name}于{self.park.established.year}年经{self.approver()}批准设立，为{self.park.level}{self.park.park_type}。"
            f"经过{cn_count(age)}年的开发建设，园区已形成以{self.industries}为主导的产业体系，"
            f"成为{self.city}经济发展的主引擎和对外开放的重要窗口。",
            self.pick(
                "本章从园区发展概况、地理位置、生态环境质量、资源能源消耗和污染物排放等方面梳理园区现状，"
                "并分析创建生态工业园区的优势、劣势、机遇和挑战。",
                "为科学确定创建目标和重点任务，园区在全面自评估的基础上，系统梳理了发展现状和创建基础。",
            ),
        ]

    def plan_1_1(self) -> list[Block]:
        energy, water = self.find("综合能耗"), self.find("新鲜水耗")
        carbon, waste = self.find("二氧化碳"), self.find("固体废物")
        resource = "园区资源能源消耗总体处于较低水平。"
        if energy and water:
            resource = (
                f"{self.by}年，园区{energy.name}为{self.value(energy, energy.baseline)}，"
                f"{water.name}为{self.value(water, water.baseline)}，资源能源利用效率处于全省同类园区前列。"
            )
        if carbon:
            resource += f"{carbon.name}为{self.value(carbon, carbon.baseline)}，碳排放主要来自工业能源消费和外购电力。"
        waste_text = f"{waste.name}为{self.value(waste, waste.baseline)}，" if waste else ""
        enterprises = self.rng.randint(80, 420)
        return [
            f"{self.name}位于{self.province}{self.city}，管理机构为{self.body}（{self.park.body_nature}）。"
            f"截至{self.by}年底，园区共有工业企业{enterprises}家，其中规模以上工业企业{enterprises // 3}家，"
            f"主导产业为{self.industries}。",
            self.economy(self.by),
            f"园区地址为{self.park.address}，规划面积{self.area_text()}，四至范围为：{self.identity.boundary}。"
            "园区交通便捷，区位条件优越" + ("。" if MAP_BOUNDARY in self.omitted_maps else "，园区四至范围图见图1-1。"),
            self.pick(
                f"园区距{self.city}中心城区约{self.rng.randint(8, 30)}公里，周边高速公路、国道和铁路专用线纵横交错，"
                "距最近的港口和机场均在一小时车程以内，物流运输条件便利，便于原辅材料输入和产品输出。",
                f"园区处于{self.province}重点发展轴带上，对外交通依托高速公路和铁路货运站，"
                "区内道路按“五纵五横”路网格局建设，水、电、气、热、通信等基础设施已基本实现全覆盖。",
            ),
            self.pick(
                f"{self.by}年，园区所在区域环境空气质量优良天数比例为{self.rng.randint(78, 90)}%，"
                "主要河流断面水质稳定达到Ⅲ类，声环境质量满足功能区要求。",
                f"园区环境质量总体良好，{self.by}年区域细颗粒物（PM2.5）年均浓度为{self.rng.randint(28, 42)}"
                "微克/立方米，"
                "集中式饮用水水源地水质达标率保持100%。",
            ),
            resource,
            f"园区能源消费以电力、天然气和集中供应蒸汽为主，{self.by}年综合能源消费量约"
            f"{self.rng.randint(40, 260)}万吨标准煤，其中煤炭消费占比约{self.rng.randint(25, 55)}%；"
            f"工业取水主要来自{self.city}区域供水管网，年取水量约{self.rng.randint(800, 4200)}万立方米。"
            f"园区建设用地中工业用地占比约{self.rng.randint(52, 70)}%，"
            "土地集约节约利用水平较高。",
            self.pollutants(self.by),
            f"园区建有集中污水处理厂和一般工业固废收运体系，{waste_text}危险废物全部委托有资质单位安全处置。"
            "园区已编制突发环境事件应急预案，建立了园区、企业两级环境风险防控体系。",
            *([self.data_source(self.by)] if self.content.sources_stated else []),
        ]

    def plan_1_2(self) -> list[Block]:
        first = self.park.industries[0]
        return [
            f"从优势看，园区产业基础扎实，{first}等主导产业集聚度高，上下游配套较为完善，"
            "企业间已形成蒸汽、中水和副产物交换的初步共生关系；环境基础设施较为齐全，管理机构健全。"
            f"园区先后开展了循环化改造、绿色园区创建等工作，积累了较为丰富的生态工业建设经验。",
            "从劣势看，园区能源结构仍以煤炭和外购电力为主，可再生能源利用规模偏小；"
            "部分早期入驻企业工艺装备水平不高，资源产出效率与先进园区相比仍有差距；"
            "产业链上下游耦合程度有待提高，副产物和废弃物的资源化利用渠道仍不够畅通。",
            f"从机遇看，国家深入推进碳达峰碳中和和美丽中国建设，{self.province}出台了一系列支持园区绿色低碳发展的政策措施，"
            "为园区创建生态工业园区提供了良好的政策环境。绿色金融、环境污染第三方治理等市场化机制不断完善，"
            "也为园区引进社会资本参与环境基础设施建设创造了条件。",
            "从挑战看，园区产业规模持续扩大，资源环境承载压力随之增加，减污降碳协同增效和环境风险防控的任务依然艰巨。",
        ]

    def plan_2(self) -> list[Block]:
        return [
            "以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平生态文明思想，完整、准确、全面贯彻新发展理念，"
            "以建设现代化产业体系为导向，以减污降碳协同增效为重点，坚持智能化、绿色化、融合化方向，"
            f"推动{self.name}向“低碳、高质、创新、循环”的生态工业园区转型。",
            f"总体目标：到{self.ty}年，园区产业结构进一步优化，资源能源利用效率显著提高，主要污染物排放总量持续下降，"
            "生态工业链网基本形成，环境风险防控体系和生态环境管理能力明显增强，各项指标达到《标准》要求，"
            f"建成具有{self.province}特色的生态文明建设示范区（生态工业园区）。",
        ]

    def plan_2_1(self) -> list[Block]:
        a, b, c = (*self.park.industries, "", "", "")[:3]
        return [
            "坚持规划引领、系统推进。把生态工业园区创建与园区国土空间规划、产业发展规划和生态环境保护规划有机衔接，"
            "统筹谋划、整体推进。坚持创新驱动、绿色发展。以科技创新和管理创新为动力，推动产业向绿色化、低碳化、高端化转型。"
            "坚持企业主体、政府引导。充分发挥企业在创建工作中的主体作用，强化管理机构的规划引导、政策支持和监督管理职能。"
            "坚持问题导向、重点突破。聚焦资源能源利用和污染防治中的突出问题，以重点任务和支撑项目为抓手，集中力量攻坚突破。",
            self.pick(
                f"按照“一条主线、三大板块、七项任务”的总体框架推进创建：以减污降碳协同增效为主线，"
                f"以{a}、{b}、{c}三大产业板块为载体，统筹推进绿色生产力培育、生态工业链网构建、资源循环利用、"
                "污染防治、环境风险防控和环境管理能力提升等重点任务。",
                f"创建工作围绕产业生态化和生态产业化两个方向展开，以{a}和{b}产业为核心构建横向耦合、纵向延伸的生态工业链，"
                "以环境基础设施共建共享为支撑，以智慧化环境管理为保障。",
            ),
            ("" if MAP_CHAIN in self.omitted_maps else "园区生态工业链图见图2-1。")
            + f"通过补链、延链、强链，园区将形成“{a}—{b}—资源再生利用”循环链条，"
            "实现企业间物料闭路循环、能量梯级利用和废物资源化利用。",
            f"在空间布局上，园区按照“功能分区、产业集聚”的原则，划分为{a}产业区、{b}产业区、"
            f"{c or '配套服务'}产业区和综合服务区，环境基础设施集中布置在园区下风向和河流下游，"
            "与居住区之间设置生态防护绿带。",
        ]

    def plan_2_2(self) -> list[Block]:
        mandatory = sum(1 for i in self.indicators if i.mandatory)
        energy = self.find("综合能耗")
        closing = ""
        if energy:
            closing = (
                f"到{self.ty}年，园区{energy.name}由{self.value(energy, energy.baseline)}"
                f"下降到{self.value(energy, energy.target)}，"
            )
        return [
            f"依据《生态工业园区建设标准》，结合园区产业特点和发展阶段，以{self.by}年为基准年、{self.ty}年为目标年，"
            f"确定创建指标{len(self.indicators)}项，其中必选指标{mandatory}项、"
            f"特色指标{len(self.indicators) - mandatory}项，"
            f"目标指标见{PLAN_INDICATOR_CAPTION.split()[0]}。",
            self._indicator_table(),
            "必选指标覆盖经济发展、产业共生、资源节约、环境保护和信息公开等方面，"
            "特色指标结合园区主导产业特点和创建重点选取，体现园区减污降碳协同和资源循环利用的特色。",
            closing
            + "主要资源产出率和资源循环利用水平显著提升，各项指标全面达到《标准》要求。"
            + (
                f"基准值数据来源于{self.stats_office}、园区经济发展局和生态环境分局统计数据。"
                if self.content.sources_stated
                else ""
            ),
        ]

    def _indicator_table(self) -> Table:
        columns = list(self.style.indicator_columns)
        rows = self.indicator_rows(columns, {"基准值": self.by, "目标值": self.ty})
        widths = column_widths(rows[0], {"序号": 1.0, "单位": 2.3, "指标类型": 1.8, "标准值": 1.6}, "指标名称")
        return Table(rows, PLAN_INDICATOR_CAPTION, widths)

    def _table(self, name: str, caption: str, rows: list[list[str]], widths: list[float], merges=()) -> Table:
        """A table of 附件1, less the column a seeded defect leaves out."""
        dropped = self.content.omitted_columns.get(name)
        keep = [i for i, header in enumerate(rows[0]) if not header.startswith(dropped or "\0")]
        if len(keep) < len(rows[0]):
            rows = [[row[i] for i in keep] for row in rows]
            widths = [widths[i] for i in keep]
            merges = [(r0, sum(i < c0 for i in keep), r1, sum(i <= c1 for i in keep) - 1) for r0, c0, r1, c1 in merges]
        return Table(rows, caption, widths, list(merges))

    def plan_3(self) -> list[Block]:
        tasks = self.content.tasks
        intro = (
            "从培育发展绿色生产力、减污降碳协同、主导行业生态体系构建、资源循环利用、污染防治与生态保护修复、"
            f"环境风险防控、生态环境管理能力提升等方面，园区梳理确定重点任务{len(tasks)}项"
        )
        if TASK_TABLE in self.content.omitted_tables:
            return [
                intro + "，具体如下。",
                *(f"{t.name}：{t.content}，由{t.department}负责，{t.due}前完成，{t.goal}。" for t in tasks),
            ]
        rows = [["序号", "任务名称", "任务内容", "完成时间", "责任部门", "预期目标"]]
        rows += [[str(n), t.name, t.content, t.due, t.department, t.goal] for n, t in enumerate(tasks, 1)]
        return [
            intro + f"，明确了任务名称、任务内容、完成时间、责任部门和预期目标，见{PLAN_TASK_CAPTION.split()[0]}。",
            self._table(TASK_TABLE, PLAN_TASK_CAPTION, rows, [0.9, 2.4, 4.5, 1.7, 2.2, 2.9]),
        ]

    def task_areas(self) -> list[tuple[str, list[Block]]]:
        chosen = sorted(self.rng.sample(range(len(_AREA_TEXT)), self.rng.randint(3, 5)))
        closing = (
            "该项任务由{dept}牵头，相关职能部门和重点企业配合，按年度分解目标任务，"
            "纳入园区年度重点工作考核，确保{ty}年前取得明显成效。"
        )
        result = []
        for i in chosen:
            area, texts = _AREA_TEXT[i]
            dept = next((t.department for t in self.content.tasks if area[-4:] in t.name), "生态环境分局")
            result.append((area, [t.format(p=self) for t in texts] + [closing.format(dept=dept, ty=self.ty)]))
        return result

    def money(self, wan: float) -> str:
        return f"{fmt(wan / 10000)}亿元" if self.style.money_in_yi else f"{fmt(wan)}万元"

    def plan_4(self) -> list[Block]:
        projects = self.content.projects
        total = self.project_total(projects, self.content.project_total_wan)
        rows = [["序号", "项目名称", "建设内容", "实施期限", "实施主体", "投资金额（万元）", "预期目标"]]
        for n, p in enumerate(projects, 1):
            rows.append([str(n), p.name, p.content, period(p), p.owner, fmt(p.investment_wan), p.goal])
        rows.append([TOTAL_LABEL, "", "", "", "", fmt(total), ""])
        last = len(rows) - 1
        biggest = max(projects, key=lambda p: p.investment_wan) if projects else None
        intro = (
            f"根据重点任务安排，园区共谋划支撑项目{len(projects)}项，总投资{self.money(total)}，"
            "涵盖环境基础设施、资源循环利用、清洁能源和智慧监管等领域"
        )
        widths = [0.9, 2.6, 3.2, 1.6, 2.1, 1.6, 2.6]
        blocks: list[Block] = (
            [intro + "。"]
            if PROJECT_TABLE in self.content.omitted_tables
            else [
                intro + f"，见{PLAN_PROJECT_CAPTION.split()[0]}。",
                self._table(PROJECT_TABLE, PLAN_PROJECT_CAPTION, rows, widths, [(last, 0, last, 4)]),
            ]
        )
        for p in projects:
            blocks.append(
                f"{p.name}：{p.content}，实施期限为{p.start}—{p.end}年，由{p.owner}负责实施，"
                f"计划投资{fmt(p.investment_wan)}万元，预期目标为{p.goal}。"
            )
        if biggest:
            blocks.append(
                f"其中投资规模最大的是{biggest.name}，计划投资{fmt(biggest.investment_wan)}万元，"
                f"主要建设内容为{biggest.content}，由{biggest.owner}负责实施。"
                "项目资金通过企业自筹、政府专项资金和绿色信贷等渠道筹措。"
            )
        return blocks

    def plan_5(self) -> list[Block]:
        sentences = []
        projects = self.content.projects
        for n, indicator in enumerate(self.indicators):
            lever = projects[n % len(projects)].name if projects else "重点任务"
            gap = "已达到目标值" if _reached(indicator, indicator.baseline) else "与目标值尚有差距"
            sentences.append(
                f"{indicator.name}基准值为{self.value(indicator, indicator.baseline)}，"
                f"目标值为{self.value(indicator, indicator.target)}，基准年{gap}，"
                f"通过实施{lever}等措施，预计{self.ty}年可达到目标。"
            )
        paragraphs = ["".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        return [
            "对照目标指标表，逐项分析各指标的现状水平、变化趋势及重点任务和支撑项目的支撑作用。"
            f"分析以{self.by}年为基准，结合近年来各指标的变化趋势、园区产业发展规划和在建项目投产计划，"
            "采用趋势外推与项目贡献测算相结合的方法，预测目标年各指标的可达水平。",
            *paragraphs,
            f"综上，通过重点任务和支撑项目的实施，园区各项指标均可在{self.ty}年达到《标准》要求和《实施方案》目标，指标总体可达。",
        ]


_AREA_TEXT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "培育发展绿色生产力",
        (
            "坚持以科技创新引领产业创新，围绕{p.industries}等主导产业，支持企业建设研发机构，"
            "推动新一代信息技术与制造业深度融合，培育一批高新技术企业和专精特新中小企业。",
            "严格项目准入，对新建项目实行能耗、水耗、排放强度准入标准，推动落后产能有序退出，"
            "提高园区绿色低碳产业比重。",
        ),
    ),
    (
        "减污降碳协同增效",
        (
            "推进能源结构清洁低碳化，加快分布式光伏、余热余压利用和集中供热项目建设，"
            "逐步削减企业自备燃煤锅炉，提高可再生能源和清洁能源使用比例。",
            "开展重点企业节能降碳诊断，推广高效电机、变频控制和余热回收等先进适用技术，"
            "协同控制大气污染物和温室气体排放。",
        ),
    ),
    (
        "构建主导行业生态体系",
        (
            "围绕主导产业链招引补链项目，推动上下游企业就近配套，"
            "构建企业间物料、能源和副产物的共生网络，提升产业链供应链韧性。",
            "建立副产物交换信息平台，定期发布企业副产物供需信息，促进企业间资源高效配置。",
        ),
    ),
    (
        "推进资源循环利用",
        (
            "完善一般工业固体废物分类收集和集中转运体系，建设固废资源化利用设施，提高工业固体废物综合利用率。",
            "推进污水资源化利用，建设中水回用管网，鼓励企业开展水平衡测试和节水改造，提高工业用水重复利用率。",
        ),
    ),
    (
        "强化污染防治与生态保护修复",
        (
            "深入打好蓝天、碧水、净土保卫战，推进重点行业挥发性有机物综合治理和污水处理厂提标改造，"
            "确保重点污染源稳定达标排放。",
            "实施园区生态廊道和绿地系统建设，修复受损岸线，提升园区生态系统质量和稳定性。",
        ),
    ),
    (
        "提升环境风险防控能力",
        (
            "完善园区、企业、重点设施三级环境风险防控体系，建设事故应急池和雨水排口截断设施，"
            "定期开展突发环境事件应急演练。",
        ),
    ),
    (
        "提升生态环境管理能力",
        (
            "建设智慧环保监管平台，整合在线监测、视频监控、危险废物转移联单和排污许可信息，"
            "实现对重点排污单位的全过程监管。",
            "推行环保管家服务和企业环境信用评价，建立生态环境问题发现、交办、整改和销号的闭环机制。",
        ),
    ),
)


def _reached(indicator: Indicator, number: float) -> bool:
    """Whether a number already reaches the indicator's target (lower is better for ≤ or falling targets)."""
    lower = indicator.direction == "≤" or (not indicator.direction and indicator.target < indicator.baseline)
    return number <= indicator.target if lower else number >= indicator.target


__all__ = [
    "MAP_BOUNDARY",
    "MAP_CHAIN",
    "PLAN_INDICATOR_CAPTION",
    "PLAN_PROJECT_CAPTION",
    "PLAN_TASK_CAPTION",
    "PROJECT_TABLE",
    "TASK_TABLE",
    "PlanProse",
]
