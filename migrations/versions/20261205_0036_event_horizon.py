"""Each domain event remembers the oldest transaction still running when it was written, so
a stream client can resume from the id of the last event it received (ADR 0028).

Revision ID: 0036
Revises: 0029
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0036"
down_revision: str | Sequence[str] | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A transaction that commits after event E with a smaller transaction id than E's was already
# running when E was written, so it is not older than E's `horizon`: resuming from every
# transaction at or past the horizon misses nothing committed after E. Set as a default only
# (no table rewrite): older events keep NULL, and resume from their own place.
UPGRADE = """
ALTER TABLE domain_events ADD COLUMN horizon bigint;
ALTER TABLE domain_events ALTER COLUMN horizon SET DEFAULT hireline_visible_xid();
"""

DOWNGRADE = """
ALTER TABLE domain_events DROP COLUMN horizon;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
