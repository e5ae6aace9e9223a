"""Candidate search: a weighted full-text document kept by the database, trigram indexes.

`candidates.resume_text` holds the newest résumé's text, copied there by a trigger on
`resumes`; `candidates.search_document` is a stored generated column over the candidate's
own fields and that copy, so every write path (API, parsing jobs, imports, COPY) keeps it
current without application code. `btree_gin` lets the GIN indexes lead with `tenant_id`.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from psycopg import sql
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Both are trusted contrib extensions (PostgreSQL 13+): a database owner may create them.
EXTENSIONS = """
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
"""

# IMMUTABLE because array_to_string is only STABLE in general (element output functions may
# depend on settings), which a generated column refuses; for varchar arrays it is not.
# The weights: name, e-mail and headline A; skills B; résumé text C; recruiter notes D.
DOCUMENT_FUNCTION = """
CREATE FUNCTION hireline_search_document(
    name text, email text, headline text, skills varchar[], resume_text text, notes text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT setweight(to_tsvector('english'::regconfig,
                             coalesce(name, '') || ' ' || coalesce(email, '') || ' '
                             || coalesce(headline, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, array_to_string(skills, ', ')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(resume_text, '')), 'C')
    || setweight(to_tsvector('english'::regconfig, coalesce(notes, '')), 'D')
$$;
"""

# The newest résumé with text wins; capped so that to_tsvector never meets its 1 MB limit.
RESUME_TRIGGER = """
CREATE FUNCTION hireline_copy_resume_text() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    row_ resumes%ROWTYPE;
    newest text;
BEGIN
    IF TG_OP = 'DELETE' THEN row_ := OLD; ELSE row_ := NEW; END IF;
    SELECT left(r.text, 100000) INTO newest
    FROM resumes r
    WHERE r.tenant_id = row_.tenant_id AND r.candidate_id = row_.candidate_id
      AND r.text IS NOT NULL
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT 1;
    UPDATE candidates c SET resume_text = newest
    WHERE c.tenant_id = row_.tenant_id AND c.id = row_.candidate_id
      AND c.resume_text IS DISTINCT FROM newest;
    RETURN NULL;
END $$;
CREATE TRIGGER resumes_copy_text_to_candidate
AFTER INSERT OR DELETE OR UPDATE OF text, created_at ON resumes
FOR EACH ROW EXECUTE FUNCTION hireline_copy_resume_text();
"""

BACKFILL = """
UPDATE candidates c SET resume_text = newest.text
FROM (
    SELECT DISTINCT ON (tenant_id, candidate_id) tenant_id, candidate_id, left(text, 100000) AS text
    FROM resumes WHERE text IS NOT NULL
    ORDER BY tenant_id, candidate_id, created_at DESC, id DESC
) AS newest
WHERE c.tenant_id = newest.tenant_id AND c.id = newest.candidate_id
"""

DOCUMENT_SQL = "hireline_search_document(name, email, headline, skills, resume_text, notes)"


def upgrade() -> None:
    _execute(EXTENSIONS)
    _execute(DOCUMENT_FUNCTION)
    op.add_column("candidates", sa.Column("resume_text", sa.Text(), nullable=True))
    op.add_column(
        "candidates",
        sa.Column(
            "search_document",
            postgresql.TSVECTOR(),
            sa.Computed(DOCUMENT_SQL, persisted=True),
            nullable=True,
        ),
    )
    op.create_index(
        "ix_candidates_tenant_id_search_document",
        "candidates",
        ["tenant_id", "search_document"],
        postgresql_using="gin",
    )
    op.create_index(
        "ix_candidates_tenant_id_name_trgm",
        "candidates",
        ["tenant_id", "name"],
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_candidates_tenant_id_email_trgm",
        "candidates",
        ["tenant_id", "email"],
        postgresql_using="gin",
        postgresql_ops={"email": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_candidates_tenant_id_skills",
        "candidates",
        ["tenant_id", "skills"],
        postgresql_using="gin",
    )
    _execute(RESUME_TRIGGER)
    _execute(BACKFILL)


def downgrade() -> None:
    _execute(
        "DROP TRIGGER IF EXISTS resumes_copy_text_to_candidate ON resumes;"
        "DROP FUNCTION IF EXISTS hireline_copy_resume_text();"
    )
    op.drop_index("ix_candidates_tenant_id_skills", table_name="candidates")
    op.drop_index("ix_candidates_tenant_id_email_trgm", table_name="candidates")
    op.drop_index("ix_candidates_tenant_id_name_trgm", table_name="candidates")
    op.drop_index("ix_candidates_tenant_id_search_document", table_name="candidates")
    op.drop_column("candidates", "search_document")
    op.drop_column("candidates", "resume_text")
    _execute(
        "DROP FUNCTION IF EXISTS hireline_search_document(text, text, text, varchar[], text, text);"
        "DROP EXTENSION IF EXISTS pg_trgm; DROP EXTENSION IF EXISTS btree_gin;"
    )


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
