"""Copied data tables: a table whose figures another park already reported is found; the 《标准》's
thresholds that every park's table quotes are not; a park's own table of another year is."""

from __future__ import annotations

import hashlib

from checks.integrity import copied_numbers
from checks.model import CheckContext
from checks.submission import build_submission
from corpus import tables as t
from corpus.numbers import package_number_matches
from corpus.store import get_park, store_document
from extractors.model import RawDocument, Table, TableCell, TextBlock
from extractors.reader import analyse

PARKS = ["临江经济技术开发区", "青山高新技术产业开发区", "南湖工业园区", "北塘经济开发区"]
HEADER = ["序号", "指标名称", "单位", "《标准》要求", "基准值", "现状值"]
STANDARD = [
    ("单位工业增加值综合能耗", "吨标煤/万元", "≤0.5"),
    ("单位工业增加值新鲜水耗", "立方米/万元", "≤9"),
    ("工业用水重复利用率", "%", "≥75"),
    ("工业固体废物综合利用率", "%", "≥72"),
    ("单位工业增加值二氧化碳排放量", "吨/万元", "≤1.58"),
]


def _values(seed: int) -> list[tuple[str, str]]:
    return [
        (f"{0.41 + seed * 0.013 + i * 0.7:.2f}", f"{0.38 + seed * 0.011 + i * 0.9:.2f}") for i in range(len(STANDARD))
    ]


def _table(values: list[tuple[str, str]], page: int) -> Table:
    rows = [HEADER] + [[str(i + 1), *STANDARD[i], *values[i]] for i in range(len(STANDARD))]
    cells = tuple(TableCell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row))
    return Table(cells, len(rows), len(HEADER), page=page, row_pages=tuple(page for _ in rows))


def _document(park: str, values: list[tuple[str, str]], year: int = 2025):
    blocks = (
        TextBlock(f"{park}生态工业园区创建验收报告", page=1),
        TextBlock(f"{year}年9月", page=1),
        TextBlock("三、《标准》符合性评价", page=5),
        TextBlock("表3-1 园区指标完成情况", page=5),
        _table(values, 5),
    )
    raw = RawDocument("验收报告.pdf", hashlib.sha256(f"{park}{values}{year}".encode()).hexdigest(), "pdf", 9, blocks)
    return analyse(raw)


def _store(corpus, park: str, values, key: int, year: int) -> None:
    with corpus.session() as session:
        row = get_park(session, park, None)
        submission = t.Submission(park_id=row.id, package_key=f"{key:064d}", stage="acceptance", year=year)
        session.add(submission)
        session.flush()
        store_document(session, corpus.data_dir, submission.id, park, _document(park, values, year), b"")
        session.commit()


def _matches(corpus, park: str, values):
    package = build_submission([_document(park, values)])
    with corpus.session() as session:
        return package, package_number_matches(session, package)


def test_a_table_copied_from_another_park_is_found(corpus):
    for index in range(3):
        _store(corpus, PARKS[index], _values(index), index, 2022)
    package, matches = _matches(corpus, PARKS[3], _values(1))
    assert [(m.other_park, m.kind, m.page, m.other_page) for m in matches] == [(PARKS[1], "numbers", 5, 5)]
    assert matches[0].run >= 7
    findings = list(
        copied_numbers.run(package, CheckContext(today=__import__("datetime").date(2026, 1, 1), corpus_matches=matches))
    )
    assert [(f.rule, f.subject) for f in findings] == [("integrity.copied_numbers", PARKS[1])]
    assert findings[0].evidence[0].quote != "" and findings[0].evidence[1].document.startswith(PARKS[1])


def test_the_standards_thresholds_every_park_quotes_are_not_a_copy(corpus):
    for index in range(3):
        _store(corpus, PARKS[index], _values(index), index, 2022)
    _, matches = _matches(corpus, PARKS[3], _values(3))
    assert matches == ()


def test_the_same_table_in_the_parks_own_report_of_another_year(corpus):
    _store(corpus, PARKS[0], _values(0), 0, 2021)
    _, matches = _matches(corpus, PARKS[0], _values(0))
    assert [(m.other_park, m.other_year) for m in matches] == [(PARKS[0], 2021)]


def _indicator_table(rows: list[list[str]], page: int = 6) -> Table:
    header = ["序号", "指标名称", "单位", "标准值", "基准值", "现状值", "目标值", "达标情况"]
    body = [header] + [[str(i + 1), *row, "达标"] for i, row in enumerate(rows)]
    cells = tuple(TableCell(text, r, c) for r, row in enumerate(body) for c, text in enumerate(row))
    return Table(cells, len(body), len(header), page=page, row_pages=tuple(page for _ in body))


