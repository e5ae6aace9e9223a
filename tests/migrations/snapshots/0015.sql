-- Revision 0015: Search that ignores accents, pairs misspelt names word by word, and finds part of an e-mail.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0017 -> 0015

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;


CREATE TEXT SEARCH CONFIGURATION "public".hireline (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "public".hireline
    ALTER MAPPING FOR word, hword, hword_part WITH "public".unaccent, english_stem;

CREATE FUNCTION hireline_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN lower("public".unaccent('"public".unaccent'::regdictionary, value));

-- The local part of an address and its pieces, as words for the document.
CREATE FUNCTION hireline_email_words(email text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce((
    SELECT local || ' ' || pieces || ' '
           || regexp_replace(pieces, '([[:alpha:]])([[:digit:]])|([[:digit:]])([[:alpha:]])',
                             '\1\3 \2\4', 'g')
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
    edits := "public".levenshtein(a, b);
    IF edits = 2 AND length(a) = length(b) AND hireline_letters(a) = hireline_letters(b) THEN
        edits := 1;
    END IF;
    RETURN greatest("public".similarity(a, b)::double precision,
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
        IF best < 0.6 THEN
            RETURN 0;
        END IF;
        total := total + best;
    END LOOP;
    RETURN total / cardinality(words);
END $$;


ALTER TABLE candidates DROP COLUMN search_document;

CREATE OR REPLACE FUNCTION hireline_search_document(
    name text, email text, headline text, skills varchar[], resume_text text, notes text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT setweight(to_tsvector('public.hireline'::regconfig,
                             coalesce(name, '') || ' ' || coalesce(email, '') || ' '
                             || "public".hireline_email_words(email) || ' '
                             || coalesce(headline, '')), 'A')
    || setweight(to_tsvector('public.hireline'::regconfig, array_to_string(skills, ', ')), 'B')
    || setweight(to_tsvector('public.hireline'::regconfig, coalesce(resume_text, '')), 'C')
    || setweight(to_tsvector('public.hireline'::regconfig, coalesce(notes, '')), 'D')
$$;


ALTER TABLE candidates ADD COLUMN search_document TSVECTOR GENERATED ALWAYS AS (hireline_search_document(name, email, headline, skills, resume_text, notes)) STORED;

ALTER TABLE candidates NO FORCE ROW LEVEL SECURITY;
UPDATE candidate_search s SET document = c.search_document
FROM candidates c WHERE c.tenant_id = s.tenant_id AND c.id = s.candidate_id;
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;


ALTER TABLE candidate_search ADD COLUMN name_folded TEXT GENERATED ALWAYS AS (hireline_fold(name)) STORED;

ALTER TABLE candidate_search ADD COLUMN location_folded TEXT GENERATED ALWAYS AS (hireline_fold(location)) STORED;

ALTER TABLE candidate_search ADD COLUMN skill_keys TEXT[] GENERATED ALWAYS AS (hireline_tenant_keys(tenant_id, skills)) STORED;

DROP INDEX ix_candidate_search_tenant_id_name_trgm;

DROP INDEX ix_candidate_search_tenant_key_location_trgm;

DROP INDEX ix_candidate_search_tenant_key_skills;

CREATE INDEX ix_candidate_search_tenant_id_name_folded_trgm ON candidate_search USING gin (tenant_id, name_folded gin_trgm_ops);

CREATE INDEX ix_candidate_search_tenant_key_location_folded_trgm ON candidate_search USING gin (tenant_key, location_folded gin_trgm_ops);

CREATE INDEX ix_candidate_search_skill_keys ON candidate_search USING gin (skill_keys);

CREATE OR REPLACE FUNCTION hireline_search_candidates(
    query tsquery, excluded tsquery, fuzzy_name text, fuzzy_email text,
    skills_all text[], skills_any text[], tags text[], location_pattern text, source text,
    years_min double precision, years_max double precision,
    job_id uuid, stage_id uuid, status text,
    applied_from timestamptz, applied_to timestamptz,
    newest boolean, before uuid, max_rows integer
) RETURNS TABLE (candidate_id uuid, rank double precision)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, "public"
SET enable_seqscan = off
SET enable_bitmapscan = on
SET max_parallel_workers_per_gather = 0
-- What `<%` asks of a query word before its likeness to the name's words is computed.
SET pg_trgm.word_similarity_threshold = 0.3
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
            score := 'ts_rank(''{0.05, 0.2, 0.5, 1.0}''::float4[], s.document, $2)::float8';
            IF fuzzy_name IS NOT NULL AND alike IS NOT NULL THEN
                -- Likeness costs far more than the trigram test: only for names near the
                -- words. A name only like the words ranks below a word-for-word match.
                score := score || ' + CASE WHEN ' || near
                    || ' THEN hireline_name_likeness($20, s.name_folded)'
                    || ' * CASE WHEN s.document @@ $2 THEN 1 ELSE 0.5 END ELSE 0 END';
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
                    < 3 * estimated THEN
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
GRANT EXECUTE ON FUNCTION hireline_search_candidates TO "hireline_app";


UPDATE alembic_version SET version_num='0015' WHERE alembic_version.version_num = '0017';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0015 -> 0017

DROP FUNCTION IF EXISTS hireline_search_candidates;


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
SET search_path = pg_catalog, "public"
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
            score := 'ts_rank(''{0.05, 0.2, 0.5, 1.0}''::float4[], s.document, $2)::float8';
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
                    < 3 * estimated THEN
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
GRANT EXECUTE ON FUNCTION hireline_search_candidates TO "hireline_app";


CREATE INDEX ix_candidate_search_tenant_key_skills ON candidate_search USING gin (tenant_key, skills);

CREATE INDEX ix_candidate_search_tenant_key_location_trgm ON candidate_search USING gin (tenant_key, location gin_trgm_ops);

CREATE INDEX ix_candidate_search_tenant_id_name_trgm ON candidate_search USING gin (tenant_id, name gin_trgm_ops);

ALTER TABLE candidate_search DROP COLUMN skill_keys;

ALTER TABLE candidate_search DROP COLUMN location_folded;

ALTER TABLE candidate_search DROP COLUMN name_folded;

ALTER TABLE candidates DROP COLUMN search_document;

DROP FUNCTION hireline_search_document(text, text, text, varchar[], text, text);


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


ALTER TABLE candidates ADD COLUMN search_document TSVECTOR GENERATED ALWAYS AS (hireline_search_document(name, email, headline, skills, resume_text, notes)) STORED;

ALTER TABLE candidates NO FORCE ROW LEVEL SECURITY;
UPDATE candidate_search s SET document = c.search_document
FROM candidates c WHERE c.tenant_id = s.tenant_id AND c.id = s.candidate_id;
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;


DROP FUNCTION IF EXISTS hireline_name_likeness(text[], text);
DROP FUNCTION IF EXISTS hireline_word_likeness(text, text);
DROP FUNCTION IF EXISTS hireline_letters(text);
DROP FUNCTION IF EXISTS hireline_tenant_keys(uuid, text[]);
DROP FUNCTION IF EXISTS hireline_email_words(text);
DROP FUNCTION IF EXISTS hireline_fold(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS "public".hireline;


UPDATE alembic_version SET version_num='0017' WHERE alembic_version.version_num = '0015';

COMMIT;

