-- Revision 0010: Job matching: each application's stored score and explanation; jobs' minimum years and
skill weights.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0009 -> 0010

ALTER TABLE jobs ADD COLUMN min_years_experience DOUBLE PRECISION;

ALTER TABLE jobs ADD COLUMN skill_weights JSONB DEFAULT '{}'::jsonb NOT NULL;

CREATE TABLE match_scores (
    tenant_id UUID NOT NULL,
    application_id UUID NOT NULL,
    job_id UUID NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    explanation JSONB NOT NULL,
    computed_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT pk_match_scores PRIMARY KEY (tenant_id, application_id),
    CONSTRAINT fk_match_scores_tenant_id_applications FOREIGN KEY(tenant_id, application_id) REFERENCES applications (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_match_scores_tenant_id_jobs FOREIGN KEY(tenant_id, job_id) REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_match_scores_tenant_id_job_id_score ON match_scores (tenant_id, job_id, score DESC, application_id DESC);

ALTER TABLE "match_scores" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "match_scores" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "match_scores" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


UPDATE alembic_version SET version_num='0010' WHERE alembic_version.version_num = '0009';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0010 -> 0009

DROP POLICY IF EXISTS tenant_isolation ON "match_scores"; DROP POLICY IF EXISTS credential_lookup ON "match_scores"; DROP POLICY IF EXISTS own_memberships ON "match_scores"; ALTER TABLE "match_scores" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "match_scores" DISABLE ROW LEVEL SECURITY;


DROP INDEX ix_match_scores_tenant_id_job_id_score;

DROP TABLE match_scores;

ALTER TABLE jobs DROP COLUMN skill_weights;

ALTER TABLE jobs DROP COLUMN min_years_experience;

UPDATE alembic_version SET version_num='0009' WHERE alembic_version.version_num = '0010';

COMMIT;

