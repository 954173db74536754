"""Alembic environment: migrates the connection `corpus.db.migrate` hands over, or else the
configured database (`EIPCHECK_DATABASE_URL` / `EIPCHECK_DATA_DIR`) when run as `alembic upgrade head`.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import corpus.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from corpus.db import database_url, make_engine

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    """Run the migrations on the handed-over connection or a fresh engine."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or database_url())
    with engine.begin() as fresh:
        _run(fresh)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
