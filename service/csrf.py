"""Cross-site request forgery protection for whatever a browser authenticates by cookie.

A browser attaches the session cookie to a request another site makes it send, so every unsafe
request (POST, PUT, PATCH, DELETE) that carries the cookie must also carry a token only our own
pages know: HMAC-SHA256, keyed with the app's secret (`Settings.secret_key`), of the cookie's
value, as an `X-CSRF-Token` header (htmx sends it from `<body hx-headers>`) or a `csrf_token`
form field. A request with a bearer token is exempt: browsers never add that header by themselves.

Login is guarded too (login CSRF): before there is a session the login page sets a random
pre-session cookie and the form's token is derived from it.

The guard is a dependency, not a middleware: FastAPI has parsed (and cached) a form route's body
before dependencies run, so reading the field costs nothing and streaming uploads stay untouched.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request
from fastapi.responses import Response

from service.auth import COOKIE, bearer_of

PRESESSION = "eipcheck_presession"
HEADER = "X-CSRF-Token"
FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MESSAGE = "请求缺少有效的防伪造令牌（CSRF），已拒绝；请刷新页面后重试"


def _subject(request: Request) -> str | None:
    """The cookie the token is bound to: the session, else the pre-session (new or received)."""
    return request.cookies.get(COOKIE) or getattr(request.state, "presession", None) or request.cookies.get(PRESESSION)


def _token(request: Request, subject: str) -> str:
    key = request.app.state.secret_key
    return hmac.new(key, subject.encode(), hashlib.sha256).hexdigest()


def token_for(request: Request) -> str:
    """The token the page being rendered puts in its forms and htmx header ("" without a cookie)."""
    subject = _subject(request)
    return _token(request, subject) if subject else ""


def begin_presession(request: Request) -> None:
    """Before login: make a pre-session value for this browser if it has neither cookie yet."""
    if _subject(request) is None:
        request.state.presession = secrets.token_urlsafe(32)


def keep_presession(request: Request, response: Response) -> Response:
    """Set the pre-session cookie `begin_presession` made, on the page that carries its token."""
    value = getattr(request.state, "presession", None)
    if value:
        response.set_cookie(PRESESSION, value, httponly=True, samesite="lax")
    return response


async def _sent_token(request: Request) -> str:
    sent = request.headers.get(HEADER)
    if sent:
        return sent
    if request.headers.get("content-type", "").lower().startswith(FORM_TYPES):
        field = (await request.form()).get(FIELD)  # one parse: Starlette caches it for the route
        return field if isinstance(field, str) else ""
    return ""


async def check(request: Request) -> None:
    """Refuse (403) an unsafe request whose token does not match its cookie's."""
    subject = _subject(request)
    sent = await _sent_token(request)
    if subject is None or not hmac.compare_digest(sent.encode(), _token(request, subject).encode()):
        raise HTTPException(status_code=403, detail=MESSAGE)


async def protect(request: Request) -> None:
    """App-wide: an unsafe request with the session cookie and without a bearer token needs the token."""
    if request.method in SAFE_METHODS or bearer_of(request) or not request.cookies.get(COOKIE):
        return
    await check(request)


async def protect_login(request: Request) -> None:
    """The login form: no session yet, so the pre-session cookie's token is required."""
    if bearer_of(request) is None:
        await check(request)
