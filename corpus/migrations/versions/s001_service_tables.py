"""The service's own tables (issue #7): users, API/session tokens, audit log, review jobs and the
stored contract JSON of each submission's latest review (see service/tables.py).

Revision ID: s001
Revises: 0003

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s001"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the service tables."""
    op.create_table(
        "svc_user",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=128), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("park_id", sa.Integer(), sa.ForeignKey("parks.id"), nullable=True),
        sa.Column("province", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_svc_user_username", "svc_user", ["username"], unique=True)
    op.create_index("ix_svc_user_park_id", "svc_user", ["park_id"])
    op.create_table(
        "svc_token",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("svc_user.id"), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_svc_token_token_hash", "svc_token", ["token_hash"], unique=True)
    op.create_index("ix_svc_token_user_id", "svc_token", ["user_id"])
    op.create_table(
        "svc_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
    )
    op.create_index("ix_svc_audit_at", "svc_audit", ["at"])
    op.create_index("ix_svc_audit_user_id", "svc_audit", ["user_id"])
    op.create_table(
        "svc_job",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("submission_id", sa.Integer(), sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("upload_dir", sa.String(), nullable=False),
        sa.Column("today", sa.String(length=10), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_svc_job_submission_id", "svc_job", ["submission_id"])
    op.create_index("ix_svc_job_status", "svc_job", ["status"])
    op.create_table(
        "svc_review",
        sa.Column("submission_id", sa.Integer(), sa.ForeignKey("submissions.id"), primary_key=True),
        sa.Column("job_id", sa.Integer(), sa.ForeignKey("svc_job.id"), nullable=True),
        sa.Column("review_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the service tables."""
    for table in ("svc_review", "svc_job", "svc_audit", "svc_token", "svc_user"):
        op.drop_table(table)
