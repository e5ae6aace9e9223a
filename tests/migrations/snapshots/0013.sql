-- Revision 0013: Access tokens revoked before they expire (sign-out), when no Redis keeps the list; an
index that finds a candidate's events when they are erased.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0012 -> 0013

CREATE TABLE revoked_access_tokens (
    tenant_id uuid NOT NULL,
    token_id varchar(64) NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT pk_revoked_access_tokens PRIMARY KEY (tenant_id, token_id),
    CONSTRAINT fk_revoked_access_tokens_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
CREATE INDEX ix_revoked_access_tokens_tenant_id_expires_at
    ON revoked_access_tokens (tenant_id, expires_at);
ALTER TABLE revoked_access_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE revoked_access_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON revoked_access_tokens
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
CREATE INDEX ix_domain_events_tenant_id_candidate_id
    ON domain_events (tenant_id, (payload ->> 'candidate_id'));;

UPDATE alembic_version SET version_num='0013' WHERE alembic_version.version_num = '0012';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0013 -> 0012

DROP INDEX ix_domain_events_tenant_id_candidate_id;
DROP TABLE revoked_access_tokens;;

UPDATE alembic_version SET version_num='0012' WHERE alembic_version.version_num = '0013';

COMMIT;

