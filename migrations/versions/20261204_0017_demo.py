"""Pipeline stages say what kind of step they are (applied, screen, interview, offer, other).

Revision ID: 0017
Revises: 0013
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Existing stages get the kind their name and place suggest, as new ones do
# (`hireline.jobs.stages.kind_for`); a recruiter's own names fall back to 'other'.
BACKFILL = """
UPDATE pipeline_stages SET kind = CASE
    WHEN position = 0 THEN 'applied'
    WHEN name ILIKE '%offer%' THEN 'offer'
    WHEN name ILIKE '%screen%' THEN 'screen'
    WHEN name ILIKE '%interview%' OR name ILIKE '%onsite%' OR name ILIKE '%on-site%'
        OR name ILIKE '%on site%' THEN 'interview'
    ELSE 'other'
END
"""


def upgrade() -> None:
    op.add_column(
        "pipeline_stages",
        sa.Column("kind", sa.String(length=20), server_default="other", nullable=False),
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_column("pipeline_stages", "kind")
