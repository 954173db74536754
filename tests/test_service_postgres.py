"""The service on PostgreSQL: the same upload, queue, disposition, search and access rules as on
SQLite (skipped, saying why, only when no PostgreSQL server answers)."""

from __future__ import annotations

from service_support import PARK_A, make_service
from sqlalchemy import text
from sqlmodel import SQLModel

from corpus.db import make_engine


def _empty(url: str) -> None:
    engine = make_engine(url)
    names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        exists = connection.execute(text("SELECT to_regclass('public.svc_user')")).scalar()
        if exists:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


def test_the_service_on_postgresql(tmp_path, postgres_url, sample_package):
    _empty(postgres_url)
    svc = make_service(tmp_path, database_url=postgres_url)
    try:
        files = sorted(sample_package.docx.values())
        a = svc.upload("park_a", files)
        svc.upload("park_b", [sample_package.docx["验收报告"]])
        assert a["job"]["status"] == "done"
        queue = svc.client.get("/api/submissions", headers=svc.auth("reviewer_js")).json()
        assert [(r["park"], r["counts"]["major"]) for r in queue] == [(PARK_A, 1)]
        finding = svc.client.get(f"/api/submissions/{a['submission_id']}", headers=svc.auth("reviewer")).json()[
            "findings"
        ][0]
        answer = svc.client.post(
            f"/api/findings/{finding['id']}/disposition",
            json={"decision": "confirmed", "note": "请补充"},
            headers=svc.auth("reviewer"),
        )
        assert answer.json()["decision"] == "confirmed"
        hits = svc.client.get("/api/search", params={"q": "综合能耗"}, headers=svc.auth("park_b")).json()
        assert hits and PARK_A not in {h["park"] for h in hits}
        assert svc.client.get(f"/api/submissions/{a['submission_id']}", headers=svc.auth("park_b")).status_code == 404
    finally:
        svc.client.__exit__(None, None, None)
