"""Each account counts its password changes, so access tokens issued before the last one are
refused; each careers logo keeps a digest of its bytes, so the pages link it at a URL of
its own that browsers may cache for good.

Revision ID: 0037
Revises: 0036
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0037"
down_revision: str | Sequence[str] | None = "0036"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A constant default adds the columns without rewriting either table. Logos stored before
# this revision get their digest here, so their pages link a versioned URL at once.
UPGRADE = """
ALTER TABLE users ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;
ALTER TABLE careers_branding ADD COLUMN logo_digest varchar(64);
UPDATE careers_branding SET logo_digest = encode(sha256(logo), 'hex') WHERE logo IS NOT NULL;
"""

DOWNGRADE = """
ALTER TABLE careers_branding DROP COLUMN logo_digest;
ALTER TABLE users DROP COLUMN credentials_version;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
