"""Heading numbers of Chinese reports (extractors.headings) and 字 counting / CJK spacing (extractors.text)."""

from __future__ import annotations

import re
import string
import unicodedata

import cn2an
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from extractors.headings import looks_like_title, parse_numbering, strip_numbering
from extractors.text import count_zi, join_cjk

# -- parse_numbering: table ----------------------------------------------------------------------

HEADINGS = [
    ("第一章 总论", "chapter", "第一章", "总论"),
    ("第十二章　保障措施", "chapter", "第十二章", "保障措施"),
    ("第2章 园区概况", "chapter", "第2章", "园区概况"),
    ("第 三 章 规划目标", "chapter", "第 三 章", "规划目标"),
    ("第二节 产业发展现状", "part", "第二节", "产业发展现状"),
    ("第一部分 园区概况", "part", "第一部分", "园区概况"),
    ("第三篇 附件", "part", "第三篇", "附件"),
    ("一、园区概况及创建基础", "cn", "一、", "园区概况及创建基础"),
    ("十一、保障措施", "cn", "十一、", "保障措施"),
    ("二十、其他", "cn", "二十、", "其他"),
    ("三．重点任务", "cn", "三．", "重点任务"),
    ("（一）园区概况", "cn_paren", "（一）", "园区概况"),
    ("(二)创建基础", "cn_paren", "(二)", "创建基础"),
    ("（十二） 资金保障", "cn_paren", "（十二）", "资金保障"),
    ("1. 总体要求", "arabic", "1.", "总体要求"),
    ("1、总体要求", "arabic", "1、", "总体要求"),
    ("12．重点任务", "arabic", "12．", "重点任务"),
    ("2.1 总体框架", "arabic2", "2.1", "总体框架"),
    ("2.1总体框架", "arabic2", "2.1", "总体框架"),
    ("10.12 考核指标", "arabic2", "10.12", "考核指标"),
    ("4.2 平台建设", "arabic2", "4.2", "平台建设"),
    ("3.1 公共服务设施", "arabic2", "3.1", "公共服务设施"),
    ("5.2 项目建设", "arabic2", "5.2", "项目建设"),
    ("2.2 条件分析", "arabic2", "2.2", "条件分析"),
    ("6.3 时间安排", "arabic2", "6.3", "时间安排"),
    ("1.1.1 地理位置", "arabic3", "1.1.1", "地理位置"),
    ("2.3.4 固废资源化", "arabic3", "2.3.4", "固废资源化"),
    ("1.2.3.4 指标说明", "arabic4", "1.2.3.4", "指标说明"),
    ("（1）工业固体废物", "arabic_paren", "（1）", "工业固体废物"),
    ("(2) 污水处理", "arabic_paren", "(2)", "污水处理"),
    ("1）园区范围", "arabic_half_paren", "1）", "园区范围"),
    ("12)规划期限", "arabic_half_paren", "12)", "规划期限"),
    ("①能源梯级利用", "circled", "①", "能源梯级利用"),
    ("⑳ 其他", "circled", "⑳", "其他"),
    ("  一、前有空格  ", "cn", "一、", "前有空格"),
]


@pytest.mark.parametrize(("text", "family", "label", "title"), HEADINGS, ids=[h[0].strip() for h in HEADINGS])
def test_parse_numbering_families(text: str, family: str, label: str, title: str) -> None:
    numbered = parse_numbering(text)
    assert numbered is not None
    assert (numbered.family, numbered.label, numbered.title) == (family, label, title)
    assert strip_numbering(text) == title


NOT_HEADINGS = [
    "2024年园区工业增加值达到120亿元，同比增长8.5%。",
    "2024年",
    "12.5%",
    "12.5 %",
    "1.5亿元",
    "1.5 亿元",
    "32.5平方公里",
    "3.2万吨",
    "2.6万元/吨",
    "1.5个百分点",
    "2.3公顷",
    "4.5立方米",
    "3.5平方米",
    "园区位于某某市东部，规划面积约30平方公里，已形成主导产业集群。",
    "一年来，园区循环经济水平显著提升。",
    "一、",
    "（一）",
    "2.1",
    "0.5吨",
    "30.1 超出章节号范围",
    "表2-1 目标指标表",
    "",
]


@pytest.mark.parametrize("text", NOT_HEADINGS, ids=[t or "<empty>" for t in NOT_HEADINGS])
def test_parse_numbering_rejects_non_headings(text: str) -> None:
    assert parse_numbering(text) is None
    assert strip_numbering(text) == text.strip()


TITLES = [
    ("园区概况", True),
    ("一、园区概况及创建基础", True),
    ("园区位于某某市东部。", False),
    ("主要建设内容如下：", True),
    ("包括以下内容，", False),
    ("表2-1 目标指标表", False),
    ("图1 园区区位图", False),
    ("资料来源：统计年鉴", False),
    ("", False),
    ("很" * 41, False),
    ("很" * 40, True),
]


@pytest.mark.parametrize(("text", "expected"), TITLES, ids=[t[0][:12] or "<empty>" for t in TITLES])
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected


