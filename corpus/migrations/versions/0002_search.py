"""Search and copy-detection indexes: full-text over `passages.tokens` (SQLite FTS5 kept in step
by triggers; PostgreSQL a generated tsvector with a GIN index), and LSH band keys indexed alone
(a band key already encodes its band number, so one IN() over keys finds every candidate).

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE passages_fts USING fts5(tokens, content='passages', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER passages_fts_update AFTER UPDATE OF tokens ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO passages_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER passages_fts_update",
    "DROP TRIGGER passages_fts_delete",
    "DROP TRIGGER passages_fts_insert",
    "DROP TABLE passages_fts",
]
POSTGRES_UP = [
    "ALTER TABLE passages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED",
    "CREATE INDEX ix_passages_tsv ON passages USING gin (tsv)",
]
POSTGRES_DOWN = ["DROP INDEX ix_passages_tsv", "ALTER TABLE passages DROP COLUMN tsv"]


def upgrade() -> None:
    """Full-text index for the backend, and the band-key index."""
    for statement in SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP:
        op.execute(statement)
    op.drop_index("ix_passage_bands_band_hash", table_name="passage_bands")
    op.create_index("ix_passage_bands_hash", "passage_bands", ["hash"])


def downgrade() -> None:
    """Back to 0001."""
    op.drop_index("ix_passage_bands_hash", table_name="passage_bands")
    op.create_index("ix_passage_bands_band_hash", "passage_bands", ["band", "hash"])
    for statement in SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN:
        op.execute(statement)
