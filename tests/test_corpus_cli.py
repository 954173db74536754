"""The corpus commands end to end, as a user runs them: ingest twice, search, similar, and a review
`--against` the corpus that finds another park's copied passage. Sample parks as Word documents."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys

import pytest

from corpus.samples.draw import draw_park
from corpus.samples.generate import write_park

SEED = 11


def _run(*args: str, env_dir) -> subprocess.CompletedProcess:
    env = {"EIPCHECK_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args], capture_output=True, text=True, timeout=600, env=env
    )


@pytest.fixture(scope="module")
def parks(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-parks")
    drawn = [draw_park(random.Random(f"{SEED}:{i}"), i) for i in range(2)]
    written = [write_park(out, SEED, drawn[0], [], defects=[])]
    written.append(write_park(out, SEED, drawn[1], drawn[:1], defects=["report_copied_passage"]))
    return out, written


def test_ingest_search_similar_and_review_against(parks, tmp_path):
    out, written = parks
    data = tmp_path / "data"
    first = _run("ingest", "--json", str(out / "park-01"), env_dir=data)
    assert first.returncode == 0, first.stderr
    assert [o["status"] for o in json.loads(first.stdout)] == ["stored", "stored"]
    again = _run("ingest", str(out / "park-01"), env_dir=data)
    assert "已存在，跳过" in again.stdout and "新入库 0 个" in again.stdout

    found = _run("search", "--json", "产业共生联盟", env_dir=data)
    hits = json.loads(found.stdout)
    assert hits and hits[0]["park"] == written[0].truth.park and "【" in hits[0]["snippet"]
    assert "未找到" in _run("search", "完全不存在的词语组合", env_dir=data).stdout

    report = out / "park-02" / "acceptance" / "验收报告.docx"
    similar = json.loads(_run("similar", "--json", str(report), env_dir=data).stdout)
    assert similar["documents"][0]["park"] == written[0].truth.park

    package = tmp_path / "package"
    shutil.copytree(out / "park-02" / "acceptance", package)
    review = _run("review", "--json", "--against", str(data), str(package), env_dir=tmp_path / "unused")
    findings = [f for f in json.loads(review.stdout)["findings"] if f["rule"] == "integrity.near_duplicate"]
    assert [f["subject"] for f in findings] == [written[0].truth.park]
    assert len(findings[0]["evidence"]) == 2


def test_against_a_corpus_that_does_not_exist_is_a_usage_error(tmp_path):
    done = _run("review", "--against", str(tmp_path / "无此目录"), str(tmp_path), env_dir=tmp_path / "d")
    assert done.returncode == 2
    assert "语料库不存在" in done.stderr
