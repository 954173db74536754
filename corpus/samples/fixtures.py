"""A small acceptance-stage package with known defects, written the way parks write them.

It is the ground truth of the end-to-end tests and the README's demo: a 实施方案 with a table of
contents and Word automatic numbering, a 验收报告 with 第一章-style headings, reworded titles, an
extra chapter and an indicator table that runs across a page break, which lacks 碳排放与碳汇现状,
a 验收申请表 whose 园区特色及亮点 runs over 500 字, and the 验收申请 and 数据支撑材料 that
complete the acceptance package of 第十六条. `TRUTH` says what a correct review finds.
It must never import `extractors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.samples.writer import CHINESE_OUTLINE, DocxWriter, convert_to_pdf

PARK = "临江经济技术开发区"
BODY = "临江经济技术开发区管理委员会"


@dataclass(frozen=True)
class ExpectedFinding:
    """A finding the review must report: rule, document kind, subject."""

    rule: str
    kind: str
    subject: str


@dataclass(frozen=True)
class Truth:
    """What the fixture package contains and what a correct review of it says."""

    kinds: dict[str, str]
    outlines: dict[str, tuple[tuple[str, str | None], ...]]
    findings: tuple[ExpectedFinding, ...]
    form_values: dict[str, str]


_PLAN_OUTLINE: tuple[tuple[int, str, str | None], ...] = (
    (1, "园区概况及创建基础", "plan.1"),
    (2, "园区概况", "plan.1.1"),
    (2, "创建基础", "plan.1.2"),
    (1, "总体方案", "plan.2"),
    (2, "总体框架", "plan.2.1"),
    (2, "主要目标与指标", "plan.2.2"),
    (1, "重点任务", "plan.3"),
    (2, "培育发展绿色生产力", None),
    (2, "减污降碳协同增效", None),
    (1, "支撑项目", "plan.4"),
    (1, "指标可达性分析", "plan.5"),
    (1, "保障措施", None),
)
_CN = "一二三四五六七八九十"

_REPORT_OUTLINE: tuple[tuple[int, str, str | None], ...] = (
    (1, "第一章 园区概况", "report.1"),
    (2, "第一节 基本情况", "report.1.1"),
    (2, "第二节 经济发展状况", "report.1.2"),
    (2, "第三节 生态环境现状", "report.1.3"),
    (1, "第二章 评价时段", "report.2"),
    (1, "第三章 标准符合性分析", "report.3"),
    (1, "第四章 重点任务与支撑项目完成情况", "report.4"),
    (2, "第一节 重点任务完成情况", None),
    (2, "第二节 支撑项目完成情况", None),
    (1, "第五章 创建特点和经验总结", "report.5"),
    (1, "第六章 结论与建议", None),
)

_INDICATORS = [
    ("单位工业增加值综合能耗", "吨标煤/万元", "0.52", "0.45", "≤0.5", "0.41"),
    ("单位工业增加值新鲜水耗", "立方米/万元", "8.6", "7.5", "≤8", "7.1"),
    ("单位工业增加值二氧化碳排放量", "吨/万元", "1.12", "0.95", "—", "0.92"),
    ("工业固体废物综合利用率", "%", "86.3", "90", "≥70", "91.2"),
    ("工业用水重复利用率", "%", "88.1", "92", "≥90", "92.6"),
    ("污水集中处理设施", "—", "具备", "具备", "具备", "具备"),
    ("园区重点企业清洁生产审核实施率", "%", "85", "100", "100", "100"),
    ("高新技术企业工业总产值占园区工业总产值比例", "%", "32.5", "40", "≥30", "41.8"),
    ("人均工业增加值", "万元/人", "28.6", "35", "≥15", "36.2"),
    ("工业增加值年均增长率", "%", "12.5", "16", "≥15", "16.8"),
    ("资源再生利用产业增加值占园区工业增加值比例", "%", "26", "31", "≥30", "31.6"),
    ("建设用地土地产出率", "亿元/平方公里", "14.2", "16", "≥15", "16.3"),
    ("可再生能源使用比例", "%", "6.5", "10", "≥9", "10.4"),
    ("清洁能源使用率", "%", "78", "85", "≥75", "86.1"),
    ("工业园区重点污染源稳定达标排放情况", "—", "达标", "达标", "达标", "达标"),
    ("工业园区国家重点污染物排放总量控制指标完成情况", "—", "全部完成", "全部完成", "全部完成", "全部完成"),
    ("工业园区内企事业单位发生特别重大、重大突发环境事件数量", "个", "0", "0", "0", "0"),
    ("环境管理能力完善度", "%", "90", "100", "100", "100"),
    ("工业园区重点企业环境信息公开率", "%", "95", "100", "100", "100"),
    ("生态工业信息平台完善度", "%", "80", "100", "100", "100"),
    ("生态工业主题宣传活动", "次/年", "2", "2", "2", "3"),
    ("环境风险应急预案备案率", "%", "92", "100", "100", "100"),
    ("危险废物安全处置率", "%", "100", "100", "100", "100"),
    ("集中供热覆盖率", "%", "82", "90", "—", "91.5"),
    ("绿色建筑占新建建筑比例", "%", "45", "60", "—", "63.2"),
    ("公众对园区生态环境满意度", "%", "86", "90", "≥90", "92.4"),
    ("建设规划实施后新增构建的生态工业链项目数量", "个", "4", "6", "≥6", "7"),
    ("单位工业增加值二氧化碳排放量年均削减率", "%", "3.2", "4", "≥3", "4.3"),
    ("再生水（中水）回用率", "%", "18", "22", "≥20", "23.5"),
    ("园区环境风险防控体系建设完善度", "%", "90", "100", "100", "100"),
    ("工业固体废物（含危险废物）处置利用率", "%", "100", "100", "100", "100"),
    ("单位工业用地面积工业增加值", "亿元/平方公里", "12.5", "14", "≥9", "14.6"),
    ("单位工业增加值废水排放量", "吨/万元", "5.2", "4.8", "≤7", "4.5"),
]

_PROJECTS = [
    ("园区污水处理厂提标改造工程", "新增深度处理单元，出水达到准Ⅳ类", "2022-2024", "临江水务有限公司", "12000", "达标"),
    ("固废资源化利用中心", "建设一般工业固废分拣及再生利用线", "2022-2023", "临江环境科技有限公司", "8600", "≥90%"),
    ("分布式光伏示范项目", "利用企业厂房屋顶建设光伏 35 兆瓦", "2022-2024", "园区能源投资公司", "14500", "光伏35兆瓦"),
    ("智慧环保监管平台", "建设园区生态环境监测监控一体化平台", "2023-2024", "开发区生态环境分局", "2300", "监控全覆盖"),
]
_TASKS = [
    ("培育发展绿色生产力", "引进高新技术企业，淘汰落后产能", "2023年", "经济发展局", "高新技术产业产值占比≥40%"),
    ("减污降碳协同增效", "建设分布式光伏，削减燃煤锅炉", "2024年", "生态环境分局", "可再生能源使用比例≥10%"),
    ("推进资源循环利用", "建设固废资源化利用中心和中水回用管网", "2023年", "生态环境分局", "固废综合利用率≥90%"),
]
# 附件1 asks the plan to draw these maps; 附件3 三 asks the report to state each indicator's method.
_MAPS = {"园区概况": "园区四至范围图见图1-1。", "总体框架": "园区生态工业链图见图2-1。"}
_METHOD_SOURCES = ("临江市统计局统计报表", "重点企业能源利用状况报告", "园区生态环境分局监测台账")

_HIGHLIGHTS = (
    "园区坚持以减污降碳协同增效为总抓手，围绕汽车零部件、新材料和生物医药三大主导产业，构建了上下游紧密衔接的生态工业链网。"
    "一是打造循环经济产业链，建成固废资源化利用中心，实现一般工业固废分类收集、集中转运和再生利用，综合利用率由百分之八十六提升到百分之九十一以上。"
    "二是推进能源结构绿色低碳转型，在企业厂房屋顶建设分布式光伏，可再生能源使用比例显著提高，园区单位工业增加值综合能耗持续下降。"
    "三是实施污水处理厂提标改造，出水水质稳定达到准四类标准，中水回用于企业冷却和市政绿化，工业用水重复利用率超过百分之九十二。"
    "四是建成智慧环保监管平台，整合在线监测、视频监控、危险废物转移联单和环境应急资源，实现对重点排污单位的全天候监管。"
    "五是创新园区环境管理体制机制，推行环保管家服务和企业环境信用评价，建立生态环境问题发现、交办、整改和销号的闭环机制。"
    "六是持续开展生态工业主题宣传活动，组织企业开放日和清洁生产培训，营造全社会共同参与生态工业园区建设的良好氛围。"
    "七是强化环境风险防控，完善园区、企业和重点设施三级应急预案体系，定期开展应急演练，近三年未发生较大及以上突发环境事件。"
    "八是推动绿色金融与产业协同发展，设立园区绿色发展专项资金，引导企业实施节能降碳和清洁生产改造，形成了一批可复制可推广的典型案例。"
    "园区创建工作的经验表明，只有坚持规划引领、项目支撑和制度保障相结合，才能实现经济发展与生态环境保护的协调统一。"
)
_INDICATOR_SUMMARY = (
    "园区按照《实施方案》选定的三十三项评价指标开展自评，截至验收年，全部必选指标和特色指标均达到或优于《标准》要求。"
    "其中单位工业增加值综合能耗下降至零点四一吨标煤每万元，工业固体废物综合利用率达到百分之九十一点二，工业用水重复利用率达到百分之九十二点六。"
)


def _paragraphs(topic: str) -> list[str]:
    return [
        f"{PARK}{topic}工作坚持以习近平生态文明思想为指导，认真落实《生态文明建设示范区（生态工业园区）管理办法》有关要求，"
        f"统筹推进产业结构调整、资源能源节约和污染防治，各项工作取得积极进展。",
        f"围绕{topic}，园区管理委员会建立了由主要负责同志牵头、各职能部门分工负责的工作机制，制定年度工作计划并逐项分解落实，"
        f"定期调度进展情况，确保各项任务按期完成。数据来源：{PARK}统计局、生态环境分局及重点企业报表。",
    ]


def write_plan(path: Path) -> Path:
    """The 实施方案: cover, TOC, Word automatic numbering (一、/（一）) on heading styles."""
    doc = DocxWriter(header_text=f"{PARK}生态工业园区建设实施方案", heading_numbering=CHINESE_OUTLINE)
    doc.title_page([PARK, "生态文明建设示范区（生态工业园区）", "建设实施方案"], date_line=f"{BODY}\n二〇二一年三月")
    counters = [0, 0]
    toc = []
    for level, title, _ in _PLAN_OUTLINE:
        counters[level - 1] += 1
        if level == 1:
            counters[1] = 0
        number = f"{_CN[counters[0] - 1]}、" if level == 1 else f"（{_CN[counters[1] - 1]}）"
        toc.append((level, number + title, 3 + len(toc)))
    doc.toc(toc)
    for level, title, _ in _PLAN_OUTLINE:
        doc.heading(title, level)
        if title == "主要目标与指标":
            doc.paragraph("依据《标准》，结合园区实际，确定创建目标指标如下表所示，基准年为2020年，目标年为2023年。")
            rows = [["序号", "指标名称", "单位", "基准值（2020年）", "目标值（2023年）", "标准值"]]
            rows += [[str(i), n, u, b, t, s] for i, (n, u, b, t, s, _) in enumerate(_INDICATORS, 1)]
            doc.table(rows, caption="表2-1 目标指标表", col_widths_cm=[1.2, 6.0, 2.4, 2.2, 2.2, 1.8])
        elif title == "重点任务":
            rows = [["序号", "任务名称", "任务内容", "完成时间", "责任部门", "预期目标"]]
            rows += [[str(i), *t] for i, t in enumerate(_TASKS, 1)]
            doc.table(rows, caption="表3-1 重点任务表")
        elif title == "支撑项目":
            rows = [["序号", "项目名称", "建设内容", "实施期限", "实施主体", "投资金额（万元）", "预期目标"]]
            rows += [[str(i), *p] for i, p in enumerate(_PROJECTS, 1)]
            rows.append(["合计", "", "", "", "", "37400", ""])
            doc.table(rows, caption="表4-1 支撑项目表", merges=[(len(rows) - 1, 0, len(rows) - 1, 4)])
        if title in _MAPS:
            doc.paragraph(_MAPS[title])
        for text in _paragraphs(title):
            doc.paragraph(text)
    return doc.save(path)


def write_report(path: Path) -> Path:
    """The 验收报告: typed 第一章/第一节 headings, an extra chapter, no 碳排放与碳汇现状."""
    doc = DocxWriter(header_text=f"{PARK}生态工业园区验收报告")
    doc.title_page([PARK, "生态文明建设示范区（生态工业园区）", "验收报告"], date_line=f"{BODY}\n二〇二四年三月")
    for level, title, _ in _REPORT_OUTLINE:
        doc.heading(title, level)
        if title.endswith("标准符合性分析"):
            doc.paragraph(
                "对照《标准》，园区各项指标达标情况见表3-1，各指标的数据采集方法、数据来源和计算方法见表3-2，"
                "原始数据清单见数据支撑材料。"
            )
            for text in _paragraphs("指标达标评价") * 3:
                doc.paragraph(text)
            rows = [["序号", "指标名称", "单位", "基准值", "目标值", "标准值", "现状值（2023年）", "达标情况"]]
            rows += [[str(i), n, u, b, t, s, v, "达标"] for i, (n, u, b, t, s, v) in enumerate(_INDICATORS, 1)]
            doc.table(rows, caption="表3-1 园区指标达标情况表", col_widths_cm=[1.0, 5.2, 2.0, 1.5, 1.5, 1.5, 1.7, 1.4])
            rows = [["序号", "指标名称", "数据采集方法", "数据来源", "计算方法"]]
            for i, (name, unit, *_) in enumerate(_INDICATORS, 1):
                how = "分子与分母之比" if unit == "%" else "按《标准》公式核算"
                rows.append([str(i), name, "统计报表汇总与台账核查", _METHOD_SOURCES[i % 3], how])
            doc.table(rows, caption="表3-2 指标数据采集方法及来源表", col_widths_cm=[1.0, 5.2, 3.4, 3.6, 3.2])
        for text in _paragraphs(title.split(" ", 1)[-1]):
            doc.paragraph(text)
    return doc.save(path)


def _form_rows() -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []

    def title(text: str) -> None:
        rows.append([text, "", "", ""])
        merges.append((len(rows) - 1, 0, len(rows) - 1, 3))

    def pair(label: str, value: str) -> None:
        rows.append([label, value, "", ""])
        merges.append((len(rows) - 1, 1, len(rows) - 1, 3))

    def group(label: str, items: list[tuple[str, str]]) -> None:
        start = len(rows)
        for sub, value in items:
            rows.append([label if len(rows) == start else "", sub, value, ""])
            merges.append((len(rows) - 1, 2, len(rows) - 1, 3))
        merges.append((start, 0, len(rows) - 1, 0))

    title("一、园区基本情况")
    pair("园区名称", PARK)
    pair("园区所在地", "江南省临江市")
    pair("通信地址", "江南省临江市滨江大道188号")
    rows.append(["邮政编码", "214400", "成立时间", "2006年5月"])
    pair("园区级别", "国家级☑ 省级□ 其他□")
    pair("园区类型", "经济技术开发区☑ 高新技术产业开发区□ 保税区□ 出口加工区□ 边境经济合作区□ 其他□")
    rows.append(["", "是否为由省级人民政府认定的化工园区 是□ 否☑", "", ""])
    merges.append((len(rows) - 1, 1, len(rows) - 1, 3))
    merges.append((len(rows) - 2, 0, len(rows) - 1, 0))
    title("二、园区管理机构情况")
    pair("机构名称", BODY)
    pair("机构性质", "政府□ 政府派出机构☑ 企业□")
    group("法定代表人（或主要负责人）", [("姓名", "王建国"), ("职务", "主任"), ("电话", "0510-86011234")])
    group(
        "负责园区生态工业工作的职能部门",
        [
            ("名称", "生态环境分局"),
            ("负责人", "李明"),
            ("负责人电话", "0510-86015678"),
            ("联系人", "张华"),
            ("联系人电话", "13912345678"),
            ("传真", "0510-86019999"),
            ("邮箱", "ljkfq_eco@example.cn"),
        ],
    )
    title("三、园区创建生态工业园区工作情况")
    pair("省级部门批准创建时间", "2021年6月15日")
    pair("重点任务完成情况", "《实施方案》确定的12项重点任务已全部完成。")
    pair("支撑项目完成情况", "4个支撑项目全部建成投运，累计完成投资3.74亿元。")
    title("四、创建指标完成情况")
    title(_INDICATOR_SUMMARY)
    title("五、园区特色及亮点")
    title(_HIGHLIGHTS)
    for opinion in ("六、省级商务部门意见", "七、省级工业和信息化部门意见", "八、省级生态环境部门意见"):
        title(opinion)
        title("盖章    年  月  日")
    return rows, merges


def write_acceptance_form(path: Path) -> Path:
    """The 验收申请表 on the layout of 附件4, with the 五、园区特色及亮点 field over its 500 字."""
    doc = DocxWriter(page_numbers=False)
    doc.paragraph("生态文明建设示范区（生态工业园区）验收申请表", bold=True, style="Title")
    doc.paragraph(f"申请园区：{PARK}", style="Normal")
    doc.paragraph("申请日期：2024年3月28日", style="Normal")
    rows, merges = _form_rows()
    doc.table(rows, header_rows=0, merges=merges, col_widths_cm=[4.0, 3.0, 4.0, 4.5])
    return doc.save(path)


def write_acceptance_letter(path: Path) -> Path:
    """The park body's 请示 asking for acceptance (第十六条（一）)."""
    doc = DocxWriter(page_numbers=False)
    doc.paragraph(f"关于{PARK}生态文明建设示范区（生态工业园区）验收的请示", bold=True, style="Title")
    doc.paragraph("江南省生态环境厅：", style="Normal")
    doc.paragraph(
        f"2021年6月15日，经省生态环境厅同意，{PARK}开展生态文明建设示范区（生态工业园区）创建工作。"
        "创建期间，园区按照《实施方案》确定的目标任务，完成了各项重点任务和支撑项目，评价指标均达到《标准》要求。"
        "现将《验收报告》及数据支撑材料报上，恳请组织验收。妥否，请批示。"
    )
    doc.paragraph(BODY, style="Normal")
    doc.paragraph("2024年3月28日", style="Normal")
    return doc.save(path)


