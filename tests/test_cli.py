"""The command line's promises: usage errors exit 2 with a message, the README's check table is
generated from the registry and current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from service.cli import checks_table

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "service.cli", *args], capture_output=True, text=True, timeout=120)


def test_readme_check_table_is_generated_from_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    between = readme.split("<!-- checks-table -->\n", 1)[1].split("<!-- /checks-table -->", 1)[0]
    assert between.strip() == checks_table().strip()


def test_missing_path_is_a_usage_error_with_json_still_printed(tmp_path):
    done = _run("review", "--json", str(tmp_path / "不存在.pdf"))
    assert done.returncode == 2
    review = json.loads(done.stdout)
    assert review["errors"][0]["message"].startswith("找不到文件或目录")
    assert "不存在.pdf" in done.stderr


def test_no_path_is_a_usage_error():
    done = _run("review")
    assert done.returncode == 2
    assert "PATHS" in done.stderr


def test_json_is_utf8_not_ascii_escaped(tmp_path):
    empty = tmp_path / "空文件.pdf"
    empty.write_bytes(b"")
    done = _run("review", "--json", str(empty))
    assert done.returncode == 0
    assert "空文件.pdf" in done.stdout and "\\u" not in done.stdout
    document = json.loads(done.stdout)["documents"][0]
    assert document["kind"] == "unreadable" and "0 字节" in document["error"]


def test_samples_writes_parks_with_truth(tmp_path):
    done = _run("samples", str(tmp_path / "corpus"), "--parks", "2", "--seed", "4", "--no-pdf")
    assert done.returncode == 0, done.stderr
    truths = sorted((tmp_path / "corpus").glob("park-*/truth.json"))
    assert len(truths) == 2
    truth = json.loads(truths[0].read_text(encoding="utf-8"))
    assert {p["stage"] for p in truth["packages"]} == {"application", "acceptance"}
    for package in truth["packages"]:
        for name in package["files"]:
            assert (truths[0].parent / name).with_suffix(".docx").exists()