def _report(park: str, table: Table, year: int = 2025):
    blocks = (
        TextBlock(f"{park}生态工业园区创建验收报告", page=1),
        TextBlock(f"{year}年9月", page=1),
        TextBlock("表3-1 园区指标完成情况", page=table.page),
        table,
    )
    raw = RawDocument("验收报告.pdf", hashlib.sha256(f"{park}{table}{year}".encode()).hexdigest(), "pdf", 9, blocks)
    return analyse(raw)


def _store_report(corpus, park: str, document, key: int, year: int = 2024) -> None:
    with corpus.session() as session:
        row = get_park(session, park, None)
        submission = t.Submission(park_id=row.id, package_key=f"{key:064d}", stage="acceptance", year=year)
        session.add(submission)
        session.flush()
        store_document(session, corpus.data_dir, submission.id, park, document, b"")
        session.commit()


def _indicators(water: tuple[str, str], energy: tuple[str, str], added: tuple[str, str]) -> list[list[str]]:
    """The 《标准》's thresholds, the template's round targets, and the park's own measured figures."""
    return [
        ["工业用水重复利用率", "%", "≥75", *water, "92"],
        ["人均工业增加值", "万元/人", "≥15", *added, "30"],
        ["单位工业增加值综合能耗", "吨标煤/万元", "≤0.5", *energy, "0.45"],
        ["单位工业增加值新鲜水耗", "立方米/万元", "≤8", "7.6", "6.7", "7"],
        ["工业固体废物综合利用率", "%", "≥70", "85", "90", "90"],
    ]


def test_thresholds_round_targets_and_one_coinciding_indicator_are_not_a_copy(corpus):
    """Two parks quote the same 《标准》 values and template targets, and one indicator's baseline
    and current value happen to agree: no run of the other park's own figures is repeated."""
    other = _report(PARKS[0], _indicator_table(_indicators(("87.7", "91.2"), ("0.48", "0.41"), ("21.4", "26.3"))))
    _store_report(corpus, PARKS[0], other, 0)
    ours = _report(PARKS[1], _indicator_table(_indicators(("87.7", "91.2"), ("0.48", "0.41"), ("19.6", "24.8"))))
    with corpus.session() as session:
        assert package_number_matches(session, build_submission([ours])) == ()


ECONOMY = [["地区生产总值（亿元）", "412.6", "447.3", "489.5"], ["工业总产值（亿元）", "903.8", "981.2", "1075.4"]]


def _economy_table(rows: list[list[str]], years=(2022, 2023, 2024)) -> Table:
    body = [["指标", *(f"{y}年" for y in years)], *rows]
    cells = tuple(TableCell(text, r, c) for r, row in enumerate(body) for c, text in enumerate(row))
    return Table(cells, len(body), len(body[0]), page=3, row_pages=tuple(3 for _ in body))


def test_a_copied_economy_table_is_found(corpus):
    """表1-1 主要经济指标 of another park's report, under this park's own years: a copy."""
    own = [["地区生产总值（亿元）", "215.7", "233.1", "250.9"], ["工业总产值（亿元）", "388.2", "420.6", "455.3"]]
    _store_report(corpus, PARKS[0], _report(PARKS[0], _economy_table(ECONOMY, (2021, 2022, 2023))), 0, 2024)
    _store_report(corpus, PARKS[2], _report(PARKS[2], _economy_table(own, (2021, 2022, 2023))), 2, 2024)
    package = build_submission([_report(PARKS[1], _economy_table(ECONOMY))])
    with corpus.session() as session:
        matches = package_number_matches(session, package)
    assert [(m.other_park, m.kind) for m in matches] == [(PARKS[0], "numbers")]
    assert matches[0].run == 6


def test_evidence_figures_leave_out_years_counts_round_numbers_thresholds_and_restatements():
    from corpus.text import evidence, figures

    stated = ["2019", "939", "1000", "93.9", "12", "75", "0.5", "0.48", "1250", "412.6", "412.6", "100"]
    assert [stated[i] for i in evidence(stated)] == ["939", "1250", "412.6"]
    assert figures("2024年园区工业增加值412.6亿元，同比增长8.5%，达到《标准》要求的15万元/人") == ["412.6"]
