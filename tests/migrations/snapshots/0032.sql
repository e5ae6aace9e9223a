-- Revision 0032: What an import from another applicant tracking system brought in: one row per record of
the source (a job, a candidate, an application, an attachment), naming the Hireline row made
from it, so that importing the same export again creates nothing new.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0024 -> 0032

CREATE TABLE import_records (
    tenant_id uuid NOT NULL,
    source_system varchar(20) NOT NULL,
    kind varchar(20) NOT NULL,
    external_id varchar(200) NOT NULL,
    hireline_id uuid NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_import_records PRIMARY KEY (tenant_id, source_system, kind, external_id),
    CONSTRAINT fk_import_records_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
ALTER TABLE import_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_records FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_records
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON import_records TO hireline_app;;

UPDATE alembic_version SET version_num='0032' WHERE alembic_version.version_num = '0024';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0032 -> 0024

DROP TABLE import_records;;

UPDATE alembic_version SET version_num='0024' WHERE alembic_version.version_num = '0032';

COMMIT;

