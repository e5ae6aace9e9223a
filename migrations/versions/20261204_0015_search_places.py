"""Search that ignores accents, pairs misspelt names word by word, and finds part of an e-mail.

- `unaccent` in the text search configuration `hireline` (a copy of `english` whose word
  dictionaries first take the accents off), used by the candidate document and every query:
  `Jose Alvarez` finds José Álvarez, `alv*` finds Álvarez.
- The document also holds the e-mail address's local part and its pieces (split at dots,
  dashes, underscores and plus signs, and between letters and digits), so `tommy.viking88`
  and `viking88` find tommy.viking88@example.com; before, the address was one word.
- `candidate_search` gains folded copies (accents off, lower case) of the name and the
  location, with their trigram indexes: `Muller` finds Müller, `location=Krakow` Kraków.
- Names are compared word by word (`hireline_name_likeness`): every word of the query is
  paired with the name's word it is most like (trigram similarity, or edit distance with a
  swap of two letters counted as one edit), every word must reach `NAME_WORD_FLOOR`, and the
  mean is the rank. `Jonh Smiht` finds John Smith; the whole-string similarity of before
  failed when every word had a typo. The trigram index finds the rows to compare: every word
  (of two letters or more) shares a third of its trigrams with some part of the name.
- Skills are filtered through tenant-prefixed keys (`<tenant>:<skill>`) in a GIN index of
  their own: the posting list of a skill is that tenant's holders only, where the index on
  (tenant_key, skills) had to intersect it with a posting list of every row of the tenant.

Revision ID: 0015
Revises: 0017
Create Date: 2026-12-04
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op
from psycopg import sql
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME_WORD_FLOOR = 0.6
# The share of its likeness a name matched by likeness alone adds to the rank: a name like the
# words (Tom Viking for `tommy.viking88`) stays below the words' own match (an A-weighted hit
# ranks about 0.6, name likeness adds up to 1).
FUZZY_ONLY_SHARE = 0.5
# Share of a query word's trigrams some part of the name must have to be compared at all. A
# fifth would let a four-letter word with two letters swapped (`Frod`, `Jhon`) through, but
# makes `Jon` compare every name with a word starting with J (half a second at 100 000).
NAME_WORD_TRIGRAMS = 0.3

EXTENSIONS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
"""

# `unaccent(regdictionary, text)` is STABLE (the dictionary could be changed); fixing the
# dictionary makes it safe to declare IMMUTABLE, which indexes and generated columns need.
FUNCTIONS = """
CREATE TEXT SEARCH CONFIGURATION {schema}.hireline (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION {schema}.hireline
    ALTER MAPPING FOR word, hword, hword_part WITH {schema}.unaccent, english_stem;

CREATE FUNCTION hireline_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN lower({schema}.unaccent('{schema}.unaccent'::regdictionary, value));

-- The local part of an address and its pieces, as words for the document.
CREATE FUNCTION hireline_email_words(email text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce((
    SELECT local || ' ' || pieces || ' '
           || regexp_replace(pieces, '([[:alpha:]])([[:digit:]])|([[:digit:]])([[:alpha:]])',
                             '\\1\\3 \\2\\4', 'g')
    FROM (SELECT split_part(email, '@', 1) AS local,
                 regexp_replace(split_part(email, '@', 1), '[^[:alnum:]]+', ' ', 'g') AS pieces)
         AS parts
), '');

-- Each skill prefixed with the tenant, for an index whose posting lists are per tenant.
CREATE FUNCTION hireline_tenant_keys(tenant uuid, vals text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY(SELECT tenant::text || ':' || v FROM unnest(vals) AS v);

CREATE FUNCTION hireline_letters(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN (SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(word, '') AS c);

-- How alike two words are (0-1): their trigram similarity, or one less the share of letters
-- to edit, two letters swapped counting as one edit (`jonh`, `john`). PL/pgSQL: its simple
-- expressions cost a microsecond or two, where an SQL function's subqueries cost a plan each.
CREATE FUNCTION hireline_word_likeness(a text, b text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
    edits integer;
BEGIN
    IF a = b THEN
        RETURN 1.0;
    END IF;
    edits := {schema}.levenshtein(a, b);
    IF edits = 2 AND length(a) = length(b) AND hireline_letters(a) = hireline_letters(b) THEN
        edits := 1;
    END IF;
    RETURN greatest({schema}.similarity(a, b)::double precision,
                    1.0 - edits::double precision / greatest(length(a), length(b), 1));
END $$;

-- Every word of the query paired with the name's word most like it; the mean likeness when
-- every word reaches the floor, else 0.
CREATE FUNCTION hireline_name_likeness(words text[], name text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    parts text[] := regexp_split_to_array(name, '[^[:alnum:]]+');
    word text;
    part text;
    best double precision;
    total double precision := 0;
BEGIN
    IF words IS NULL OR cardinality(words) = 0 OR name IS NULL THEN
        RETURN 0;
    END IF;
    FOREACH word IN ARRAY words LOOP
        best := 0;
        FOREACH part IN ARRAY parts LOOP
            IF part <> '' THEN
                best := greatest(best, hireline_word_likeness(word, part));
            END IF;
        END LOOP;
        IF best < {floor} THEN
            RETURN 0;
        END IF;
        total := total + best;
    END LOOP;
    RETURN total / cardinality(words);
END $$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS hireline_name_likeness(text[], text);
DROP FUNCTION IF EXISTS hireline_word_likeness(text, text);
DROP FUNCTION IF EXISTS hireline_letters(text);
DROP FUNCTION IF EXISTS hireline_tenant_keys(uuid, text[]);
DROP FUNCTION IF EXISTS hireline_email_words(text);
DROP FUNCTION IF EXISTS hireline_fold(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS {schema}.hireline;
"""

