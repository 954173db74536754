"""The short documents of the two packages, written the way parks write them: the two annex forms
(附件2 创建备案表, 附件4 验收申请表) on their merged-cell grid, the 请示 letters asking to start and
to be accepted, the 环境守法证明 (第十条(三)), the 规划环评 proof (第十条(四)) and the 数据支撑材料
(第十六条(三)). Layout details vary a little per park, seeded by the park, never by the clock.

Each writer saves one DOCX and returns its `TruthDocument`. Never imports `extractors`.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from corpus.samples.model import FormContent, Identity, Indicator, Park, ReportContent, TruthDocument, TruthIndicator
from corpus.samples.wording import cn_count, cn_date, cn_month, shown_unit, shown_value, standard_cell
from corpus.samples.wording import fmt_fine as fmt  # the forms and data tables keep up to 6 decimals
from corpus.samples.writer import DocxWriter

PROGRAMME = "生态文明建设示范区（生态工业园区）"
_LEVELS = ("国家级", "省级", "其他")
_TYPES = ("经济技术开发区", "高新技术产业开发区", "保税区", "出口加工区", "边境经济合作区", "其他")
_NATURES = ("政府", "政府派出机构", "企业")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_ABBREVIATIONS = {
    "江苏": "苏", "浙江": "浙", "山东": "鲁", "安徽": "皖", "湖北": "鄂", "河南": "豫", "四川": "川", "福建": "闽",
    "江西": "赣", "湖南": "湘", "广东": "粤", "河北": "冀", "山西": "晋", "辽宁": "辽", "吉林": "吉", "陕西": "陕",
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "广西": "桂", "云南": "云", "贵州": "黔", "甘肃": "甘",
}  # fmt: skip
_WIDTHS = ((4.0, 3.0, 4.0, 4.5), (3.6, 3.4, 3.8, 4.0), (4.4, 2.8, 3.6, 3.8), (3.2, 3.2, 4.2, 4.2))
_FILING_HINT = "（重点介绍园区概况及创建基础、总体方案、重点任务和支撑项目，不超过1000字）"
_OPINION_STAMP = "盖章    年  月  日"


def _rng(park: Park, kind: str) -> random.Random:
    return random.Random(f"paperwork:{kind}:{park.index}:{park.identity.name}")


def eco_department(park: Park) -> str:
    """The provincial 生态环境 department that receives the park's papers."""
    return f"{park.province}生态环境{'局' if park.province in _MUNICIPALITIES else '厅'}"


def _location(park: Park) -> str:
    return park.city if park.city.startswith(park.province) else park.province + park.city


def _ticks(options: tuple[str, ...], chosen: str, gap: str) -> str:
    if chosen not in options:
        chosen = options[-1]
    return gap.join(f"{o}{'☑' if o == chosen else '□'}" for o in options)


class _Paper(DocxWriter):
    """DocxWriter plus the aligned, unindented lines of official papers (请示, 证明, 审查意见)."""

    def line(self, text: str, *, align: str = "left", size_pt: float | None = None, bold: bool = False) -> None:
        paragraph = self._doc.add_paragraph()
        paragraph.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        run = paragraph.add_run(text)
        if size_pt is not None:
            run.font.size = Pt(size_pt)
        run.bold = bold or None

    def title(self, text: str) -> None:
        self.line(text, align="center", size_pt=18, bold=True)

    def signature(self, *lines: str) -> None:
        self.line("")
        for text in lines:
            self.line(text, align="right")


# -- the annex forms --------------------------------------------------------------------------


