"""SQL for migrations: the application role, its grants and tenant isolation policies.

Revisions never import this module: each carries a copy of what it uses, so that a change
here cannot change the SQL of a revision that already ran (tests/migrations). It is the
pattern a new revision copies.
"""

from __future__ import annotations

from alembic import op
from psycopg import sql


def execute(statement: str | sql.Composable) -> None:
    """Run SQL in the migration's transaction through psycopg itself.

    Function bodies hold `$$`, `%` and `:name` text that SQLAlchemy's and psycopg's
    parameter parsing would otherwise try to interpret.
    """
    op.get_bind().connection.driver_connection.execute(statement)  # type: ignore[union-attr]


CURRENT_TENANT_FUNCTION = """
CREATE OR REPLACE FUNCTION hireline_current_tenant() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION hireline_current_user() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION hireline_credential_lookup() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.credential_lookup', true), '') $$;
"""

DROP_CURRENT_TENANT_FUNCTION = """
DROP FUNCTION IF EXISTS hireline_current_tenant();
DROP FUNCTION IF EXISTS hireline_current_user();
DROP FUNCTION IF EXISTS hireline_credential_lookup();
"""


def create_app_role(role: str) -> sql.Composed:
    """Create the login-less role the app switches to, and let the migrating user use it."""
    return sql.SQL(
        """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {name}) THEN
        CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END $$;
GRANT {role} TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO {role};
"""
    ).format(role=sql.Identifier(role), name=sql.Literal(role))


def revoke_app_role(role: str) -> sql.Composed:
    """Undo `create_app_role` in this database (the role itself is cluster-wide and stays)."""
    return sql.SQL(
        """
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = {name}) THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA public
            REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM {role};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM {role};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM {role};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};
        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {role};
        REVOKE USAGE ON SCHEMA public FROM {role};
    END IF;
END $$;
"""
    ).format(role=sql.Identifier(role), name=sql.Literal(role))


def isolate_by_tenant(
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


def drop_isolation(table: str) -> sql.Composed:
    """Undo `isolate_by_tenant`."""
    return sql.SQL(
        "DROP POLICY IF EXISTS tenant_isolation ON {t}; "
        "DROP POLICY IF EXISTS credential_lookup ON {t}; "
        "DROP POLICY IF EXISTS own_memberships ON {t}; "
        "ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY; "
        "ALTER TABLE {t} DISABLE ROW LEVEL SECURITY"
    ).format(t=sql.Identifier(table))
