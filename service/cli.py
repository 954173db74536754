"""The `eipcheck` command line. Exit status (the contract): 0 the review ran, 2 bad usage or an
input that cannot be read at all, 1 an internal failure. JSON goes to stdout, logs to stderr.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import click

from service import corpus_cli
from service.review import review_paths
from service.review_json import to_json
from service.summary import render


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="在标准错误输出中显示处理进度。")
def cli(verbose: bool) -> None:
    """eipcheck：生态工业园区申报材料审查工具。"""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="按 eipcheck.review/1 格式输出 JSON。")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="审查基准日期（默认今天）。")
@corpus_cli.against_option
def review(paths: tuple[Path, ...], as_json: bool, today, against: str | None) -> None:
    """审查一个申报材料包（文件、文件夹或 zip 压缩包）。"""
    lookup = corpus_cli.corpus_lookup(against)
    result = review_paths(list(paths), today=today.date() if today else date.today(), against=lookup)
    click.echo(to_json(result) if as_json else render(result))
    for error in result.errors:
        click.echo(f"eipcheck: {error.message}", err=True)
    if result.errors:
        sys.exit(2)


@cli.command()
@click.argument("out", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="按 eipcheck.review/1 格式输出 JSON。")
def demo(out: Path | None, as_json: bool) -> None:
    """生成示例材料包（实施方案、验收报告、验收申请表）并审查其 PDF 版本。"""
    import shutil
    import tempfile

    from corpus.samples.fixtures import write_package

    folder = out or Path(tempfile.mkdtemp(prefix="eipcheck-demo-"))
    has_office = bool(shutil.which("soffice") or shutil.which("libreoffice"))
    written = write_package(folder, pdf=has_office)
    files = written.get("pdf") or written["docx"]
    how = "PDF 由 LibreOffice 转换" if has_office else "未安装 LibreOffice，仅 DOCX"
    click.echo(f"示例材料包已写入 {folder}（{how}）", err=True)
    result = review_paths(files, today=date.today())
    click.echo(to_json(result) if as_json else render(result))


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--parks", default=10, show_default=True, type=click.IntRange(1, 500), help="园区数量。")
@click.option("--seed", default=1, show_default=True, type=int, help="随机种子（相同种子生成相同内容）。")
@click.option("--no-pdf", is_flag=True, help="只生成 DOCX，不用 LibreOffice 转换 PDF。")
def samples(out: Path, parks: int, seed: int, no_pdf: bool) -> None:
    """生成带已知缺陷的示例申报材料库（每个园区含创建申请包和验收包，旁附 truth.json）。"""
    from corpus.samples.generate import generate

    folders = generate(out, parks, seed, pdf=not no_pdf)
    click.echo(f"已生成 {len(folders)} 个园区的示例材料：{out}")


@cli.command(name="checks")
def list_checks() -> None:
    """列出全部审查规则（Markdown 表格，README 中的规则表由此生成）。"""
    click.echo(checks_table())


def checks_table() -> str:
    """The README's table of checks, generated from the registry so it cannot drift."""
    from checks import REGISTRY

    rows = ["| 规则 id | 严重程度 | 依据 | 说明 |", "| --- | --- | --- | --- |"]
    rows += [f"| `{c.id}` | {c.severity.value} | {c.basis} | {c.summary} |" for c in REGISTRY]
    return "\n".join(rows)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="先载入生成的示例材料库并创建各角色的演示账号。")
@click.option("--demo-parks", default=4, show_default=True, type=click.IntRange(1, 40), help="示例园区数量。")
def serve(host: str, port: int, demo: bool, demo_parks: int) -> None:
    """启动审查服务（网页界面与 HTTP API；默认 SQLite 与进程内任务执行）。"""
    import uvicorn

    from service.app import create_app
    from service.settings import Settings

    settings = Settings.from_env()
    app = create_app(settings)
    if demo:
        from service.demo import load_demo

        logins = load_demo(app.state.engine, settings, parks=demo_parks, say=lambda m: click.echo(m, err=True))
        click.echo(f"\n打开 http://{host}:{port}/ ，可用以下演示账号登录：")
        for login in logins:
            click.echo(f"  {login.username:<10} 密码 {login.password:<15} {login.what}")
    click.echo(f"数据目录：{settings.data_dir}；任务执行：{settings.worker}", err=True)
    uvicorn.run(app, host=host, port=port)


@cli.command(name="user")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(["park", "reviewer", "auditor", "admin"]), help="角色。")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True, help="密码。")
@click.option("--name", "display_name", default=None, help="显示名称。")
@click.option("--park", default=None, help="园区用户所属园区名称（不存在时创建）。")
@click.option("--province", default=None, help="审查人员负责的省份（不填为全国）。")
def user_command(
    username: str, role: str, password: str, display_name: str | None, park: str | None, province: str | None
) -> None:
    """创建或更新一个用户。"""
    from sqlmodel import Session

    from service.db import engine_for
    from service.settings import Settings
    from service.tables import Role
    from service.users import add_user, park_named

    with Session(engine_for(Settings.from_env())) as session:
        park_id = park_named(session, park, province).id if park else None
        user = add_user(
            session,
            username,
            password,
            Role(role),
            display_name=display_name,
            park_id=park_id,
            province=province if role == "reviewer" else None,
        )
    click.echo(f"已保存用户 {user.username}（{role}）")


for _command in (corpus_cli.ingest, corpus_cli.search, corpus_cli.similar):
    cli.add_command(_command)


def main() -> None:
    """Console entry point: internal failures exit 1 with a message, never a bare traceback."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except SystemExit:
        raise
    except Exception as exc:  # the contract's exit 1
        logging.getLogger("eipcheck").exception("内部错误")
        click.echo(f"eipcheck: 内部错误：{type(exc).__name__}: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