class _Grid:
    """Rows of the 4-column annex grid and their merge rectangles, appended top to bottom."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.merges: list[tuple[int, int, int, int]] = []

    def full(self, text: str) -> None:
        self.rows.append([text, "", "", ""])
        self.merges.append((len(self.rows) - 1, 0, len(self.rows) - 1, 3))

    def pair(self, label: str, value: str) -> None:
        self.rows.append([label, value, "", ""])
        self.merges.append((len(self.rows) - 1, 1, len(self.rows) - 1, 3))

    def group(self, label: str, items: list[tuple[str, str]]) -> None:
        start = len(self.rows)
        for sub, value in items:
            self.rows.append([label if len(self.rows) == start else "", sub, value, ""])
            self.merges.append((len(self.rows) - 1, 2, len(self.rows) - 1, 3))
        self.merges.append((start, 0, len(self.rows) - 1, 0))


def _basic_rows(grid: _Grid, park: Park, identity: Identity, *, scope: bool, rng: random.Random) -> None:
    """一、园区基本情况 and 二、园区管理机构情况, common to 附件2 and 附件4."""
    gap = rng.choice((" ", "  ", " "))
    grid.full("一、园区基本情况")
    grid.pair("园区名称", identity.name)
    grid.pair("园区所在地", _location(park))
    grid.pair("通信地址", park.address)
    grid.rows.append(["邮政编码", park.postcode, "成立时间", cn_month(park.established)])
    grid.pair("园区级别", _ticks(_LEVELS, park.level, gap))
    grid.pair("园区类型", _ticks(_TYPES, park.park_type, gap))
    chemical = f"是{'☑' if park.chemical else '□'}{gap}否{'□' if park.chemical else '☑'}"
    grid.rows.append(["", f"是否为由省级人民政府认定的化工园区{gap}{chemical}", "", ""])
    grid.merges.append((len(grid.rows) - 1, 1, len(grid.rows) - 1, 3))
    grid.merges.append((len(grid.rows) - 2, 0, len(grid.rows) - 1, 0))
    if scope:
        grid.pair("园区四至范围及面积", f"{identity.boundary}，总面积{fmt(identity.area_km2)}平方公里")
    grid.full("二、园区管理机构情况")
    grid.pair("机构名称", identity.body)
    grid.pair("机构性质", _ticks(_NATURES, park.body_nature, gap))
    head_name, head_title, head_phone = park.head
    head_label = rng.choice(("法定代表人（或主要负责人）", "法定代表人(或主要负责人)"))
    grid.group(head_label, [("姓名", head_name), ("职务", head_title), ("电话", head_phone)])
    dept, dept_head, dept_phone, contact, contact_phone, fax, email = park.department
    grid.group(
        "负责园区生态工业工作的职能部门",
        [
            ("名称", dept),
            ("负责人", dept_head),
            ("负责人电话", dept_phone),
            ("联系人", contact),
            ("联系人电话", contact_phone),
            ("传真", fax),
            ("邮箱", email),
        ],
    )


def _form_title(doc: _Paper, annex: str, name: str, rng: random.Random) -> None:
    if rng.random() < 0.5:
        doc.line(annex, bold=True)
    if rng.random() < 0.3:  # as the annex prints it: the programme on one line, the form on the next
        doc.title(PROGRAMME)
        doc.title(name)
    else:
        doc.title(PROGRAMME + name)


def _form(
    park: Park, content: FormContent, kind: str, annex: str, name: str, lines: list[str], *, scope: bool
) -> tuple[_Paper, _Grid, random.Random]:
    """An annex form's title and the lines above its grid, and the grid's 一、 and 二、 parts."""
    rng = _rng(park, kind)
    doc = _Paper(page_numbers=False)
    _form_title(doc, annex, name, rng)
    for text in lines:
        doc.line(text)
    grid = _Grid()
    _basic_rows(grid, park, content.identity, scope=scope, rng=rng)
    return doc, grid, rng


def _grid_table(doc: _Paper, grid: _Grid, rng: random.Random) -> None:
    doc.table(grid.rows, header_rows=0, merges=grid.merges, col_widths_cm=list(rng.choice(_WIDTHS)))


def _long_field(grid: _Grid, title: str, hint: str, text: str, rng: random.Random) -> None:
    grid.full(f"{title}{hint}" if rng.random() < 0.4 else title)
    grid.full(text)


def write_filing_form(path: Path, park: Park, content: FormContent) -> TruthDocument:
    """附件2 创建备案表, filled in by the provincial department that approved the creation."""
    lines = [
        f"园区：{content.identity.name}",
        f"报送单位：{eco_department(park)}（盖章）",
        f"报送日期：{cn_date(content.date)}",
    ]
    doc, grid, rng = _form(park, content, "filing_form", "附件2", "创建备案表", lines, scope=True)
    text = content.long_fields.get("filing.content", "")
    in_table = rng.random() < 0.5
    if in_table:
        _long_field(grid, "三、园区建设内容", _FILING_HINT, text, rng)
    _grid_table(doc, grid, rng)
    if not in_table:
        doc.line("三、园区建设内容" + (_FILING_HINT if rng.random() < 0.4 else ""), bold=True)
        for part in text.split("\n"):
            doc.paragraph(part)
    doc.line(f"附：《{PROGRAMME}建设实施方案》文本（电子版）、主要论证意见")
    doc.save(path)
    return TruthDocument(stem=Path(path).stem, kind="filing_form")


def write_acceptance_form(path: Path, park: Park, content: FormContent) -> TruthDocument:
    """附件4 验收申请表: the grid of 附件4 with the two 500-字 free-text parts under their titles."""
    lines = [f"申请园区：{content.identity.name}", f"申请日期：{cn_date(content.date)}"]
    doc, grid, rng = _form(park, content, "acceptance_form", "附件4", "验收申请表", lines, scope=False)
    grid.full("三、园区创建生态工业园区工作情况")
    approval = content.approval_date or park.approval_date
    grid.pair("省级部门批准创建时间", cn_date(approval))
    total_yi = sum(p.investment_wan for p in park.projects) / 10000
    tasks = f"《实施方案》确定的{len(park.tasks)}项重点任务已全部完成。"
    projects = f"{len(park.projects)}个支撑项目全部建成投运，累计完成投资{total_yi:.2f}亿元。"
    grid.pair("重点任务完成情况", content.long_fields.get("acceptance.tasks_status", tasks))
    grid.pair("支撑项目完成情况", content.long_fields.get("acceptance.projects_status", projects))
    hint = "（园区评价指标完成情况，不超过500字）"
    _long_field(grid, "四、创建指标完成情况", hint, content.long_fields.get("acceptance.indicators", ""), rng)
    _long_field(
        grid, "五、园区特色及亮点", "（不超过500字）", content.long_fields.get("acceptance.highlights", ""), rng
    )
    for opinion in ("六、省级商务部门意见", "七、省级工业和信息化部门意见", "八、省级生态环境部门意见"):
        grid.full(opinion)
        grid.full(_OPINION_STAMP)
    _grid_table(doc, grid, rng)
    doc.save(path)
    return TruthDocument(stem=Path(path).stem, kind="acceptance_form")


# -- letters and certificates -----------------------------------------------------------------


def _doc_number(identity: Identity, when: date, rng: random.Random) -> str:
    return f"{identity.name[:2]}管{rng.choice(('发', '呈', ''))}〔{when.year}〕{rng.randint(3, 96)}号"


def _contact_line(park: Park) -> str:
    _, _, _, contact, phone, _, _ = park.department
    return f"（联系人：{contact}，联系电话：{phone}）"


def _letter(park: Park, identity: Identity, when: date, kind: str) -> tuple[_Paper, random.Random]:
    """A 请示 of the managing body, most of the time under its document number."""
    rng = _rng(park, kind)
    doc = _Paper()
    if rng.random() < 0.6:
        doc.line(_doc_number(identity, when, rng), align="right")
    return doc, rng


def _sign_letter(
    doc: _Paper, path: Path, park: Park, identity: Identity, when: date, attachments: str, rng: random.Random
) -> None:
    """A 请示's end: the attachments (most list them), the body's signature and date, the contact; saved."""
    if rng.random() < 0.7:
        doc.line(attachments)
    doc.signature(identity.body, cn_date(when))
    doc.line(_contact_line(park))
    doc.save(path)


def write_application_letter(path: Path, park: Park, identity: Identity, when: date) -> TruthDocument:
    """创建申请 (第十条(一)): the managing body's 请示 to the provincial department."""
    doc, rng = _letter(park, identity, when, "application_letter")
    doc.title(f"关于申请创建{identity.name}{PROGRAMME}的请示")
    doc.line(f"{eco_department(park)}：")
    industries = "、".join(park.industries)
    kind = park.park_type if park.park_type in _TYPES[:-1] else "工业园区"
    doc.paragraph(
        f"{identity.name}成立于{cn_month(park.established)}，为{park.level}{kind}，规划面积"
        f"{fmt(identity.area_km2)}平方公里，已形成{industries}等主导产业。近年来，园区坚持生态优先、绿色发展，"
        "持续推进产业结构调整、资源能源节约和污染防治，具备了创建生态工业园区的良好基础。"
    )
    doc.paragraph(
        f"根据《{PROGRAMME}管理办法》有关要求，园区在自评估基础上，以{park.baseline_year}年为基准年编制了"
        f"《{identity.name}{PROGRAMME}建设实施方案》，明确了创建的重点任务和支撑项目，开展了指标可达性分析。"
    )
    closing = rng.choice(("妥否，请批示。", "特此请示。", "恳请予以批准。"))
    doc.paragraph(f"为进一步提升园区绿色低碳循环发展水平，现申请创建{PROGRAMME}。{closing}")
    attachments = "附件：1.《建设实施方案》；2.环境守法证明；3.规划环境影响评价报告书及审查意见"
    _sign_letter(doc, path, park, identity, when, attachments, rng)
    return TruthDocument(stem=Path(path).stem, kind="application_letter")


