-- Revision 0024: Who referred a candidate; notes on candidates (with the members they mention); each
member's saved searches.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0022 -> 0024

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
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_searches TO hireline_app;;

UPDATE alembic_version SET version_num='0024' WHERE alembic_version.version_num = '0022';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0024 -> 0022

DROP TABLE saved_searches;
DROP TABLE candidate_notes;
ALTER TABLE candidates DROP COLUMN referred_by;;

UPDATE alembic_version SET version_num='0022' WHERE alembic_version.version_num = '0024';

COMMIT;

