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
