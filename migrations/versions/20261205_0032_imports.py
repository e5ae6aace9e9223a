"""Imports from another applicant tracking system: what each brought in (one row per record
of the source, naming the Hireline row made from it, so that importing the same export again
creates nothing new), and the imports started through the API, queued for a worker.

Revision ID: 0032
Revises: 0024
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0032"
down_revision: str | Sequence[str] | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
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
GRANT SELECT, INSERT, UPDATE, DELETE ON import_runs TO hireline_app;
"""

DOWNGRADE = """
DROP TABLE import_runs;
DROP TABLE import_records;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
