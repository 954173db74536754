"""The corpus commands of the CLI: `eipcheck ingest`, `eipcheck search`, `eipcheck similar`, and the
`--against` lookup `eipcheck review` uses. Output is Chinese for people, or JSON with `--json`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click

from corpus.db import Corpus, open_corpus


def against_option(function):
    """`--against CORPUS`: an SQLAlchemy URL or a data directory."""
    return click.option(
        "--against",
        "against",
        default=None,
        metavar="CORPUS",
        help="与语料库（数据目录或数据库 URL）比对，查找与其他园区材料雷同的段落。",
    )(function)


def corpus_lookup(target: str | None):
    """The `against` callable for `review_paths`, or None without a corpus."""
    if not target:
        return None
    from corpus.matches import package_matches

    corpus = _open(target)

    def lookup(package):
        with corpus.session() as session:
            return package_matches(session, package)

    return lookup


def _open(target: str | None) -> Corpus:
    if target and "://" not in target and not Path(target).is_dir():
        raise click.BadParameter(f"语料库不存在：{target}", param_hint="--against/--db")
    return open_corpus(target)


_DB = click.option("--db", default=None, metavar="CORPUS", help="语料库（数据目录或数据库 URL），默认按环境变量。")
_JSON = click.option("--json", "as_json", is_flag=True, help="输出 JSON。")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_DB
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="审查基准日期（默认今天）。")
@_JSON
def ingest(paths: tuple[Path, ...], db: str | None, today, as_json: bool) -> None:
    """将材料包（文件、文件夹或 zip，每个文件夹或 zip 为一个材料包）审查后存入语料库；重复入库不产生变化。"""
    from service.ingest import find_packages
    from service.ingest import ingest as run

    corpus = open_corpus(db) if db else open_corpus()
    sources = find_packages(list(paths))
    outcomes = run(corpus, sources, today=today.date() if today else date.today(), progress=sys.stderr.isatty())
    if as_json:
        click.echo(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=2))
        return
    labels = {"stored": "已入库", "skipped": "已存在，跳过", "empty": "无文件"}
    for o in outcomes:
        detail = (
            f"：{o.park or '未识别园区'}，{o.documents} 份文件，{o.findings} 条审查意见" if o.status == "stored" else ""
        )
        click.echo(f"{labels[o.status]} {o.source}{detail}")
    stored = sum(o.status == "stored" for o in outcomes)
    click.echo(f"共 {len(outcomes)} 个材料包，新入库 {stored} 个。")


@click.command()
@click.argument("query")
@_DB
@click.option("--park", default=None, help="园区名称。")
@click.option("--province", default=None, help="省份（如 江苏省）。")
@click.option("--kind", default=None, help="文件类型（如 acceptance_report）。")
@click.option("--stage", default=None, type=click.Choice(["application", "acceptance", "annual", "change", "unknown"]))
@click.option("--year", default=None, type=int, help="材料年份。")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@_JSON
def search(query: str, db: str | None, park, province, kind, stage, year, limit: int, as_json: bool) -> None:
    """在语料库全文中检索（中文分词），按相关度列出段落、页码和高亮摘要。"""
    from corpus.search import SearchFilters
    from corpus.search import search as run

    corpus = _open(db) if db else open_corpus()
    with corpus.session() as session:
        hits = run(session, query, SearchFilters(park, province, kind, stage, year), limit=limit)
    if as_json:
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("未找到匹配的段落。")
    for h in hits:
        page = f"第 {h.page} 页" if h.page else "无页码"
        click.echo(f"{h.park or '未识别园区'}（{h.year or '年份不详'}）《{h.document}》{page}：{h.snippet}")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_DB
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 200))
@_JSON
def similar(file: Path, db: str | None, limit: int, as_json: bool) -> None:
    """列出语料库中与该文件最相似的文件和段落。"""
    from checks.submission import park_name
    from corpus.neardup import Probe
    from corpus.neardup import similar as run
    from corpus.text import document_passages
    from extractors.limits import ReadLimits
    from extractors.reader import read_document

    document = read_document(file.read_bytes(), file.name, ReadLimits.from_env())
    if document.error:
        raise click.ClickException(f"{file.name} 无法读取：{document.error}")
    probes = [Probe(file.name, p.page, p.text) for p in document_passages(document) if not p.in_table]
    corpus = _open(db) if db else open_corpus()
    with corpus.session() as session:
        documents, passages = run(session, probes, park_name([document]), [document.sha256])
    documents, passages = documents[:limit], passages[:limit]
    if as_json:
        out = {"documents": [asdict(d) for d in documents], "passages": [asdict(p) for p in passages]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not documents:
        click.echo("语料库中没有相似的文件。")
        return
    click.echo("相似文件：")
    for d in documents:
        share = f"{d.passages} 段相似（占 {d.share:.0%}），平均相似度 {d.similarity:.0%}"
        click.echo(f"  {d.park or '未识别园区'}《{d.document}》：{share}")
    click.echo("相似段落：")
    for p in passages:
        where = f"第 {p.page} 页" if p.page else "无页码"
        there = f"第 {p.other_page} 页" if p.other_page else "无页码"
        click.echo(f"  [{p.similarity:.0%}] 本文件{where}“{p.text[:60]}”")
        click.echo(f"         {p.park or '未识别园区'}《{p.document}》{there}“{p.other_text[:60]}”")