def write_acceptance_letter(path: Path, park: Park, identity: Identity, when: date) -> TruthDocument:
    """验收申请 (第十六条(一)): the managing body asks for acceptance."""
    doc, rng = _letter(park, identity, when, "acceptance_letter")
    title = rng.choice(
        (
            f"关于{identity.name}{PROGRAMME}验收的请示",
            f"关于申请{identity.name}{PROGRAMME}验收的请示",
            f"{identity.name}{PROGRAMME}验收申请",
        )
    )
    doc.title(title)
    doc.line(f"{eco_department(park)}：")
    doc.paragraph(
        f"{cn_date(park.approval_date)}，经省级生态环境、商务、工业和信息化主管部门同意，{identity.name}"
        f"开展{PROGRAMME}创建工作。创建以来，园区按照《建设实施方案》确定的目标和任务，"
        f"扎实推进{len(park.tasks)}项重点任务和{len(park.projects)}个支撑项目建设。"
    )
    doc.paragraph(
        "目前，《实施方案》确定的重点任务已全部完成，支撑项目全部建成投运，各项评价指标均达到《生态工业园区建设标准》"
        "要求，园区已具备验收条件。园区编制了《验收报告》及数据支撑材料。"
    )
    doc.paragraph(f"现申请对{identity.name}{PROGRAMME}建设进行验收。{rng.choice(('妥否，请批示。', '特此请示。'))}")
    _sign_letter(doc, path, park, identity, when, "附件：1.《验收报告》；2.《验收报告》数据支撑材料（电子版）", rng)
    return TruthDocument(stem=Path(path).stem, kind="acceptance_letter")


