-- Revision 0028: Analytics summary tables: what the funnel, time-in-stage, sources, offers and health
reports read, rebuilt from the activity log by a periodic job so that each report sums a
few thousand rows instead of scanning a million applications.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0032 -> 0028

CREATE TABLE analytics_daily (
    tenant_id uuid NOT NULL,
    period varchar(5) NOT NULL,
    day date NOT NULL,
    job_id uuid NOT NULL,
    source varchar(60) NOT NULL,
    applications integer NOT NULL DEFAULT 0,
    interviewed integer NOT NULL DEFAULT 0,
    offered integer NOT NULL DEFAULT 0,
    hired integer NOT NULL DEFAULT 0,
    acted_on integer NOT NULL DEFAULT 0,
    offers_sent integer NOT NULL DEFAULT 0,
    offers_accepted integer NOT NULL DEFAULT 0,
    offers_declined integer NOT NULL DEFAULT 0,
    offers_in_band integer NOT NULL DEFAULT 0,
    offers_band_known integer NOT NULL DEFAULT 0,
    hire_0 integer NOT NULL DEFAULT 0,
    hire_1 integer NOT NULL DEFAULT 0,
    hire_2 integer NOT NULL DEFAULT 0,
    hire_3 integer NOT NULL DEFAULT 0,
    hire_4 integer NOT NULL DEFAULT 0,
    hire_5 integer NOT NULL DEFAULT 0,
    hire_6 integer NOT NULL DEFAULT 0,
    hire_7 integer NOT NULL DEFAULT 0,
    hire_8 integer NOT NULL DEFAULT 0,
    hire_9 integer NOT NULL DEFAULT 0,
    hire_10 integer NOT NULL DEFAULT 0,
    hire_11 integer NOT NULL DEFAULT 0,
    hire_12 integer NOT NULL DEFAULT 0,
    hire_13 integer NOT NULL DEFAULT 0,
    hire_14 integer NOT NULL DEFAULT 0,
    hire_15 integer NOT NULL DEFAULT 0,
    hire_16 integer NOT NULL DEFAULT 0,
    hire_17 integer NOT NULL DEFAULT 0,
    hire_18 integer NOT NULL DEFAULT 0,
    hire_19 integer NOT NULL DEFAULT 0,
    first_0 integer NOT NULL DEFAULT 0,
    first_1 integer NOT NULL DEFAULT 0,
    first_2 integer NOT NULL DEFAULT 0,
    first_3 integer NOT NULL DEFAULT 0,
    first_4 integer NOT NULL DEFAULT 0,
    first_5 integer NOT NULL DEFAULT 0,
    first_6 integer NOT NULL DEFAULT 0,
    first_7 integer NOT NULL DEFAULT 0,
    first_8 integer NOT NULL DEFAULT 0,
    first_9 integer NOT NULL DEFAULT 0,
    first_10 integer NOT NULL DEFAULT 0,
    first_11 integer NOT NULL DEFAULT 0,
    first_12 integer NOT NULL DEFAULT 0,
    first_13 integer NOT NULL DEFAULT 0,
    first_14 integer NOT NULL DEFAULT 0,
    first_15 integer NOT NULL DEFAULT 0,
    first_16 integer NOT NULL DEFAULT 0,
    first_17 integer NOT NULL DEFAULT 0,
    first_18 integer NOT NULL DEFAULT 0,
    first_19 integer NOT NULL DEFAULT 0,
    accept_0 integer NOT NULL DEFAULT 0,
    accept_1 integer NOT NULL DEFAULT 0,
    accept_2 integer NOT NULL DEFAULT 0,
    accept_3 integer NOT NULL DEFAULT 0,
    accept_4 integer NOT NULL DEFAULT 0,
    accept_5 integer NOT NULL DEFAULT 0,
    accept_6 integer NOT NULL DEFAULT 0,
    accept_7 integer NOT NULL DEFAULT 0,
    accept_8 integer NOT NULL DEFAULT 0,
    accept_9 integer NOT NULL DEFAULT 0,
    accept_10 integer NOT NULL DEFAULT 0,
    accept_11 integer NOT NULL DEFAULT 0,
    accept_12 integer NOT NULL DEFAULT 0,
    accept_13 integer NOT NULL DEFAULT 0,
    accept_14 integer NOT NULL DEFAULT 0,
    accept_15 integer NOT NULL DEFAULT 0,
    accept_16 integer NOT NULL DEFAULT 0,
    accept_17 integer NOT NULL DEFAULT 0,
    accept_18 integer NOT NULL DEFAULT 0,
    accept_19 integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_analytics_daily PRIMARY KEY (tenant_id, period, day, job_id, source),
    CONSTRAINT fk_analytics_daily_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE analytics_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_daily
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics_daily TO hireline_app;

CREATE TABLE analytics_stage_daily (
    tenant_id uuid NOT NULL,
    period varchar(5) NOT NULL,
    day date NOT NULL,
    job_id uuid NOT NULL,
    source varchar(60) NOT NULL,
    stage_position integer NOT NULL,
    stage_name varchar(80) NOT NULL,
    reached integer NOT NULL DEFAULT 0,
    stay_0 integer NOT NULL DEFAULT 0,
    stay_1 integer NOT NULL DEFAULT 0,
    stay_2 integer NOT NULL DEFAULT 0,
    stay_3 integer NOT NULL DEFAULT 0,
    stay_4 integer NOT NULL DEFAULT 0,
    stay_5 integer NOT NULL DEFAULT 0,
    stay_6 integer NOT NULL DEFAULT 0,
    stay_7 integer NOT NULL DEFAULT 0,
    stay_8 integer NOT NULL DEFAULT 0,
    stay_9 integer NOT NULL DEFAULT 0,
    stay_10 integer NOT NULL DEFAULT 0,
    stay_11 integer NOT NULL DEFAULT 0,
    stay_12 integer NOT NULL DEFAULT 0,
    stay_13 integer NOT NULL DEFAULT 0,
    stay_14 integer NOT NULL DEFAULT 0,
    stay_15 integer NOT NULL DEFAULT 0,
    stay_16 integer NOT NULL DEFAULT 0,
    stay_17 integer NOT NULL DEFAULT 0,
    stay_18 integer NOT NULL DEFAULT 0,
    stay_19 integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_analytics_stage_daily
        PRIMARY KEY (tenant_id, period, day, job_id, source, stage_position),
    CONSTRAINT fk_analytics_stage_daily_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE analytics_stage_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_stage_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_stage_daily
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics_stage_daily TO hireline_app;

CREATE TABLE analytics_dropoffs (
    tenant_id uuid NOT NULL,
    period varchar(5) NOT NULL,
    day date NOT NULL,
    job_id uuid NOT NULL,
    source varchar(60) NOT NULL,
    stage_position integer NOT NULL,
    outcome varchar(20) NOT NULL,
    reason varchar(60) NOT NULL,
    applications integer NOT NULL,
    CONSTRAINT pk_analytics_dropoffs
        PRIMARY KEY (tenant_id, period, day, job_id, source, stage_position, outcome, reason),
    CONSTRAINT fk_analytics_dropoffs_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE analytics_dropoffs ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_dropoffs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_dropoffs
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics_dropoffs TO hireline_app;

CREATE TABLE analytics_health (
    tenant_id uuid NOT NULL,
    job_id uuid NOT NULL,
    stale_applications integer NOT NULL DEFAULT 0,
    interviews_without_scorecards integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_analytics_health PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_analytics_health_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE analytics_health ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_health FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_health
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics_health TO hireline_app;

CREATE TABLE analytics_refreshes (
    tenant_id uuid NOT NULL,
    refreshed_at timestamptz NOT NULL,
    took_ms integer NOT NULL,
    CONSTRAINT pk_analytics_refreshes PRIMARY KEY (tenant_id),
    CONSTRAINT fk_analytics_refreshes_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE analytics_refreshes ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_refreshes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_refreshes
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics_refreshes TO hireline_app;;

UPDATE alembic_version SET version_num='0028' WHERE alembic_version.version_num = '0032';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0028 -> 0032

DROP TABLE analytics_refreshes;
DROP TABLE analytics_health;
DROP TABLE analytics_dropoffs;
DROP TABLE analytics_stage_daily;
DROP TABLE analytics_daily;;

UPDATE alembic_version SET version_num='0032' WHERE alembic_version.version_num = '0028';

COMMIT;

