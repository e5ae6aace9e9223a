-- Revision 0008: Each organisation's own list of rejection reasons.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0007 -> 0008

CREATE TABLE rejection_reasons (
    tenant_id UUID NOT NULL,
    key VARCHAR(60) NOT NULL,
    label VARCHAR(200) NOT NULL,
    position INTEGER NOT NULL,
    CONSTRAINT pk_rejection_reasons PRIMARY KEY (tenant_id, key),
    CONSTRAINT fk_rejection_reasons_tenant_id_tenants FOREIGN KEY(tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE "rejection_reasons" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "rejection_reasons" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "rejection_reasons" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


UPDATE alembic_version SET version_num='0008' WHERE alembic_version.version_num = '0007';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0008 -> 0007

DROP POLICY IF EXISTS tenant_isolation ON "rejection_reasons"; DROP POLICY IF EXISTS credential_lookup ON "rejection_reasons"; DROP POLICY IF EXISTS own_memberships ON "rejection_reasons"; ALTER TABLE "rejection_reasons" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "rejection_reasons" DISABLE ROW LEVEL SECURITY;


DROP TABLE rejection_reasons;

UPDATE alembic_version SET version_num='0007' WHERE alembic_version.version_num = '0008';

COMMIT;