_COMPLIANCE = (
    "有效贯彻执行国家和地方有关生态环境保护的法律、法规、标准，落实生态环境准入清单要求，未发生严重污染环境事件，"
    "或特别重大、重大突发环境事件",
    "园区内全部排污单位依法取得排污许可并按证排放，污染物排放稳定达到国家和地方排放标准",
    "园区所有企业不存在因生态环境问题引起的负面舆情",
    "园区所有企业均完成国家和地方要求的生态环境保护责任，未因生态环境违法行为受到重大行政处罚",
    "园区建立了完善的环境风险管理制度、排污单位自行监测监督管理制度和环境应急响应制度，并有效运行",
)


def write_compliance_certificate(path: Path, park: Park, identity: Identity, when: date) -> TruthDocument:
    """环境守法证明 (第十条(三)) for the three years before `when`, one statement per point."""
    rng = _rng(park, "compliance_certificate")
    doc = _Paper()
    doc.title(f"{identity.name}{rng.choice(('环境守法证明', '环境守法情况证明'))}")
    period = f"{when.year - 3}年{when.month}月至{when.year}年{when.month}月"
    doc.paragraph(f"{period}，{identity.name}（以下简称园区）生态环境守法情况如下：")
    style = rng.choice(("是", "（）", "inline"))
    if style == "inline":
        doc.paragraph("；".join(f"{cn_count(n)}是{s}" for n, s in enumerate(_COMPLIANCE, 1)) + "。")
    else:
        for n, statement in enumerate(_COMPLIANCE, 1):
            doc.paragraph(f"{cn_count(n)}是{statement}。" if style == "是" else f"（{cn_count(n)}）{statement}。")
    doc.paragraph("特此证明。")
    doc.signature(identity.body, cn_date(when))
    doc.save(path)
    return TruthDocument(stem=Path(path).stem, kind="compliance_certificate")


