"""Offers: the offer, its approval chain, the organisation's letter templates; job openings.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | Sequence[str] | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Row-level security as `hireline.core.rls.isolate_by_tenant` writes it (a migration carries
# its own SQL, so that later changes to that helper never rewrite history). The app role
# (`hireline_app` by default) gets its grants from the default privileges of migration 0002.
_ISOLATE = """
ALTER TABLE {t} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {t} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {t}
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
"""

UPGRADE = """
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
);
"""

TABLES = ("offers", "offer_approvals", "offer_letter_templates")


def upgrade() -> None:
    op.execute(UPGRADE)
    for table in TABLES:
        op.execute(_ISOLATE.format(t=table))


def downgrade() -> None:
    op.execute("DROP TABLE offer_letter_templates; DROP TABLE offer_approvals; DROP TABLE offers;")
    op.execute("ALTER TABLE jobs DROP COLUMN openings")
