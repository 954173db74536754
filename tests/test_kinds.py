"""Document kinds from realistic title pages: letters that quote the 实施方案 in their body,
EIA opinions whose title puts the planning period between 规划 and 环境影响, and the rest."""

from __future__ import annotations

import io

import docx
import pytest

from extractors.reader import read_document

PARK = "临江经济开发区"
CASES = [
    (
        "application_letter",
        [
            f"关于申请创建{PARK}生态文明建设示范区（生态工业园区）的请示",
            "江南省生态环境厅：",
            f"为深入贯彻习近平生态文明思想，我区组织编制了《{PARK}生态文明建设示范区（生态工业园区）建设实施方案》，"
            "经自评估已具备创建条件，现申请开展创建工作。妥否，请批示。",
        ],
    ),
    (
        "acceptance_letter",
        [
            f"关于{PARK}生态文明建设示范区（生态工业园区）验收的请示",
            "江南省生态环境厅：",
            f"按照《{PARK}生态文明建设示范区（生态工业园区）建设实施方案》确定的目标任务，园区已完成各项创建工作，"
            "编制了验收报告，现申请验收。",
        ],
    ),
    (
        "plan_eia_proof",
        [
            f"关于《{PARK}开发建设规划（2019—2029年）环境影响报告书》的审查意见",
            "江南省生态环境厅",
            f"你委报送的《{PARK}开发建设规划（2019—2029年）环境影响报告书》收悉。经研究，提出审查意见如下。",
        ],
    ),
    (
        "compliance_certificate",
        [
            f"{PARK}环境守法证明",
            f"{PARK}自2019年6月至2022年6月，有效贯彻执行国家和地方有关生态环境保护的法律法规，未发生严重污染环境事件。",
        ],
    ),
    (
        "data_support",
        [f"{PARK}生态文明建设示范区（生态工业园区）", "验收数据支撑材料", "一、单位工业增加值综合能耗"],
    ),
    (
        "change_report",
        [
            f"关于{PARK}管理机构调整情况的报告",
            "江南省生态环境厅：",
            "根据省委编办批复，园区管理机构由管理委员会调整为发展服务中心。",
        ],
    ),
    (
        "annual_report",
        [f"{PARK}2023年度工作报告", "一、年度工作进展", "园区全年完成工业增加值一百二十亿元。"],
    ),
]


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("kind", "paragraphs"), CASES, ids=[c[0] for c in CASES])
def test_kind_follows_the_title_not_the_body_or_file_name(kind, paragraphs):
    assert read_document(_docx(paragraphs), "附件3_实施方案.docx").kind == kind
