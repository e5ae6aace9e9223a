"""Semantic matching: sentence embeddings of candidates and jobs, where pgvector exists.

Only on a server that offers the `vector` extension (the embedded PostgreSQL does; Debian's
PostgreSQL without the pgvector package does not): there it creates the extension and
`candidate_embeddings` / `job_embeddings`, elsewhere it changes nothing and says so, and
HIRELINE_SEMANTIC_MATCHING refuses to start (docs/adr/0012). The tables have no model in
`Base.metadata` for that reason (`hireline.metadata.OPTIONAL_TABLES`).

Each row keeps the model it came from and the SHA-256 of the text embedded, so unchanged
text is not embedded again. Row-level security as everywhere; the application role gets its
privileges from the default privileges of 0002. Erasing a candidate (`erased_at` set; the
row stays) deletes their embedding by trigger: it was computed from their résumé.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
import structlog
from alembic import op
from psycopg import sql

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

logger = structlog.get_logger(__name__)

DIMENSIONS = 384  # all-MiniLM-L6-v2 (hireline.matching.embeddings.DIMENSIONS)

TABLES = f"""
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE candidate_embeddings (
    tenant_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    model text NOT NULL,
    text_sha256 text NOT NULL,
    embedding vector({DIMENSIONS}) NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_candidate_embeddings PRIMARY KEY (tenant_id, candidate_id),
    CONSTRAINT fk_candidate_embeddings_tenant_id_candidates
        FOREIGN KEY (tenant_id, candidate_id) REFERENCES candidates (tenant_id, id)
        ON DELETE CASCADE
);
CREATE TABLE job_embeddings (
    tenant_id uuid NOT NULL,
    job_id uuid NOT NULL,
    model text NOT NULL,
    text_sha256 text NOT NULL,
    embedding vector({DIMENSIONS}) NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_job_embeddings PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_job_embeddings_tenant_id_jobs
        FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);
"""

# Runs as the erasing session (row-level security applies: its own tenant's row).
ERASURE_TRIGGER = """
CREATE FUNCTION hireline_forget_erased_embedding() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM candidate_embeddings WHERE tenant_id = NEW.tenant_id AND candidate_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER candidates_forget_erased_embedding
AFTER UPDATE OF erased_at ON candidates
FOR EACH ROW WHEN (NEW.erased_at IS NOT NULL)
EXECUTE FUNCTION hireline_forget_erased_embedding();
"""

DROP = """
DROP TRIGGER IF EXISTS candidates_forget_erased_embedding ON candidates;
DROP FUNCTION IF EXISTS hireline_forget_erased_embedding();
DROP TABLE IF EXISTS job_embeddings;
DROP TABLE IF EXISTS candidate_embeddings;
"""

# Unless something else uses it: other vectors in the database are not ours to drop.
DROP_EXTENSION = """
DO $$
BEGIN
    DROP EXTENSION IF EXISTS vector;
EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'extension vector kept: other objects use it';
END $$;
"""


def _vector_available() -> bool:
    if op.get_context().as_sql:
        return True  # an offline script (`--sql`) is written for a server that has pgvector
    return bool(
        op.get_bind()
        .execute(
            sa.text("SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'vector')")
        )
        .scalar_one()
    )


def _tables_exist() -> bool:
    if op.get_context().as_sql:
        return True
    return bool(
        op.get_bind()
        .execute(sa.text("SELECT to_regclass('candidate_embeddings') IS NOT NULL"))
        .scalar_one()
    )


def upgrade() -> None:
    if not _vector_available():
        logger.warning(
            "semantic_tables_skipped",
            reason="the PostgreSQL extension `vector` (pgvector) is not available on this "
            "server; HIRELINE_SEMANTIC_MATCHING cannot be turned on here",
        )
        return
    _execute(TABLES)
    _execute(_isolate_by_tenant("candidate_embeddings"))
    _execute(_isolate_by_tenant("job_embeddings"))
    _execute(ERASURE_TRIGGER)


def downgrade() -> None:
    if not _tables_exist():
        return  # upgraded on a server without pgvector: nothing was created
    _execute(DROP)
    _execute(DROP_EXTENSION)


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
