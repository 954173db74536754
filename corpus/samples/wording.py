"""How the generated documents write numbers, Chinese numerals, dates and indicator values: the
one implementation shared by the long documents (`reports`) and the short papers (`paperwork`).

Both renderers write ground truth for the readers, so this module never imports `extractors`.
Where the two renderers write a number differently (the long documents round to 4 decimals, the
forms and data support keep 6), both forms are here under their own names.
"""

from __future__ import annotations

from datetime import date

from corpus.samples.model import Indicator, Project

_DIGITS = "零一二三四五六七八九"
_YEAR_DIGITS = "〇一二三四五六七八九"
_ENERGY_UNIT = "吨标煤/万元"  # the canonical unit a consultancy may write as 千克标煤/万元 or tce/万元

# -- numbers ---------------------------------------------------------------------------------------


def fmt(value: float, places: int = 4) -> str:
    """A number as a report writes it: at most `places` decimals, no trailing zeros (0.45, 12000, 3.74)."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_fine(value: float) -> str:
    """A number as the forms and data support tables write it: like `fmt`, at most 6 decimals."""
    return fmt(value, 6)


# -- Chinese numerals ------------------------------------------------------------------------------


def _cn_below_10000(n: int) -> str:
    text, pending_zero = "", False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // power % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        text += ("零" if pending_zero else "") + _DIGITS[digit] + unit
        pending_zero = False
    return text


def cn_count(n: int) -> str:
    """A whole number as Word's chineseCounting shows it (1 一, 10 十, 12 十二, 305 三百零五)."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    text = (_cn_below_10000(high) + "万" if high else "") + (
        ("零" if high and low < 1000 and low else "") + _cn_below_10000(low)
    )
    return text[1:] if text.startswith("一十") else text


def cn_number(value: float) -> str:
    """A decimal number read out in Chinese: 32.5 → 三十二点五, 0.45 → 零点四五."""
    whole, _, fraction = fmt(value).partition(".")
    return cn_count(int(whole)) + ("点" + "".join(_DIGITS[int(d)] for d in fraction) if fraction else "")


def cn_year(year: int) -> str:
    """A year digit by digit, as a cover writes it: 2024 → 二〇二四."""
    return "".join(_YEAR_DIGITS[int(d)] for d in str(year))


# -- dates -----------------------------------------------------------------------------------------


def cn_date(day: date) -> str:
    """2024年9月30日."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_month(day: date) -> str:
    """2006年5月."""
    return f"{day.year}年{day.month}月"


def cn_cover_month(day: date) -> str:
    """The month on a long document's cover, in Chinese numerals: 二〇二四年九月."""
    return f"{cn_year(day.year)}年{cn_count(day.month)}月"


# -- indicator values ------------------------------------------------------------------------------


def shown_unit(indicator: Indicator, energy_unit: str) -> tuple[str, float]:
    """The unit the consultancy writes (`energy_unit` for energy intensity) and the factor from the canonical unit.

    A unit the document writes wrongly (`unit_written`, a seeded defect) is written with the same number.
    """
    if indicator.unit_written:
        return indicator.unit_written, 1.0
    if indicator.unit != _ENERGY_UNIT:
        return indicator.unit, 1.0
    return energy_unit, 1000.0 if energy_unit.startswith("千克") else 1.0


def shown_value(indicator: Indicator, number: float, factor: float, places: int = 4) -> str:
    """A value cell: the state of a qualitative indicator (达标, 具备), else the number in the shown unit."""
    return indicator.state or fmt(number * factor, places)


def with_unit(value: float, unit: str) -> str:
    """A number followed by its unit; dimensionless units ("" or —) are not written."""
    return fmt(value) + ("" if unit in ("", "—") else unit)


def standard_cell(indicator: Indicator, factor: float, places: int = 4) -> str:
    """The 《标准》 column: direction and threshold in the shown unit, — where the 《标准》 sets none."""
    if indicator.state:
        return indicator.state
    if indicator.standard is None:
        return "—"
    return f"{indicator.direction}{fmt(indicator.standard * factor, places)}"


__all__ = [
    "cn_count",
    "cn_cover_month",
    "cn_date",
    "cn_month",
    "cn_number",
    "cn_year",
    "fmt",
    "fmt_fine",
    "shown_unit",
    "shown_value",
    "standard_cell",
    "with_unit",
]


def period(project: Project) -> str:
    """A project's period as the tables write it: 2021—2023年, or 2022年 within one year."""
    return f"{project.start}—{project.end}年" if project.end != project.start else f"{project.start}年"
