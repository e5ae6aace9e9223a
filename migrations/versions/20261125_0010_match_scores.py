"""Job matching: each application's stored score and explanation; jobs' minimum years and
skill weights.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from psycopg import sql
from sqlalchemy.dialects import postgresql

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
    _execute(_isolate_by_tenant("match_scores"))


def downgrade() -> None:
    _execute(_drop_isolation("match_scores"))
    op.drop_index("ix_match_scores_tenant_id_job_id_score", table_name="match_scores")
    op.drop_table("match_scores")
    op.drop_column("jobs", "skill_weights")
    op.drop_column("jobs", "min_years_experience")


# Frozen with this revision: copies of the helpers (hireline.core.rls) it used when it
# was written, so that later changes to the application's code cannot change its SQL.


def _execute(statement: str | sql.Composable) -> None:
    """Run SQL in the migration's transaction through psycopg itself; offline (`--sql`), write
    it to the script instead.

    Function bodies hold `$$`, `%` and `:name` text that SQLAlchemy's and psycopg's
    parameter parsing would otherwise try to interpret.
    """
    context = op.get_context()
    if context.as_sql:
        text = statement if isinstance(statement, str) else statement.as_string()
        context.impl.static_output(text.strip().rstrip(";") + ";\n")
        return
    op.get_bind().connection.driver_connection.execute(statement)  # type: ignore[union-attr]


def _isolate_by_tenant(
    table: str, *, lookup_column: str | None = None, member_column: str | None = None
) -> sql.Composed:
    """Row-level security on `table`: rows of the current tenant only, even for its owner.

    `lookup_column` additionally shows (read-only) the row whose digest the transaction
    asked for; `member_column` shows rows of the signed-in user across tenants.
    """
    t = sql.Identifier(table)
    statements: list[sql.Composable] = [
        sql.SQL("ALTER TABLE {t} ENABLE ROW LEVEL SECURITY").format(t=t),
        sql.SQL("ALTER TABLE {t} FORCE ROW LEVEL SECURITY").format(t=t),
        sql.SQL(
            "CREATE POLICY tenant_isolation ON {t} "
            "USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) "
            "WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())"
        ).format(t=t),
    ]
    if lookup_column:
        statements.append(
            sql.SQL(
                "CREATE POLICY credential_lookup ON {t} FOR SELECT "
                "USING ({c} = hireline_credential_lookup())"
            ).format(t=t, c=sql.Identifier(lookup_column))
        )
    if member_column:
        statements.append(
            sql.SQL(
                "CREATE POLICY own_memberships ON {t} FOR SELECT "
                "USING ({c} = hireline_current_user())"
            ).format(t=t, c=sql.Identifier(member_column))
        )
    return sql.SQL(";\n").join(statements)


def _drop_isolation(table: str) -> sql.Composed:
    """Undo `isolate_by_tenant`."""
    return sql.SQL(
        "DROP POLICY IF EXISTS tenant_isolation ON {t}; "
        "DROP POLICY IF EXISTS credential_lookup ON {t}; "
        "DROP POLICY IF EXISTS own_memberships ON {t}; "
        "ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY; "
        "ALTER TABLE {t} DISABLE ROW LEVEL SECURITY"
    ).format(t=sql.Identifier(table))
