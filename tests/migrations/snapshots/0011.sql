-- Revision 0011: Candidate search through a side table the application cannot read, and one door into it.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0010 -> 0011

CREATE TABLE candidate_search (
    tenant_id UUID NOT NULL,
    candidate_id UUID NOT NULL,
    document TSVECTOR,
    name TEXT,
    email TEXT,
    email_local TEXT GENERATED ALWAYS AS (split_part(email, '@', 1)) STORED,
    tenant_key UUID GENERATED ALWAYS AS (tenant_id) STORED,
    skills TEXT[] NOT NULL,
    tags TEXT[] NOT NULL,
    location TEXT,
    source TEXT,
    years_experience DOUBLE PRECISION,
    CONSTRAINT pk_candidate_search PRIMARY KEY (tenant_id, candidate_id),
    CONSTRAINT fk_candidate_search_tenant_id_candidates FOREIGN KEY(tenant_id, candidate_id) REFERENCES candidates (tenant_id, id) ON DELETE CASCADE
);

REVOKE ALL ON candidate_search FROM PUBLIC, "hireline_app";


CREATE INDEX ix_candidate_search_tenant_id_document ON candidate_search USING gin (tenant_id, document);

CREATE INDEX ix_candidate_search_tenant_id_name_trgm ON candidate_search USING gin (tenant_id, name gin_trgm_ops);

CREATE INDEX ix_candidate_search_tenant_id_email_local_trgm ON candidate_search USING gin (tenant_id, email_local gin_trgm_ops);

CREATE INDEX ix_candidate_search_tenant_key_location_trgm ON candidate_search USING gin (tenant_key, location gin_trgm_ops);

CREATE INDEX ix_candidate_search_tenant_key_skills ON candidate_search USING gin (tenant_key, skills);

CREATE STATISTICS candidate_search_tenant_key (dependencies) ON tenant_id, tenant_key FROM candidate_search;


CREATE FUNCTION hireline_sync_candidate_search() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, "public" AS $$
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
REVOKE ALL ON FUNCTION hireline_sync_candidate_search() FROM PUBLIC, "hireline_app";
CREATE TRIGGER candidates_sync_search
AFTER INSERT OR UPDATE OF name, email, headline, skills, resume_text, notes, tags, location,
    source, years_experience, erased_at
ON candidates
FOR EACH ROW EXECUTE FUNCTION hireline_sync_candidate_search();


ALTER TABLE candidates NO FORCE ROW LEVEL SECURITY;
INSERT INTO candidate_search (tenant_id, candidate_id, document, name, email, skills, tags,
                              location, source, years_experience)
SELECT tenant_id, id, search_document, name, email, skills::text[], tags::text[], location,
       source, years_experience
FROM candidates WHERE erased_at IS NULL;
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;


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


DROP INDEX ix_candidates_tenant_id_search_document;

DROP INDEX ix_candidates_tenant_id_name_trgm;

DROP INDEX ix_candidates_tenant_id_email_trgm;

DROP INDEX ix_candidates_tenant_id_skills;

UPDATE alembic_version SET version_num='0011' WHERE alembic_version.version_num = '0010';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0011 -> 0010

CREATE INDEX ix_candidates_tenant_id_search_document ON candidates USING gin (tenant_id, search_document);

CREATE INDEX ix_candidates_tenant_id_name_trgm ON candidates USING gin (tenant_id, name gin_trgm_ops);

CREATE INDEX ix_candidates_tenant_id_email_trgm ON candidates USING gin (tenant_id, email gin_trgm_ops);

CREATE INDEX ix_candidates_tenant_id_skills ON candidates USING gin (tenant_id, skills);

DROP TRIGGER IF EXISTS candidates_sync_search ON candidates;
DROP FUNCTION IF EXISTS hireline_sync_candidate_search();
DROP FUNCTION IF EXISTS hireline_search_candidates;


DROP TABLE candidate_search;

UPDATE alembic_version SET version_num='0010' WHERE alembic_version.version_num = '0011';

COMMIT;

