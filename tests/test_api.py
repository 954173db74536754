"""The stateless review endpoint: a multipart upload of a package gives the contract JSON (nothing
stored); a broken file in the upload is listed as unreadable while the others are reviewed. Like
every API call it needs a signed-in user."""

from __future__ import annotations

import io
import zipfile

from corpus.samples.fixtures import TRUTH


def test_health(service):
    assert service.client.get("/healthz").json() == {"status": "ok"}


def test_the_review_endpoint_needs_a_user(service, sample_package):
    report = sample_package.docx["验收报告"]
    files = [("files", (report.name, report.read_bytes(), "application/octet-stream"))]
    assert service.client.post("/api/review", files=files).status_code == 401


def test_upload_reviews_the_package_and_keeps_going_past_a_broken_file(service, sample_package):
    files = [("files", (p.name, p.read_bytes(), "application/pdf")) for p in sample_package.pdf.values()]
    files.append(("files", ("坏文件.pdf", b"%PDF-1.7 truncated", "application/pdf")))
    response = service.client.post("/api/review", files=files, headers=service.auth("park_a"))
    assert response.status_code == 200
    review = response.json()
    assert review["schema"] == "eipcheck.review/1"
    kinds = {d["file"]: d["kind"] for d in review["documents"]}
    assert kinds["坏文件.pdf"] == "unreadable"
    assert kinds["验收报告.pdf"] == "acceptance_report"
    assert {f["subject"] for f in review["findings"]} == {"report.1.4", "acceptance.highlights"}


def test_upload_of_a_zip_is_opened(service, sample_package):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sample_package.docx.values():
            archive.write(path, path.name)
    response = service.client.post(
        "/api/review",
        files=[("files", ("材料.zip", buffer.getvalue(), "application/zip"))],
        headers=service.auth("auditor"),
    )
    assert response.status_code == 200
    assert sorted(d["kind"] for d in response.json()["documents"]) == sorted(TRUTH.kinds.values())


def test_openapi_documents_the_review_endpoint(service):
    schema = service.client.get("/openapi.json").json()
    assert "/api/review" in schema["paths"]