def _authority(park: Park, day: date) -> str:
    """Before the 2018 reform the provincial department was the 环境保护厅."""
    return eco_department(park) if day.year >= 2019 else f"{park.province}环境保护厅"


def _eia_number(park: Park, day: date, rng: random.Random, kind: str = "审") -> str:
    prefix = _ABBREVIATIONS.get(park.province[:2], park.province[:1])
    return f"{prefix}环{kind}〔{day.year}〕{rng.randint(5, 180)}号"


def write_eia_proof(path: Path, park: Park, identity: Identity) -> TruthDocument:
    """规划环评 proof (第十条(四)): the review opinion on the plan's EIA report, and the follow-up if any."""
    rng = _rng(park, "plan_eia_proof")
    doc = _Paper()
    start = park.eia_report_date.year - rng.choice((0, 1))
    plan = f"{identity.name}{rng.choice(('总体规划', '开发建设规划', '产业发展规划'))}（{start}—{start + 10}年）"
    review_no = _eia_number(park, park.eia_review_date, rng)
    title = rng.choice(
        (
            f"关于{identity.name}总体规划环境影响报告书的审查意见",
            f"关于《{plan}环境影响报告书》的审查意见",
            f"{identity.name}规划环境影响评价审查意见",
        )
    )
    doc.line(review_no, align="right")
    doc.title(title)
    doc.line(f"{identity.body}：")
    consultant = rng.choice(
        (f"{park.province}环境科学研究院", "中环评估咨询有限公司", f"{park.province}环境工程设计院")
    )
    doc.paragraph(
        f"你委报送的《{plan}环境影响报告书》（以下简称《报告书》）收悉。《报告书》由{consultant}编制，"
        f"于{cn_date(park.eia_report_date)}编制完成。我厅组织召开了审查会，审查小组提出了审查意见。经研究，现提出审查意见如下："
    )
    doc.paragraph(
        f"一、规划范围为{identity.boundary}，规划面积{fmt(identity.area_km2)}平方公里，与园区管理范围一致。"
        "《报告书》评价内容较全面，提出的预防或者减轻不良环境影响的对策和措施总体可行，评价结论总体可信。"
    )
    doc.paragraph(
        "二、规划实施中应优化产业定位和空间布局，严格生态环境准入，落实污染物排放总量控制要求，"
        "加快集中式污水处理、固体废物处置等环境基础设施建设，健全环境风险防控体系。"
    )
    doc.paragraph("三、规划实施五年以上的，应组织开展环境影响跟踪评价，及时发现并解决规划实施中的不良环境影响。")
    doc.signature(_authority(park, park.eia_review_date), cn_date(park.eia_review_date))
    if park.eia_followup:
        followup = max(
            park.eia_review_date + timedelta(days=30), park.application_date - timedelta(days=rng.randint(60, 300))
        )
        doc.page_break()
        doc.title(f"关于{identity.name}规划环境影响跟踪评价报告书的意见")
        doc.line(_eia_number(park, followup, rng, "函"), align="center")
        doc.line(f"{identity.body}：")
        doc.paragraph(
            f"你委报送的《{plan}环境影响跟踪评价报告书》收悉。该规划环境影响报告书于{cn_date(park.eia_review_date)}"
            f"通过审查（{review_no}），规划实施已满五年。跟踪评价回顾了规划实施情况和区域生态环境质量变化，"
            "提出的优化调整建议和减缓措施总体可行。"
        )
        doc.paragraph("请你委认真落实跟踪评价提出的各项措施，持续改善区域生态环境质量。")
        doc.signature(_authority(park, followup), cn_date(followup))
    doc.save(path)
    return TruthDocument(stem=Path(path).stem, kind="plan_eia_proof")


