"""Where the corpus lives and how to open it: the data directory, the database URL, engines,
sessions and migrations. Configuration comes from the contract's two environment variables:

- `EIPCHECK_DATA_DIR`: the SQLite file, the stored originals (`blobs/`) and indexes (default `./data`);
- `EIPCHECK_DATABASE_URL`: an SQLAlchemy URL (default SQLite `eipcheck.sqlite3` in the data dir;
  `postgresql+psycopg://…` at scale).

Nothing here knows about documents or checks.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

DATA_DIR_ENV = "EIPCHECK_DATA_DIR"
DATABASE_URL_ENV = "EIPCHECK_DATABASE_URL"
SQLITE_NAME = "eipcheck.sqlite3"
MIGRATIONS = Path(__file__).parent / "migrations"


def data_dir() -> Path:
    """The data directory (created on first use)."""
    folder = Path(os.environ.get(DATA_DIR_ENV) or "data")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url(folder: Path | None = None) -> str:
    """The configured URL, or the SQLite file inside `folder` (the data directory by default)."""
    configured = os.environ.get(DATABASE_URL_ENV)
    if configured and folder is None:
        return configured
    return f"sqlite:///{(folder or data_dir()) / SQLITE_NAME}"


@dataclass(frozen=True)
class Corpus:
    """An opened corpus: its engine and the directory its stored originals live in."""

    engine: Engine
    data_dir: Path

    @property
    def is_sqlite(self) -> bool:
        """Whether the backend is SQLite (FTS5) rather than PostgreSQL (tsvector + GIN)."""
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        """A new session; the caller commits."""
        return Session(self.engine, expire_on_commit=False)


def make_engine(url: str) -> Engine:
    """An engine for this URL; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_corpus(target: str | Path | None = None, *, upgrade: bool = True) -> Corpus:
    """Open a corpus: `target` is an SQLAlchemy URL or a data directory (`--against` takes
    either); None means the configured one. The schema is migrated to head unless told not to.
    """
    if target is None:
        folder, url = data_dir(), database_url()
    elif "://" in str(target):
        folder, url = data_dir(), str(target)
    else:
        folder = Path(target)
        folder.mkdir(parents=True, exist_ok=True)
        url = database_url(folder)
    engine = make_engine(url)
    if upgrade:
        migrate(engine)
    return Corpus(engine, folder)


@lru_cache(maxsize=1)
def default_corpus() -> Corpus:
    """The configured corpus, opened once per process (for the service)."""
    return open_corpus()


def get_session() -> Iterator[Session]:
    """A FastAPI dependency: one session per request on the configured corpus."""
    with default_corpus().session() as session:
        yield session


@contextmanager
def session_scope(corpus: Corpus) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    session = corpus.session()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
