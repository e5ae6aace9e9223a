-- Revision 0023: Password reset tokens; each organisation's e-mail templates and careers page branding.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0027 -> 0023

CREATE TABLE password_reset_tokens (
    token_digest varchar(64) NOT NULL,
    user_id uuid NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_password_reset_tokens PRIMARY KEY (token_digest),
    CONSTRAINT fk_password_reset_tokens_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_password_reset_tokens_user_id ON password_reset_tokens (user_id);
ALTER TABLE password_reset_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_reset_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY token_holder ON password_reset_tokens
    USING (token_digest = hireline_credential_lookup() OR user_id = hireline_current_user())
    WITH CHECK (token_digest = hireline_credential_lookup() OR user_id = hireline_current_user());

CREATE TABLE email_templates (
    tenant_id uuid NOT NULL,
    kind varchar(40) NOT NULL,
    subject varchar(200) NOT NULL,
    body text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_email_templates PRIMARY KEY (tenant_id, kind),
    CONSTRAINT fk_email_templates_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT ck_email_templates_body_length CHECK (length(body) <= 5000)
);
ALTER TABLE email_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_templates
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());

CREATE TABLE careers_branding (
    tenant_id uuid NOT NULL,
    colour varchar(7),
    intro text,
    logo bytea,
    logo_type varchar(20),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_careers_branding PRIMARY KEY (tenant_id),
    CONSTRAINT fk_careers_branding_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT ck_careers_branding_colour CHECK (colour ~ '^#[0-9a-f]{6}$'),
    CONSTRAINT ck_careers_branding_intro_length CHECK (length(intro) <= 2000),
    CONSTRAINT ck_careers_branding_logo_size CHECK (octet_length(logo) <= 262144),
    CONSTRAINT ck_careers_branding_logo_type CHECK (logo_type IN ('image/png', 'image/jpeg'))
);
ALTER TABLE careers_branding ENABLE ROW LEVEL SECURITY;
ALTER TABLE careers_branding FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON careers_branding
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());;

UPDATE alembic_version SET version_num='0023' WHERE alembic_version.version_num = '0027';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0023 -> 0027

DROP TABLE careers_branding;
DROP TABLE email_templates;
DROP TABLE password_reset_tokens;;

UPDATE alembic_version SET version_num='0027' WHERE alembic_version.version_num = '0023';

COMMIT;

