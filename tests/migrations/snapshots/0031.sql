-- Revision 0031: `tenant_id` in the keys of the identity tables that still lacked it (ADR 0029).
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0030 -> 0031

ALTER TABLE api_keys DROP CONSTRAINT pk_api_keys;
ALTER TABLE api_keys ADD CONSTRAINT pk_api_keys PRIMARY KEY (tenant_id, id);
ALTER TABLE api_keys DROP CONSTRAINT uq_api_keys_key_digest;
ALTER TABLE api_keys ADD CONSTRAINT uq_api_keys_tenant_id_key_digest UNIQUE (tenant_id, key_digest);
CREATE INDEX ix_api_keys_key_digest ON api_keys (key_digest);;

ALTER TABLE invitations DROP CONSTRAINT pk_invitations;
ALTER TABLE invitations ADD CONSTRAINT pk_invitations PRIMARY KEY (tenant_id, id);
ALTER TABLE invitations DROP CONSTRAINT uq_invitations_token_digest;
ALTER TABLE invitations ADD CONSTRAINT uq_invitations_tenant_id_token_digest UNIQUE (tenant_id, token_digest);
CREATE INDEX ix_invitations_token_digest ON invitations (token_digest);;

ALTER TABLE oauth_clients DROP CONSTRAINT pk_oauth_clients;
ALTER TABLE oauth_clients ADD CONSTRAINT pk_oauth_clients PRIMARY KEY (tenant_id, id);
ALTER TABLE oauth_clients DROP CONSTRAINT uq_oauth_clients_client_id;
ALTER TABLE oauth_clients ADD CONSTRAINT uq_oauth_clients_tenant_id_client_id UNIQUE (tenant_id, client_id);
CREATE INDEX ix_oauth_clients_client_id ON oauth_clients (client_id);;

ALTER TABLE refresh_tokens DROP CONSTRAINT pk_refresh_tokens;
ALTER TABLE refresh_tokens ADD CONSTRAINT pk_refresh_tokens PRIMARY KEY (tenant_id, id);
ALTER TABLE refresh_tokens DROP CONSTRAINT uq_refresh_tokens_token_digest;
ALTER TABLE refresh_tokens ADD CONSTRAINT uq_refresh_tokens_tenant_id_token_digest UNIQUE (tenant_id, token_digest);
CREATE INDEX ix_refresh_tokens_token_digest ON refresh_tokens (token_digest);;

ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY (tenant_id, id);
DROP INDEX ix_audit_log_tenant_id_id;;

UPDATE alembic_version SET version_num='0031' WHERE alembic_version.version_num = '0030';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0031 -> 0030

CREATE INDEX ix_audit_log_tenant_id_id ON audit_log (tenant_id, id);
ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY (id);;

DROP INDEX ix_api_keys_key_digest;
ALTER TABLE api_keys DROP CONSTRAINT uq_api_keys_tenant_id_key_digest;
ALTER TABLE api_keys ADD CONSTRAINT uq_api_keys_key_digest UNIQUE (key_digest);
ALTER TABLE api_keys DROP CONSTRAINT pk_api_keys;
ALTER TABLE api_keys ADD CONSTRAINT pk_api_keys PRIMARY KEY (id);;

DROP INDEX ix_invitations_token_digest;
ALTER TABLE invitations DROP CONSTRAINT uq_invitations_tenant_id_token_digest;
ALTER TABLE invitations ADD CONSTRAINT uq_invitations_token_digest UNIQUE (token_digest);
ALTER TABLE invitations DROP CONSTRAINT pk_invitations;
ALTER TABLE invitations ADD CONSTRAINT pk_invitations PRIMARY KEY (id);;

DROP INDEX ix_oauth_clients_client_id;
ALTER TABLE oauth_clients DROP CONSTRAINT uq_oauth_clients_tenant_id_client_id;
ALTER TABLE oauth_clients ADD CONSTRAINT uq_oauth_clients_client_id UNIQUE (client_id);
ALTER TABLE oauth_clients DROP CONSTRAINT pk_oauth_clients;
ALTER TABLE oauth_clients ADD CONSTRAINT pk_oauth_clients PRIMARY KEY (id);;

DROP INDEX ix_refresh_tokens_token_digest;
ALTER TABLE refresh_tokens DROP CONSTRAINT uq_refresh_tokens_tenant_id_token_digest;
ALTER TABLE refresh_tokens ADD CONSTRAINT uq_refresh_tokens_token_digest UNIQUE (token_digest);
ALTER TABLE refresh_tokens DROP CONSTRAINT pk_refresh_tokens;
ALTER TABLE refresh_tokens ADD CONSTRAINT pk_refresh_tokens PRIMARY KEY (id);;

UPDATE alembic_version SET version_num='0030' WHERE alembic_version.version_num = '0031';

COMMIT;

