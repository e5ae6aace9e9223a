-- Revision 0009: Candidate search: a weighted full-text document kept by the database, trigram indexes.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0008 -> 0009

CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS pg_trgm;


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


ALTER TABLE candidates ADD COLUMN resume_text TEXT;

ALTER TABLE candidates ADD COLUMN search_document TSVECTOR GENERATED ALWAYS AS (hireline_search_document(name, email, headline, skills, resume_text, notes)) STORED;

CREATE INDEX ix_candidates_tenant_id_search_document ON candidates USING gin (tenant_id, search_document);

CREATE INDEX ix_candidates_tenant_id_name_trgm ON candidates USING gin (tenant_id, name gin_trgm_ops);

CREATE INDEX ix_candidates_tenant_id_email_trgm ON candidates USING gin (tenant_id, email gin_trgm_ops);

CREATE INDEX ix_candidates_tenant_id_skills ON candidates USING gin (tenant_id, skills);

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


UPDATE candidates c SET resume_text = newest.text
FROM (
    SELECT DISTINCT ON (tenant_id, candidate_id) tenant_id, candidate_id, left(text, 100000) AS text
    FROM resumes WHERE text IS NOT NULL
    ORDER BY tenant_id, candidate_id, created_at DESC, id DESC
) AS newest
WHERE c.tenant_id = newest.tenant_id AND c.id = newest.candidate_id;


UPDATE alembic_version SET version_num='0009' WHERE alembic_version.version_num = '0008';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0009 -> 0008

DROP TRIGGER IF EXISTS resumes_copy_text_to_candidate ON resumes;DROP FUNCTION IF EXISTS hireline_copy_resume_text();


DROP INDEX ix_candidates_tenant_id_skills;

DROP INDEX ix_candidates_tenant_id_email_trgm;

DROP INDEX ix_candidates_tenant_id_name_trgm;

DROP INDEX ix_candidates_tenant_id_search_document;

ALTER TABLE candidates DROP COLUMN search_document;

ALTER TABLE candidates DROP COLUMN resume_text;

DROP FUNCTION IF EXISTS hireline_search_document(text, text, text, varchar[], text, text);DROP EXTENSION IF EXISTS pg_trgm; DROP EXTENSION IF EXISTS btree_gin;


UPDATE alembic_version SET version_num='0008' WHERE alembic_version.version_num = '0009';

COMMIT;

