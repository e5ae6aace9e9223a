"""Search at a million candidates: one index for every condition, and fewer rows read.

Measured with `bench/search.py` at 1 000 000 candidates in one tenant (docs/adr/0033):

- One GIN index over (tenant, document, skill keys, folded name, folded location) replaces
  the four of 0011 and 0015, so that one index scan intersects every condition, instead of
  each index building a bitmap of all its rows before PostgreSQL intersects them
  (`Java`+`SQL` with "banking": 77 -> 45 ms inside this function).
- In relevance order the words' matches are collected first; names or addresses only like
  the words (`Jonh Smiht`, `tommy.vikign88`) are compared by trigrams only when the words
  leave room in the window, and added after them. The comparison scanned the trigram
  postings of every name of the tenant (13 ms for "banking", which no name is like); a
  candidate found only by likeness could otherwise enter a full window only by its place in
  id order, which the walk never allowed.
- With a skill key among the conditions (the keys are the tenant's own), or when the tenant
  holds at least half the rows, the tenant is checked on the rows found rather than by
  intersecting its posting list, one entry per candidate, in the scan (45 -> 24 ms for the
  skill query, 17 -> 9 ms for "devops" in Berlin).
- A phrase in a tenant of over 10 000 candidates is counted on a sample of about 1 000 rows
  before choosing the index or the walk: PostgreSQL estimates a phrase as if its words were
  independent, and a job title's are not (`machine learning engineer`: one résumé in 300
  estimated, one in 23 in fact; 31 -> 22 ms).
- The function walks only when the walk reads fewer rows than the index would produce
  matches (0011 walked up to three rows a match): a walked row and a match from the index
  each cost 1-1.5 µs on 2 cores, and at 100 000 candidates "site reliability" walked 11 000
  rows in 13 ms where the index took 5.5 ms. At a million the choices are unchanged.

Everything else is 0015's function as 0038 left it (`pg_trgm.similarity_threshold` now set in
the definition, since CREATE OR REPLACE replaces a function's settings).

Revision ID: 0040
Revises: 0039
Create Date: 2026-12-06
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op
from psycopg import sql

revision: str = "0040"
down_revision: str | Sequence[str] | None = "0039"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in 0015 and 0038.
NAME_WORD_TRIGRAMS = 0.3
EMAIL_SIMILARITY = 0.5
FUZZY_ONLY_SHARE = 0.5
# Rows a walk may read per match the index would produce (0011: 3; see above).
WALK_ROWS_PER_MATCH = 1
# Rows of the table sampled for a phrase whose estimate is in doubt (about 2 ms).
SAMPLE_ROWS = 1000

# As in 0015 (see its notes), with the changes above.
SEARCH_FUNCTION = """
CREATE OR REPLACE FUNCTION hireline_search_candidates(
    query tsquery, excluded tsquery, fuzzy_name text, fuzzy_email text,
    skills_all text[], skills_any text[], tags text[], location_pattern text, source text,
    years_min double precision, years_max double precision,
    job_id uuid, stage_id uuid, status text,
    applied_from timestamptz, applied_to timestamptz,
    newest boolean, before uuid, max_rows integer
) RETURNS TABLE (candidate_id uuid, rank double precision)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, {schema}
SET enable_seqscan = off
SET enable_bitmapscan = on
SET max_parallel_workers_per_gather = 0
-- What `<%` asks of a query word before its likeness to the name's words is computed.
SET pg_trgm.word_similarity_threshold = {trigrams}
-- What `%` asks of a misspelt address's local part (0038).
SET pg_trgm.similarity_threshold = {email_similarity}
AS $fn$
DECLARE
    tenant uuid := hireline_current_tenant();
    matches text;
    alike text := NULL;
    score text := 'NULL::double precision';
    statement text;
    walk text;
    conditions text := '';
    plan json;
    estimated double precision;
    tenant_rows double precision;
    -- The query's words for name comparison, folded (two letters or more); each must be near
    -- some part of the name in the trigram index for the name to be compared.
    words text[];
    near text;
    -- Relevance with a likeness comparison: the candidates only like the words, compared
    -- after the words' own matches and only if those leave room in the window.
    alike_only text;
    found bigint;
    walking boolean := false;
    sampled_rows double precision;
    sampled_matches double precision;
    -- Rows of the whole table (NULL if never analysed).
    table_rows double precision;
    -- The tenant's rows, as every statement below starts.
    tenant_scope constant text := ' FROM candidate_search s WHERE s.tenant_id = $1';
    -- The same, the tenant checked on the rows an index found rather than in the index.
    rows_scope constant text := ' FROM candidate_search s WHERE (s.tenant_id = $1) IS TRUE';
