-- Revision 0032: Imports from another applicant tracking system: what each brought in (one row per record
of the source, naming the Hireline row made from it, so that importing the same export again
creates nothing new), and the imports started through the API, queued for a worker.
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
GRANT SELECT, INSERT, UPDATE, DELETE ON import_records TO hireline_app;

CREATE TABLE import_runs (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    source_system varchar(20) NOT NULL,
    dry_run boolean NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'queued',
    export_key varchar(300) NOT NULL,
    export_name varchar(200) NOT NULL,
    mapping jsonb,
    requested_by varchar(64) NOT NULL,
    report jsonb,
    error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    CONSTRAINT pk_import_runs PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_import_runs_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
ALTER TABLE import_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_runs
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON import_runs TO hireline_app;;

UPDATE alembic_version SET version_num='0032' WHERE alembic_version.version_num = '0024';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0032 -> 0024

DROP TABLE import_runs;
DROP TABLE import_records;;

UPDATE alembic_version SET version_num='0024' WHERE alembic_version.version_num = '0032';

COMMIT;

