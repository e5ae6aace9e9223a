"""Job matching: each application's stored score and explanation; jobs' minimum years and
skill weights.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hireline.core import rls

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("min_years_experience", sa.Double(), nullable=True))
    op.add_column(
        "jobs",
        sa.Column(
            "skill_weights",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )
    op.create_table(
        "match_scores",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("job_id", sa.UUID(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("explanation", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "computed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["applications.tenant_id", "applications.id"],
            name=op.f("fk_match_scores_tenant_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "job_id"],
            ["jobs.tenant_id", "jobs.id"],
            name=op.f("fk_match_scores_tenant_id_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "application_id", name=op.f("pk_match_scores")),
    )
    op.create_index(
        "ix_match_scores_tenant_id_job_id_score",
        "match_scores",
        ["tenant_id", "job_id", sa.text("score DESC"), sa.text("application_id DESC")],
        unique=False,
    )
    rls.execute(rls.isolate_by_tenant("match_scores"))


def downgrade() -> None:
    rls.execute(rls.drop_isolation("match_scores"))
    op.drop_index("ix_match_scores_tenant_id_job_id_score", table_name="match_scores")
    op.drop_table("match_scores")
    op.drop_column("jobs", "skill_weights")
    op.drop_column("jobs", "min_years_experience")
