"""The service API on the sample package: an upload is stored and acknowledged with a job, the
review lands in the triage queue with counts by severity, a reviewer's dismissal takes a finding
out of the counts and the 审查意见, exports, comparison, search, retries of a crashed job, the
in-process worker and its recovery of jobs left behind by a dead server."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from service_support import PARK_A, make_service
from sqlmodel import Session, select

from service import jobs
from service.tables import AuditEntry, Job, JobStatus


def _docx(sample_package) -> list[Path]:
    return sorted(sample_package.docx.values())


def test_upload_is_stored_acknowledged_with_a_job_and_reviewed(service, sample_package):
    accepted = service.upload("park_a", _docx(sample_package))
    assert accepted["job"]["status"] == "done"
    folder = Path(service.client.app.state.engine.url.database).parent / "uploads"
    stored = sorted(p.name for p in folder.rglob("*.docx"))
    assert stored == sorted(p.name for p in _docx(sample_package))
    queue = service.client.get("/api/submissions", headers=service.auth("park_a")).json()
    assert [(row["park"], row["stage"], row["status"]) for row in queue] == [(PARK_A, "acceptance", "reviewed")]
    assert queue[0]["counts"] == {"blocker": 0, "major": 1, "minor": 1, "info": 0}
    assert queue[0]["risk"] == 11


def test_submission_detail_has_documents_coverage_facts_and_findings(service, sample_package):
    sid = service.upload("park_a", _docx(sample_package))["submission_id"]
    detail = service.client.get(f"/api/submissions/{sid}", headers=service.auth("reviewer")).json()
    assert {d["kind"] for d in detail["documents"]} >= {"implementation_plan", "acceptance_report", "acceptance_form"}
    report = next(c for c in detail["coverage"] if c["kind"] == "acceptance_report")
    missing = [i["outline"] for i in report["items"] if i["status"] == "missing"]
    assert missing == ["report.1.4"]
    assert {f["subject"] for f in detail["findings"]} == {"report.1.4", "acceptance.highlights"}
    assert any(i["name"] == "单位工业增加值综合能耗" for i in detail["review"]["facts"]["indicators"])


def test_dismissing_a_finding_takes_it_out_of_the_counts_and_is_audited(service, sample_package):
    sid = service.upload("park_a", _docx(sample_package))["submission_id"]
    findings = service.client.get(f"/api/submissions/{sid}", headers=service.auth("reviewer")).json()["findings"]
    major = next(f for f in findings if f["severity"] == "major")
    answer = service.client.post(
        f"/api/findings/{major['id']}/disposition",
        json={"decision": "dismissed", "note": "碳排放内容见第三章"},
        headers=service.auth("reviewer"),
    )
    assert answer.status_code == 200
    assert (answer.json()["decision"], answer.json()["note"]) == ("dismissed", "碳排放内容见第三章")
    row = service.client.get("/api/submissions", headers=service.auth("reviewer")).json()[0]
    assert row["counts"]["major"] == 0 and row["risk"] == 1
    opinion = service.client.get(f"/api/submissions/{sid}/opinion.docx", headers=service.auth("reviewer"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(opinion.content)).paragraphs)
    assert "已排除的问题（1项）" in text and "碳排放内容见第三章" in text
    with Session(service.client.app.state.engine) as session:
        actions = [(e.username, e.action) for e in session.exec(select(AuditEntry)).all()]
    assert (
        ("reviewer", "dismissed") in actions and ("reviewer", "export") in actions and ("park_a", "upload") in actions
    )


def test_only_reviewers_dispose_and_auditors_change_nothing(service, sample_package):
    sid = service.upload("park_a", _docx(sample_package))["submission_id"]
    finding = service.client.get(f"/api/submissions/{sid}", headers=service.auth("auditor")).json()["findings"][0]
    for user in ("auditor", "park_a"):
        answer = service.client.post(
            f"/api/findings/{finding['id']}/disposition", json={"decision": "confirmed"}, headers=service.auth(user)
        )
        assert answer.status_code == 403
    files = [("files", ("a.docx", b"x", "application/octet-stream"))]
    assert service.client.post("/api/submissions", files=files, headers=service.auth("auditor")).status_code == 403


def test_contract_json_export_and_comparison(service, sample_package):
    sid = service.upload("park_a", _docx(sample_package))["submission_id"]
    review = service.client.get(f"/api/submissions/{sid}/review.json", headers=service.auth("reviewer")).json()
    assert review["schema"] == "eipcheck.review/1" and review["submission"]["stage"] == "acceptance"
    cmp = service.client.get(f"/api/submissions/{sid}/comparison", headers=service.auth("reviewer")).json()
    assert (cmp["plan_file"], cmp["report_file"]) == ("实施方案.docx", "验收报告.docx")
    energy = next(r for r in cmp["indicators"] if r["name"] == "单位工业增加值综合能耗")
    assert energy["target"] == {"plan": 0.45, "report": 0.45, "differs": False} and energy["value"] == 0.41


def test_search_finds_a_passage_with_a_highlighted_snippet(service, sample_package):
    service.upload("park_a", _docx(sample_package))
    hits = service.client.get("/api/search", params={"q": "综合能耗"}, headers=service.auth("reviewer")).json()
    assert hits and "<mark>综合能耗</mark>" in hits[0]["snippet"] and all("<mark>" in h["snippet"] for h in hits)
    assert {h["park"] for h in hits} == {PARK_A}


def test_a_crashed_job_marks_the_submission_failed_and_can_be_retried(service, sample_package, monkeypatch):
    def crash(*_args, **_kwargs):
        raise RuntimeError("解析进程崩溃")

    monkeypatch.setattr(jobs, "review_inputs", crash)
    accepted = service.upload("park_a", _docx(sample_package))
    assert accepted["job"]["status"] == "failed" and "解析进程崩溃" in accepted["job"]["error"]
    row = service.client.get("/api/submissions", headers=service.auth("park_a")).json()[0]
    assert row["status"] == "failed" and "解析进程崩溃" in row["error"]
    monkeypatch.undo()
    retried = service.client.post(f"/api/jobs/{accepted['job']['id']}/retry", headers=service.auth("park_a"))
    assert retried.status_code == 202 and retried.json()["status"] == "done" and retried.json()["attempts"] == 2
    assert service.client.get("/api/submissions", headers=service.auth("park_a")).json()[0]["status"] == "reviewed"


def test_the_in_process_worker_reviews_after_the_202(tmp_path, sample_package):
    svc = make_service(tmp_path, worker="thread")
    try:
        accepted = svc.upload("reviewer", _docx(sample_package), park_id=str(svc.parks["A"]))
        assert accepted["job"]["status"] in ("queued", "running", "done")
        assert svc.wait("reviewer", accepted["job"]["id"])["status"] == "done"
    finally:
        svc.client.__exit__(None, None, None)


def test_jobs_left_by_a_dead_server_run_when_the_next_one_starts(tmp_path, sample_package):
    svc = make_service(tmp_path, worker="thread")
    accepted = svc.upload("park_a", _docx(sample_package))
    svc.wait("park_a", accepted["job"]["id"])
    svc.client.__exit__(None, None, None)
    with Session(svc.client.app.state.engine) as session:  # the server died mid-review
        job = session.get(Job, accepted["job"]["id"])
        job.status = JobStatus.running
        session.add(job)
        session.commit()
    again = make_service(tmp_path, worker="thread")
    try:
        assert again.wait("park_a", accepted["job"]["id"])["status"] == "done"
    finally:
        again.client.__exit__(None, None, None)


def test_unauthenticated_calls_are_401_and_pages_redirect_to_login(service):
    assert service.client.get("/api/submissions").status_code == 401
    page = service.client.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")


def test_token_endpoint_checks_the_password(service):
    assert service.client.post("/api/token", data={"username": "reviewer", "password": "x"}).status_code == 401
    token = service.client.post("/api/token", data={"username": "reviewer", "password": "reviewer-pw"}).json()
    assert (
        service.client.get("/api/submissions", headers={"Authorization": f"Bearer {token['token']}"}).status_code == 200
    )


def test_a_zip_upload_is_one_package(service, sample_package):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in _docx(sample_package):
            archive.write(path, f"材料/{path.name}")
    files = [("files", ("验收材料.zip", buffer.getvalue(), "application/zip"))]
    accepted = service.client.post("/api/submissions", files=files, headers=service.auth("park_a"))
    assert accepted.status_code == 202 and accepted.json()["job"]["status"] == "done"
    detail = service.client.get(f"/api/submissions/{accepted.json()['submission_id']}", headers=service.auth("park_a"))
    assert {d["kind"] for d in detail.json()["documents"]} >= {"implementation_plan", "acceptance_report"}


def test_the_same_files_again_give_the_same_submission(service, sample_package):
    first = service.upload("park_a", _docx(sample_package))
    again = service.upload("park_a", _docx(sample_package))
    assert again["submission_id"] == first["submission_id"] and again["job"]["id"] == first["job"]["id"]


def test_a_broken_file_in_an_upload_is_listed_unreadable_and_the_rest_reviewed(service, sample_package):
    files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in _docx(sample_package)]
    files.append(("files", ("../../坏文件.pdf", b"%PDF-1.7 truncated", "application/pdf")))
    accepted = service.client.post("/api/submissions", files=files, headers=service.auth("park_a")).json()
    assert accepted["job"]["status"] == "done" and "坏文件.pdf" in accepted["files"]
    documents = service.client.get(f"/api/submissions/{accepted['submission_id']}", headers=service.auth("park_a"))
    broken = next(d for d in documents.json()["documents"] if d["file"] == "坏文件.pdf")
    assert broken["kind"] == "unreadable" and broken["error"]
    assert any(d["kind"] == "acceptance_report" for d in documents.json()["documents"])
