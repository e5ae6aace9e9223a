-- Revision 0021: Interviews: plans and kits per job, scheduled interviews and panels, scorecards with
their versions, and interviewers' weekly hours. Every table forces row-level security.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0023 -> 0021

CREATE TABLE interview_plans (
    tenant_id uuid NOT NULL,
    job_id uuid NOT NULL,
    updated_by varchar(64),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_interview_plans PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_interview_plans_tenant_id_jobs FOREIGN KEY (tenant_id, job_id)
        REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE plan_interviews (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    job_id uuid NOT NULL,
    stage_id uuid,
    name varchar(120) NOT NULL,
    position integer NOT NULL,
    duration_minutes integer NOT NULL,
    interviewer_ids uuid[] NOT NULL DEFAULT '{}',
    kit jsonb NOT NULL,
    CONSTRAINT pk_plan_interviews PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_plan_interviews_tenant_id_interview_plans FOREIGN KEY (tenant_id, job_id)
        REFERENCES interview_plans (tenant_id, job_id) ON DELETE CASCADE
);
CREATE INDEX ix_plan_interviews_tenant_id_job_id_position
    ON plan_interviews (tenant_id, job_id, position);

CREATE TABLE interviews (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    application_id uuid NOT NULL,
    job_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    plan_interview_id uuid,
    name varchar(120) NOT NULL,
    kit jsonb NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    time_zone varchar(64) NOT NULL,
    location varchar(300),
    video_url varchar(500),
    status varchar(20) NOT NULL DEFAULT 'scheduled',
    ical_uid varchar(200) NOT NULL,
    sequence integer NOT NULL DEFAULT '0',
    created_by varchar(64),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_interviews PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_interviews_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_interviews_tenant_id_applications FOREIGN KEY (tenant_id, application_id)
        REFERENCES applications (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_interviews_tenant_id_application_id ON interviews (tenant_id, application_id);
CREATE INDEX ix_interviews_tenant_id_starts_at ON interviews (tenant_id, starts_at);

CREATE TABLE interview_panelists (
    tenant_id uuid NOT NULL,
    interview_id uuid NOT NULL,
    user_id uuid NOT NULL,
    reminded_at timestamptz,
    CONSTRAINT pk_interview_panelists PRIMARY KEY (tenant_id, interview_id, user_id),
    CONSTRAINT fk_interview_panelists_tenant_id_interviews FOREIGN KEY (tenant_id, interview_id)
        REFERENCES interviews (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_interview_panelists_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_interview_panelists_tenant_id_user_id ON interview_panelists (tenant_id, user_id);

CREATE TABLE scorecards (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    interview_id uuid NOT NULL,
    application_id uuid NOT NULL,
    interviewer_id uuid NOT NULL,
    version integer NOT NULL DEFAULT '1',
    ratings jsonb NOT NULL,
    notes jsonb NOT NULL,
    summary text,
    recommendation varchar(20) NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_scorecards PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_scorecards_tenant_id_interviews FOREIGN KEY (tenant_id, interview_id)
        REFERENCES interviews (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_scorecards_interviewer_id_users FOREIGN KEY (interviewer_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_scorecards_tenant_id_interview_id_interviewer_id
    ON scorecards (tenant_id, interview_id, interviewer_id);
CREATE INDEX ix_scorecards_tenant_id_application_id ON scorecards (tenant_id, application_id);

CREATE TABLE scorecard_versions (
    tenant_id uuid NOT NULL,
    scorecard_id uuid NOT NULL,
    version integer NOT NULL,
    ratings jsonb NOT NULL,
    notes jsonb NOT NULL,
    summary text,
    recommendation varchar(20) NOT NULL,
    submitted_at timestamptz NOT NULL,
    CONSTRAINT pk_scorecard_versions PRIMARY KEY (tenant_id, scorecard_id, version),
    CONSTRAINT fk_scorecard_versions_tenant_id_scorecards FOREIGN KEY (tenant_id, scorecard_id)
        REFERENCES scorecards (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE interviewer_availability (
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    weekday smallint NOT NULL,
    starts time without time zone NOT NULL,
    ends time without time zone NOT NULL,
    time_zone varchar(64) NOT NULL,
    CONSTRAINT pk_interviewer_availability PRIMARY KEY (tenant_id, user_id, weekday, starts),
    CONSTRAINT fk_interviewer_availability_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_interviewer_availability_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);;

ALTER TABLE interview_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE interview_plans FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interview_plans
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE plan_interviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_interviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plan_interviews
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE interviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE interviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interviews
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE interview_panelists ENABLE ROW LEVEL SECURITY;
ALTER TABLE interview_panelists FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interview_panelists
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE scorecards ENABLE ROW LEVEL SECURITY;
ALTER TABLE scorecards FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scorecards
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE scorecard_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE scorecard_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scorecard_versions
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE interviewer_availability ENABLE ROW LEVEL SECURITY;
ALTER TABLE interviewer_availability FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interviewer_availability
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hireline_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON interview_plans, plan_interviews, interviews, interview_panelists, scorecards, scorecard_versions, interviewer_availability TO hireline_app;
    END IF;
END $$;;

UPDATE alembic_version SET version_num='0021' WHERE alembic_version.version_num = '0023';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0021 -> 0023

DROP TABLE interviewer_availability;

DROP TABLE scorecard_versions;

DROP TABLE scorecards;

DROP TABLE interview_panelists;

DROP TABLE interviews;

DROP TABLE plan_interviews;

DROP TABLE interview_plans;

UPDATE alembic_version SET version_num='0023' WHERE alembic_version.version_num = '0021';

COMMIT;

