"""Each organisation's default country, for phone numbers written without a country code.

Revision ID: 0014
Revises: 0016
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: unset means "the country of the organisation's first job, else US".
    op.execute(
        "ALTER TABLE tenants ADD COLUMN default_country varchar(2) "
        "CONSTRAINT ck_tenants_default_country CHECK (default_country ~ '^[A-Z]{2}$')"
    )
    # Organisations that already have jobs take the country of their first one. Jobs are
    # seen through row-level security (forced even for their owner), so one tenant at a time.
    op.execute(BACKFILL)


BACKFILL = """
DO $$
DECLARE
  tenant record;
BEGIN
  FOR tenant IN SELECT id FROM tenants WHERE default_country IS NULL LOOP
    PERFORM set_config('app.tenant_id', tenant.id::text, true);
    UPDATE tenants SET default_country = (
      SELECT place->>'country'
        FROM jobs, jsonb_array_elements(jobs.locations) AS place
       WHERE jobs.tenant_id = tenant.id AND place->>'country' ~ '^[A-Z]{2}$'
       ORDER BY jobs.created_at, jobs.id
       LIMIT 1)
     WHERE id = tenant.id;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END $$;
"""


def downgrade() -> None:
    op.execute("ALTER TABLE tenants DROP COLUMN default_country")
