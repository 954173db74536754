"""Fixtures of the service tests: an app on its own SQLite file and data directory, two parks in
two provinces, and a user of every role with an API token.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from service.app import create_app
from service.auth import COOKIE, issue_token
from service.settings import Settings
from service.tables import Role
from service.users import add_user, park_named

PARK_A, PROVINCE_A = "临江经济技术开发区", "江苏省"
PARK_B, PROVINCE_B = "北安经济开发区", "河南省"
ROLES = {
    "park_a": (Role.park, "A", None),
    "park_b": (Role.park, "B", None),
    "reviewer_js": (Role.reviewer, None, PROVINCE_A),
    "reviewer_hn": (Role.reviewer, None, PROVINCE_B),
    "reviewer": (Role.reviewer, None, None),
    "auditor": (Role.auditor, None, None),
    "admin": (Role.admin, None, None),
}


@dataclass
class Service:
    """A running test app: its client, settings, park ids and a token per user."""

    client: TestClient
    settings: Settings
    parks: dict[str, int]
    tokens: dict[str, str]

    def auth(self, user: str) -> dict[str, str]:
        """The bearer header of a user."""
        return {"Authorization": f"Bearer {self.tokens[user]}"}

    def login(self, user: str) -> str:
        """Sign in through the login form as a browser does; the CSRF token the user's pages carry."""
        form = self.client.get("/login")
        answer = self.client.post(
            "/login",
            data={"username": user, "password": f"{user}-pw", "csrf_token": page_token(form.text)},
            follow_redirects=False,
        )
        assert answer.status_code == 303 and COOKIE in answer.cookies, answer.text
        return page_token(self.client.get("/").text)

    def upload(self, user: str, paths: list[Path], **data) -> dict:
        """Upload files as one package; the 202 body."""
        files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]
        response = self.client.post("/api/submissions", files=files, data=data, headers=self.auth(user))
        assert response.status_code == 202, response.text
        return response.json()

    def wait(self, user: str, job_id: int, seconds: float = 120) -> dict:
        """Poll the job until it is done or failed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            job = self.client.get(f"/api/jobs/{job_id}", headers=self.auth(user)).json()
            if job["status"] in ("done", "failed"):
                return job
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} still {job['status']}")


def page_token(html: str) -> str:
    """The CSRF token in a page's forms."""
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', html)
    assert found, "the page carries no CSRF token"
    return found.group(1)


def make_service(
    tmp_path: Path, worker: str = "inline", database_url: str | None = None, redis_url: str | None = None
) -> Service:
    """A fresh app with the users of `ROLES`; the client is entered (the worker started)."""
    data = tmp_path / "data"
    settings = Settings(
        data_dir=data,
        database_url=database_url or f"sqlite:///{data / 'svc.sqlite3'}",
        worker=worker,
        **({"redis_url": redis_url} if redis_url else {}),
    )
    app = create_app(settings)
    tokens = {}
    with Session(app.state.engine) as session:
        parks = {
            "A": park_named(session, PARK_A, PROVINCE_A).id,
            "B": park_named(session, PARK_B, PROVINCE_B).id,
        }
        for name, (role, park, province) in ROLES.items():
            user = add_user(session, name, f"{name}-pw", role, park_id=parks.get(park or ""), province=province)
            tokens[name] = issue_token(session, user)
    client = TestClient(app)
    client.__enter__()
    return Service(client, settings, parks, tokens)


@pytest.fixture
def service(tmp_path: Path):
    """An app with the inline worker: an upload is reviewed before the 202 returns."""
    svc = make_service(tmp_path)
    yield svc
    svc.client.__exit__(None, None, None)
