"""Candidate search through a side table the application cannot read, and one door into it.

Row-level security only lets PostgreSQL use a condition as an index condition if its operator
functions are LEAKPROOF; `@@`, pg_trgm's `%` and the array operators are not, so on
`candidates` the GIN indexes of 0009 could only narrow to the tenant (docs/adr/0011). Here:

- `candidate_search` holds, per live candidate, what search matches and filters on (the
  document from `candidates.search_document`, name, e-mail, skills, tags, location, source,
  years), with the GIN indexes (the e-mail one on the address's local part), and no
  row-level security: the application role has no privilege on it at all.
- A trigger on `candidates` keeps it current (erasure removes the row; deletion cascades).
- `hireline_search_candidates(...)`, SECURITY DEFINER, is the only way in. It reads the
  tenant from the session (`hireline_current_tenant()`), never from a parameter, so a caller
  sees only the tenant row-level security would show it; it returns candidate ids and ranks.
- The 0009 indexes on `candidates` helped nothing under row-level security, and cost writes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from psycopg import sql
from sqlalchemy.dialects import postgresql

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every column of `candidates` that `search_document` or a copied column depends on, so that
# the trigger fires for each change search must see.
SYNC_TRIGGER = """
CREATE FUNCTION hireline_sync_candidate_search() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
BEGIN
    IF NEW.erased_at IS NOT NULL THEN
        DELETE FROM candidate_search WHERE tenant_id = NEW.tenant_id AND candidate_id = NEW.id;
        RETURN NULL;
    END IF;
    INSERT INTO candidate_search AS s (tenant_id, candidate_id, document, name, email, skills,
                                       tags, location, source, years_experience)
    VALUES (NEW.tenant_id, NEW.id, NEW.search_document, NEW.name, NEW.email,
            NEW.skills::text[], NEW.tags::text[], NEW.location, NEW.source,
            NEW.years_experience)
    ON CONFLICT (tenant_id, candidate_id) DO UPDATE SET
        document = EXCLUDED.document, name = EXCLUDED.name, email = EXCLUDED.email,
        skills = EXCLUDED.skills, tags = EXCLUDED.tags, location = EXCLUDED.location,
        source = EXCLUDED.source, years_experience = EXCLUDED.years_experience;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hireline_sync_candidate_search() FROM PUBLIC, {role};
CREATE TRIGGER candidates_sync_search
AFTER INSERT OR UPDATE OF name, email, headline, skills, resume_text, notes, tags, location,
    source, years_experience, erased_at
ON candidates
FOR EACH ROW EXECUTE FUNCTION hireline_sync_candidate_search();
"""

# The owner bypasses row-level security only while it is not FORCEd.
BACKFILL = """
ALTER TABLE candidates NO FORCE ROW LEVEL SECURITY;
INSERT INTO candidate_search (tenant_id, candidate_id, document, name, email, skills, tags,
                              location, source, years_experience)
SELECT tenant_id, id, search_document, name, email, skills::text[], tags::text[], location,
       source, years_experience
