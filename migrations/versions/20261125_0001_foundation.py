"""Foundation: the task queue's schema and the domain event log.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from psycopg import sql
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The task queue's schema as procrastinate shipped it when this revision was written.
PROCRASTINATE_SCHEMA = Path(__file__).with_name("20261125_0001_procrastinate_schema.sql")

# procrastinate ships no uninstall script; its objects all share this prefix.
DROP_PROCRASTINATE = """
DO $$
DECLARE obj record;
BEGIN
    FOR obj IN SELECT oid::regprocedure AS signature FROM pg_proc
               WHERE proname LIKE 'procrastinate\\_%'
                 AND pronamespace = current_schema()::regnamespace
    LOOP
        EXECUTE 'DROP FUNCTION IF EXISTS ' || obj.signature || ' CASCADE';
    END LOOP;
    FOR obj IN SELECT tablename FROM pg_tables
               WHERE tablename LIKE 'procrastinate\\_%' AND schemaname = current_schema()
    LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', obj.tablename);
    END LOOP;
    FOR obj IN SELECT typname FROM pg_type
               WHERE typname LIKE 'procrastinate\\_%' AND typtype IN ('e', 'c')
                 AND typnamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', obj.typname);
    END LOOP;
END $$;
"""


def upgrade() -> None:
    _execute(PROCRASTINATE_SCHEMA.read_text(encoding="utf-8"))
    op.create_table(
        "domain_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("tenant_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("type", sa.String(length=100), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "occurred_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_domain_events")),
    )
    op.create_index(
        "ix_domain_events_tenant_id_occurred_at",
        "domain_events",
        ["tenant_id", "occurred_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_domain_events_tenant_id_occurred_at", table_name="domain_events")
    op.drop_table("domain_events")
    _execute(DROP_PROCRASTINATE)


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
