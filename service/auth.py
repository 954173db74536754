"""Authentication: bearer tokens for the API, a session cookie for the web UI (the same token
table, kind `session`), and the audit log. Errors are Chinese, in FastAPI's one `detail` shape.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import Depends, HTTPException, Request
from sqlmodel import Session, select

from service.db import get_session
from service.passwords import new_token, token_digest, verify_password
from service.tables import ApiToken, AuditEntry, User, utcnow

COOKIE = "eipcheck_session"


def issue_token(session: Session, user: User, kind: str = "api", hours: int | None = None, label: str = "") -> str:
    """A new token for the user; only its digest is stored, the token itself is returned once."""
    token = new_token()
    expires = utcnow() + timedelta(hours=hours) if hours else None
    session.add(ApiToken(user_id=user.id, token_hash=token_digest(token), kind=kind, expires_at=expires, label=label))
    session.commit()
    return token


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, or None."""
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None or not user.active or not verify_password(user.password_hash, password):
        return None
    return user


def revoke(session: Session, token: str) -> None:
    """Forget a token (logout)."""
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == token_digest(token))).first()
    if row is not None:
        session.delete(row)
        session.commit()


def aware(moment: datetime) -> datetime:
    """SQLite hands timestamps back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def bearer_of(request: Request) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None.

    The one parser of that header: authentication and the CSRF guard (`service/csrf.py`) both ask
    it, so the requests exempt from CSRF are exactly those that authenticate by the header alone.
    """
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


def _token_of(request: Request) -> str | None:
    return bearer_of(request) or request.cookies.get(COOKIE)


def user_for_token(session: Session, token: str | None) -> User | None:
    """The user a token belongs to, if the token exists and has not expired."""
    if not token:
        return None
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == token_digest(token))).first()
    if row is None or (row.expires_at is not None and aware(row.expires_at) < utcnow()):
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


def optional_user(request: Request, session: Session = Depends(get_session)) -> User | None:
    """The signed-in user or None (web pages redirect to the login page)."""
    return user_for_token(session, _token_of(request))


def current_user(user: User | None = Depends(optional_user)) -> User:
    """The signed-in user; 401 otherwise."""
    if user is None:
        raise HTTPException(status_code=401, detail="未登录或令牌无效", headers={"WWW-Authenticate": "Bearer"})
    return user


def forbid(message: str = "无权执行此操作") -> HTTPException:
    """The one 403."""
    return HTTPException(status_code=403, detail=message)


def audit(
    session: Session, user: User | None, action: str, target: str = "", target_id: int | None = None, detail: str = ""
) -> None:
    """Record who viewed, uploaded, changed or exported what."""
    session.add(
        AuditEntry(
            user_id=user.id if user else None,
            username=user.username if user else "",
            action=action,
            target=target,
            target_id=target_id,
            detail=detail[:1000],
        )
    )
    session.commit()
