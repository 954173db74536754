"""The HJ 274-2015 indicator catalogue: it loads, its ids and names are unique, names and aliases
match, near-misses do not, and a broken data file fails naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.facts.catalogue import (
    DEFAULT_STANDARD,
    CatalogueError,
    CatalogueIndicator,
    load_standard,
    match_indicator,
    normalise,
)

STANDARD = load_standard()


def test_catalogue_loads_with_its_five_categories():
    assert STANDARD.code == "HJ 274-2015"
    assert [c.name for c in STANDARD.categories] == ["经济发展", "产业共生", "资源节约", "环境保护", "信息公开"]
    assert len(STANDARD.indicators) >= 25
    assert {i.category for i in STANDARD.indicators} == {c.id for c in STANDARD.categories}


def test_every_id_and_every_normalised_name_is_unique():
    ids = [i.id for i in STANDARD.indicators]
    assert len(ids) == len(set(ids))
    names = [normalise(n, STANDARD.matching) for i in STANDARD.indicators for n in i.names]
    assert len(names) == len(set(names))


def test_indicator_exposes_what_checks_read():
    energy = STANDARD.indicator("energy_intensity")
    assert isinstance(energy, CatalogueIndicator)
    assert (energy.name, energy.unit, energy.direction, energy.threshold) == (
        "单位工业增加值综合能耗",
        "吨标煤/万元",
        "≤",
        0.5,
    )
    assert energy.mandatory is False and energy.group == "energy"
    assert STANDARD.indicator("co2_intensity_reduction").mandatory is True
    assert STANDARD.indicator("wastewater_facility").direction == "具备"
    assert STANDARD.indicator("wastewater_facility").threshold is None


def test_groups_have_enough_members_and_mandatory_indicators_none():
    for group in STANDARD.groups:
        assert len(STANDARD.members(group.id)) >= group.need
    assert all(i.group is None for i in STANDARD.mandatory)
    assert {i.id for i in STANDARD.members("economy_any")} == {
        "high_tech_output_share",
        "value_added_per_capita",
        "value_added_growth",
        "recycling_industry_share",
    }


def test_elasticity_coefficients_depend_on_the_growth_rate():
    rules = {r.case: (r.direction, r.threshold) for r in STANDARD.indicator("energy_elasticity").rules}
    assert rules == {"growth_positive": ("≤", 0.6), "growth_negative": ("≥", 0.6)}
    assert set(STANDARD.cases) >= {"growth_positive", "growth_negative"}


def test_unverified_values_are_marked():
    assert STANDARD.indicator("reclaimed_water_reuse").to_verify
    assert not STANDARD.indicator("energy_intensity").to_verify


@pytest.mark.parametrize(
    ("indicator_id", "written"), [(i.id, n) for i in STANDARD.indicators for n in i.names], ids=lambda v: str(v)
)
def test_every_name_and_alias_matches_its_indicator(indicator_id, written):
    found = match_indicator(written)
    assert found is not None and found.id == indicator_id


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("单位工业增加值能耗（吨标煤/万元）", "energy_intensity"),
        ("园区单位工业增加值综合能耗(tce/万元)", "energy_intensity"),
        ("万元工业增加值综合能耗", "energy_intensity"),
        ("单位工业增加值综合能耗（当量值）", "energy_intensity"),
        ("1.单位工业增加值综合能耗*", "energy_intensity"),
        ("2023年单位工业增加值综合能耗", "energy_intensity"),
        ("ＣＯ２排放", None),
        ("单位工业增加值CO2排放量年均削减率", "co2_intensity_reduction"),
        ("工业用水重复利用率（%）", "water_reuse"),
        ("工业固废综合利用率", "solid_waste_utilisation"),
        ("一般工业固体废物综合利用率", "solid_waste_utilisation"),
        ("工业固体废物（含危险废物）处置利用率", "waste_disposal"),
        ("再生水(中水)回用率", "reclaimed_water_reuse"),
        ("高新技术企业工业总产值占园区工业总产值的比重", "high_tech_output_share"),
        ("园区工业增加值三年年均增长率", "value_added_growth"),
        ("工业增加值年均增长率", "value_added_growth"),
        ("单位工业用地面积工业增加值", "land_output"),
        ("单位工业用地面积工业增加值三年年均增长率", "land_output_growth"),
        ("工业园区重点企业清洁生产审核实施率", "cleaner_production_audit"),
        ("工业园区重点企业环境信息公开率", "disclosure_rate"),
        ("单位工业增加值固废产生量", "solid_waste_intensity"),
    ],
)
def test_written_variants_match(written, expected):
    found = match_indicator(written)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    "written",
    [
        "工业用水量",  # vs 工业用水重复利用率
        "单位工业增加值二氧化碳排放量",  # vs …排放量年均削减率 (ratio 85)
        "单位工业增加值二氧化碳排放量下降率",
        "工业增加值",  # vs 人均工业增加值 (ratio 83)
        "规模以上工业增加值",
        "污水集中处理率",  # vs 污水集中处理设施
        "危险废物安全处置率",
        "单位GDP能耗",
        "主要污染物排放总量",
        "清洁能源使用率",
        "可再生能源使用比例",
        "公众对园区生态环境满意度",
        "环境风险应急预案备案率",
        "集中供热覆盖率",
        "建设用地土地产出率",
        "",
        "率",
    ],
)
def test_near_misses_do_not_match(written):
    assert match_indicator(written) is None


def test_generated_indicators_match_where_the_generator_gives_a_standard_value():
    """The sample generator's 《标准》 values are the catalogue's: a name with a value matches an
    indicator with the same requirement; a name without one (a park's own 特色指标) matches none."""
    from corpus.samples.draw import _CATALOGUE

    for name, _unit, direction, standard, *_ in _CATALOGUE:
        found = match_indicator(name)
        if direction in ("达标", "全部完成", "具备"):  # a qualitative requirement: the same state
            assert found is not None and found.direction == direction, name
        elif standard is None:  # a 特色指标, or a requirement that depends on the region (rules)
            assert found is None or (found.threshold is None and found.rules), name
        else:
            assert found is not None, name
            assert (found.direction, found.threshold) in {(direction, standard), ("=", standard)}, name


# -- broken files ------------------------------------------------------------------------------


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT_STANDARD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (
            'unit = "吨标煤/万元"\ndirection = "≤"\nthreshold = 0.5',
            'unit = "吨标煤/万元"\ndirection = "≤"',
            "energy_intensity",
        ),
        ('group = "energy"', 'group = "energie"', "indicators[energy_intensity].group"),
        ('id = "water_intensity"', 'id = "energy_intensity"', "duplicate id 'energy_intensity'"),
        ('direction = "达标"', 'direction = "达标"\nthreshold = 1', "source_compliance"),
        (
            '{ case = "growth_negative", direction = "≥", threshold = 0.6 }',
            '{ case = "decline", direction = "≥", threshold = 0.6 }',
            "unknown case 'decline'",
        ),
        ('aliases = ["工业人均增加值"]', 'aliases = ["工业用水重复利用率"]', "indicators[value_added_per_capita]"),
        ('category = "disclosure"\nunit = "%"', 'category = "publicity"\nunit = "%"', "unknown category 'publicity'"),
        ('direction = "具备"', 'direction = "有"', "wastewater_facility"),
        ('id = "info_platform"', 'id = "info_platform"\ncolour = "green"', "indicators[info_platform].colour"),
        ('need = 1\nnote = "4项', 'need = 5\nnote = "4项', "groups[economy_any].need"),
    ],
)
def test_a_broken_file_fails_naming_file_and_key(tmp_path, old, new, key):
    path = _broken(tmp_path, old, new)
    with pytest.raises(CatalogueError) as raised:
        load_standard(path)
    assert str(path) in str(raised.value)
    assert key in str(raised.value)


