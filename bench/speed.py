"""Speed of the review against the named baseline, side by side in one run.

Builds (once, cached in bench/out/) an acceptance report of about PAGES pages as DOCX → PDF by
LibreOffice, then times, as medians over --repeat runs:
  pdfplumber   pdfplumber alone extracting the text of every page (the naive baseline)
  pypdfium2    pypdfium2 alone extracting text (the floor)
  review       eipcheck's full read of the document (read, segment, classify, map, forms)
and prints the ratios. Usage: python bench/speed.py [--pages 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pdfplumber
import pypdfium2

from corpus.samples.writer import DocxWriter, convert_to_pdf
from extractors.reader import read_document

OUT = Path(__file__).parent / "out"
PARAGRAPH = (
    "园区坚持以减污降碳协同增效为总抓手，统筹推进产业结构调整、资源能源节约和污染防治，"
    "单位工业增加值综合能耗由2020年的0.52吨标煤/万元下降到2023年的0.41吨标煤/万元，"
    "工业固体废物综合利用率达到91.2%，工业用水重复利用率达到92.6%，各项指标均达到《标准》要求。"
)


def build_report(pages: int) -> Path:
    """A long report: chapters of text with a 30-row indicator table every few sections."""
    target = OUT / f"report_{pages}p.pdf"
    if target.exists():
        return target
    doc = DocxWriter(header_text="某某经济技术开发区生态工业园区验收报告")
    doc.title_page(["某某经济技术开发区", "生态文明建设示范区（生态工业园区）", "验收报告"])
    sections = max(1, int(pages * 0.72))  # measured: ~1.4 pages per section
    for n in range(1, sections + 1):
        doc.heading(f"第{n}章 建设情况分析{n}", 1) if n % 5 == 1 else doc.heading(f"（{n % 5}）专题分析{n}", 2)
        for _ in range(6):
            doc.paragraph(PARAGRAPH)
        if n % 3 == 0:
            rows = [["序号", "指标名称", "单位", "基准值", "目标值", "现状值"]]
            rows += [[str(i), f"指标{i}", "%", "80", "90", "91.5"] for i in range(1, 31)]
            doc.table(rows, caption=f"表{n}-1 指标达标情况")
    docx = doc.save(OUT / f"report_{pages}p.docx")
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
    read_document(path.read_bytes(), path.name)


def _median(fn, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Build the report if needed and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = build_report(args.pages)
    with pdfplumber.open(path) as pdf:
        n_pages = len(pdf.pages)
    results = {
        name: _median(fn, path, args.repeat)
        for name, fn in (("pdfplumber", _plumber), ("pypdfium2", _pdfium), ("review", _review))
    }
    base = results["pdfplumber"]
    print(f"{path.name}: {n_pages} pages, median of {args.repeat}")
    print(f"{'reader':<12}{'seconds':>10}{'pages/s':>10}{'× pdfplumber':>14}")
    for name, seconds in results.items():
        print(f"{name:<12}{seconds:>10.2f}{n_pages / seconds:>10.1f}{seconds / base:>14.2f}")


if __name__ == "__main__":
    main()