# The weights as in 0009: name, e-mail and headline A; skills B; résumé text C; notes D.
DOCUMENT_FUNCTION = """
CREATE OR REPLACE FUNCTION hireline_search_document(
    name text, email text, headline text, skills varchar[], resume_text text, notes text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT setweight(to_tsvector({config},
                             coalesce(name, '') || ' ' || coalesce(email, '') || ' '
                             || {schema}.hireline_email_words(email) || ' '
                             || coalesce(headline, '')), 'A')
    || setweight(to_tsvector({config}, array_to_string(skills, ', ')), 'B')
    || setweight(to_tsvector({config}, coalesce(resume_text, '')), 'C')
    || setweight(to_tsvector({config}, coalesce(notes, '')), 'D')
$$;
"""

DOCUMENT_SQL = "hireline_search_document(name, email, headline, skills, resume_text, notes)"

# The owner bypasses row-level security only while it is not FORCEd.
REFRESH_DOCUMENTS = """
ALTER TABLE candidates NO FORCE ROW LEVEL SECURITY;
UPDATE candidate_search s SET document = c.search_document
FROM candidates c WHERE c.tenant_id = s.tenant_id AND c.id = s.candidate_id;
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;
"""

# As in 0011 (see its notes on the walk and the window), with: words compared through the
# `hireline` configuration (the caller builds `query` with it); names compared word by word
# on their folded copy, with `words` the query's folded words; the location compared folded;
# skills through their tenant-prefixed keys.
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
BEGIN
    IF tenant IS NULL OR max_rows IS NULL OR max_rows < 1 THEN
        RETURN;
    END IF;
    statement := ' FROM candidate_search s WHERE s.tenant_id = $1';
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
        -- The location's index leads with the copy of the tenant (see 0011).
        conditions := conditions || ' AND s.tenant_key = $1'
            || ' AND s.location_folded LIKE hireline_fold($9)';
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
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1' || walk INTO plan
            USING tenant, query, excluded, fuzzy_name, fuzzy_email, skills_all, skills_any,
                  tags, location_pattern, source, years_min, years_max, job_id, stage_id,
                  status, applied_from, applied_to, before, max_rows, words;
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
              applied_from, applied_to, before, max_rows, words;
