"""The prose and tables of the 验收报告 (附件3) chapter by chapter: 园区概况, 评价时段, 《标准》符合性评价
with the indicator table placed to run across a page break, 重点任务和支撑项目完成情况, 创建特点和经验总结.

Sentences are templated from the park's facts and varied by the document's generator, so the same
content always renders the same text. Ground truth for the readers: never imports `extractors`.
"""

from __future__ import annotations

import random
from collections import Counter

from corpus.samples.layout import (
    BODY_BOTTOM_CM,
    CAPTION_TO_TABLE_CM,
    FIRST_LINE_AFTER_H1_CM,
    LINE_CM,
    column_widths,
    fill_lines,
    row_height,
)
from corpus.samples.model import Adjustment, Indicator, Park, ReportContent
from corpus.samples.prose import TOTAL_LABEL, Block, Prose, Table, meets
from corpus.samples.states import growth_of
from corpus.samples.wording import cn_date, cn_month, fmt, period, shown_value

ECONOMY_CAPTION = "表1-1 园区主要经济指标"
REPORT_INDICATOR_CAPTION = "表3-1 指标达标情况表"
REPORT_TASK_CAPTION = "表4-1 重点任务完成情况表"
REPORT_PROJECT_CAPTION = "表4-2 支撑项目完成情况表"
REPORT_METHOD_CAPTION = "表3-2 指标数据采集方法及来源表"


