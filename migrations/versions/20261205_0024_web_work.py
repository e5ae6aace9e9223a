"""Who referred a candidate; notes on candidates (with the members they mention); each
member's saved searches.

Revision ID: 0024
Revises: 0022
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | Sequence[str] | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Both tables are the tenant's alone (forced row-level security, as `hireline.core.rls`
# writes it). A note's mentions are user ids: the names are looked up when shown, so a
# renamed member reads right. A saved search belongs to one member of one tenant.
UPGRADE = """
ALTER TABLE candidates ADD COLUMN referred_by varchar(200);
CREATE TABLE candidate_notes (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    author_id uuid,
    body text NOT NULL,
    mentions uuid[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_candidate_notes PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_candidate_notes_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_candidate_notes_tenant_id_candidates FOREIGN KEY (tenant_id, candidate_id)
        REFERENCES candidates (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_candidate_notes_author_id_users FOREIGN KEY (author_id)
        REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_candidate_notes_tenant_id_candidate_id_id
    ON candidate_notes (tenant_id, candidate_id, id);
ALTER TABLE candidate_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidate_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON candidate_notes
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON candidate_notes TO hireline_app;

CREATE TABLE saved_searches (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    name varchar(100) NOT NULL,
    query varchar(500) NOT NULL DEFAULT '',
    filters jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_saved_searches PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_saved_searches_tenant_id_user_id_name UNIQUE (tenant_id, user_id, name),
    CONSTRAINT fk_saved_searches_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_saved_searches_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
ALTER TABLE saved_searches ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_searches FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON saved_searches
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_searches TO hireline_app;
"""

DOWNGRADE = """
DROP TABLE saved_searches;
DROP TABLE candidate_notes;
ALTER TABLE candidates DROP COLUMN referred_by;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