FROM candidates WHERE erased_at IS NULL;
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;
"""

# PL/pgSQL so that the statement is assembled from fixed pieces for the conditions actually
# given (clean index conditions, no `$n IS NULL OR ...`) and planned with the values at hand;
# every value is a USING parameter. Parameters, in order: $1 the session's tenant, then the
# function's own in their order. A fuzzy e-mail compares local parts (see the index) and ranks
# by the whole address.
#
# Relevance order ranks a window of at most `max_rows` matches: all of them when there are
# fewer, else the first in id order (oldest first). Two ways to collect it: the GIN indexes,
# which must produce every match before the first row comes out (about 0.3 us a match here),
# or a walk of the tenant's rows in id order that stops at `max_rows` matches (about 1 us a
# row, max_rows / selectivity rows). PostgreSQL's planner prices the walk far above what it
# costs and takes the indexes even for a word in a fifth of a million résumés (50 ms against
# 5 ms), so the function asks the planner only for its row estimates (accurate: they come
# from the columns' statistics) and walks when the walk reads fewer than `WALK_ROWS_PER_MATCH`
# rows per match the indexes would have to produce. A walk reads full-text matches only: the
# fuzzy name or e-mail alternative is for words that find few candidates, where the indexes
# (which it needs: a trigram comparison costs more than a walk's whole step) are used anyway.
# Newest order walks the ids backwards.
WALK_ROWS_PER_MATCH = 3
SEARCH_FUNCTION = """
CREATE FUNCTION hireline_search_candidates(
    query tsquery, excluded tsquery, fuzzy_name text, fuzzy_email text,
    skills_all text[], skills_any text[], tags text[], location_pattern text, source text,
    years_min double precision, years_max double precision,
    job_id uuid, stage_id uuid, status text,
    applied_from timestamptz, applied_to timestamptz,
    newest boolean, before uuid, max_rows integer
) RETURNS TABLE (candidate_id uuid, rank double precision)
-- VOLATILE (the default), not STABLE: it runs EXPLAIN and changes a setting (see below).
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, {schema}
-- The table holds every tenant: reading all of it to find the first matches of one is never
-- the cheap plan it may look like (and detoasts every document on the way).
SET enable_seqscan = off
-- Switched off below to make the planner walk; a SET clause keeps that inside the function.
SET enable_bitmapscan = on
-- A search reads a few thousand rows at most: starting a parallel worker costs more than that
-- (measured: 7 ms of a 15 ms walk), and other searches want the cores.
SET max_parallel_workers_per_gather = 0
AS $fn$
DECLARE
    tenant uuid := hireline_current_tenant();
    matches text;
    alike text := NULL;
    score text := 'NULL::double precision';
    statement text;
    -- The same without the fuzzy alternative: what a walk reads (see below).
    walk text;
    -- The conditions besides the words, shared by both.
    conditions text := '';
    plan json;
    estimated double precision;
    tenant_rows double precision;
