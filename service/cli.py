"""The `eipcheck` command line. Exit status (the contract): 0 the review ran, 2 bad usage or an
input that cannot be read at all, 1 an internal failure. JSON goes to stdout, logs to stderr.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import click

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
def review(paths: tuple[Path, ...], as_json: bool, today) -> None:
    """审查一个申报材料包（文件、文件夹或 zip 压缩包）。"""
    result = review_paths(list(paths), today=today.date() if today else date.today())
    click.echo(to_json(result) if as_json else render(result))
    for error in result.errors:
        click.echo(f"eipcheck: {error.message}", err=True)
    if result.errors:
        sys.exit(2)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """启动审查服务（HTTP API）。"""
    import uvicorn

    uvicorn.run("service.app:create_app", factory=True, host=host, port=port)


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