BEGIN
    IF tenant IS NULL OR max_rows IS NULL OR max_rows < 1 THEN
        RETURN;
    END IF;
    statement := tenant_scope;
    IF fuzzy_name IS NOT NULL THEN
        words := ARRAY(SELECT DISTINCT w FROM regexp_split_to_table(
            hireline_fold(fuzzy_name), '[^[:alnum:]]+') AS w WHERE length(w) >= 2);
        IF cardinality(words) > 0 THEN
            near := (SELECT string_agg(format('($20)[%s] <%% s.name_folded', i), ' AND ')
                     FROM generate_subscripts(words, 1) AS i);
            alike := near || ' AND hireline_name_likeness($20, s.name_folded) > 0';
        END IF;
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
            IF fuzzy_name IS NOT NULL AND alike IS NOT NULL THEN
                -- Likeness costs far more than the trigram test: only for names near the
                -- words. A name only like the words ranks below a word-for-word match.
                score := score || ' + CASE WHEN ' || near
                    || ' THEN hireline_name_likeness($20, s.name_folded)'
                    || ' * CASE WHEN s.document @@ $2 THEN 1 ELSE {fuzzy_share} END ELSE 0 END';
            ELSIF fuzzy_email IS NOT NULL THEN
                score := score
                    || ' + CASE WHEN s.email_local % split_part($5, ''@'', 1)'
                    || ' THEN similarity(s.email, $5) ELSE 0 END';
            END IF;
        END IF;
    END IF;
    IF location_pattern IS NOT NULL THEN
        conditions := conditions || ' AND s.location_folded LIKE hireline_fold($9)';
    END IF;
    IF skills_all IS NOT NULL THEN
        conditions := conditions || ' AND s.skill_keys @> hireline_tenant_keys($1, $6)';
    END IF;
    IF skills_any IS NOT NULL THEN
        conditions := conditions || ' AND s.skill_keys && hireline_tenant_keys($1, $7)';
    END IF;
    IF tags IS NOT NULL THEN conditions := conditions || ' AND s.tags @> $8'; END IF;
    IF source IS NOT NULL THEN conditions := conditions || ' AND s.source = $10'; END IF;
    IF years_min IS NOT NULL THEN
        conditions := conditions || ' AND s.years_experience >= $11';
    END IF;
    IF years_max IS NOT NULL THEN
        conditions := conditions || ' AND s.years_experience <= $12';
    END IF;
    IF job_id IS NOT NULL OR stage_id IS NOT NULL OR status IS NOT NULL
            OR applied_from IS NOT NULL OR applied_to IS NOT NULL THEN
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
        IF query IS NOT NULL AND alike IS NOT NULL THEN
            statement := walk;
            alike_only := tenant_scope
                || ' AND NOT s.document @@ $2 AND (' || alike || ')' || conditions;
        END IF;
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1' || walk INTO plan
            USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any,
                  tags, location_pattern, source, years_min, years_max, job_id, stage_id,
                  status, applied_from, applied_to, before, max_rows, words;
        estimated := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1' || tenant_scope INTO plan USING tenant;
        tenant_rows := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
        table_rows := (SELECT nullif(greatest(reltuples, 0), 0) FROM pg_class
                       WHERE oid = 'candidate_search'::regclass);
        IF query::text ~ '<(-|[0-9]+)>' AND tenant_rows > 10 * {sample_rows}
                AND 5 * tenant_rows >= table_rows
                AND max_rows * tenant_rows / greatest(estimated, 1)
                    >= {walk_rows_per_match} * estimated THEN
            -- A phrase is estimated as if its words came independently. The words of a job
            -- title come together: `machine learning engineer` was estimated at one résumé
            -- in 300 where one in 23 holds it, and the index's way was taken (43 563 rows
            -- for a window of 501) where a walk reads 11 000. A sample of the table's pages
            -- says how many of the tenant's rows match. It reads a share of every page, so
            -- only a tenant with at least a fifth of the rows has enough of its own in it.
            EXECUTE 'SELECT count(*) FILTER (WHERE s.document @@ $2' || conditions || '),'
                || ' count(*) FROM candidate_search s'
                || ' TABLESAMPLE SYSTEM (($21)::real) REPEATABLE (0) WHERE s.tenant_id = $1'
                INTO sampled_matches, sampled_rows
                USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any,
                      tags, location_pattern, source, years_min, years_max, job_id, stage_id,
                      status, applied_from, applied_to, before, max_rows, words,
                      least(100.0, 100.0 * {sample_rows} / table_rows);
            IF sampled_rows >= {sample_rows} / 10 THEN
                estimated := greatest(estimated, sampled_matches * tenant_rows / sampled_rows);
            END IF;
        END IF;
        IF estimated > max_rows
                AND max_rows * tenant_rows / greatest(estimated, 1)
                    < {walk_rows_per_match} * estimated THEN
            PERFORM set_config('enable_bitmapscan', 'off', true);
            statement := walk || ' ORDER BY s.candidate_id';
            walking := true;
        END IF;
        IF NOT walking AND (skills_all IS NOT NULL OR skills_any IS NOT NULL
                -- Never analysed (no table_rows): the tenant stays in the index.
                OR (query IS NOT NULL AND 2 * tenant_rows >= table_rows)) THEN
            -- The index scan intersects the words' and filters' posting lists with the
            -- tenant's, one entry per candidate of the tenant: half the scan's work at a
            -- million candidates. Skill keys are the tenant's own (`<tenant>:<skill>`), and a
            -- tenant holding most of the rows (the only one, when self-hosted) is no filter
            -- worth its list: the rows found are checked for the tenant instead.
            statement := rows_scope || substr(statement, length(tenant_scope) + 1);
            alike_only := rows_scope || substr(alike_only, length(tenant_scope) + 1);
        END IF;
    END IF;
    RETURN QUERY EXECUTE 'SELECT s.candidate_id, ' || score || statement || ' LIMIT $19'
        USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any, tags,
              location_pattern, source, years_min, years_max, job_id, stage_id, status,
              applied_from, applied_to, before, max_rows, words;
    GET DIAGNOSTICS found = ROW_COUNT;
    IF alike_only IS NOT NULL AND found < max_rows THEN
        PERFORM set_config('enable_bitmapscan', 'on', true);
        RETURN QUERY EXECUTE 'SELECT s.candidate_id, ' || score || alike_only || ' LIMIT $19'
            USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any,
                  tags, location_pattern, source, years_min, years_max, job_id, stage_id,
                  status, applied_from, applied_to, before, max_rows - found, words;
    END IF;
