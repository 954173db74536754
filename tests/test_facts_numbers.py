"""Numbers, years, periods and units as Chinese documents write them: examples from real tables,
and properties (formatting then parsing round-trips, parsing never raises)."""

from __future__ import annotations

import math

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.facts.numbers import is_none, parse_number, parse_period, parse_year
from extractors.facts.units import canonical_unit, expected_unit, is_unit, normalise, split_unit, unit_in_cell


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("0.52", 0.52),
        ("１２.５", 12.5),
        ("52%", 52.0),
        ("≥90%", 90.0),
        ("≤ 0.5", 0.5),
        ("1,234.5", 1234.5),
        ("3.74亿元", 3.74),
        ("三十二点五", 32.5),
        ("零点四一", 0.41),
        ("一百二十", 120.0),
        ("三点七四亿元", 3.74),
        ("百分之九十", 90.0),
        ("-3.5", -3.5),
        ("约 3 万人", 3.0),
        ("100\n", 100.0),
    ],
)
def test_parse_number(text: str, number: float) -> None:
    assert parse_number(text) == pytest.approx(number)


@pytest.mark.parametrize("text", ["—", "/", "无", "", "  ", "——", "－", "达标", "一般工业固体废物", None])
def test_parse_number_none(text: str | None) -> None:
    assert parse_number(text) is None


def test_is_none() -> None:
    assert is_none("—") and is_none(" / ") and is_none("无") and is_none("")
    assert not is_none("0") and not is_none("达标")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2020年", 2020),
        ("二〇二〇年", 2020),
        ("2020", 2020),
        ("现状值（ 2022年）", 2022),
        ("基准年", None),
        ("0.52", None),
    ],
)
def test_parse_year(text: str, year: int | None) -> None:
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2022—2024年", (2022, 2024)),
        ("2022-2024", (2022, 2024)),
        ("2022年至2024年", (2022, 2024)),
        ("2022— 2023年", (2022, 2023)),
        ("2022年3月—2024年12月", (2022, 2024)),
        ("2022—24年", (2022, 2024)),
        ("二〇二二年至二〇二四年", (2022, 2024)),
        ("2023年", (2023, 2023)),
        ("2024年底前", (None, 2024)),
        ("2022年起", (2022, None)),
        ("—", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_period(text: str, period: tuple[int | None, int | None]) -> None:
    assert parse_period(text) == period


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_formatted_float_round_trips(value: float) -> None:
    assert parse_number(repr(value)) == value
    assert parse_number(f"{value:,.4f}") == pytest.approx(round(value, 4), rel=1e-12, abs=1e-9)
    assert parse_number(f"≥{abs(value)}%") == abs(value)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=9999))
def test_chinese_integers_round_trip(number: int) -> None:
    assert parse_number(cn2an.an2cn(number)) == number


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1900, max_value=2099))
def test_chinese_years_round_trip(year: int) -> None:
    digits = "".join("〇一二三四五六七八九"[int(d)] for d in str(year))
    assert parse_year(f"{digits}年") == year
    assert parse_year(f"{year}年") == year


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_parsing_never_raises(text: str) -> None:
    number = parse_number(text)
    assert number is None or not math.isnan(number)
    parse_year(text)
    parse_period(text)
    split_unit(text)
    unit_in_cell(text)
    normalise(1.0, text)


