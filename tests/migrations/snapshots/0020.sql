-- Revision 0020: Browser sessions of the recruiter web app, each visible only to whoever holds its id.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0014 -> 0020

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
    WITH CHECK (id_digest = hireline_credential_lookup());;

UPDATE alembic_version SET version_num='0020' WHERE alembic_version.version_num = '0014';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0020 -> 0014

DROP TABLE web_sessions;;

UPDATE alembic_version SET version_num='0014' WHERE alembic_version.version_num = '0020';

COMMIT;

