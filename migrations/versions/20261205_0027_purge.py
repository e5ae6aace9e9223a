"""A role for the daily purge: it may find and delete expired rows of every tenant in the
tables that keep transient records, and do nothing else.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0027"
down_revision: str | Sequence[str] | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Tables the purge clears of expired rows; its policies add to the tenant policy (permissive
# policies are OR-ed), for this role only, and for SELECT and DELETE only.
PURGED = (
    "idempotency_keys",
    "webhook_deliveries",
    "webhook_attempts",
    "api_usage",
    "revoked_access_tokens",
)


def upgrade() -> None:
    op.execute(
        """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hireline_purger') THEN
        CREATE ROLE hireline_purger NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END $$;
GRANT hireline_purger TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO hireline_purger;
GRANT SELECT (id, plan) ON tenants TO hireline_purger;
"""
    )
    for table in PURGED:
        op.execute(
            f"""
GRANT SELECT, DELETE ON {table} TO hireline_purger;
CREATE POLICY purge_reads ON {table} FOR SELECT TO hireline_purger USING (true);
CREATE POLICY purge_deletes ON {table} FOR DELETE TO hireline_purger USING (true);
"""
        )


def downgrade() -> None:
    for table in PURGED:
        op.execute(
            f"""
DROP POLICY purge_deletes ON {table};
DROP POLICY purge_reads ON {table};
REVOKE ALL ON {table} FROM hireline_purger;
"""
        )
    op.execute(
        """
REVOKE ALL ON tenants FROM hireline_purger;
REVOKE USAGE ON SCHEMA public FROM hireline_purger;
"""
    )
