"""Retention policies per organisation, the notices sent before an erasure they decide, and
candidates' consent to be kept.

Revision ID: 0030
Revises: 0028
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0030"
down_revision: str | Sequence[str] | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Three tenant tables, each with forced row-level security (as `hireline.core.rls` writes
# it). A policy applies to one kind of candidate (`scope`) and there is at most one per
# kind; a notice is kept while its erasure is pending, one per candidate, so that it is sent
# once; removing a policy drops the notices it sent (nothing is erased without a policy).
UPGRADE = """
CREATE TABLE retention_policies (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    scope varchar(30) NOT NULL,
    erase_after_months integer NOT NULL,
    notice_days integer NOT NULL DEFAULT 14,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_retention_policies PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_retention_policies_tenant_id_scope UNIQUE (tenant_id, scope),
    CONSTRAINT ck_retention_policies_months CHECK (erase_after_months BETWEEN 1 AND 120),
    CONSTRAINT ck_retention_policies_notice CHECK (notice_days BETWEEN 1 AND 90),
    CONSTRAINT fk_retention_policies_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
ALTER TABLE retention_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retention_policies
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON retention_policies TO hireline_app;

CREATE TABLE retention_notices (
    tenant_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    policy_id uuid NOT NULL,
    noticed_at timestamptz NOT NULL,
    erase_after timestamptz NOT NULL,
    CONSTRAINT pk_retention_notices PRIMARY KEY (tenant_id, candidate_id),
    CONSTRAINT fk_retention_notices_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_retention_notices_tenant_id_candidates FOREIGN KEY (tenant_id, candidate_id)
        REFERENCES candidates (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_retention_notices_tenant_id_retention_policies
        FOREIGN KEY (tenant_id, policy_id)
        REFERENCES retention_policies (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_retention_notices_tenant_id_policy_id
    ON retention_notices (tenant_id, policy_id);
ALTER TABLE retention_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retention_notices
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON retention_notices TO hireline_app;

CREATE TABLE retention_consents (
    tenant_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    consented_at timestamptz NOT NULL DEFAULT now(),
    recorded_by varchar(80),
    CONSTRAINT pk_retention_consents PRIMARY KEY (tenant_id, candidate_id),
    CONSTRAINT fk_retention_consents_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_retention_consents_tenant_id_candidates FOREIGN KEY (tenant_id, candidate_id)
        REFERENCES candidates (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE retention_consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_consents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retention_consents
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON retention_consents TO hireline_app;
"""

DOWNGRADE = """
DROP TABLE retention_consents;
DROP TABLE retention_notices;
DROP TABLE retention_policies;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
