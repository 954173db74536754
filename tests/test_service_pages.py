"""The web pages render the same objects as the JSON API: a signed-in reviewer's submission page
lists exactly the API's findings and coverage; a park's self-check reviews a draft and stores nothing."""

from __future__ import annotations

import re

from service_support import PARK_A


def test_the_submission_page_shows_what_the_api_returns(service, sample_package):
    sid = service.upload("park_a", sorted(sample_package.docx.values()))["submission_id"]
    detail = service.client.get(f"/api/submissions/{sid}", headers=service.auth("reviewer")).json()
    service.login("reviewer")
    page = service.client.get(f"/submissions/{sid}").text
    assert PARK_A in page
    assert sorted(map(int, re.findall(r'id="finding-(\d+)"', page))) == sorted(f["id"] for f in detail["findings"])
    missing = [i["title"] for c in detail["coverage"] for i in c["items"] if i["status"] == "missing"]
    assert missing and all(f"{title} · 缺失" in page for title in missing)
    queue = service.client.get("/").text
    assert f'href="/submissions/{sid}"' in queue


def test_a_dismissal_from_the_page_returns_the_updated_card(service, sample_package):
    sid = service.upload("park_a", sorted(sample_package.docx.values()))["submission_id"]
    finding = service.client.get(f"/api/submissions/{sid}", headers=service.auth("reviewer")).json()["findings"][0]
    token = service.login("reviewer")
    card = service.client.post(
        f"/findings/{finding['id']}/disposition",
        data={"decision": "dismissed", "note": "不适用"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert card.status_code == 200 and "已排除：不适用" in card.text and 'class="finding' in card.text


def test_a_parks_self_check_reviews_a_draft_without_storing_it(service, sample_package):
    token = service.login("park_a")
    draft = sample_package.docx["验收报告"]
    page = service.client.post(
        "/selfcheck",
        data={"csrf_token": token},
        files=[("files", (draft.name, draft.read_bytes(), "application/octet-stream"))],
    )
    assert page.status_code == 200
    assert "碳排放与碳汇现状 · 缺失" in page.text
    assert service.client.get("/api/submissions", headers=service.auth("park_a")).json() == []


def test_every_page_answers_every_role_as_its_rights_say(service, sample_package):
    accepted = service.upload("park_a", sorted(sample_package.docx.values()))
    sid, jid = accepted["submission_id"], accepted["job"]["id"]
    pages = [
        "/",
        "/upload",
        "/search?q=园区",
        "/selfcheck",
        "/audit",
        f"/submissions/{sid}",
        f"/jobs/{jid}",
        "/?sort=park&order=asc&risk=major",
        "/?province=江苏省",
    ]
    expected = {
        "park_a": [200, 200, 200, 200, 403, 200, 200, 200, 200],
        "park_b": [200, 200, 200, 200, 403, 404, 404, 200, 200],
        "reviewer_hn": [200, 200, 200, 200, 403, 404, 404, 200, 200],
        "reviewer": [200, 200, 200, 200, 403, 200, 200, 200, 200],
        "auditor": [200, 403, 200, 200, 200, 200, 200, 200, 200],
        "admin": [200] * 9,
    }
    for user, statuses in expected.items():
        service.client.cookies.clear()
        service.login(user)
        assert [service.client.get(page).status_code for page in pages] == statuses, user
