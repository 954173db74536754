"""A park's consistent yearly state: economic amounts that grow by the rates the documents state,
so a clean report's 经济状况 adds up and a seeded error is the only thing that does not.
Never imports `extractors`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class EconomyState:
    """The economy from the evaluation's last year backwards: amounts in 亿元 and yearly growth in %."""

    gdp: float  # 地区生产总值 in the last year
    output_share: float  # 工业总产值 ÷ 地区生产总值
    added_share: float  # 工业增加值 ÷ 地区生产总值
    growth: tuple[float, ...]  # yearly growth, oldest first (the last is the last year's 同比)

    def series(self, years: int, share: float = 1.0) -> list[float]:
        """The amounts of the last `years` years, oldest first, rounded as documents write them (1 decimal).

        Growth is applied to the rounded amounts, so the rates stated from them recompute exactly.
        """
        values = [self.gdp * share]
        for rate in reversed(self.growth[len(self.growth) - years + 1 :]):
            values.insert(0, values[0] / (1 + rate / 100))
        return [round(v, 1) for v in values]


def growth_of(values: list[float]) -> float:
    """The average yearly growth (%) from the first amount to the last, rounded to 1 decimal."""
    n = len(values) - 1
    return round(((values[-1] / values[0]) ** (1 / n) - 1) * 100, 1)


def draw_economy(rng: random.Random) -> EconomyState:
    """A plausible economy: 180–900 亿元 of GDP, growing 5–9.5% a year."""
    return EconomyState(
        gdp=rng.uniform(180, 900),
        output_share=rng.uniform(2.6, 3.2),
        added_share=rng.uniform(0.62, 0.75),
        growth=tuple(rng.uniform(5.0, 9.5) for _ in range(4)),
    )


__all__ = ["EconomyState", "draw_economy", "growth_of"]