END $fn$;
REVOKE ALL ON FUNCTION hireline_search_candidates FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hireline_search_candidates TO {role};
"""
WALK_ROWS_PER_MATCH = 3

# (name, expression, type) of the folded and keyed copies in `candidate_search`.
SEARCH_COLUMNS: list[tuple[str, str, sa.types.TypeEngine[Any]]] = [
    ("name_folded", "hireline_fold(name)", sa.Text()),
    ("location_folded", "hireline_fold(location)", sa.Text()),
    ("skill_keys", "hireline_tenant_keys(tenant_id, skills)", postgresql.ARRAY(sa.Text())),
]


def _sql(template: str) -> sql.Composed:
    schema = _current_schema()
    return sql.SQL(template).format(
        schema=sql.Identifier(schema),
        role=sql.Identifier(_app_role()),
        config=sql.Literal(f"{schema}.hireline") + sql.SQL("::regconfig"),
        floor=sql.Literal(NAME_WORD_FLOOR),
        trigrams=sql.Literal(NAME_WORD_TRIGRAMS),
        fuzzy_share=sql.Literal(FUZZY_ONLY_SHARE),
        walk_rows_per_match=sql.Literal(WALK_ROWS_PER_MATCH),
    )


def _add_document_column() -> None:
    """Add `candidates.search_document` back, computed by the document function as it is now.

    A stored generated column keeps the values of the function it was computed with (and
    PostgreSQL 15 cannot change its expression), so it is dropped and added again.
    """
    op.add_column(
        "candidates",
        sa.Column(
            "search_document",
            postgresql.TSVECTOR(),
            sa.Computed(DOCUMENT_SQL, persisted=True),
            nullable=True,
        ),
    )


def upgrade() -> None:
    _execute(EXTENSIONS)
    _execute(_sql(FUNCTIONS))
    op.drop_column("candidates", "search_document")
    _execute(_sql(DOCUMENT_FUNCTION))
    _add_document_column()
    _execute(REFRESH_DOCUMENTS)
    for name, expression, type_ in SEARCH_COLUMNS:
        op.add_column(
            "candidate_search",
            sa.Column(name, type_, sa.Computed(expression, persisted=True), nullable=True),
        )
    op.drop_index("ix_candidate_search_tenant_id_name_trgm", table_name="candidate_search")
    op.drop_index("ix_candidate_search_tenant_key_location_trgm", table_name="candidate_search")
    op.drop_index("ix_candidate_search_tenant_key_skills", table_name="candidate_search")
    op.create_index(
        "ix_candidate_search_tenant_id_name_folded_trgm",
        "candidate_search",
        ["tenant_id", "name_folded"],
        postgresql_using="gin",
        postgresql_ops={"name_folded": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_candidate_search_tenant_key_location_folded_trgm",
        "candidate_search",
        ["tenant_key", "location_folded"],
        postgresql_using="gin",
        postgresql_ops={"location_folded": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_candidate_search_skill_keys", "candidate_search", ["skill_keys"], postgresql_using="gin"
    )
    _execute(_sql(SEARCH_FUNCTION))


def _revision(filename: str) -> ModuleType:
    """An earlier migration, whose functions the downgrade puts back."""
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"hireline_migration_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    search_table = _revision("20261125_0011_search_index_table.py")
    _execute("DROP FUNCTION IF EXISTS hireline_search_candidates")
    _execute(search_table._sql(search_table.SEARCH_FUNCTION))
    op.create_index(
        "ix_candidate_search_tenant_key_skills",
        "candidate_search",
        ["tenant_key", "skills"],
        postgresql_using="gin",
    )
    op.create_index(
        "ix_candidate_search_tenant_key_location_trgm",
        "candidate_search",
        ["tenant_key", "location"],
        postgresql_using="gin",
        postgresql_ops={"location": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_candidate_search_tenant_id_name_trgm",
        "candidate_search",
        ["tenant_id", "name"],
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    for name, _, _ in reversed(SEARCH_COLUMNS):
        op.drop_column("candidate_search", name)
    op.drop_column("candidates", "search_document")
    _execute("DROP FUNCTION hireline_search_document(text, text, text, varchar[], text, text)")
    _execute(_revision("20261125_0009_candidate_search.py").DOCUMENT_FUNCTION)
    _add_document_column()
    _execute(REFRESH_DOCUMENTS)
    _execute(_sql(DROP_FUNCTIONS))


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