# -- data support ---------------------------------------------------------------------------


_PERCENT_RAW = (  # keyword in the name, numerator, denominator, unit of both ("{p}" = the name before the keyword)
    ("综合利用率", "{p}综合利用量", "{p}产生量", "万吨"),
    ("重复利用率", "{p}重复利用量", "{p}总量", "万立方米"),
    ("安全处置率", "{p}安全处置量", "{p}产生量", "吨"),
    ("集中处理率", "{p}集中处理量", "{p}排放总量", "万吨"),
    ("审核实施率", "已实施清洁生产审核的重点企业数", "重点企业总数", "家"),
    ("信息公开率", "依法公开环境信息的重点企业数", "重点企业总数", "家"),
    ("备案率", "完成应急预案备案的企业数", "应备案企业数", "家"),
    ("满意度", "满意及基本满意样本数", "有效问卷数", "份"),
    ("完善度", "已建成功能模块数", "规划功能模块数", "项"),
    ("覆盖率", "集中供热覆盖面积", "规划供热面积", "万平方米"),
    ("能源使用比例", "{p}能源消费量", "能源消费总量", "吨标煤"),
    ("能源使用率", "{p}能源消费量", "能源消费总量", "吨标煤"),
)
_COUNTED = ("家", "份", "项")
_SCALES = {
    "万元": 2e6,
    "人": 6e4,
    "平方公里": 25.0,
    "万吨": 500.0,
    "万立方米": 600.0,
    "吨标煤": 4e5,
    "吨": 2e4,
    "万平方米": 80.0,
}
_SOURCES = (
    ("能", "重点用能单位能源利用状况报告、{city}统计局能源统计报表"),
    ("水", "园区供水企业售水台账、重点企业取用水计量数据"),
    ("固体废物", "全国固体废物管理信息系统、企业固体废物管理台账"),
    ("危险废物", "全国固体废物管理信息系统危险废物转移联单"),
    ("二氧化碳", "园区温室气体排放清单（第三方核算报告）"),
    ("满意度", "第三方调查机构问卷调查报告"),
    ("产值", "{city}统计局统计年报"),
    ("增加值", "{city}统计局统计年报"),
)


def _raw_columns(ind: Indicator) -> tuple[str, str, str, str, float] | None:
    """(numerator, its unit, denominator, its unit, factor) with value = numerator / denominator × factor."""
    name = ind.name
    if ind.unit == "%":
        if "占" in name:
            numerator, rest = name.split("占", 1)
            denominator = rest.removesuffix("比例").removesuffix("比重").removesuffix("的")
            unit = "万元" if name.endswith(("产值比例", "增加值比例")) else "万平方米"
            if unit == "万平方米":
                numerator, denominator = f"{numerator}面积", f"{denominator}面积"
            return numerator, unit, denominator, unit, 100.0
        for keyword, numerator, denominator, unit in _PERCENT_RAW:
            if keyword in name:
                prefix = name[: name.index(keyword)].removeprefix("工业园区")
                return numerator.format(p=prefix), unit, denominator.format(p=prefix), unit, 100.0
        return None
    if "/" not in ind.unit or "增长" in name:
        return None
    top, bottom = ind.unit.split("/", 1)
    if name.startswith("单位工业增加值"):
        rest = name.removeprefix("单位工业增加值")
        return ("工业" + rest if not rest.startswith("工业") else rest), top, "工业增加值", bottom, 1.0
    if bottom == "人":
        return "工业增加值", top, "从业人员年平均人数", "人", 1.0
    if bottom == "平方公里":
        return "工业增加值", top, "已建成工业用地面积", "平方公里", 1.0
    return None