END $fn$;
REVOKE ALL ON FUNCTION hireline_search_candidates FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hireline_search_candidates TO {role};
"""


def _sql(template: str) -> sql.Composed:
    return sql.SQL(template).format(
        schema=sql.Identifier(_current_schema()),
        role=sql.Identifier(_app_role()),
        trigrams=sql.Literal(NAME_WORD_TRIGRAMS),
        email_similarity=sql.Literal(EMAIL_SIMILARITY),
        fuzzy_share=sql.Literal(FUZZY_ONLY_SHARE),
        walk_rows_per_match=sql.Literal(WALK_ROWS_PER_MATCH),
        sample_rows=sql.Literal(SAMPLE_ROWS),
    )


# The indexes the one below replaces: (name, columns, operator classes), as 0011 and 0015 made
# them.
SEPARATE_INDEXES: list[tuple[str, list[str], dict[str, str]]] = [
    ("ix_candidate_search_tenant_id_document", ["tenant_id", "document"], {}),
    ("ix_candidate_search_skill_keys", ["skill_keys"], {}),
    (
        "ix_candidate_search_tenant_id_name_folded_trgm",
        ["tenant_id", "name_folded"],
        {"name_folded": "gin_trgm_ops"},
    ),
    (
        "ix_candidate_search_tenant_key_location_folded_trgm",
        ["tenant_key", "location_folded"],
        {"location_folded": "gin_trgm_ops"},
    ),
]
MATCHING_INDEX = "ix_candidate_search_matching"


def upgrade() -> None:
    for name, _, _ in SEPARATE_INDEXES:
        op.drop_index(name, table_name="candidate_search")
    op.create_index(
        MATCHING_INDEX,
        "candidate_search",
        ["tenant_id", "document", "skill_keys", "name_folded", "location_folded"],
        postgresql_using="gin",
        postgresql_ops={"name_folded": "gin_trgm_ops", "location_folded": "gin_trgm_ops"},
    )
    _execute(_sql(SEARCH_FUNCTION))


def _revision(filename: str) -> ModuleType:
    """An earlier migration, whose function the downgrade puts back."""
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"hireline_migration_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    op.drop_index(MATCHING_INDEX, table_name="candidate_search")
    for name, columns, ops in SEPARATE_INDEXES:
        op.create_index(
            name, "candidate_search", columns, postgresql_using="gin", postgresql_ops=ops
        )
    places = _revision("20261204_0015_search_places.py")
    _execute(places._sql(places.SEARCH_FUNCTION))
    _execute(_revision("20261206_0038_email_likeness.py").UPGRADE)


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
