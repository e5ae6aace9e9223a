-- Revision 0005: Jobs, their pipeline stages and hiring teams.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0004 -> 0005

CREATE TABLE jobs (
    tenant_id UUID NOT NULL,
    id UUID NOT NULL,
    title VARCHAR(200) NOT NULL,
    department VARCHAR(120),
    locations JSONB NOT NULL,
    employment_type VARCHAR(20) NOT NULL,
    level VARCHAR(20),
    salary_min INTEGER,
    salary_max INTEGER,
    salary_currency VARCHAR(3),
    description TEXT NOT NULL,
    required_skills VARCHAR(100)[] NOT NULL,
    preferred_skills VARCHAR(100)[] NOT NULL,
    template_key VARCHAR(80),
    template_version INTEGER,
    template_origin VARCHAR(20),
    status VARCHAR(20) DEFAULT 'draft' NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    closed_at TIMESTAMP WITH TIME ZONE,
    valid_through TIMESTAMP WITH TIME ZONE,
    created_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT pk_jobs PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_jobs_tenant_id_tenants FOREIGN KEY(tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
);

CREATE INDEX ix_jobs_tenant_id_status_published_at ON jobs (tenant_id, status, published_at);

CREATE TABLE hiring_team (
    tenant_id UUID NOT NULL,
    job_id UUID NOT NULL,
    user_id UUID NOT NULL,
    role VARCHAR(30) NOT NULL,
    CONSTRAINT pk_hiring_team PRIMARY KEY (tenant_id, job_id, user_id),
    CONSTRAINT fk_hiring_team_tenant_id_jobs FOREIGN KEY(tenant_id, job_id) REFERENCES jobs (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_hiring_team_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE pipeline_stages (
    tenant_id UUID NOT NULL,
    id UUID NOT NULL,
    job_id UUID NOT NULL,
    name VARCHAR(80) NOT NULL,
    position INTEGER NOT NULL,
    CONSTRAINT pk_pipeline_stages PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_pipeline_stages_tenant_id_jobs FOREIGN KEY(tenant_id, job_id) REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_pipeline_stages_tenant_id_job_id_position ON pipeline_stages (tenant_id, job_id, position);

ALTER TABLE "jobs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "jobs" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "jobs" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


ALTER TABLE "pipeline_stages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "pipeline_stages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "pipeline_stages" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


ALTER TABLE "hiring_team" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "hiring_team" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "hiring_team" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0005 -> 0004

DROP POLICY IF EXISTS tenant_isolation ON "jobs"; DROP POLICY IF EXISTS credential_lookup ON "jobs"; DROP POLICY IF EXISTS own_memberships ON "jobs"; ALTER TABLE "jobs" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "jobs" DISABLE ROW LEVEL SECURITY;


DROP POLICY IF EXISTS tenant_isolation ON "pipeline_stages"; DROP POLICY IF EXISTS credential_lookup ON "pipeline_stages"; DROP POLICY IF EXISTS own_memberships ON "pipeline_stages"; ALTER TABLE "pipeline_stages" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "pipeline_stages" DISABLE ROW LEVEL SECURITY;


DROP POLICY IF EXISTS tenant_isolation ON "hiring_team"; DROP POLICY IF EXISTS credential_lookup ON "hiring_team"; DROP POLICY IF EXISTS own_memberships ON "hiring_team"; ALTER TABLE "hiring_team" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "hiring_team" DISABLE ROW LEVEL SECURITY;


DROP INDEX ix_pipeline_stages_tenant_id_job_id_position;

DROP TABLE pipeline_stages;

DROP TABLE hiring_team;

DROP INDEX ix_jobs_tenant_id_status_published_at;

DROP TABLE jobs;

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

COMMIT;

