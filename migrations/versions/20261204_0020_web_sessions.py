"""Browser sessions of the recruiter web app, each visible only to whoever holds its id.

Revision ID: 0020
Revises: 0014
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The row is found by the SHA-256 digest of the cookie's id; the policy shows (and lets one
# write) only the row whose digest the transaction presented, like API keys and refresh
# tokens before their tenant is known. No tenant policy: a session exists before its user
# has picked an organisation.
UPGRADE = """
CREATE TABLE web_sessions (
    id_digest varchar(64) NOT NULL,
    user_id uuid NOT NULL,
    tenant_id uuid,
    csrf_token varchar(64) NOT NULL,
    password_digest varchar(64) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_web_sessions PRIMARY KEY (id_digest),
    CONSTRAINT fk_web_sessions_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_web_sessions_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
CREATE INDEX ix_web_sessions_user_id ON web_sessions (user_id);
ALTER TABLE web_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE web_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY session_holder ON web_sessions
    USING (id_digest = hireline_credential_lookup())
    WITH CHECK (id_digest = hireline_credential_lookup());
"""

DOWNGRADE = """
DROP TABLE web_sessions;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
