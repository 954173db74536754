"""Nobody sees what is not theirs: a park's token cannot read another park's submission, its
documents, files, jobs, exports or search hits; reviewers see their province (national ones all);
auditors read everything and change nothing. What is not visible is answered 404, like what does
not exist, so its existence does not leak either."""

from __future__ import annotations

import pytest
from service_support import PARK_A


@pytest.fixture
def two_parks(service, sample_package):
    files = sorted(sample_package.docx.values())
    a = service.upload("park_a", files)
    b = service.upload("park_b", [p for p in files if p.stem in ("实施方案", "验收报告")])
    detail = service.client.get(f"/api/submissions/{a['submission_id']}", headers=service.auth("park_a")).json()
    return {"a": a, "b": b, "doc": detail["documents"][0]["id"], "finding": detail["findings"][0]["id"]}


def test_a_park_token_cannot_read_another_parks_submission_document_file_or_job(service, two_parks):
    a = two_parks["a"]["submission_id"]
    urls = [
        f"/api/submissions/{a}",
        f"/api/submissions/{a}/review.json",
        f"/api/submissions/{a}/opinion.docx",
        f"/api/submissions/{a}/comparison",
        f"/api/documents/{two_parks['doc']}/file",
        f"/api/documents/{two_parks['doc']}/similar",
        f"/api/jobs/{two_parks['a']['job']['id']}",
    ]
    for url in urls:
        assert service.client.get(url, headers=service.auth("park_b")).status_code == 404, url
        assert service.client.get(url, headers=service.auth("park_a")).status_code == 200, url
    queue = service.client.get("/api/submissions", headers=service.auth("park_b")).json()
    assert [row["id"] for row in queue] == [two_parks["b"]["submission_id"]]
    page = service.client.get(f"/submissions/{a}", headers=service.auth("park_b"))
    assert page.status_code == 404 and PARK_A not in page.text


def test_a_park_search_returns_only_its_own_passages(service, two_parks):
    own = service.client.get("/api/search", params={"q": "验收申请"}, headers=service.auth("park_a")).json()
    other = service.client.get("/api/search", params={"q": "验收申请"}, headers=service.auth("park_b")).json()
    assert own and {h["park"] for h in own} == {PARK_A}
    assert all(h["submission_id"] == two_parks["b"]["submission_id"] for h in other)


def test_the_original_file_comes_back_byte_for_byte(service, two_parks, sample_package):
    response = service.client.get(f"/api/documents/{two_parks['doc']}/file", headers=service.auth("park_a"))
    originals = {p.read_bytes() for p in sample_package.docx.values()}
    assert response.content in originals


def test_reviewers_see_their_province_national_reviewers_and_auditors_see_all(service, two_parks):
    a, b = two_parks["a"]["submission_id"], two_parks["b"]["submission_id"]

    def ids(user: str) -> set[int]:
        return {row["id"] for row in service.client.get("/api/submissions", headers=service.auth(user)).json()}

    assert ids("reviewer_js") == {a}
    assert ids("reviewer_hn") == {b}
    assert ids("reviewer") == ids("auditor") == ids("admin") == {a, b}
    assert service.client.get(f"/api/submissions/{a}", headers=service.auth("reviewer_hn")).status_code == 404


def test_a_park_cannot_dispose_or_upload_for_another_park(service, two_parks, sample_package):
    answer = service.client.post(
        f"/api/findings/{two_parks['finding']}/disposition",
        json={"decision": "dismissed"},
        headers=service.auth("park_b"),
    )
    assert answer.status_code == 404
    report = sample_package.docx["验收报告"]
    accepted = service.upload("park_b", [report], park_id=str(service.parks["A"]))
    row = service.client.get(f"/api/submissions/{accepted['submission_id']}", headers=service.auth("park_b"))
    assert row.status_code == 200 and row.json()["submission"]["park_id"] == service.parks["B"]


def test_auditors_change_nothing(service, two_parks):
    answer = service.client.post(
        f"/api/findings/{two_parks['finding']}/disposition",
        json={"decision": "confirmed"},
        headers=service.auth("auditor"),
    )
    assert answer.status_code == 403
    assert (
        service.client.post(
            f"/api/jobs/{two_parks['a']['job']['id']}/retry", headers=service.auth("auditor")
        ).status_code
        == 403
    )
    assert service.client.get("/api/audit", headers=service.auth("auditor")).status_code == 200
    assert service.client.get("/api/audit", headers=service.auth("reviewer")).status_code == 403