# -- parse_numbering: properties ------------------------------------------------------------------


def _cn(n: int) -> str:
    return cn2an.an2cn(n)


# family -> (label for n, largest n the family covers). Dotted section numbers stop at 29 by design
# (“real reports do not reach chapter 30”), circled numbers at ⑳.
TEMPLATES: list[tuple[str, object, int]] = [
    ("chapter", lambda n: f"第{_cn(n)}章", 99),
    ("chapter", lambda n: f"第{n}章", 99),
    ("part", lambda n: f"第{_cn(n)}节", 99),
    ("part", lambda n: f"第{_cn(n)}部分", 99),
    ("cn", lambda n: f"{_cn(n)}、", 99),
    ("cn", lambda n: f"{_cn(n)}．", 99),
    ("cn_paren", lambda n: f"（{_cn(n)}）", 99),
    ("cn_paren", lambda n: f"({_cn(n)})", 99),
    ("arabic", lambda n: f"{n}.", 99),
    ("arabic", lambda n: f"{n}、", 99),
    ("arabic2", lambda n: f"{(n % 9) + 1}.{n}", 29),
    ("arabic3", lambda n: f"2.{(n % 7) + 1}.{n}", 29),
    ("arabic4", lambda n: f"{n}.1.2.{n}", 29),
    ("arabic_paren", lambda n: f"（{n}）", 99),
    ("arabic_paren", lambda n: f"({n})", 99),
    ("arabic_half_paren", lambda n: f"{n}）", 99),
    ("arabic_half_paren", lambda n: f"{n})", 99),
    ("circled", lambda n: chr(0x2460 + n - 1), 20),
]

# A measured value reads like a section number followed by its unit (“3.2万吨”); a title starting
# with one of these is ambiguous after “2.1” and is left out of the property for that family.
_UNITS = re.compile(r"^(?:[%％‰万亿元吨年月日千百米亩顷天度倍家次座]|个百分点|平方|公[里顷斤]|立方|小时)")
_CJK_TITLE_CHAR = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
titles = st.text(alphabet=_CJK_TITLE_CHAR, min_size=1, max_size=12)
separators = st.sampled_from(["", " ", "\u3000", "\t", "  "])


@given(
    template=st.sampled_from(TEMPLATES),
    n=st.integers(min_value=1, max_value=99),
    sep=separators,
    title=titles,
)
@example(template=TEMPLATES[10], n=2, sep=" ", title="平台建设")
@example(template=TEMPLATES[3], n=1, sep=" ", title="园区概况")
def test_numbered_title_round_trips(template, n: int, sep: str, title: str) -> None:
    family, make_label, largest = template
    assume(n <= largest)
    if family == "arabic2":
        assume(not _UNITS.match(title))
    text = make_label(n) + sep + title
    numbered = parse_numbering(text)
    assert numbered is not None, text
    assert numbered.family == family, text
    assert numbered.title == title
    assert strip_numbering(text) == title


@given(n=st.integers(min_value=30, max_value=99), m=st.integers(min_value=1, max_value=99), title=titles)
def test_dotted_numbers_beyond_29_are_not_sections(n: int, m: int, title: str) -> None:
    numbered = parse_numbering(f"{n}.{m} {title}")
    assert numbered is None or numbered.family not in ("arabic2", "arabic3", "arabic4")


# -- count_zi --------------------------------------------------------------------------------------

_FULLWIDTH_ALNUM = "０１２３４５６７８９ＡＢＣＸＹＺａｂｃｘｙｚ"
_PUNCT = "，。、；：？！“”‘’（）《》【】—…·-_/%.,;:!?()[]"
_SPACES = " \t\n\u3000"


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x4DBF  # extension A
        or 0x4E00 <= code <= 0x9FFF  # unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= code <= 0x323AF  # extensions B..H (𠮷)
        or ch == "〇"  # ideographic zero, as in 二〇二四年
    )


def _is_latin_or_digit(ch: str) -> bool:
    if "０" <= ch <= "９" or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ":
        return True  # full-width forms count like their ASCII twins
    return ch in string.ascii_letters or ch in string.digits


def zi_oracle(text: str) -> int:
    """字 per the contract, char by char: each CJK ideograph, plus each run of Latin letters/digits."""
    count = 0
    in_run = False
    for ch in text:
        if _is_latin_or_digit(ch):
            if not in_run:
                count += 1
            in_run = True
        else:
            in_run = False
            if _is_cjk(ch):
                count += 1
    return count


_mixed_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    st.sampled_from("〇"),
    st.sampled_from(string.ascii_letters + string.digits),
    st.sampled_from(_FULLWIDTH_ALNUM),
    st.sampled_from(_PUNCT),
    st.sampled_from(_SPACES),
)
_token = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=3),
    st.text(alphabet=st.sampled_from(string.ascii_letters + string.digits), min_size=1, max_size=4),
    st.text(alphabet=st.sampled_from(_FULLWIDTH_ALNUM), min_size=1, max_size=2),
    st.sampled_from([*_PUNCT, "〇", "𠮷"]),
)
_gap = st.sampled_from(["", "", " ", "  ", "\t", "\n", "\u3000", " \n "])
# Character soup, and word-like tokens with gaps (where PDF spacing and Latin runs actually occur).
mixed = st.one_of(
    st.text(alphabet=_mixed_chars, max_size=40),
    st.lists(st.tuples(_token, _gap), max_size=12).map(lambda parts: "".join(a + b for a, b in parts)),
)

