"""The HTTP API: a multipart upload of a package gives the contract JSON; a broken file in the
upload is listed as unreadable while the others are reviewed."""

from __future__ import annotations

import io
import zipfile

from fastapi.testclient import TestClient

from corpus.samples.fixtures import TRUTH
from service.app import create_app


def test_health():
    assert TestClient(create_app()).get("/healthz").json() == {"status": "ok"}


def test_upload_reviews_the_package_and_keeps_going_past_a_broken_file(sample_package):
    client = TestClient(create_app())
    files = [("files", (p.name, p.read_bytes(), "application/pdf")) for p in sample_package.pdf.values()]
    files.append(("files", ("坏文件.pdf", b"%PDF-1.7 truncated", "application/pdf")))
    response = client.post("/api/review", files=files)
    assert response.status_code == 200
    review = response.json()
    assert review["schema"] == "eipcheck.review/1"
    kinds = {d["file"]: d["kind"] for d in review["documents"]}
    assert kinds["坏文件.pdf"] == "unreadable"
    assert kinds["验收报告.pdf"] == "acceptance_report"
    assert {f["subject"] for f in review["findings"]} == {"report.1.4", "acceptance.highlights"}


def test_upload_of_a_zip_is_opened(sample_package):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sample_package.docx.values():
            archive.write(path, path.name)
    response = TestClient(create_app()).post(
        "/api/review", files=[("files", ("材料.zip", buffer.getvalue(), "application/zip"))]
    )
    assert response.status_code == 200
    assert sorted(d["kind"] for d in response.json()["documents"]) == sorted(TRUTH.kinds.values())


def test_openapi_documents_the_review_endpoint():
    schema = TestClient(create_app()).get("/openapi.json").json()
    assert "/api/review" in schema["paths"]
