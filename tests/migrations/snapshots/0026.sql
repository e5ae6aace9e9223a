-- Revision 0026: Jobs kept out of the aggregator feed (`/careers/<slug>/jobs.xml`): one row per opted-out
job, so the default (syndicated) costs nothing.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0025 -> 0026

CREATE TABLE syndication_opt_outs (
    tenant_id uuid NOT NULL,
    job_id uuid NOT NULL,
    opted_out_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_syndication_opt_outs PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_syndication_opt_outs_tenant_id_jobs FOREIGN KEY (tenant_id, job_id)
        REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE syndication_opt_outs ENABLE ROW LEVEL SECURITY;
ALTER TABLE syndication_opt_outs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON syndication_opt_outs
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

UPDATE alembic_version SET version_num='0026' WHERE alembic_version.version_num = '0025';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0026 -> 0025

DROP TABLE syndication_opt_outs;;

UPDATE alembic_version SET version_num='0025' WHERE alembic_version.version_num = '0026';

COMMIT;