ZI_EXAMPLES = [
    ("", 0),
    ("园区概况", 4),
    ("GDP增长8.5%", 5),  # GDP / 增 / 长 / 8 / 5
    ("COD排放量为1200吨", 7),
    ("ISO 14001认证", 4),
    ("二〇二四年三月", 7),
    ("ＧＤＰ２０２４", 1),
    ("，。、；", 0),
    ("𠮷野家", 3),
]


@pytest.mark.parametrize(("text", "expected"), ZI_EXAMPLES, ids=[e[0] or "<empty>" for e in ZI_EXAMPLES])
def test_count_zi_examples(text: str, expected: int) -> None:
    assert count_zi(text) == expected


@given(mixed)
@example("ＧＤＰ")
@example("ＣＯＤ 12ｍｇ")
@example("园区，。、；：")
def test_count_zi_matches_char_by_char_oracle(text: str) -> None:
    assert count_zi(text) == zi_oracle(text)


@given(mixed, mixed)
def test_count_zi_is_additive_unless_a_latin_run_is_joined(left: str, right: str) -> None:
    assume(not (left and right and _is_latin_or_digit(left[-1]) and _is_latin_or_digit(right[0])))
    assert count_zi(left + right) == count_zi(left) + count_zi(right)


@given(st.text(alphabet=st.sampled_from(string.ascii_letters + string.digits), min_size=1), mixed)
def test_count_zi_merges_a_run_split_at_the_join(run: str, rest: str) -> None:
    left, right = run[:1], run[1:] + rest
    if right and _is_latin_or_digit(right[0]):
        assert count_zi(left + right) == count_zi(left) + count_zi(right) - 1


# -- join_cjk --------------------------------------------------------------------------------------

JOIN_EXAMPLES = [
    ("园 区 概 况", "园区概况"),
    ("规划面积 30 平方公里", "规划面积30平方公里"),
    ("同比增长 8.5%， 高于全省", "同比增长8.5%，高于全省"),
    ("化学需氧量 COD 排放", "化学需氧量COD排放"),
    ("eco industrial park", "eco industrial park"),
    ("GB 18918-2002 标准", "GB 18918-2002标准"),
    ("（一） 园区概况", "（一）园区概况"),
    ("二 〇 二 四 年", "二〇二四年"),
]


@pytest.mark.parametrize(("text", "expected"), JOIN_EXAMPLES, ids=[e[0] for e in JOIN_EXAMPLES])
def test_join_cjk_examples(text: str, expected: str) -> None:
    assert join_cjk(text) == expected


_spacey = st.one_of(mixed, st.text(alphabet=st.one_of(_mixed_chars, st.sampled_from(_SPACES)), max_size=40))


def _only_whitespace_removed(before: str, after: str) -> bool:
    """`after` is `before` with some white-space characters deleted and nothing else changed."""
    i = 0
    for ch in after:
        while i < len(before) and before[i] != ch:
            if not before[i].isspace():
                return False
            i += 1
        if i == len(before):
            return False
        i += 1
    return all(ch.isspace() for ch in before[i:])


@given(_spacey)
@example("中 \n 1 文")
@example("中 a 文 ， b")
def test_join_cjk_only_deletes_whitespace(text: str) -> None:
    joined = join_cjk(text)
    assert _only_whitespace_removed(text, joined)
    assert re.sub(r"\s+", "", joined) == re.sub(r"\s+", "", text)


@given(_spacey)
@example("中  1")
@example("中 \t 文 ， 1 a")
def test_join_cjk_is_idempotent(text: str) -> None:
    once = join_cjk(text)
    assert join_cjk(once) == once


@given(_spacey)
@example("ISO 14001 认证")
def test_join_cjk_keeps_count_zi(text: str) -> None:
    # Deleting a space can only merge two Latin runs, which join_cjk never does.
    assert count_zi(join_cjk(text)) == count_zi(text)


def test_nfkc_assumption_of_the_oracle() -> None:
    # The oracle treats full-width letters/digits as ASCII: true because count_zi folds with NFKC.
    assert unicodedata.normalize("NFKC", _FULLWIDTH_ALNUM).isascii()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("表2-1 目标指标表", False),
        ("图3 园区生态工业链图", False),
        ("附表1 支撑项目表", False),
        ("注：数据来源于园区统计局", False),
        ("资料来源：园区统计年鉴", False),
        ("表面处理行业", True),
        ("注重源头减量", True),
        ("图像识别产业园", True),
    ],
)
def test_captions_are_not_titles_but_words_starting_like_them_are(text, title):
    assert looks_like_title(text) is title