def test_invalid_toml_and_missing_file_fail_clearly(tmp_path):
    path = _broken(tmp_path, 'code = "HJ 274-2015"', 'code = "HJ 274-2015')
    with pytest.raises(CatalogueError, match="not valid TOML"):
        load_standard(path)
    with pytest.raises(CatalogueError, match="cannot be read"):
        load_standard(tmp_path / "absent.toml")


def test_a_provincial_standard_is_another_file(tmp_path):
    path = tmp_path / "shandong.toml"
    path.write_text(
        """
id = "sd_2019"
code = "山东省省级生态工业园区考核标准"
name = "山东省省级生态工业园区考核标准"
scope = "provincial"
region = "山东省"

[[categories]]
id = "economy"
name = "经济发展"

[[groups]]
id = "economy_any"
category = "economy"
need = 1
note = "2项指标至少选择1项达标"

[[indicators]]
id = "high_tech_output_share"
name = "园区高新技术产业产值占规模以上工业总产值比例"
category = "economy"
unit = "%"
direction = "≥"
threshold = 45
group = "economy_any"

[[indicators]]
id = "value_added_per_capita"
name = "人均工业增加值"
category = "economy"
unit = "万元/人"
direction = "≥"
threshold = 15
group = "economy_any"
""",
        encoding="utf-8",
    )
    provincial = load_standard(path)
    assert provincial.scope == "provincial" and provincial.region == "山东省"
    found = match_indicator("高新技术产业产值占规模以上工业总产值比例", provincial)
    assert found is not None and found.threshold == 45
    assert match_indicator("单位工业增加值综合能耗", provincial) is None
