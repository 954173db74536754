"""Drawing one plausible park from a seeded random generator: invented names and places that look
real, dates that follow the procedure, indicators in plausible ranges, projects and tasks, and the
habits of the consultancy that writes its documents.

The heading wordings here are the generator's own; several are deliberately not among the
reader's aliases, so outline-mapping scores measure real tolerance. Never imports `extractors`.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from corpus.samples.model import Identity, Indicator, Park, Project, Style, Task
from corpus.samples.states import draw_economy

_PROVINCES = ("江苏省", "浙江省", "山东省", "安徽省", "湖北省", "河南省", "四川省", "福建省", "江西省", "湖南省")
_CITY_HEAD = "临清东西南北安永宁太长新德平阳定泰丰兴华宜嘉龙吉瑞信"
_CITY_TAIL = "江源阳川州城宁安山湖平海陵口溪丘河泉"
_PARK_TYPES = (
    ("经济技术开发区", "经济技术开发区"),
    ("高新技术产业开发区", "高新技术产业开发区"),
    ("经济开发区", "其他"),
    ("工业园区", "其他"),
)
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
_GIVEN = ("建国", "志强", "海燕", "明", "华", "晓东", "立新", "文斌", "丽", "国庆", "红梅", "振华", "伟", "静")
_ROADS = ("长江路", "滨江大道", "科技大道", "新华路", "工业大道", "金山路", "环城北路", "人民路", "纬三路", "经五路")
_WATERS = ("运河", "青龙河", "沿江高速", "铁路专用线", "环湖路", "南干渠")
_INDUSTRIES = (
    "汽车零部件",
    "新材料",
    "生物医药",
    "电子信息",
    "高端装备制造",
    "精细化工",
    "新能源",
    "食品加工",
    "纺织服装",
    "节能环保",
)

# name, canonical unit, direction, 《标准》 threshold, baseline range, improvement as a share, mandatory.
# Thresholds are those of HJ 274-2015 as the consultants know it; 特色 indicators outside the
# standard have none (the table shows “—”).
_CATALOGUE: tuple[tuple[str, str, str, float | None, tuple[float, float], float, bool], ...] = (
    ("单位工业增加值综合能耗", "吨标煤/万元", "≤", 0.5, (0.42, 0.62), -0.15, True),
    ("单位工业增加值新鲜水耗", "立方米/万元", "≤", 8.0, (6.0, 9.5), -0.12, True),
    ("单位工业增加值二氧化碳排放量", "吨/万元", "≤", None, (0.8, 1.4), -0.15, True),
    ("工业固体废物综合利用率", "%", "≥", 70.0, (72.0, 88.0), 0.06, True),
    ("工业用水重复利用率", "%", "≥", 75.0, (80.0, 91.0), 0.04, True),
    ("高新技术企业工业总产值占园区工业总产值比例", "%", "≥", 30.0, (26.0, 38.0), 0.15, False),
    ("人均工业增加值", "万元/人", "≥", 15.0, (16.0, 32.0), 0.2, True),
    ("单位工业用地面积工业增加值", "亿元/平方公里", "≥", 9.0, (8.0, 14.0), 0.12, True),
    ("可再生能源使用比例", "%", "", None, (5.0, 9.0), 0.5, False),
    ("清洁能源使用率", "%", "", None, (72.0, 82.0), 0.06, True),
    ("工业园区重点企业清洁生产审核实施率", "%", "≥", 100.0, (80.0, 95.0), 0.12, True),
    ("污水集中处理率", "%", "", None, (92.0, 97.0), 0.03, True),
    ("危险废物安全处置率", "%", "", None, (100.0, 100.0), 0.0, True),
    ("环境风险应急预案备案率", "%", "", None, (85.0, 95.0), 0.1, True),
    ("重点企业环境信息公开率", "%", "≥", 100.0, (88.0, 96.0), 0.08, True),
    ("生态工业信息平台完善度", "%", "≥", 100.0, (70.0, 90.0), 0.2, True),
    ("资源再生利用产业增加值占园区工业增加值比例", "%", "≥", 30.0, (10.0, 20.0), 0.25, False),
    ("公众对园区生态环境满意度", "%", "", None, (85.0, 90.0), 0.05, True),
    ("集中供热覆盖率", "%", "", None, (75.0, 88.0), 0.08, False),
    ("绿色建筑占新建建筑比例", "%", "", None, (40.0, 55.0), 0.3, False),
    # The rest of the 《标准》's 必选 indicators, and a member of each “choose at least N” group
    # the lines above leave out, so a clean plan covers the standard.
    ("建设规划实施后新增构建的生态工业链项目数量", "个", "≥", 6.0, (3.0, 5.0), 1.0, True),
    ("单位工业增加值二氧化碳排放量年均削减率", "%", "≥", 3.0, (3.2, 5.5), 0.1, True),
    ("再生水（中水）回用率", "%", "", None, (18.0, 26.0), 0.2, True),
    ("工业园区重点污染源稳定排放达标情况", "—", "达标", None, (0.0, 0.0), 0.0, True),
    (
        "工业园区国家重点污染物排放总量控制指标及地方特征污染物排放总量控制指标完成情况",
        *("—", "全部完成", None, (0.0, 0.0), 0.0, True),
    ),
    ("工业园区内企事业单位发生特别重大、重大突发环境事件数量", "起", "≤", 0.0, (0.0, 0.0), 0.0, True),
    ("环境管理能力完善度", "%", "≥", 100.0, (82.0, 95.0), 0.12, True),
    ("污水集中处理设施", "—", "具备", None, (0.0, 0.0), 0.0, True),
    ("园区环境风险防控体系建设完善度", "%", "≥", 100.0, (80.0, 95.0), 0.12, True),
    ("工业固体废物（含危险废物）处置利用率", "%", "≥", 100.0, (100.0, 100.0), 0.0, True),
    ("生态工业主题宣传活动", "次/年", "≥", 2.0, (2.0, 4.0), 0.3, True),
    ("单位工业增加值废水排放量", "吨/万元", "≤", 7.0, (4.0, 6.5), -0.1, True),
)
# Requirements that are a state, not a number: written in every value cell of the row.
_STATES = frozenset({"达标", "全部完成", "具备"})
_WHOLE_UNITS = frozenset({"个", "起", "次/年"})

_PROJECT_KINDS = (
    ("污水处理厂提标改造工程", "新增深度处理单元，出水稳定达到准Ⅳ类标准", "水务有限公司", (6000, 18000)),
    ("固废资源化利用中心", "建设一般工业固废分拣、破碎及再生利用生产线", "环境科技有限公司", (4000, 12000)),
    ("分布式光伏示范项目", "利用企业厂房屋顶建设分布式光伏电站", "能源投资有限公司", (8000, 20000)),
    ("智慧环保监管平台", "建设生态环境监测监控一体化信息平台", "生态环境分局", (1200, 3500)),
    ("集中供热管网延伸工程", "新建供热主管网及换热站，替代企业分散燃煤锅炉", "热电有限公司", (5000, 15000)),
    ("中水回用工程", "建设再生水厂及配套管网，供企业冷却和市政绿化使用", "水务有限公司", (3000, 9000)),
    ("危险废物集中贮存转运中心", "建设规范化危险废物贮存库及转运设施", "环保服务有限公司", (1500, 5000)),
    ("生态廊道建设工程", "沿河建设生态缓冲带和绿道，修复受损岸线", "城市建设投资有限公司", (2500, 8000)),
)
_TASK_AREAS = (
    ("培育发展绿色生产力", "经济发展局"),
    ("减污降碳协同增效", "生态环境分局"),
    ("主导行业生态体系构建", "经济发展局"),
    ("资源循环利用", "经济发展局"),
    ("污染防治与生态保护修复", "生态环境分局"),
    ("环境风险防控", "应急管理局"),
    ("生态环境管理能力提升", "生态环境分局"),
)

HEADING_WORDINGS: dict[str, tuple[str, ...]] = {
    "plan.1": ("园区概况及创建基础", "园区概况与创建基础", "园区基本情况及创建基础", "园区概况和创建条件"),
    "plan.1.1": ("园区概况", "园区基本情况", "园区发展概况", "园区现状概况"),
    "plan.1.2": ("创建基础", "创建基础分析", "创建的优势与挑战", "创建条件分析"),
    "plan.2": ("总体方案", "创建总体方案", "总体思路与方案"),
    "plan.2.1": ("总体框架", "总体框架设计", "建设框架"),
    "plan.2.2": ("主要目标及指标", "主要目标与指标", "创建目标与指标体系", "建设目标及指标"),
    "plan.3": ("重点任务", "主要任务", "重点建设任务", "创建重点任务"),
    "plan.4": ("支撑项目", "重点支撑项目", "支撑项目清单"),
    "plan.5": ("指标可达性分析", "目标可达性分析", "指标可达性论证"),
    "report.1": ("园区概况", "园区基本概况", "园区概述"),
    "report.1.1": ("基本情况", "园区基本情况", "基本概况"),
    "report.1.2": ("经济状况", "经济发展状况", "经济发展情况"),
    "report.1.3": ("生态环境现状", "生态环境质量现状", "生态环境状况"),
    "report.1.4": ("碳排放与碳汇现状", "碳排放及碳汇现状", "碳排放和碳汇情况"),
    "report.2": ("评价时段", "评价时段说明"),
    "report.3": ("《标准》符合性评价", "标准符合性分析", "《标准》符合性分析", "指标达标情况评价"),
    "report.4": ("重点任务和支撑项目完成情况", "重点任务及支撑项目完成情况", "重点任务与重点项目完成情况"),
    "report.5": ("创建特点和经验总结", "创建特色与经验总结", "特色亮点及经验总结"),
}
_EXTRA_CHAPTERS = ("保障措施", "组织实施与保障", "结论与建议", "附图附表")
_PLAN_COLUMNS = (
    ("序号", "指标名称", "单位", "基准值", "目标值", "标准值"),
    ("序号", "指标名称", "指标类型", "单位", "标准值", "基准值", "目标值"),
    ("序号", "指标名称", "单位", "基准值", "目标值"),
)
_REPORT_COLUMNS = (
    ("序号", "指标名称", "单位", "基准值", "目标值", "标准值", "现状值", "达标情况"),
    ("序号", "指标名称", "单位", "标准值", "基准值", "目标值", "现状值", "达标情况"),
    ("序号", "指标名称", "单位", "标准值", "现状值", "达标情况"),
)


def _pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


def park_name(rng: random.Random) -> tuple[str, str, str]:
    """An invented park: (name, the city it is named after, its 园区类型 tick box)."""
    city = _pick(rng, _CITY_HEAD) + _pick(rng, _CITY_TAIL)
    suffix, tick = _pick(rng, _PARK_TYPES)
    return f"{city}{suffix}", city, tick


def _round(value: float, unit: str) -> float:
    if unit in _WHOLE_UNITS:
        return float(round(value))
    digits = 2 if value < 2 else 1
    return round(value, digits) if unit != "%" or value < 100 else 100.0


def _indicator(rng: random.Random, row: tuple) -> Indicator:
    name, unit, direction, standard, (low, high), change, mandatory = row
    if direction in _STATES:
        return Indicator(name, unit, "", None, 0.0, 0.0, 0.0, mandatory, state=direction)
    baseline = _round(rng.uniform(low, high), unit)
    target = _round(baseline * (1 + change), unit)
    if standard is not None:  # a target that meets the 《标准》 with a margin
        target = _round(max(target, standard * 1.02) if direction == "≥" else min(target, standard * 0.97), unit)
        if direction == "≥" and target < standard:  # whole numbers: 6.12 个 rounds back to 6
            target += 1
    if unit == "%":
        target = min(target, 100.0)
    achieved = _round(target * (1 + (0.01 if direction != "≤" else -0.01) * rng.uniform(0.2, 1.5)), unit)
    if unit == "%":
        achieved = min(achieved, 100.0)
    return Indicator(name, unit, direction, standard, baseline, target, achieved, mandatory)


def _indicators(rng: random.Random) -> list[Indicator]:
    chosen = [c for c in _CATALOGUE if c[6]] + rng.sample([c for c in _CATALOGUE if not c[6]], rng.randint(2, 4))
    return [_indicator(rng, row) for row in chosen]


def extra_indicator(rng: random.Random, taken: set[str]) -> Indicator | None:
    """A 特色指标 the park did not choose, drawn like the others (meeting the 《标准》), or None if none is left."""
    rows = [c for c in _CATALOGUE if not c[6] and c[2] not in _STATES and c[0] not in taken]
    return _indicator(rng, rng.choice(rows)) if rows else None


def _projects(rng: random.Random, city: str, start: int) -> list[Project]:
    result = []
    for name, content, owner, (low, high) in rng.sample(_PROJECT_KINDS, rng.randint(4, 7)):
        begin = start + rng.randint(0, 1)
        investment = float(round(rng.uniform(low, high) / 10) * 10)
        goal = (
            "按期建成投运，支撑"
            + _pick(rng, ("资源循环利用", "减污降碳", "污染防治", "环境管理能力提升"))
            + "相关指标达标"
        )
        owner_name = owner if owner.endswith("分局") else f"{city}{owner}"
        result.append(Project(f"{city}{name}", content, begin, begin + rng.randint(1, 2), owner_name, investment, goal))
    return result


def _tasks(rng: random.Random, year: int) -> list[Task]:
    result = []
    for area, department in rng.sample(_TASK_AREAS, rng.randint(5, 7)):
        result.append(
            Task(
                name=f"{area}工程",
                content=f"围绕{area}，制定专项实施计划，明确年度目标和责任分工，推动重点企业实施改造提升",
                due=f"{year + rng.randint(1, 2)}年{rng.choice((6, 12))}月",
                department=department,
                goal=f"{area}水平明显提升，相关指标达到《标准》要求",
            )
        )
    return result


def _style(rng: random.Random) -> Style:
    numbering = _pick(rng, ("cn", "chapter", "decimal"))
    extras = tuple(
        rng.sample(_EXTRA_CHAPTERS[:2], rng.randint(0, 1)) + rng.sample(_EXTRA_CHAPTERS[2:], rng.randint(0, 1))
    )
    return Style(
        numbering=numbering,
        automatic=rng.random() < 0.5,
        toc=rng.random() < 0.7,
        header=rng.random() < 0.6,
        headings={key: _pick(rng, options) for key, options in HEADING_WORDINGS.items()},
        extra_chapters=extras,
        indicator_columns=_pick(rng, _PLAN_COLUMNS),
        report_columns=_pick(rng, _REPORT_COLUMNS),
        energy_unit=_pick(rng, ("吨标煤/万元", "吨标煤/万元", "tce/万元", "千克标煤/万元")),
        money_in_yi=rng.random() < 0.5,
    )


def _person(rng: random.Random) -> str:
    return _pick(rng, _SURNAMES) + _pick(rng, _GIVEN)


def _phone(rng: random.Random, area_code: str) -> str:
    return f"{area_code}-{rng.randint(80000000, 89999999)}"


def draw_park(rng: random.Random, index: int) -> Park:
    """One park with everything its documents state, consistent across documents."""
    name, city, park_type = park_name(rng)
    province = _pick(rng, _PROVINCES)
    area_code = f"0{rng.randint(510, 799)}"
    baseline_year = rng.randint(2019, 2021)
    application = date(baseline_year + 1, rng.randint(2, 8), rng.randint(1, 28))
    approval = application + timedelta(days=rng.randint(60, 150))
    acceptance = approval + timedelta(days=rng.randint(2 * 365 + 40, 3 * 365 - 40))
    eia_report = application - timedelta(days=rng.randint(200, 4 * 365))
    roads = rng.sample(_ROADS, 3)
    identity = Identity(
        name=name,
        body=f"{name}管理委员会",
        area_km2=round(rng.uniform(12.0, 80.0), 1),
        boundary=f"东至{roads[0]}，南至{_pick(rng, _WATERS)}，西至{roads[1]}，北至{roads[2]}",
    )
    return Park(
        index=index,
        identity=identity,
        province=province,
        city=f"{city}市",
        address=f"{province}{city}市{_pick(rng, _ROADS)}{rng.randint(1, 399)}号",
        postcode=f"{rng.randint(21, 64)}{rng.randint(0, 9)}{rng.randint(0, 9)}00",
        established=date(rng.randint(1992, 2012), rng.randint(1, 12), 1),
        level="国家级" if "技术" in park_type else _pick(rng, ("国家级", "省级")),
        park_type=park_type,
        chemical=rng.random() < 0.15,
        body_nature=_pick(rng, ("政府派出机构", "政府派出机构", "政府")),
        head=(_person(rng), "主任", _phone(rng, area_code)),
        department=(
            "生态环境分局",
            _person(rng),
            _phone(rng, area_code),
            _person(rng),
            f"1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}",
            _phone(rng, area_code),
            f"eco{index:02d}@park{rng.randint(10, 99)}.gov.cn",
        ),
        industries=tuple(rng.sample(_INDUSTRIES, 3)),
        baseline_year=baseline_year,
        application_date=application,
        approval_date=approval,
        acceptance_date=acceptance,
        eia_report_date=eia_report,
        eia_review_date=eia_report + timedelta(days=rng.randint(30, 120)),
        eia_followup=False,
        indicators=_indicators(rng),
        projects=_projects(rng, city, approval.year),
        tasks=_tasks(rng, approval.year),
        style=_style(rng),
        economy=draw_economy(rng),
    )


def practice_passage(park: Park) -> str:
    """A passage only this park would write (its own practice), used to plant copies across parks.
    It states the park's own figures, as a real account of practice does: the consultancy's wording
    is shared by every park, so what a copy betrays is the chain and these figures.
    """
    a, b, c = park.industries
    return (
        f"{park.identity.name}探索形成了“{a}—{b}—{c}”产业共生模式，依托园区公共管廊实现蒸汽、中水和副产物的梯级利用，"
        f"年互供蒸汽{18.6 + park.index * 2.3:.1f}万吨、回用中水{241 + park.index * 13}万立方米，"
        f"由园区管理机构牵头组建产业共生联盟，按月召开供需对接会，建立副产物交换台账和收益分成机制，"
        f"企业之间年交换固体废物和余热资源折合标准煤约{3017 + park.index * 37}吨，"
        "形成了可复制推广的园区循环化改造经验。"
    )