def _series(ind: Indicator, years: list[int], rng: random.Random) -> list[float]:
    """Baseline in the first year, the achieved value in the last, a plausible path between."""
    n = len(years) - 1
    if n <= 0:
        return [ind.achieved]
    values = [ind.baseline + (ind.achieved - ind.baseline) * k / n * rng.uniform(0.85, 1.1) for k in range(n)]
    values[0] = ind.baseline
    digits = 2 if abs(ind.achieved) < 2 else 1
    return [round(v, digits) for v in values] + [ind.achieved]


def _counted_pair(value: float, rng: random.Random) -> tuple[int, int]:
    """Whole numbers whose ratio is exactly `value` %, or as close as a plausible count gets."""
    candidates = list(range(20, 1001))  # 1000 makes any one-decimal percentage exact
    rng.shuffle(candidates)
    for denominator in candidates:
        numerator = value * denominator / 100
        if abs(numerator - round(numerator)) < 1e-9:
            return round(numerator), denominator
    denominator = rng.randint(40, 400)
    return round(value * denominator / 100), denominator


def _growth_table(ind: Indicator, years: list[int], rng: random.Random):
    """工业增加值 by year with its yearly growth; the average over the period is the indicator."""
    n = len(years) - 1
    rates = [ind.achieved / 100 * rng.uniform(0.7, 1.3) for _ in range(max(n - 1, 0))]
    product = 1.0
    for rate in rates:
        product *= 1 + rate
    if n > 0:
        rates.append((1 + ind.achieved / 100) ** n / product - 1)
    value = round(rng.uniform(80, 600) * 10000, 2)
    rows = [["年份", "工业增加值（万元）", "同比增长（%）"], [str(years[0]), f"{value:.2f}", "—"]]
    for year, rate in zip(years[1:], rates, strict=True):
        value *= 1 + rate
        rows.append([str(year), f"{value:.2f}", f"{rate * 100:.1f}"])
    rows.append([f"{years[0]}—{years[-1]}年年均增长率（%）", "", fmt(ind.achieved)])
    return rows, f"年均增长率 =（评价末年工业增加值 ÷ 评价起始年工业增加值）^(1/{n}) − 1。"


def has_raw_data(ind: Indicator) -> bool:
    """Whether the data support lists this indicator's numerator and denominator by year."""
    return not ind.state and "增长" not in ind.name and _raw_columns(ind) is not None


def _indicator_table(
    ind: Indicator, years: list[int], shown: float, unit: str, rng: random.Random, *, miscomputed: bool = False
):
    """Rows of raw data by year and the calculation sentence; values shown × `shown` in `unit`.

    `miscomputed`: the last year's numerator is misstated, so the value no longer follows from it.
    """
    series = _series(ind, years, rng)
    if ind.state:
        rows = [["年份", "评价结果"]] + [[str(y), ind.state] for y in years]
        return rows, "对照《标准》要求逐年核查相关台账、监测报告和管理文件。"
    raw = _raw_columns(ind)
    if "增长" in ind.name:
        return _growth_table(ind, years, rng)
    if raw is None:
        rows = [["年份", f"指标值（{unit}）"]] + [[str(y), fmt(v * shown)] for y, v in zip(years, series, strict=True)]
        return rows, "按《生态工业园区建设标准》指标解释逐年统计。"
    numerator, top, denominator, bottom, factor = raw
    if shown != 1 and top.endswith("标煤"):
        top = "千克标煤"
    rows = [["年份", f"{numerator}（{top}）", f"{denominator}（{bottom}）", f"指标值（{unit}）"]]
    base = rng.uniform(0.6, 1.4)
    for k, (year, value) in enumerate(zip(years, series, strict=True)):
        if top in _COUNTED:
            num, den = _counted_pair(value, rng)
            if k < len(years) - 1:
                value = round(num / den * 100, 2)
            num_text, den_text = str(num), str(den)
        else:
            den = round(_SCALES.get(bottom, 500.0) * base * (1.06**k), 0 if bottom == "人" else 2)
            num_text = f"{value * shown * den / factor:.2f}"
            den_text = str(int(den)) if bottom == "人" else f"{den:.2f}"
        rows.append([str(year), num_text, den_text, fmt(value * shown)])
    if miscomputed:
        wrong = float(rows[-1][1]) * rng.choice((0.88, 0.92, 1.07, 1.1))
        rows[-1][1] = str(round(wrong)) if top in _COUNTED else f"{wrong:.2f}"
    formula = f"{ind.name} = {numerator} ÷ {denominator}" + (" × 100%。" if factor == 100 else "。")
    return rows, formula