# -- units -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expect", "converted", "canonical"),
    [
        (0.45, "吨标煤/万元", None, 0.45, "吨标煤/万元"),
        (0.45, "tce/万元", None, 0.45, "吨标煤/万元"),
        (0.45, "吨标准煤/万元", None, 0.45, "吨标煤/万元"),
        (450, "千克标煤/万元", None, 0.45, "吨标煤/万元"),
        (450, "kgce/万元", None, 0.45, "吨标煤/万元"),
        (7.5, "m³/万元", None, 7.5, "立方米/万元"),
        (7.5, "吨/万元", "立方米/万元", 7.5, "立方米/万元"),
        (0.9, "吨/万元", None, 0.9, "吨/万元"),
        (3.74, "亿元", None, 37400, "万元"),
        (12000, "元", None, 1.2, "万元"),
        (29.5, "平方公里", None, 29.5, "km²"),
        (150, "公顷", None, 1.5, "km²"),
        (1500, "亩", None, 1.0, "km²"),
        (90, "%", None, 90, "%"),
        (120, "万元/亩", None, 18, "亿元/平方公里"),
        (5, "—", None, 5, ""),
        (5, "个", None, 5, "个"),
    ],
)
def test_normalise(value: float, unit: str, expect: str | None, converted: float, canonical: str) -> None:
    number, unit_out = normalise(value, unit, expect)
    assert number == pytest.approx(converted, rel=1e-12)
    assert unit_out == canonical


def test_kilograms_divide_exactly() -> None:
    assert normalise(360, "千克标煤/万元")[0] == 0.36
    assert normalise(0.36, "吨标煤/万元", "千克标煤/万元")[0] == pytest.approx(360)


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("单位工业增加值综合能耗（吨标煤/万元）", ("单位工业增加值综合能耗", "吨标煤/万元")),
        ("公众对园区生态环境满意度(%)", ("公众对园区生态环境满意度", "%")),
        ("投资金额（万元）", ("投资金额", "万元")),
        ("总投资/亿元", ("总投资", "亿元")),
        ("危险废物安全处置率（特色指标）", ("危险废物安全处置率（特色指标）", None)),
        ("基准值（2020年）", ("基准值（2020年）", None)),
        ("单位工业增加值新鲜水耗", ("单位工业增加值新鲜水耗", None)),
    ],
)
def test_split_unit(cell: str, parts: tuple[str, str | None]) -> None:
    assert split_unit(cell) == parts


def test_units_in_cells_and_names() -> None:
    assert unit_in_cell("≥90%") == "%"
    assert unit_in_cell("3.74亿元") == "亿元"
    assert unit_in_cell("0.45 吨标煤/万元") == "吨标煤/万元"
    assert unit_in_cell("90") is None and unit_in_cell("达标") is None
    assert is_unit("kgce/万元") and is_unit("m³") and not is_unit("达标")
    assert canonical_unit("tce/万元") == "吨标煤/万元" and canonical_unit("—") is None
    assert expected_unit("单位工业增加值新鲜水耗") == "立方米/万元"
    assert expected_unit("单位工业增加值二氧化碳排放量") is None


# -- units: properties ---------------------------------------------------------------------------


_SAME_ENERGY = ("吨标煤/万元", "tce/万元", "吨标准煤/万元")
_VALUES = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(_VALUES, st.sampled_from(_SAME_ENERGY))
def test_spellings_of_tonnes_of_coal_equivalent_are_one_unit(value, unit):
    number, canonical = normalise(value, unit)
    assert canonical == "吨标煤/万元" and number == pytest.approx(value)


@given(_VALUES)
def test_kilograms_of_coal_equivalent_are_a_thousandth_of_tonnes(value):
    kilo, unit = normalise(value, "千克标煤/万元")
    assert unit == "吨标煤/万元" and kilo == pytest.approx(value / 1000, rel=1e-9, abs=1e-12)


@given(_VALUES)
def test_money_and_area_convert_to_wan_yuan_and_square_kilometres(value):
    assert normalise(value, "亿元") == (pytest.approx(value * 10000), "万元")
    assert normalise(value, "公顷") == (pytest.approx(value / 100), "km²")
    assert normalise(value, "亩") == (pytest.approx(value / 1500), "km²")


@given(st.text(max_size=30), _VALUES)
def test_unit_parsing_never_raises_and_keeps_unknown_units(text, value):
    number, unit = normalise(value, text)
    assert isinstance(unit, str) and isinstance(number, float | int)
    name, written = split_unit(text)
    assert isinstance(name, str) and (written is None or isinstance(written, str))
