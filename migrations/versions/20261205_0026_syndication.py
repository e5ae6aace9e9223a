"""Jobs kept out of the aggregator feed (`/careers/<slug>/jobs.xml`): one row per opted-out
job, so the default (syndicated) costs nothing.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | Sequence[str] | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
CREATE TABLE syndication_opt_outs (
    tenant_id uuid NOT NULL,
    job_id uuid NOT NULL,
    opted_out_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_syndication_opt_outs PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_syndication_opt_outs_tenant_id_jobs FOREIGN KEY (tenant_id, job_id)
        REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE syndication_opt_outs ENABLE ROW LEVEL SECURITY;
ALTER TABLE syndication_opt_outs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON syndication_opt_outs
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
"""

DOWNGRADE = "DROP TABLE syndication_opt_outs;"


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