BEGIN
    IF tenant IS NULL OR max_rows IS NULL OR max_rows < 1 THEN
        RETURN;
    END IF;
    statement := ' FROM candidate_search s WHERE s.tenant_id = $1';
    IF fuzzy_name IS NOT NULL THEN
        alike := 's.name % $4';
    ELSIF fuzzy_email IS NOT NULL THEN
        alike := 's.email_local % split_part($5, ''@'', 1)';
    END IF;
    walk := statement;
    IF query IS NOT NULL THEN
        walk := walk || ' AND s.document @@ $2';
        matches := 's.document @@ $2';
        IF alike IS NOT NULL THEN
            IF excluded IS NOT NULL THEN
                alike := alike || ' AND NOT s.document @@ $3';
            END IF;
            matches := matches || ' OR (' || alike || ')';
        END IF;
        statement := statement || ' AND (' || matches || ')';
        IF NOT newest THEN
            score := 'ts_rank(''{{0.05, 0.2, 0.5, 1.0}}''::float4[], s.document, $2)::float8';
            IF fuzzy_name IS NOT NULL THEN
                score := score
                    || ' + CASE WHEN s.name % $4 THEN similarity(s.name, $4) ELSE 0 END';
            ELSIF fuzzy_email IS NOT NULL THEN
                score := score
                    || ' + CASE WHEN s.email_local % split_part($5, ''@'', 1)'
                    || ' THEN similarity(s.email, $5) ELSE 0 END';
            END IF;
        END IF;
    END IF;
    IF skills_all IS NOT NULL OR skills_any IS NOT NULL OR location_pattern IS NOT NULL THEN
        -- The filters' indexes lead with the copy of the tenant (see the table).
        conditions := conditions || ' AND s.tenant_key = $1';
    END IF;
    IF skills_all IS NOT NULL THEN conditions := conditions || ' AND s.skills @> $6'; END IF;
    IF skills_any IS NOT NULL THEN conditions := conditions || ' AND s.skills && $7'; END IF;
    IF tags IS NOT NULL THEN conditions := conditions || ' AND s.tags @> $8'; END IF;
    IF location_pattern IS NOT NULL THEN
        conditions := conditions || ' AND s.location ILIKE $9';
    END IF;
    IF source IS NOT NULL THEN conditions := conditions || ' AND s.source = $10'; END IF;
    IF years_min IS NOT NULL THEN
        conditions := conditions || ' AND s.years_experience >= $11';
    END IF;
    IF years_max IS NOT NULL THEN
        conditions := conditions || ' AND s.years_experience <= $12';
    END IF;
    IF job_id IS NOT NULL OR stage_id IS NOT NULL OR status IS NOT NULL
            OR applied_from IS NOT NULL OR applied_to IS NOT NULL THEN
        -- One application satisfying every application filter (row-level security on
        -- `applications` applies as well, to the same tenant).
        conditions := conditions || ' AND EXISTS (SELECT FROM applications a'
            || ' WHERE a.tenant_id = $1 AND a.candidate_id = s.candidate_id'
            || CASE WHEN job_id IS NOT NULL THEN ' AND a.job_id = $13' ELSE '' END
            || CASE WHEN stage_id IS NOT NULL THEN ' AND a.stage_id = $14' ELSE '' END
            || CASE WHEN status IS NOT NULL THEN ' AND a.status = $15' ELSE '' END
            || CASE WHEN applied_from IS NOT NULL THEN ' AND a.applied_at >= $16' ELSE '' END
            || CASE WHEN applied_to IS NOT NULL THEN ' AND a.applied_at < $17' ELSE '' END
            || ')';
    END IF;
    statement := statement || conditions;
    walk := walk || conditions;
    IF newest THEN
        IF before IS NOT NULL THEN
            statement := statement || ' AND s.candidate_id < $18';
        END IF;
        statement := statement || ' ORDER BY s.candidate_id DESC';
    ELSIF query IS NOT NULL OR conditions <> '' THEN
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1' || walk INTO plan
            USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any,
                  tags, location_pattern, source, years_min, years_max, job_id, stage_id,
                  status, applied_from, applied_to, before, max_rows;
        estimated := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM candidate_search s WHERE s.tenant_id = $1'
            INTO plan USING tenant;
        tenant_rows := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
        IF estimated > max_rows
                AND max_rows * tenant_rows / greatest(estimated, 1)
                    < {walk_rows_per_match} * estimated THEN
            PERFORM set_config('enable_bitmapscan', 'off', true);
            statement := walk || ' ORDER BY s.candidate_id';
        END IF;
    END IF;
    RETURN QUERY EXECUTE 'SELECT s.candidate_id, ' || score || statement || ' LIMIT $19'
        USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any, tags,
              location_pattern, source, years_min, years_max, job_id, stage_id, status,
              applied_from, applied_to, before, max_rows;