class ReportProse(Prose):
    """The chapters of the 验收报告 (附件3) from a `ReportContent`."""

    doc = "报告"

    def __init__(self, park: Park, content: ReportContent, rng: random.Random) -> None:
        super().__init__(park, content.identity, content.indicators, rng)
        self.content = content
        self.start, self.end = content.evaluation_start, content.evaluation_end

    def report_1(self) -> list[Block]:
        return [
            self.pick(
                f"{self.name}自批准创建生态工业园区以来，认真落实《实施方案》各项部署，"
                "统筹推进产业绿色转型、资源循环利用和生态环境保护，创建工作取得显著成效。",
                "本章从基本情况、经济状况、生态环境现状以及碳排放与碳汇现状等方面介绍园区概况。",
            )
        ]

    def report_1_1(self) -> list[Block]:
        park = self.park
        return [
            f"{self.name}（以下简称园区）成立于{cn_month(park.established)}，"
            f"经{self.approver()}批准设立，为{park.level}{park.park_type}。园区管理机构为{self.body}，"
            f"机构性质为{park.body_nature}，内设经济发展局、生态环境分局、应急管理局等职能部门。",
            f"园区位于{self.province}{self.city}，规划面积{fmt(self.identity.area_km2)}平方公里，"
            f"四至范围为{self.identity.boundary}。",
            f"园区批准创建时间为{cn_date(self.content.approval_date)}。{self.province}生态环境厅会同省商务厅、"
            "省工业和信息化厅组织论证后，同意园区开展生态文明建设示范区（生态工业园区）创建工作。",
            f"园区已形成以{self.industries}为主导的产业体系，区域内供水、供电、供热、污水处理和固废收运等基础设施完善，"
            "路网、管网实现全覆盖，为企业生产和园区运行提供了有力保障。",
            f"园区集中污水处理厂设计处理规模{self.rng.randint(3, 12)}万吨/日，"
            f"集中供热热源点{self.rng.randint(1, 3)}处，建有一般工业固废暂存转运站和危险废物集中收集贮存设施，"
            "园区内企业废水实现“一企一管”明管输送，雨污分流全面完成。",
        ]

    def report_1_2(self) -> list[Block]:
        copied, n = self.content.copied_economy, self.content.economy_years
        state = copied or self.park.economy
        years = list(range(self.end - n + 1, self.end + 1))
        gdp, output = state.series(n), state.series(n, state.output_share)
        added = state.series(n, state.added_share)
        average = growth_of(added) + self.content.growth_error
        yearly = round((added[-1] / added[-2] - 1) * 100, 1)
        span = f"{years[0]}—{years[-1]}年"
        rows = [["指标", *(f"{y}年" for y in years)]]
        for label, values in (
            ("地区生产总值（亿元）", gdp),
            ("工业总产值（亿元）", output),
            ("工业增加值（亿元）", added),
        ):
            rows.append([label, *(f"{v:.1f}" for v in values)])
        growth = f"{span}，园区工业增加值年均增长{fmt(round(average, 1))}%，经济发展速度在全省同类园区中位居前列。"
        if copied:  # the table pasted in: the prose around it states none of its figures
            opening, added_text = (
                f"近三年园区经济保持平稳较快增长，主要经济指标见{ECONOMY_CAPTION.split()[0]}。",
                growth,
            )
        else:
            opening = (
                f"近三年园区经济保持平稳较快增长。{span}，园区地区生产总值分别为"
                + "、".join(f"{v:.1f}亿元" for v in gdp)
                + f"，工业总产值分别为{'、'.join(f'{v:.1f}亿元' for v in output)}，"
                f"主要经济指标见{ECONOMY_CAPTION.split()[0]}。"
            )
            added_text = (
                f"{years[-1]}年，园区实现工业增加值{added[-1]:.1f}亿元，同比增长{fmt(yearly)}%，"
                f"高于{self.city}平均水平；" + growth
            )
        return [
            opening,
            Table(rows, ECONOMY_CAPTION, [4.2] + [2.6] * n),
            added_text,
            self.pick(
                "园区产业结构持续优化，主导产业产值占园区工业总产值的比重稳步提高，新兴产业成为经济增长的重要动力。",
                "园区坚持质量第一、效益优先，亩均税收和亩均产出水平逐年提升，经济发展的质量和效益明显改善。",
            ),
            f"评价时段内，园区新增入驻企业{self.rng.randint(12, 60)}家，"
            f"高新技术企业由{self.rng.randint(20, 50)}家增加到{self.rng.randint(55, 90)}家，"
            "研发经费投入占营业收入比重稳步提高，创新驱动发展能力不断增强。",
        ]

    def report_1_3(self) -> list[Block]:
        waste = self.find("固体废物")
        waste_text = f"{waste.name}达到{self.value(waste, waste.achieved)}，" if waste else ""
        return [
            f"{self.end}年，园区所在区域环境空气质量优良天数比例达到{self.rng.randint(80, 92)}%，"
            f"主要河流断面水质稳定达到Ⅲ类标准，区域生态环境质量持续改善。",
            f"园区重点排污单位均已依法取得排污许可证，主要污染物为化学需氧量、氨氮、二氧化硫和氮氧化物，"
            f"特征污染物为挥发性有机物；{waste_text}危险废物安全处置率保持100%。",
            self.pollutants(self.end),
            "园区建立了环境风险源清单，完成了突发环境事件应急预案修编和备案，"
            "评价时段内未发生较大及以上突发环境事件，环境管理体系运行有效。",
            "在环境管理方面，园区设立了生态环境分局，配备专职环境管理人员，建成了园区环境监测站和生态环境监控中心，"
            "推行排污许可“一证式”管理和环保管家服务，重点企业环境信息依法公开。",
            self.data_source(self.end),
        ]

    def report_1_4(self) -> list[Block]:
        carbon = self.find("二氧化碳")
        intensity = (
            f"{self.end}年园区{carbon.name}为{self.value(carbon, carbon.achieved)}，"
            f"较{self.start}年下降{fmt(round((1 - carbon.achieved / carbon.baseline) * 100, 1))}%。"
            if carbon and carbon.baseline
            else ""
        )
        return [
            "园区碳排放主要来源于工业领域能源消费，占排放总量的九成以上，其次为交通运输和人居生活领域。" + intensity,
            "工业领域碳排放以燃料燃烧和外购电力、热力间接排放为主，重点排放企业已全部纳入温室气体排放报告管理；"
            "交通领域碳排放主要来自货物运输车辆，园区已推广新能源物流车和公交车；"
            "人居领域碳排放主要来自公共建筑用能，新建公共建筑全面执行绿色建筑标准。",
            f"园区现有公共绿地和生态廊道约{self.rng.randint(120, 600)}公顷，年固碳量约{self.rng.randint(2, 9)}千吨，"
            "碳汇能力逐年增强。",
        ]

    def report_2(self) -> list[Block]:
        sentence = self.pick(
            f"园区的评价时段为{self.start}年至{self.end}年。",
            f"根据《管理办法》附件3要求，园区的评价时段为{self.start}年至{self.end}年。",
            f"本报告确定园区的评价时段为{self.start}年至{self.end}年。",
        )
        return [
            sentence + f"其中，{self.start}年为《实施方案》确定的基准年，即园区报送省级生态环境部门申请创建时"
            f"可以获得最新量化数据的年份；{self.end}年为验收年。",
            "评价时段内各指标的数据口径、统计范围与《实施方案》保持一致。",
        ]

    def _indicator_rows(self) -> tuple[list[list[str]], list[float]]:
        def achieved(indicator: Indicator, factor: float) -> dict[str, str]:
            met = meets(indicator) or indicator.name in self.content.claims_met
            value = shown_value(indicator, indicator.achieved, factor)
            return {"现状值": value, "达标情况": "达标" if met else "未达标"}

        columns = list(self.style.report_columns)
        rows = self.indicator_rows(columns, {"基准值": self.start, "现状值": self.end}, achieved)
        widths = column_widths(rows[0], {"序号": 1.0, "单位": 2.0, "达标情况": 1.6, "指标类型": 1.8}, "指标名称")
        return rows, widths

    def report_3(self, heading_lines: int) -> list[Block]:
        rows, widths = self._indicator_rows()
        met = sum(1 for i in self.indicators if meets(i) or i.name in self.content.claims_met)
        table_h = sum(row_height(r, widths) for r in rows)
        head_h = row_height(rows[0], widths) + (row_height(rows[1], widths) if len(rows) > 1 else 0)
        room = BODY_BOTTOM_CM - FIRST_LINE_AFTER_H1_CM - CAPTION_TO_TABLE_CM - (heading_lines - 1) * 0.8
        # Leave about half the table's height (at least its header and first row) on the first page.
        wanted = min(max(table_h * 0.5, head_h + 1.2), room)
        lines = max(3, int((room - LINE_CM - wanted) / LINE_CM))
        intro = fill_lines(self._intro_pool(len(rows) - 1, met), lines)
        blocks: list[Block] = [*intro, Table(rows, REPORT_INDICATOR_CAPTION, widths)]
        blocks += self._methods()
        missed = [i for i in self.indicators if not meets(i) and i.name not in self.content.claims_met]
        for indicator in missed:
            blocks.append(
                f"{indicator.name}{self.end}年现状值为{self.value(indicator, indicator.achieved)}，"
                "未达到《标准》要求，主要原因是部分新建项目尚处于投产爬坡期。园区已制定专项整改方案，"
                "通过加快实施相关支撑项目，力争尽快实现达标。"
            )
        blocks.append(
            self.pick(
                "总体来看，评价时段内园区各项指标总体呈持续向好态势，资源能源利用效率和污染治理水平明显提升。",
                "从变化趋势看，资源节约类和环境保护类指标改善明显，经济发展类指标保持稳定增长。",
            )
        )
        return blocks

    def _intro_pool(self, n: int, met: int) -> list[list[str]]:
        mandatory = [i.name for i in self.indicators if i.mandatory]
        special = [i.name for i in self.indicators if not i.mandatory]
        return [
            [
                "本次符合性评价依据《生态文明建设示范区（生态工业园区）管理办法》和《生态工业园区建设标准》（以下简称《标准》），"
                "以《实施方案》选定的评价指标为对象开展。",
                "评价过程中，对照《标准》指标值要求，逐项分析了各指标在评价时段内的变化情况和达标情况。",
                "对于《标准》未规定指标值的特色指标，以《实施方案》确定的目标值作为评价依据。",
            ],
            [
                f"《实施方案》共选定评价指标{n}项，其中必选指标{len(mandatory)}项，特色指标{len(special)}项。",
                f"必选指标包括{'、'.join(mandatory)}。" if mandatory else "",
                f"特色指标包括{'、'.join(special)}。" if special else "",
            ],
            [
                f"各指标数据主要来源于{self.stats_office}、园区经济发展局、生态环境分局、应急管理局，"
                "以及重点企业能源利用状况报告、排污许可证执行报告和温室气体排放报告等。",
                "统计口径与《实施方案》基准年保持一致，涉及价格的指标均按可比价格计算。",
                "对部分企业填报数据与统计部门数据存在差异的情况，园区组织第三方机构进行了核实校正。",
            ],
            [
                "为确保数据真实、准确、完整，园区建立了指标数据分级审核制度，由数据填报单位、职能部门和园区管理机构逐级审核把关。",
                "对关键指标的原始台账、计量器具检定记录和监测报告进行了抽查复核。",
                "评价中采用的环境监测数据均由具备资质的监测机构出具。",
                "园区生态工业信息平台对指标数据实行动态更新和留痕管理，便于核查追溯。",
            ],
            [
                "对于定量指标，采用评价期末年份的实际值与《标准》指标值进行比较；",
                "对于比例类指标，按分子、分母分别统计后计算；",
                "对于强度类指标，以工业增加值为分母，按可比价格折算后计算。",
                "评价结果分为达标和未达标两类。",
            ],
            [
                f"经评价，截至{self.end}年，园区{n}项指标中有{met}项达到《标准》要求或《实施方案》目标值，"
                f"各指标评价结果见{REPORT_INDICATOR_CAPTION.split()[0]}。",
            ],
        ]

    def _method_parts(self, indicator: Indicator) -> dict[str, str]:
        """附件3 三 for one indicator: how its data were collected, where from, how it is computed."""
        source = self.pick(
            f"{self.stats_office}和园区经济发展局统计报表",
            "重点企业统计报表和园区生态环境分局台账",
            "园区生态工业信息平台和相关部门统计资料",
        )
        how = "按《标准》规定的计算方法" + ("，以分子与分母之比计算" if indicator.unit == "%" else "核算")
        return {"method": "采用统计报表汇总与企业台账核查相结合的方式采集", "source": source, "calculation": how}

    def _methods(self) -> list[Block]:
        """Each indicator's method, source and calculation: sentences, or a table as some consultancies
        write it; an indicator in `method_gaps` has nothing said, or one aspect left unsaid.
        """
        gaps = self.content.method_gaps
        habit = self.rng.random() < 0.4
        if habit if self.content.method_table is None else self.content.method_table:
            rows = [["序号", "指标名称", "数据采集方法", "数据来源", "计算方法"]]
            for indicator in self.indicators:
                if gaps.get(indicator.name) == "all":
                    continue
                parts = self._method_parts(indicator)
                gap = gaps.get(indicator.name)
                cells = [parts[k] if gap != k else "—" for k in ("method", "source", "calculation")]
                rows.append([str(len(rows)), indicator.name, *cells])
            label = REPORT_METHOD_CAPTION.split()[0]
            intro = f"各指标的数据采集方法、数据来源和计算方法见{label}，原始数据清单见数据支撑材料。"
            notes = [
                f"{indicator.name}：{self._added(indicator)}{self.end}年现状值为{self._achieved(indicator)}。"
                for indicator in self.indicators
                if self._added(indicator) or indicator.name in self.content.values_in_text
            ]
            return [intro, Table(rows, REPORT_METHOD_CAPTION, [1.0, 4.2, 3.6, 3.6, 3.6]), *notes]
        blocks: list[Block] = ["各指标的数据采集方法、数据来源和计算过程说明如下，原始数据清单见数据支撑材料。"]
        for indicator in self.indicators:
            gap = gaps.get(indicator.name)
            if gap == "all":
                continue
            parts = self._method_parts(indicator)
            clauses = {
                "method": parts["method"],
                "source": f"数据来源于{parts['source']}",
                "calculation": parts["calculation"],
            }
            said = "，".join(text for key, text in clauses.items() if key != gap)
            blocks.append(
                f"{indicator.name}：{self._added(indicator)}{said}，{self.end}年现状值为{self._achieved(indicator)}。"
            )
        return blocks

    def _achieved(self, indicator: Indicator) -> str:
        """The achieved value as the prose writes it (a seeded defect may let it differ from the table)."""
        return self.value(indicator, self.content.values_in_text.get(indicator.name, indicator.achieved))

    def _added(self, indicator: Indicator) -> str:
        """The explanation of an indicator added after the plan, for those the report explains."""
        if indicator.name not in self.content.explained_additions:
            return ""
        return f"该指标为《实施方案》印发后新增的特色指标，新增原因是园区主导产业调整后需反映{indicator.name}的变化，"

    def report_4_intro(self) -> list[Block]:
        return [
            "对照《实施方案》，园区逐项梳理了重点任务和支撑项目的完成情况，并分析了支撑项目与指标达标之间的逻辑关系。",
        ]

    def tasks(self) -> list[Block]:
        tasks = self.park.tasks
        rows = [["序号", "任务名称", "责任部门", "计划完成时间", "完成情况"]]
        rows += [[str(n), t.name, t.department, t.due, "已完成"] for n, t in enumerate(tasks, 1)]
        return [
            f"《实施方案》共确定重点任务{len(tasks)}项，截至{self.end}年底已全部完成，"
            f"完成情况见{REPORT_TASK_CAPTION.split()[0]}。",
            Table(rows, REPORT_TASK_CAPTION, [1.0, 5.2, 2.8, 2.8, 2.8]),
            *(f"{t.name}。{t.content}。该任务由{t.department}牵头实施，已于{t.due}前完成，{t.goal}。" for t in tasks),
        ]

    def projects(self) -> list[Block]:
        projects, adjusted = self.content.projects, self.content.adjusted_projects
        stated = self.content.project_total_wan
        total = self.project_total(projects, stated)
        statuses = Counter(p.status for p in projects)
        rows = [["序号", "项目名称", "实施期限", "实施主体", "投资金额（万元）", "完成情况"]]
        rows += [
            [str(n), p.name, period(p), p.owner, fmt(p.investment_wan), p.status] for n, p in enumerate(projects, 1)
        ]
        rows.append([TOTAL_LABEL, "", "", "", fmt(total), ""])
        last = len(rows) - 1
        summary = "，".join(f"{status}{count}项" for status, count in statuses.items())
        blocks: list[Block] = [
            f"《实施方案》共安排支撑项目{len(projects) + len(adjusted)}项。截至{self.end}年底，"
            f"纳入验收的支撑项目{len(projects)}项中{summary}，累计完成投资{fmt(total)}万元，"
            f"见{REPORT_PROJECT_CAPTION.split()[0]}。",
            Table(rows, REPORT_PROJECT_CAPTION, [1.0, 4.6, 2.2, 3.4, 2.2, 1.8], [(last, 0, last, 3)]),
        ]
        for p in projects:
            status = self.content.progress_in_text.get(p.name, p.status)
            blocks.append(
                f"{p.name}：{p.content}，由{p.owner}负责实施，完成投资{fmt(p.investment_wan)}万元，"
                f"目前{status}，{p.goal}。"
            )
        blocks += [self._adjustment(a) for a in adjusted]
        blocks.append(
            "从支撑关系看，污水处理、中水回用等项目直接支撑单位工业增加值新鲜水耗和工业用水重复利用率等指标达标，"
            "固废资源化和清洁能源项目支撑资源循环利用和减污降碳相关指标，智慧监管平台支撑环境管理类指标。"
        )
        return blocks

    def _adjustment(self, adjustment: Adjustment) -> str:
        """A dropped project explained (附件3 四) with the days it was adjusted and reported (第十四条)."""
        replacement = "园区集中式资源化利用设施扩容工程"
        reported = f"{self.body}已于{cn_date(adjustment.reported)}将调整情况以书面形式向省级生态环境部门报告。"
        if adjustment.two_sentences:
            return (
                f"因规划调整，{cn_date(adjustment.made)}，园区管理机构研究决定将原《实施方案》中的“{adjustment.name}”"
                f"调整为{replacement}。{reported}"
            )
        return (
            f"{cn_month(adjustment.made)}，因规划调整，原《实施方案》中的“{adjustment.name}”未能按原计划实施，"
            f"相关建设内容调整为{replacement}，{reported}"
        )

    def report_5(self) -> list[Block]:
        a = self.park.industries[0]
        return [
            f"坚持培育发展绿色生产力。园区以{a}等主导产业为重点，推动产业链向高端化、智能化、绿色化延伸，"
            "高新技术企业数量和产值占比持续提升。",
            "坚持减污降碳协同增效。园区统筹推进能源结构调整、节能降碳改造和污染深度治理，"
            "单位工业增加值能耗和碳排放强度持续下降，主要污染物排放总量稳步削减。",
            "坚持生态工业链网构建。园区围绕主导产业开展补链强链，企业间副产物交换和能源梯级利用水平不断提高。",
            "坚持体制机制创新。园区推行环保管家、环境信用评价和“点位长”制度，建立了问题发现、交办、整改和销号的闭环管理机制，"
            "形成了可供其他园区借鉴的经验。",
            "坚持环境风险防控和预警体系建设。园区建成覆盖重点企业和重点设施的环境风险预警监控系统，"
            "实现了风险隐患早发现、早报告、早处置。",
            "坚持绿色低碳技术转化应用。园区搭建产学研合作平台，推动余热利用、废水深度处理和固废资源化等技术在企业落地，"
            "一批绿色低碳技术成果实现规模化应用。",
            f"创建过程中，{self.name}形成了以下可复制可推广的经验：一是坚持规划引领，将创建任务纳入园区发展规划和年度计划；"
            "二是坚持项目支撑，以重点项目建设带动指标提升；三是坚持制度保障，建立了定期调度、考核评估和信息公开机制；"
            "四是坚持多方参与，引导企业、公众和第三方机构共同参与创建工作。",
        ]


__all__ = [
    "REPORT_INDICATOR_CAPTION",
    "REPORT_METHOD_CAPTION",
    "REPORT_PROJECT_CAPTION",
    "REPORT_TASK_CAPTION",
    "ReportProse",
]
