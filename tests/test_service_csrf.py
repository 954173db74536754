"""Cross-site request forgery: a browser's session cookie alone changes nothing. A signed-in page's
POST needs the token its pages carry (form field or htmx header), bound to that very session; a
script's bearer token needs none; and the login form needs the token of its pre-session cookie."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from service_support import page_token

from service.app import create_app
from service.csrf import MESSAGE, PRESESSION

FORGED = "0" * 64


@pytest.fixture
def finding(service, sample_package):
    """A finding of park A's report that a reviewer may confirm or dismiss."""
    sid = service.upload("park_a", [sample_package.docx["验收报告"]])["submission_id"]
    detail = service.client.get(f"/api/submissions/{sid}", headers=service.auth("reviewer")).json()
    return {"id": detail["findings"][0]["id"], "submission": sid}


def _decision(service, finding) -> str | None:
    detail = service.client.get(f"/api/submissions/{finding['submission']}", headers=service.auth("admin")).json()
    return next(f["decision"] for f in detail["findings"] if f["id"] == finding["id"])


def _dismiss(service, finding, headers=None, **fields):
    data = {"decision": "dismissed", "note": "不适用", **fields}
    return service.client.post(f"/findings/{finding['id']}/disposition", data=data, headers=headers)


def test_a_signed_in_browser_post_without_the_token_is_refused_and_changes_nothing(service, finding):
    service.login("reviewer")
    page = _dismiss(service, finding)
    assert page.status_code == 403 and MESSAGE in page.text and "<html" in page.text
    htmx = _dismiss(service, finding, headers={"HX-Request": "true"})
    assert htmx.status_code == 403 and htmx.json() == {"detail": MESSAGE}
    api = service.client.post(f"/api/findings/{finding['id']}/disposition", json={"decision": "confirmed"})
    assert api.status_code == 403 and api.json() == {"detail": MESSAGE}
    assert _decision(service, finding) is None
    assert service.client.post("/logout", follow_redirects=False).status_code == 403
    assert service.client.get("/", follow_redirects=False).status_code == 200  # still signed in


def test_the_form_field_from_the_page_is_accepted(service, finding):
    service.login("reviewer")
    card = service.client.get(f"/submissions/{finding['submission']}").text
    form = card[card.index(f'hx-post="/findings/{finding["id"]}/disposition"') :]
    assert _dismiss(service, finding, csrf_token=FORGED).status_code == 403
    answer = _dismiss(service, finding, csrf_token=page_token(form))
    assert answer.status_code == 200 and "已排除：不适用" in answer.text
    assert _decision(service, finding) == "dismissed"


def test_the_htmx_header_from_the_page_is_accepted(service, finding):
    token = service.login("reviewer")
    page = service.client.get(f"/submissions/{finding['submission']}").text
    assert f'hx-headers=\'{{"X-CSRF-Token": "{token}"}}\'' in page
    assert _dismiss(service, finding, headers={"HX-Request": "true", "X-CSRF-Token": FORGED}).status_code == 403
    answer = _dismiss(service, finding, headers={"HX-Request": "true", "X-CSRF-Token": token})
    assert answer.status_code == 200 and "已排除：不适用" in answer.text
    assert _decision(service, finding) == "dismissed"


def test_a_token_of_another_session_is_refused(service, finding):
    attackers = service.login("reviewer_js")
    service.client.cookies.clear()
    victims = service.login("reviewer")
    assert attackers != victims
    answer = _dismiss(service, finding, headers={"X-CSRF-Token": attackers})
    assert answer.status_code == 403 and MESSAGE in answer.text
    assert _decision(service, finding) is None


def test_a_bearer_token_call_needs_no_csrf_token_even_beside_a_session_cookie(service, finding):
    service.login("reviewer")
    url = f"/api/findings/{finding['id']}/disposition"
    assert service.client.post(url, json={"decision": "confirmed"}).status_code == 403  # the cookie alone
    answer = service.client.post(url, json={"decision": "confirmed"}, headers=service.auth("reviewer"))
    assert answer.status_code == 200 and answer.json()["decision"] == "confirmed"


def test_the_login_form_needs_its_pre_session_token(service):
    credentials = {"username": "reviewer", "password": "reviewer-pw"}
    forged = service.client.post("/login", data=credentials, follow_redirects=False)
    assert forged.status_code == 403 and MESSAGE in forged.text and "eipcheck_session" not in forged.cookies
    form = service.client.get("/login")
    cookie = form.headers["set-cookie"]
    assert cookie.startswith(f"{PRESESSION}=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    wrong = service.client.post("/login", data={**credentials, "csrf_token": FORGED}, follow_redirects=False)
    assert wrong.status_code == 403 and "eipcheck_session" not in wrong.cookies
    signed_in = service.client.post(
        "/login", data={**credentials, "csrf_token": page_token(form.text)}, follow_redirects=False
    )
    assert signed_in.status_code == 303
    session_cookie = next(c for c in signed_in.headers.get_list("set-cookie") if c.startswith("eipcheck_session="))
    assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie


def test_a_pages_token_survives_a_restart(service):
    token = service.login("reviewer")
    restarted = TestClient(create_app(service.settings), cookies=dict(service.client.cookies))
    assert restarted.post("/logout", data={"csrf_token": FORGED}, follow_redirects=False).status_code == 403
    assert restarted.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert (service.settings.data_dir / "secret_key").stat().st_mode & 0o077 == 0
