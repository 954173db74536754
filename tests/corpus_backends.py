"""The corpus tests run on both backends: a fresh SQLite file per test, and one PostgreSQL
database per session (created as eipcheck_test_<pid>, emptied before each use, dropped at the
end). PostgreSQL is skipped only when no server answers, and the skip says why; `scripts/test.sh`
starts an installed but stopped server first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from corpus.db import Corpus, make_engine, open_corpus

ADMIN_URL = os.environ.get("EIPCHECK_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    admin = make_engine(ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    name = f"eipcheck_test_{os.getpid()}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server: the only reason to skip
        admin.dispose()
        pytest.skip(f"PostgreSQL 不可用（{ADMIN_URL}）：{type(exc).__name__}: {exc}".splitlines()[0])
    yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def open_backend(request: pytest.FixtureRequest, backend: str, folder: Path) -> Corpus:
    """An empty, migrated corpus on this backend with `folder` as its data directory."""
    if backend == "sqlite":
        return open_corpus(folder)
    opened = open_corpus(request.getfixturevalue("postgres_url"))
    names = ", ".join(f'"{t}"' for t in _tables(opened))
    with opened.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    folder.mkdir(parents=True, exist_ok=True)
    return Corpus(opened.engine, folder)


def _tables(corpus: Corpus) -> list[str]:
    from sqlmodel import SQLModel

    return [t.name for t in SQLModel.metadata.sorted_tables]


@pytest.fixture(params=BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path) -> Iterator[Corpus]:
    """An empty, migrated corpus on each backend, with its own data directory."""
    opened = open_backend(request, request.param, tmp_path / "data")
    yield opened
    opened.engine.dispose()
