"""Speed of the review against the named baseline, side by side in one run.

Builds (once, cached in bench/out/) a ~200-page acceptance report and a ~60-page implementation
plan as DOCX → PDF by LibreOffice, then times each, as medians over --repeat runs:
  pdfplumber   pdfplumber alone extracting the text of every page (the naive baseline)
  pypdfium2    pypdfium2 alone extracting the text of every page (the floor)
  review       the full `eipcheck review` of that one file: read, segment, classify, map the
               outline, read forms and facts, run every check (jieba and spaCy already loaded:
               their one-off load is timed and printed separately)
and prints the ratios: review ÷ pdfplumber (goal ≤ 0.5) and review ÷ pypdfium2 (the gap to the
floor). Then the batch rate: pages per second of `eipcheck review` over the sample corpus (every
package of bench/out/corpus-p10-s1, the accuracy bench's cache, PDFs only; generated with 3 parks
when absent). `eipcheck ingest` belongs to the corpus (issue #6); this measures the review it runs.

Usage: python bench/speed.py [--pages 200 --plan-pages 60] [--repeat 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import date
from pathlib import Path

import pdfplumber
import pypdfium2

from corpus.samples.writer import DocxWriter, convert_to_pdf
from extractors.facts.nlp import pipeline
from extractors.pdf_schedule import worker_count
from service.review import review_paths

OUT = Path(__file__).parent / "out"
TODAY = date(2026, 12, 1)
PARAGRAPH = (
    "园区坚持以减污降碳协同增效为总抓手，统筹推进产业结构调整、资源能源节约和污染防治，"
    "单位工业增加值综合能耗由2020年的0.52吨标煤/万元下降到2023年的0.41吨标煤/万元，"
    "工业固体废物综合利用率达到91.2%，工业用水重复利用率达到92.6%，各项指标均达到《标准》要求。"
)
KINDS = {
    "report": ("验收报告", ["建设情况分析", "指标完成情况", "重点任务完成情况", "支撑项目实施情况", "特色亮点"]),
    "plan": ("建设实施方案", ["园区概况及创建基础", "总体方案", "重点任务", "支撑项目", "指标可达性分析"]),
}


def build_document(kind: str, pages: int) -> Path:
    """A long document: chapters of text with a 30-row indicator table every third section."""
    title, chapters = KINDS[kind]
    target = OUT / f"{kind}_{pages}p.pdf"
    if target.exists():
        return target
    doc = DocxWriter(header_text=f"某某经济技术开发区生态工业园区{title}")
    doc.title_page(["某某经济技术开发区", "生态文明建设示范区（生态工业园区）", title])
    sections = max(1, int(pages * 0.72))  # measured: ~1.4 pages per section
    for n in range(1, sections + 1):
        if n % 5 == 1:
            doc.heading(f"第{n // 5 + 1}章 {chapters[(n // 5) % len(chapters)]}", 1)
        else:
            doc.heading(f"（{n % 5}）专题分析{n}", 2)
        for _ in range(6):
            doc.paragraph(PARAGRAPH)
        if n % 3 == 0:
            rows = [["序号", "指标名称", "单位", "基准值", "目标值", "现状值"]]
            rows += [[str(i), f"指标{i}", "%", "80", "90", "91.5"] for i in range(1, 31)]
            doc.table(rows, caption=f"表{n}-1 指标达标情况")
    docx = doc.save(OUT / f"{kind}_{pages}p.docx")
    return convert_to_pdf([docx], OUT)[0]


def _plumber(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def _pdfium(path: Path) -> None:
    pdf = pypdfium2.PdfDocument(str(path))
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def _review(path: Path) -> None:
    result = review_paths([path], today=TODAY)
    assert result.submission.documents[0].readable, result.submission.documents[0].error


def _median(fn, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _compare(path: Path, repeat: int) -> None:
    with pdfplumber.open(path) as pdf:
        n_pages = len(pdf.pages)
    results = {
        name: _median(fn, path, repeat)
        for name, fn in (("pdfplumber", _plumber), ("pypdfium2", _pdfium), ("review", _review))
    }
    base, floor = results["pdfplumber"], results["pypdfium2"]
    print(f"\n{path.name}: {n_pages} pages, median of {repeat}, {worker_count(n_pages)} page worker(s)")
    print("| reader | seconds | pages/s | × pdfplumber | × pypdfium2 |\n| --- | ---: | ---: | ---: | ---: |")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.2f} | {n_pages / seconds:.1f} | {seconds / base:.2f} | {seconds / floor:.1f} |")
    verdict = "meets" if results["review"] <= 0.5 * base else "MISSES"
    print(f"review ÷ pdfplumber = {results['review'] / base:.2f} ({verdict} the ≤ 0.5 goal)")


def _packages(corpus: Path) -> list[list[Path]]:
    return [sorted(folder.glob("*.pdf")) for folder in sorted(corpus.glob("park-*/*")) if folder.is_dir()]


def _batch(corpus: Path) -> None:
    if not corpus.exists():
        from corpus.samples.generate import generate

        corpus = OUT / "corpus-p3-s1"
        if not corpus.exists():
            generate(corpus, 3, 1)
    packages = [p for p in _packages(corpus) if p]
    pages = 0
    start = time.perf_counter()
    for package in packages:
        result = review_paths(package, today=TODAY)
        pages += sum(d.pages or 0 for d in result.submission.documents)
    seconds = time.perf_counter() - start
    files = sum(len(p) for p in packages)
    print(f"\nbatch: `eipcheck review` over {corpus.name}: {len(packages)} packages, {files} PDFs, {pages} pages")
    print(f"{seconds:.1f} s, {pages / seconds:.1f} pages/s, {seconds / len(packages):.2f} s per package (one process)")


def main() -> None:
    """Build the documents if needed and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--plan-pages", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=OUT / "corpus-p10-s1")
    parser.add_argument("--no-batch", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    report, plan = build_document("report", args.pages), build_document("plan", args.plan_pages)
    load = time.perf_counter()
    pipeline()  # jieba's dictionary and spaCy: once per process
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    print(f"jieba + spaCy load (once per process, not in the medians): {time.perf_counter() - load:.2f} s")
    _review(plan)  # warm the remaining caches (outlines, catalogue, matchers)
    for path in (report, plan):
        _compare(path, args.repeat)
    if not args.no_batch:
        _batch(args.corpus)
    print(f"\nload average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