def _source(ind: Indicator, park: Park) -> str:
    for keyword, source in _SOURCES:
        if keyword in ind.name:
            return source.format(city=park.city)
    return "园区管理机构统计台账、生态环境分局工作台账"


def write_data_support(path: Path, park: Park, content: ReportContent) -> TruthDocument:
    """数据支撑材料 (第十六条(三)): per indicator the raw data by year, its source and the calculation."""
    rng = _rng(park, "data_support")
    identity = content.identity
    years = list(range(content.evaluation_start, content.evaluation_end + 1))
    doc = _Paper(header_text=f"{identity.name}验收数据支撑材料" if park.style.header else None)
    doc.title_page(
        [identity.name, PROGRAMME, "验收数据支撑材料"], date_line=f"{identity.body}\n{cn_month(park.acceptance_date)}"
    )
    doc.title(f"{identity.name}{PROGRAMME}验收数据支撑材料")
    doc.heading("一、数据说明", 1)
    doc.paragraph(
        f"本材料为《{identity.name}{PROGRAMME}验收报告》的数据支撑材料，评价时段为{content.evaluation_start}年至"
        f"{content.evaluation_end}年，逐项列出各评价指标的原始数据、数据来源和计算过程。"
    )
    rows = [["序号", "指标名称", "单位", "《标准》要求", f"{content.evaluation_end}年指标值", "数据来源"]]
    for i, ind in enumerate(content.indicators, 1):
        unit, shown = shown_unit(ind, park.style.energy_unit)
        standard = standard_cell(ind, shown, places=6)
        value = shown_value(ind, ind.achieved, shown, places=6)
        rows.append([str(i), ind.name, unit, standard, value, _source(ind, park)])
    doc.table(rows, caption="表1 评价指标数据汇总表", col_widths_cm=[1.0, 4.4, 1.9, 1.7, 1.8, 3.8])
    doc.heading("二、各指标原始数据及计算过程", 1)
    truth = []
    for i, ind in enumerate(content.indicators, 1):
        unit, shown = shown_unit(ind, park.style.energy_unit)
        doc.heading(f"（{cn_count(i)}）{ind.name}", 2)
        table, formula = _indicator_table(ind, years, shown, unit, rng, miscomputed=ind.name in content.miscomputed)
        doc.table(table, caption=f"表2-{i} {ind.name}原始数据", col_widths_cm=None)
        doc.paragraph(f"数据来源：{_source(ind, park)}。")
        if ind.state:
            doc.paragraph(f"评价方法：{formula}{content.evaluation_end}年评价结果为“{ind.state}”。")
            continue
        doc.paragraph(f"计算方法：{formula}{content.evaluation_end}年指标值为{fmt(ind.achieved * shown)}{unit}。")
        truth.append(TruthIndicator(ind.name, ind.unit, None, None, None, ind.achieved, content.evaluation_end))
    doc.save(path)
    return TruthDocument(stem=Path(path).stem, kind="data_support", indicators=truth)
