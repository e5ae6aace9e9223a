-- Revision 0012: Semantic matching: sentence embeddings of candidates and jobs, where pgvector exists.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0011 -> 0012

CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE candidate_embeddings (
    tenant_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    model text NOT NULL,
    text_sha256 text NOT NULL,
    embedding vector(384) NOT NULL,
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
    embedding vector(384) NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_job_embeddings PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_job_embeddings_tenant_id_jobs
        FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);


ALTER TABLE "candidate_embeddings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "candidate_embeddings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "candidate_embeddings" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


ALTER TABLE "job_embeddings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_embeddings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "job_embeddings" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


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


UPDATE alembic_version SET version_num='0012' WHERE alembic_version.version_num = '0011';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0012 -> 0011

DROP TRIGGER IF EXISTS candidates_forget_erased_embedding ON candidates;
DROP FUNCTION IF EXISTS hireline_forget_erased_embedding();
DROP TABLE IF EXISTS job_embeddings;
DROP TABLE IF EXISTS candidate_embeddings;


DO $$
BEGIN
    DROP EXTENSION IF EXISTS vector;
EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'extension vector kept: other objects use it';
END $$;


UPDATE alembic_version SET version_num='0011' WHERE alembic_version.version_num = '0012';

COMMIT;

