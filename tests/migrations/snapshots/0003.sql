-- Revision 0003: Salary benchmarks a tenant imports to override the built-in figures.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0002 -> 0003

CREATE TABLE salary_benchmarks (
    tenant_id UUID NOT NULL,
    role VARCHAR(80) NOT NULL,
    level VARCHAR(20) NOT NULL,
    location VARCHAR(80) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    min_salary INTEGER NOT NULL,
    max_salary INTEGER NOT NULL,
    source VARCHAR(200) NOT NULL,
    as_of DATE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT pk_salary_benchmarks PRIMARY KEY (tenant_id, role, level, location, currency),
    CONSTRAINT ck_salary_benchmarks_band_order CHECK (min_salary > 0 AND min_salary <= max_salary),
    CONSTRAINT fk_salary_benchmarks_tenant_id_tenants FOREIGN KEY(tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
);

ALTER TABLE "salary_benchmarks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "salary_benchmarks" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "salary_benchmarks" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0003 -> 0002

DROP POLICY IF EXISTS tenant_isolation ON "salary_benchmarks"; DROP POLICY IF EXISTS credential_lookup ON "salary_benchmarks"; DROP POLICY IF EXISTS own_memberships ON "salary_benchmarks"; ALTER TABLE "salary_benchmarks" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "salary_benchmarks" DISABLE ROW LEVEL SECURITY;


DROP TABLE salary_benchmarks;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

COMMIT;