def write_data_support(path: Path) -> Path:
    """数据支撑材料 (第十六条（三）): raw data by year for each indicator."""
    doc = DocxWriter(header_text=f"{PARK}验收数据支撑材料")
    doc.title_page([PARK, "生态文明建设示范区（生态工业园区）", "验收数据支撑材料"])
    for name, unit, baseline, _, _, value in _INDICATORS[:6]:
        doc.paragraph(f"{name}（{unit}）", bold=True, style="Normal")
        doc.table([["年份", "2020年", "2021年", "2022年", "2023年"], ["指标值", baseline, baseline, value, value]])
        doc.paragraph(f"数据来源：{PARK}统计局、生态环境分局及重点企业报表。")
    return doc.save(path)


TRUTH = Truth(
    kinds={
        "实施方案": "implementation_plan",
        "验收报告": "acceptance_report",
        "验收申请表": "acceptance_form",
        "验收申请": "acceptance_letter",
        "数据支撑材料": "data_support",
    },
    outlines={
        "实施方案": tuple((t, o) for _, t, o in _PLAN_OUTLINE),
        "验收报告": tuple((t, o) for _, t, o in _REPORT_OUTLINE),
    },
    findings=(
        ExpectedFinding("outline.missing_section", "acceptance_report", "report.1.4"),
        ExpectedFinding("wordcount.over_limit", "acceptance_form", "acceptance.highlights"),
    ),
    form_values={
        "acceptance.park_name": PARK,
        "acceptance.park": PARK,
        "acceptance.approval_date": "2021年6月15日",
        "acceptance.postcode": "214400",
        "acceptance.established": "2006年5月",
        "acceptance.head_name": "王建国",
        "acceptance.contact_phone": "13912345678",
        "acceptance.email": "ljkfq_eco@example.cn",
        "acceptance.indicators": _INDICATOR_SUMMARY,
        "acceptance.highlights": _HIGHLIGHTS,
    },
)

WRITERS = {
    "实施方案": write_plan,
    "验收报告": write_report,
    "验收申请表": write_acceptance_form,
    "验收申请": write_acceptance_letter,
    "数据支撑材料": write_data_support,
}


def write_package(out: Path, *, pdf: bool = True) -> dict[str, list[Path]]:
    """Write the three documents as DOCX (and as PDF by LibreOffice); returns paths per format."""
    out.mkdir(parents=True, exist_ok=True)
    docx_paths = [writer(out / f"{name}.docx") for name, writer in WRITERS.items()]
    result = {"docx": docx_paths}
    if pdf:
        result["pdf"] = convert_to_pdf(docx_paths, out)
    return result
