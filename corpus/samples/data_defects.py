"""Seeded defects in the package's numbers: a rate that does not follow from its raw numerator and
denominator, a growth rate that does not follow from the yearly values, 近三年 economic data that
covers fewer years. Never imports `extractors`.
"""

from __future__ import annotations

from corpus.samples.paperwork import has_raw_data
from corpus.samples.seeding import ACCEPTANCE, DefectContext, DefectFn, Seeded, copy_source, seed


def rate_mismatch(ctx: DefectContext, name: str) -> list[Seeded]:
    """The data support misstates one rate's numerator in the last year of the 评价时段."""
    report = ctx.drafts.report
    victim = ctx.rng.choice([i for i in report.indicators if has_raw_data(i)])
    report.miscomputed.add(victim.name)
    return [seed(ACCEPTANCE, "arithmetic.rate_mismatch", "data_support", victim.name, name)]


def economic_years_short(ctx: DefectContext, name: str) -> list[Seeded]:
    """The 经济状况 says 近三年 but gives two years."""
    ctx.drafts.report.economy_years = 2
    return [seed(ACCEPTANCE, "timeline.economic_years", "acceptance_report", "economic_years", name)]


def growth_mismatch(ctx: DefectContext, name: str) -> list[Seeded]:
    """The stated average growth of 工业增加值 is off by 1.5–3 percentage points."""
    ctx.drafts.report.growth_error = ctx.rng.choice((-1, 1)) * round(ctx.rng.uniform(1.5, 3.0), 1)
    return [seed(ACCEPTANCE, "arithmetic.growth_mismatch", "acceptance_report", "工业增加值", name)]


# What leaves a park's 经济状况 table other than three years under the park's own name: the source
# of a copied table is a park whose report has it so.
_NO_FULL_ECONOMY_TABLE = frozenset({"report_missing_section", "economic_years_short", "park_renamed"})


def report_copied_numbers(ctx: DefectContext, name: str) -> list[Seeded]:
    """The 经济状况 table (表1-1) is an earlier park's, figure for figure, under this park's years."""
    source = copy_source(ctx, _NO_FULL_ECONOMY_TABLE)
    ctx.drafts.report.copied_economy = source.economy
    return [seed(ACCEPTANCE, "integrity.copied_numbers", "acceptance_report", source.identity.name, name)]


# A report without its 经济状况 shows neither economic defect; one economic defect per report.
_ECONOMY_CLASH = frozenset({"report_missing_section", "economic_years_short", "growth_mismatch"})
# name -> (function, package it is drawn for, defects it cannot be combined with)
CATALOGUE: dict[str, tuple[DefectFn, str, frozenset[str]]] = {
    "rate_mismatch": (rate_mismatch, "acceptance", frozenset({"acceptance_missing_document"})),
    "economic_years_short": (
        economic_years_short,
        "acceptance",
        frozenset({"report_missing_section", "growth_mismatch", "report_copied_numbers"}),
    ),
    "growth_mismatch": (
        growth_mismatch,
        "acceptance",
        frozenset({"report_missing_section", "economic_years_short", "report_copied_numbers"}),
    ),
    "report_copied_numbers": (
        report_copied_numbers,
        "acceptance",
        frozenset({"report_missing_section", "economic_years_short", "growth_mismatch"}),
    ),
}