END $fn$;
REVOKE ALL ON FUNCTION hireline_search_candidates FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hireline_search_candidates TO {role};
"""

DROP_FUNCTIONS = """
DROP TRIGGER IF EXISTS candidates_sync_search ON candidates;
DROP FUNCTION IF EXISTS hireline_sync_candidate_search();
DROP FUNCTION IF EXISTS hireline_search_candidates;
"""

# Indexes of 0009 that row-level security kept from being used for anything but the tenant.
CANDIDATE_INDEXES: list[tuple[str, list[str], dict[str, str]]] = [
    ("ix_candidates_tenant_id_search_document", ["tenant_id", "search_document"], {}),
    ("ix_candidates_tenant_id_name_trgm", ["tenant_id", "name"], {"name": "gin_trgm_ops"}),
    ("ix_candidates_tenant_id_email_trgm", ["tenant_id", "email"], {"email": "gin_trgm_ops"}),
    ("ix_candidates_tenant_id_skills", ["tenant_id", "skills"], {}),
]


def _sql(template: str) -> sql.Composed:
    schema = _current_schema()
    return sql.SQL(template).format(
        schema=sql.Identifier(schema),
        role=sql.Identifier(_app_role()),
        walk_rows_per_match=sql.Literal(WALK_ROWS_PER_MATCH),
    )


def upgrade() -> None:
    op.create_table(
        "candidate_search",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("candidate_id", sa.UUID(), nullable=False),
        sa.Column("document", postgresql.TSVECTOR(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column(
            "email_local",
            sa.Text(),
            sa.Computed("split_part(email, '@', 1)", persisted=True),
            nullable=True,
        ),
        # A copy of tenant_id for the filters' indexes: PostgreSQL never ANDs two bitmap
        # index scans that use the same condition, so with `tenant_id` leading every index a
        # query could use the words' index or a filter's, never both (at a million
        # candidates: 130 ms for "devops" in Berlin, 40 ms with both). The statistics below
        # tell the planner the two are one, so its estimates do not count the tenant twice.
        sa.Column("tenant_key", sa.UUID(), sa.Computed("tenant_id", persisted=True), nullable=True),
        sa.Column("skills", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("years_experience", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "candidate_id"],
            ["candidates.tenant_id", "candidates.id"],
            name=op.f("fk_candidate_search_tenant_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "candidate_id", name=op.f("pk_candidate_search")),
    )
    # Default privileges (0002) gave the application role the usual grants; take them back.
    _execute(_sql("REVOKE ALL ON candidate_search FROM PUBLIC, {role}"))
    op.create_index(
        "ix_candidate_search_tenant_id_document",
        "candidate_search",
        ["tenant_id", "document"],
        postgresql_using="gin",
    )
    op.create_index(
        "ix_candidate_search_tenant_id_name_trgm",
        "candidate_search",
        ["tenant_id", "name"],
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    # E-mails are compared by their local part: every address of a tenant shares its domain's
    # trigrams, so a trigram index on whole addresses returns most of the tenant.
    op.create_index(
        "ix_candidate_search_tenant_id_email_local_trgm",
        "candidate_search",
        ["tenant_id", "email_local"],
        postgresql_using="gin",
        postgresql_ops={"email_local": "gin_trgm_ops"},
    )
    # Location is a substring filter (ILIKE '%berlin%'); without an index it is checked row by
    # row on every candidate the other conditions found.
    op.create_index(
        "ix_candidate_search_tenant_key_location_trgm",
        "candidate_search",
        ["tenant_key", "location"],
        postgresql_using="gin",
        postgresql_ops={"location": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_candidate_search_tenant_key_skills",
        "candidate_search",
        ["tenant_key", "skills"],
        postgresql_using="gin",
    )
    _execute(
        "CREATE STATISTICS candidate_search_tenant_key (dependencies)"
        " ON tenant_id, tenant_key FROM candidate_search"
    )
    _execute(_sql(SYNC_TRIGGER))
    _execute(BACKFILL)
    _execute(_sql(SEARCH_FUNCTION))
    for name, _, _ in CANDIDATE_INDEXES:
        op.drop_index(name, table_name="candidates")


def downgrade() -> None:
    for name, columns, ops in CANDIDATE_INDEXES:
        op.create_index(name, "candidates", columns, postgresql_using="gin", postgresql_ops=ops)
    _execute(DROP_FUNCTIONS)
    op.drop_table("candidate_search")


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


def _app_role() -> str:
    """The role the application switches to (`HIRELINE_DATABASE_APP_ROLE`), which
    migrations/env.py puts in the Alembic configuration: an input, like the database URL."""
    context = op.get_context()
    assert context.config is not None
    return str(context.config.attributes["app_role"])


def _current_schema() -> str:
    """The schema being migrated; an offline script (`--sql`) is written for `public`."""
    if op.get_context().as_sql:
        return "public"
    return str(op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one())
