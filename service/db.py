"""The service's database handle: the corpus's engine (`corpus.db.make_engine`) for the app's
settings, migrated to the newest revision (corpus schema plus the service's `s001`), and one
session per request.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy import Engine
from sqlmodel import Session

from corpus.db import make_engine, migrate
from service.settings import Settings


def engine_for(settings: Settings, *, upgrade: bool = True) -> Engine:
    """An engine on the settings' database, its schema brought to head."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    if upgrade:
        migrate(engine)
    return engine


def get_session(request: Request) -> Iterator[Session]:
    """A session on the app's engine, closed after the request."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session
