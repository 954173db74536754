"""Word automatic numbering: extractors.docx_numbering against hand-built numbering/styles XML.

Each case builds a small numbering.xml and styles.xml the way Word stores them, feeds paragraphs to
one NumberingResolver in document order and compares the labels Word would show. Restarts and
style-inherited numbering are tested explicitly: published resolvers get them wrong (FIELD-NOTES, DOCX).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from corpus.samples.writer import CHINESE_OUTLINE, DocxWriter
from extractors.docx_numbering import NumberedLabel, NumberingResolver, format_number, join_label
from extractors.docx_reader import read_docx
from extractors.limits import ReadLimits

W = nsdecls("w")

# -- XML builders ------------------------------------------------------------------------------


def lvl(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int = 1,
    restart: int | None = None,
    legal: str | None = None,
    pstyle: str | None = None,
    suff: str | None = None,
) -> str:
    """One w:lvl, children in schema order as Word writes them."""
    parts = [f'<w:start w:val="{start}"/>', f'<w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle is not None:
        parts.append(f'<w:pStyle w:val="{pstyle}"/>')
    if legal is not None:
        parts.append("<w:isLgl/>" if legal == "" else f'<w:isLgl w:val="{legal}"/>')
    if suff is not None:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>')
    parts.append('<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>')
    return f'<w:lvl w:ilvl="{ilvl}">{"".join(parts)}</w:lvl>'


def abstract(abstract_id: int, *levels: str, style_link: str | None = None, num_style_link: str | None = None) -> str:
    head = '<w:multiLevelType w:val="multilevel"/>'
    if style_link:
        head += f'<w:styleLink w:val="{style_link}"/>'
    if num_style_link:
        head += f'<w:numStyleLink w:val="{num_style_link}"/>'
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{head}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for ilvl, value in (start_overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def numbering(*parts: str):
    return parse_xml(f"<w:numbering {W}>{''.join(parts)}</w:numbering>")


def num_pr(num_id: int | None = None, ilvl: int | None = None) -> str:
    inner = ""
    if ilvl is not None:
        inner += f'<w:ilvl w:val="{ilvl}"/>'
    if num_id is not None:
        inner += f'<w:numId w:val="{num_id}"/>'
    return f"<w:numPr>{inner}</w:numPr>"


def style(
    style_id: str,
    name: str | None = None,
    *,
    based_on: str | None = "Normal",
    num_id: int | None = None,
    ilvl: int | None = None,
    kind: str = "paragraph",
    outline: int | None = None,
) -> str:
    body = f'<w:name w:val="{name or style_id}"/>'
    if based_on:
        body += f'<w:basedOn w:val="{based_on}"/>'
    ppr = ""
    if num_id is not None or ilvl is not None:
        ppr += num_pr(num_id, ilvl)
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if ppr:
        body += f"<w:pPr>{ppr}</w:pPr>"
    return f'<w:style w:type="{kind}" w:styleId="{style_id}">{body}</w:style>'


NORMAL = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'


def styles(*parts: str):
    return parse_xml(f"<w:styles {W}>{NORMAL}{''.join(parts)}</w:styles>")


@dataclass(frozen=True)
class P:
    """A paragraph: its style, and its own numPr if it has one."""

    style: str | None = None
    num_id: int | None = None
    ilvl: int | None = None

    def xml(self):
        ppr = f'<w:pStyle w:val="{self.style}"/>' if self.style else ""
        if self.num_id is not None or self.ilvl is not None:
            ppr += num_pr(self.num_id, self.ilvl)
        ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
        return parse_xml(f"<w:p {W}>{ppr}<w:r><w:t>正文</w:t></w:r></w:p>")


def listed(num_id: int, *levels: int) -> list[P]:
    """Paragraphs numbered directly (paragraph numPr), one per level given."""
    return [P(num_id=num_id, ilvl=level) for level in levels]


def labels(numbering_xml, styles_xml, paragraphs: list[P]) -> list[str | None]:
    resolver = NumberingResolver(numbering_xml, styles_xml)
    out = []
    for paragraph in paragraphs:
        label = resolver.label(paragraph.xml())
        out.append(label.text if label else None)
    return out


# -- shared definitions ------------------------------------------------------------------------

OUTLINE_LEVELS = (
    lvl(0, "chineseCounting", "%1、", pstyle="Heading1"),
    lvl(1, "chineseCounting", "（%2）", pstyle="Heading2"),
    lvl(2, "decimal", "%3.", pstyle="Heading3"),
)
OUTLINE = numbering(abstract(1, *OUTLINE_LEVELS), num(1, 1))
NO_STYLES = styles()
HEADING_STYLES = styles(
    style("Heading1", "heading 1", num_id=1, outline=0),  # Word leaves ilvl 0 out
    style("Heading2", "heading 2", num_id=1, ilvl=1, outline=1),
    style("Heading3", "heading 3", num_id=1, ilvl=2, outline=2),
)
H1, H2, H3, BODY = P("Heading1"), P("Heading2"), P("Heading3"), P()


@dataclass(frozen=True)
class Case:
    name: str
    numbering: object
    styles: object
    paragraphs: list[P]
    expected: list[str | None]


CASES = [
    Case(
        "chinese_outline_multilevel_restarts",
        OUTLINE,
        NO_STYLES,
        listed(1, 0, 1, 1, 2, 2, 1, 2, 0, 1, 2, 2, 0),
        ["一、", "（一）", "（二）", "1.", "2.", "（三）", "1.", "二、", "（一）", "1.", "2.", "三、"],
    ),
    Case(
        "level_three_restarts_after_new_level_one_even_without_level_two",
        OUTLINE,
        NO_STYLES,
        listed(1, 0, 1, 2, 2, 0, 2),
        ["一、", "（一）", "1.", "2.", "二、", "1."],
    ),
    Case(
        "unnumbered_body_paragraphs_do_not_disturb_the_counters",
        OUTLINE,
        NO_STYLES,
        [P(num_id=1, ilvl=0), BODY, P(num_id=1, ilvl=1), BODY, BODY, P(num_id=1, ilvl=1), BODY, P(num_id=1, ilvl=0)],
        ["一、", None, "（一）", None, None, "（二）", None, "二、"],
    ),
    Case(
        "numbering_from_heading_styles",
        OUTLINE,
        HEADING_STYLES,
        [H1, BODY, H2, H3, BODY, H3, H2, H3, H1, H2],
        ["一、", None, "（一）", "1.", None, "2.", "（二）", "1.", "二、", "（一）"],
    ),
    Case(
        "numbering_inherited_through_basedOn_chain",
        OUTLINE,
        styles(
            style("Heading1", "heading 1", num_id=1, outline=0),
            style("Heading2", "heading 2", num_id=1, ilvl=1, outline=1),
            style("ReportH1", "报告标题1", based_on="Heading1"),
            style("ReportH2", "报告标题2", based_on="Heading2"),
            style("ReportH2Park", "园区标题2", based_on="ReportH2"),  # two steps from the numPr
        ),
        [P("ReportH1"), P("ReportH2"), P("ReportH2Park"), P("ReportH1"), P("ReportH2Park")],
        ["一、", "（一）", "（二）", "二、", "（一）"],
    ),
    Case(
        # Chinese-locale Word: heading styles have ids "1", "2", "3"; numPr carries only numId and the
        # level is the one whose w:lvl/w:pStyle names the style.
        "level_from_lvl_pStyle_when_style_numPr_has_no_ilvl",
        numbering(
            abstract(
                3,
                lvl(0, "chineseCounting", "%1、", pstyle="1"),
                lvl(1, "chineseCounting", "（%2）", pstyle="2"),
                lvl(2, "decimal", "%3.", pstyle="3"),
            ),
            num(4, 3),
        ),
        styles(
            style("1", "heading 1", num_id=4, outline=0),
            style("2", "heading 2", based_on="1", num_id=4, outline=1),
            style("3", "heading 3", based_on="2", num_id=4, outline=2),
        ),
        [P("1"), P("2"), P("3"), P("3"), P("2"), P("1"), P("3")],
        ["一、", "（一）", "1.", "2.", "（二）", "二、", "1."],
    ),
    Case(
        "derived_style_with_ilvl_only_takes_numId_from_its_base",
        OUTLINE,
        styles(
            style("Heading1", "heading 1", num_id=1, outline=0),
            style("Heading2", "heading 2", based_on="Heading1", ilvl=1, outline=1),
        ),
        [H1, H2, H2, H1, H2],
        ["一、", "（一）", "（二）", "二、", "（一）"],
    ),
    Case(
        "paragraph_ilvl_overrides_the_style_level",
        OUTLINE,
        HEADING_STYLES,
        [H1, P("Heading1", ilvl=1), P("Heading1", ilvl=1), H1],
        ["一、", "（一）", "（二）", "二、"],
    ),
    Case(
        "paragraph_numId_0_switches_off_a_numbered_style",
        OUTLINE,
        HEADING_STYLES,
        [H1, P("Heading1", num_id=0), H1, H2, P("Heading2", num_id=0, ilvl=1), H2],
        ["一、", None, "二、", "（一）", None, "（二）"],
    ),
    Case(
        "style_numId_0_switches_off_an_inherited_numbering",
        OUTLINE,
        styles(
            style("Heading1", "heading 1", num_id=1, outline=0),
            style("Preface", "前言标题", based_on="Heading1", num_id=0),
        ),
        [P("Preface"), H1, P("Preface"), H1],
        [None, "一、", None, "二、"],
    ),
    Case(
        "lvlRestart_0_never_restarts",
        numbering(
            abstract(1, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%2.", restart=0)),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 1, 1, 0, 1, 0, 1),
        ["一、", "1.", "2.", "二、", "3.", "三、", "4."],
    ),
    Case(
        "lvlRestart_1_restarts_only_after_level_one",
        numbering(
            abstract(
                1,
                lvl(0, "chineseCounting", "%1、"),
                lvl(1, "chineseCounting", "（%2）"),
                lvl(2, "decimal", "%3.", restart=1),
            ),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 1, 2, 2, 1, 2, 0, 1, 2),
        ["一、", "（一）", "1.", "2.", "（二）", "3.", "二、", "（一）", "1."],
    ),
    Case(
        "startOverride_on_second_num_restarts_the_shared_list",
        numbering(abstract(1, *OUTLINE_LEVELS), num(1, 1), num(2, 1, {0: 1})),
        NO_STYLES,
        listed(1, 0, 0, 1) + listed(2, 0, 1, 0),
        ["一、", "二、", "（一）", "一、", "（一）", "二、"],
    ),
    Case(
        "startOverride_value_other_than_1",
        numbering(abstract(1, *OUTLINE_LEVELS), num(1, 1), num(2, 1, {0: 5})),
        NO_STYLES,
        listed(1, 0, 1) + listed(2, 0, 1, 0),
        ["一、", "（一）", "五、", "（一）", "六、"],
    ),
    Case(
        "second_num_without_override_continues_the_count",
        numbering(abstract(1, *OUTLINE_LEVELS), num(1, 1), num(3, 1)),
        NO_STYLES,
        listed(1, 0, 0, 1) + listed(3, 0, 1) + listed(1, 0),
        ["一、", "二、", "（一）", "三、", "（一）", "四、"],
    ),
    Case(
        "separate_abstract_lists_keep_separate_counters",
        numbering(
            abstract(1, *OUTLINE_LEVELS),
            abstract(2, lvl(0, "decimal", "（%1）")),
            num(1, 1),
            num(2, 2),
        ),
        NO_STYLES,
        [P(num_id=1, ilvl=0), P(num_id=2, ilvl=0), P(num_id=2, ilvl=0), P(num_id=1, ilvl=1), P(num_id=2, ilvl=0)],
        ["一、", "（1）", "（2）", "（一）", "（3）"],
    ),
    Case(
        "isLgl_shows_chinese_levels_as_decimal",
        numbering(
            abstract(
                1,
                lvl(0, "chineseCounting", "第%1章"),
                lvl(1, "decimal", "%1.%2", legal=""),
                lvl(2, "decimal", "%1.%2.%3", legal="1"),
            ),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 1, 2, 2, 1, 0, 1),
        ["第一章", "1.1", "1.1.1", "1.1.2", "1.2", "第二章", "2.1"],
    ),
    Case(
        "without_isLgl_the_parent_keeps_its_own_format",
        numbering(
            abstract(
                1,
                lvl(0, "chineseCounting", "第%1章"),
                lvl(1, "decimal", "%1.%2"),
                lvl(2, "decimal", "%1.%2.%3", legal="0"),
                lvl(3, "decimal", "%1.%2.%3.%4", legal="false"),
                lvl(4, "decimal", "%1-%5", legal="off"),
            ),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 0, 1, 2, 3, 4),
        ["第一章", "第二章", "二.1", "二.1.1", "二.1.1.1", "二-1"],
    ),
    Case(
        "start_other_than_1",
        numbering(
            abstract(1, lvl(0, "chineseCounting", "%1、", start=3), lvl(1, "decimal", "%2.", start=5)),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 1, 1, 0, 1),
        ["三、", "5.", "6.", "四、", "5."],
    ),
    Case(
        "chapter_and_section",
        numbering(
            abstract(1, lvl(0, "chineseCounting", "第%1章"), lvl(1, "chineseCounting", "第%2节")),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 1, 1, 0, 1, 1, 1),
        ["第一章", "第一节", "第二节", "第二章", "第一节", "第二节", "第三节"],
    ),
    Case(
        "decimal_enclosed_circle_under_decimal",
        numbering(abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimalEnclosedCircle", "%2")), num(1, 1)),
        NO_STYLES,
        listed(1, 0, 1, 1, 1, 0, 1),
        ["1.", "①", "②", "③", "2.", "①"],
    ),
    Case(
        "bullet_levels_return_none_and_do_not_break_the_outline",
        numbering(
            abstract(
                1,
                lvl(0, "chineseCounting", "%1、"),
                lvl(1, "bullet", "\uf0b7"),
                lvl(2, "bullet", "●"),
            ),
            num(1, 1),
        ),
        NO_STYLES,
        listed(1, 0, 1, 1, 2, 0, 1),
        ["一、", None, None, None, "二、", None],
    ),
    Case(
        "numStyleLink_resolves_to_the_linked_list_definition",
        numbering(
            abstract(
                7,
                lvl(0, "chineseCounting", "%1、"),
                lvl(1, "chineseCounting", "（%2）"),
                style_link="ParkOutline",
            ),
            abstract(8, num_style_link="ParkOutline"),  # no levels of its own
            num(11, 7),
            num(12, 8),
        ),
        styles(style("ParkOutline", "园区大纲", based_on=None, num_id=11, kind="numbering")),
        listed(12, 0, 1, 1, 0, 1),
        ["一、", "（一）", "（二）", "二、", "（一）"],
    ),
    Case(
        "unknown_or_missing_numbering_gives_none",
        OUTLINE,
        NO_STYLES,
        [P(num_id=99, ilvl=0), P(num_id=1, ilvl=7), P("NoSuchStyle"), BODY],
        [None, None, None, None],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_labels_in_document_order(case: Case) -> None:
    assert labels(case.numbering, case.styles, case.paragraphs) == case.expected


def test_label_reports_level_and_suffix() -> None:
    resolver = NumberingResolver(
        numbering(
            abstract(1, lvl(0, "chineseCounting", "%1、", suff="nothing"), lvl(1, "decimal", "%2.", suff="space")),
            num(1, 1),
        ),
        NO_STYLES,
    )
    assert resolver.label(P(num_id=1, ilvl=0).xml()) == NumberedLabel("一、", "nothing", 0)
    assert resolver.label(P(num_id=1, ilvl=1).xml()) == NumberedLabel("1.", "space", 1)
    # suff left out is Word's default, a tab
    plain = NumberingResolver(OUTLINE, NO_STYLES)
    assert plain.label(P(num_id=1, ilvl=0).xml()) == NumberedLabel("一、", "tab", 0)


def test_no_numbering_part() -> None:
    resolver = NumberingResolver(None, None)
    assert resolver.label(P("Heading1", num_id=1, ilvl=0).xml()) is None


# -- format_number -----------------------------------------------------------------------------

FORMATS = [
    ("chineseCounting", 1, "一"),
    ("chineseCounting", 10, "十"),
    ("chineseCounting", 11, "十一"),
    ("chineseCounting", 20, "二十"),
    ("chineseCounting", 21, "二十一"),
    ("chineseCounting", 99, "九十九"),
    ("chineseCounting", 100, "一百"),
    ("chineseCounting", 110, "一百一十"),
    ("chineseCountingThousand", 12, "十二"),
    ("chineseLegalSimplified", 3, "叁"),
    ("ideographDigital", 2024, "二〇二四"),
    ("upperRoman", 1, "I"),
    ("upperRoman", 4, "IV"),
    ("upperRoman", 9, "IX"),
    ("upperRoman", 14, "XIV"),
    ("upperRoman", 40, "XL"),
    ("upperRoman", 1994, "MCMXCIV"),
    ("lowerRoman", 3, "iii"),
    ("lowerRoman", 49, "xlix"),
    ("upperLetter", 1, "A"),
    ("upperLetter", 26, "Z"),
    ("upperLetter", 27, "AA"),
    ("upperLetter", 28, "BB"),
    ("upperLetter", 53, "AAA"),
    ("lowerLetter", 27, "aa"),
    ("ideographTraditional", 1, "甲"),
    ("ideographTraditional", 2, "乙"),
    ("ideographTraditional", 10, "癸"),
    ("ideographZodiac", 12, "亥"),
    ("decimalZero", 1, "01"),
    ("decimalZero", 9, "09"),
    ("decimalZero", 10, "10"),
    ("decimalZero", 123, "123"),
    ("decimalEnclosedCircle", 1, "①"),
    ("decimalEnclosedCircle", 20, "⑳"),
    ("decimalEnclosedCircle", 21, "21"),
    ("decimalEnclosedCircleChinese", 2, "②"),
    ("decimalEnclosedParen", 1, "⑴"),
    ("decimalEnclosedFullstop", 3, "⒊"),
    ("decimalFullWidth", 12, "１２"),
    ("decimal", 7, "7"),
    ("none", 7, ""),
    ("someFutureFormat", 7, "7"),
]


@pytest.mark.parametrize(("fmt", "n", "expected"), FORMATS, ids=[f"{f}-{n}" for f, n, _ in FORMATS])
def test_format_number(fmt: str, n: int, expected: str) -> None:
    assert format_number(n, fmt) == expected


# -- join_label --------------------------------------------------------------------------------

JOINS = [
    ("一、", "tab", "园区概况", "一、园区概况"),
    ("（一）", "tab", "园区概况", "（一）园区概况"),
    ("第一章", "space", "总论", "第一章 总论"),
    ("第一章", "tab", "总论", "第一章 总论"),
    ("①", "tab", "资源利用", "① 资源利用"),
    ("1）", "tab", "工业固废", "1）工业固废"),
    ("1.", "tab", "园区概况", "1. 园区概况"),
    ("1.1", "space", "园区范围", "1.1 园区范围"),
    ("（1）", "tab", "工业固废", "（1）工业固废"),
    ("1.", "nothing", "园区概况", "1.园区概况"),
    ("A.", "nothing", "Scope", "A.Scope"),
]


@pytest.mark.parametrize(("label", "suffix", "text", "expected"), JOINS, ids=[j[3] for j in JOINS])
def test_join_label(label: str, suffix: str, text: str, expected: str) -> None:
    assert join_label(NumberedLabel(label, suffix, 0), text) == expected


# -- end to end through the DOCX reader ----------------------------------------------------------

HEADINGS = [
    ("园区概况及创建基础", 1),
    ("园区概况", 2),
    ("区位条件", 3),
    ("产业基础", 3),
    ("创建基础", 2),
    ("总体方案", 1),
    ("总体框架", 2),
    ("建设目标", 2),
    ("近期目标", 3),
]
RENDERED = [
    ("一、园区概况及创建基础", "一、"),
    ("（一）园区概况", "（一）"),
    ("1. 区位条件", "1."),
    ("2. 产业基础", "2."),
    ("（二）创建基础", "（二）"),
    ("二、总体方案", "二、"),
    ("（一）总体框架", "（一）"),
    ("（二）建设目标", "（二）"),
    ("1. 近期目标", "1."),
]
BODY_TEXT = "园区位于某某市东部，规划面积约30平方公里，已形成主导产业集群。"


@pytest.mark.parametrize("via_style", [True, False], ids=["numbering_via_style", "numbering_on_paragraphs"])
def test_read_docx_renders_heading_numbers(via_style: bool, tmp_path) -> None:
    writer = DocxWriter(heading_numbering=CHINESE_OUTLINE, numbering_via_style=via_style, page_numbers=False)
    for text, level in HEADINGS:
        writer.heading(text, level)
        writer.paragraph(BODY_TEXT)
    data = writer.save(tmp_path / "实施方案.docx").read_bytes()

    document = read_docx(data, "实施方案.docx", hashlib.sha256(data).hexdigest(), ReadLimits())

    headings = [b for b in document.blocks if b.style and b.style.startswith("Heading")]
    assert [(b.text, b.number_label) for b in headings] == RENDERED
    assert [b.outline_level for b in headings] == [level for _, level in HEADINGS]
    body = [b for b in document.blocks if b.text == BODY_TEXT]
    assert len(body) == len(HEADINGS)
    assert all(b.number_label is None for b in body)
