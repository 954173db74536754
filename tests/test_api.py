"""The HTTP API: a multipart upload of a package gives the contract JSON; a broken file in the
upload is listed as unreadable while the others are reviewed."""

from __future__ import annotations

import io
import zipfile

from fastapi.testclient import TestClient

from corpus.samples.fixtures import TRUTH
from service.app import create_app
from service.settings import Settings


def _app(tmp_path):
    """An app on its own data directory (nothing written to the working directory)."""
    data = tmp_path / "data"
    return create_app(Settings(data_dir=data, database_url=f"sqlite:///{data / 'api.sqlite3'}", worker="inline"))


def test_health(tmp_path):
    assert TestClient(_app(tmp_path)).get("/healthz").json() == {"status": "ok"}


def test_upload_reviews_the_package_and_keeps_going_past_a_broken_file(tmp_path, sample_package):
    client = TestClient(_app(tmp_path))
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


def test_upload_of_a_zip_is_opened(tmp_path, sample_package):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sample_package.docx.values():
            archive.write(path, path.name)
    response = TestClient(_app(tmp_path)).post(
        "/api/review", files=[("files", ("材料.zip", buffer.getvalue(), "application/zip"))]
    )
    assert response.status_code == 200
    assert sorted(d["kind"] for d in response.json()["documents"]) == sorted(TRUTH.kinds.values())


def test_openapi_documents_the_review_endpoint(tmp_path):
    schema = TestClient(_app(tmp_path)).get("/openapi.json").json()
    assert "/api/review" in schema["paths"]
