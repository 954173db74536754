"""EIPCHECK_WORKER=celery, for real: a Celery worker process on Redis (127.0.0.1:6379) runs the
review of an upload that the API acknowledged with 202. Skipped, saying why, only when no Redis
server answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from service_support import make_service

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def _redis_answers() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=2) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def test_a_celery_worker_on_redis_reviews_an_upload(tmp_path, sample_package):
    if not _redis_answers():
        pytest.skip(f"Redis 未运行（{REDIS_HOST}:{REDIS_PORT}），跳过 Celery 测试")
    redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/13"
    svc = make_service(tmp_path, worker="celery", redis_url=redis_url)
    env = {
        **os.environ,
        "EIPCHECK_DATA_DIR": str(svc.settings.data_dir),
        "EIPCHECK_DATABASE_URL": svc.settings.database_url,
        "EIPCHECK_REDIS_URL": redis_url,
    }
    celery = Path(sys.executable).with_name("celery")
    worker = subprocess.Popen(
        [
            str(celery),
            "-A",
            "service.celery_app",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--hostname",
            f"eipcheck-test-{os.getpid()}@%h",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        accepted = svc.upload("park_a", sorted(sample_package.docx.values()))
        assert accepted["job"]["status"] == "queued"
        job = svc.wait("park_a", accepted["job"]["id"], seconds=180)
        assert job["status"] == "done", job
        row = svc.client.get("/api/submissions", headers=svc.auth("park_a")).json()[0]
        assert row["status"] == "reviewed" and row["counts"]["major"] == 1
    finally:
        worker.terminate()
        output = worker.communicate(timeout=60)[0].decode(errors="replace")
        svc.client.__exit__(None, None, None)
    assert "Traceback" not in output, output
