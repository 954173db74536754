"""Creating users and parks outside the web UI: the demo, the `eipcheck user` command and tests."""

from __future__ import annotations

from sqlmodel import Session, select

from corpus.tables import Park
from service.passwords import hash_password
from service.tables import Role, User


def park_named(session: Session, name: str, province: str | None = None) -> Park:
    """The park with this name, created when new."""
    park = session.exec(select(Park).where(Park.name == name)).first()
    if park is None:
        park = Park(name=name, province=province)
        session.add(park)
        session.commit()
        session.refresh(park)
    return park


def add_user(
    session: Session,
    username: str,
    password: str,
    role: Role,
    *,
    display_name: str | None = None,
    park_id: int | None = None,
    province: str | None = None,
) -> User:
    """A new user (or the existing one with this name, its password and role updated)."""
    if role == Role.park and park_id is None:
        raise ValueError("园区用户必须指定所属园区")
    user = session.exec(select(User).where(User.username == username)).first() or User(
        username=username, display_name="", password_hash="", role=role
    )
    user.display_name = display_name or username
    user.password_hash = hash_password(password)
    user.role, user.park_id, user.province = role, park_id, province
    session.add(user)
    session.commit()
    session.refresh(user)
    return user
