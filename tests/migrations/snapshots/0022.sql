-- Revision 0022: Offers: the offer, its approval chain, the organisation's letter templates; job openings.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0021 -> 0022

ALTER TABLE jobs ADD COLUMN openings integer NOT NULL DEFAULT 1
    CONSTRAINT ck_jobs_openings_positive CHECK (openings >= 1);

CREATE TABLE offers (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    application_id uuid NOT NULL,
    job_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    status varchar(30) NOT NULL DEFAULT 'awaiting_approval',
    base_salary integer NOT NULL,
    currency varchar(3) NOT NULL,
    bonus integer,
    equity varchar(200),
    start_date date NOT NULL,
    expires_at timestamptz NOT NULL,
    template_key varchar(60) NOT NULL,
    band jsonb NOT NULL DEFAULT '{}'::jsonb,
    within_band boolean,
    out_of_band_reason text,
    decided_by varchar(20),
    decision_note text,
    created_by varchar(64),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    decided_at timestamptz,
    CONSTRAINT pk_offers PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_offers_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_offers_tenant_id_application_id_applications
        FOREIGN KEY (tenant_id, application_id)
        REFERENCES applications (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_offers_tenant_id_application_id ON offers (tenant_id, application_id);
CREATE INDEX ix_offers_tenant_id_job_id ON offers (tenant_id, job_id);

CREATE TABLE offer_approvals (
    tenant_id uuid NOT NULL,
    offer_id uuid NOT NULL,
    position integer NOT NULL,
    user_id uuid NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'pending',
    note text,
    decided_at timestamptz,
    CONSTRAINT pk_offer_approvals PRIMARY KEY (tenant_id, offer_id, position),
    CONSTRAINT fk_offer_approvals_tenant_id_offer_id_offers FOREIGN KEY (tenant_id, offer_id)
        REFERENCES offers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_offer_approvals_tenant_id_user_id ON offer_approvals (tenant_id, user_id);

CREATE TABLE offer_letter_templates (
    tenant_id uuid NOT NULL,
    key varchar(60) NOT NULL,
    name varchar(120) NOT NULL,
    body text NOT NULL,
    updated_by varchar(64),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_offer_letter_templates PRIMARY KEY (tenant_id, key),
    CONSTRAINT fk_offer_letter_templates_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);;

ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE offers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offers
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE offer_approvals ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer_approvals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offer_approvals
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

ALTER TABLE offer_letter_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer_letter_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offer_letter_templates
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

UPDATE alembic_version SET version_num='0022' WHERE alembic_version.version_num = '0021';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0022 -> 0021

DROP TABLE offer_letter_templates; DROP TABLE offer_approvals; DROP TABLE offers;;

ALTER TABLE jobs DROP COLUMN openings;

UPDATE alembic_version SET version_num='0021' WHERE alembic_version.version_num = '0022';

COMMIT;

