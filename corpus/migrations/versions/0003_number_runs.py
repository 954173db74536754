"""Runs of numbers in documents' tables, for copied data tables (integrity.copied_numbers).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The number_runs table and its hash index."""
    op.create_table(
        "number_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_number_runs_hash", "number_runs", ["hash"])
    op.create_index("ix_number_runs_document_id", "number_runs", ["document_id"])


def downgrade() -> None:
    """Back to 0002."""
    op.drop_table("number_runs")
