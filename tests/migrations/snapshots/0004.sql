-- Revision 0004: Tenant role templates with immutable versions, and tenant interview questions.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0003 -> 0004

CREATE TABLE interview_questions (
    tenant_id UUID NOT NULL,
    id UUID NOT NULL,
    category VARCHAR(20) NOT NULL,
    topic VARCHAR(160) NOT NULL,
    question TEXT NOT NULL,
    strong_answer TEXT NOT NULL,
    skills VARCHAR(160)[] NOT NULL,
    levels VARCHAR(20)[] NOT NULL,
    role VARCHAR(80),
    created_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT pk_interview_questions PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_interview_questions_tenant_id_tenants FOREIGN KEY(tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
);

CREATE TABLE role_templates (
    tenant_id UUID NOT NULL,
    key VARCHAR(80) NOT NULL,
    forked_from VARCHAR(80) NOT NULL,
    current_version INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT pk_role_templates PRIMARY KEY (tenant_id, key),
    CONSTRAINT fk_role_templates_tenant_id_tenants FOREIGN KEY(tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
);

CREATE TABLE role_template_versions (
    tenant_id UUID NOT NULL,
    key VARCHAR(80) NOT NULL,
    version INTEGER NOT NULL,
    content JSONB NOT NULL,
    note VARCHAR(500),
    created_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT pk_role_template_versions PRIMARY KEY (tenant_id, key, version),
    CONSTRAINT fk_role_template_versions_tenant_id_role_templates FOREIGN KEY(tenant_id, key) REFERENCES role_templates (tenant_id, key) ON DELETE CASCADE
);

ALTER TABLE "role_templates" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "role_templates" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "role_templates" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


ALTER TABLE "role_template_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "role_template_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "role_template_versions" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


ALTER TABLE "interview_questions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "interview_questions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "interview_questions" USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant()) WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());


UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0004 -> 0003

DROP POLICY IF EXISTS tenant_isolation ON "role_templates"; DROP POLICY IF EXISTS credential_lookup ON "role_templates"; DROP POLICY IF EXISTS own_memberships ON "role_templates"; ALTER TABLE "role_templates" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "role_templates" DISABLE ROW LEVEL SECURITY;


DROP POLICY IF EXISTS tenant_isolation ON "role_template_versions"; DROP POLICY IF EXISTS credential_lookup ON "role_template_versions"; DROP POLICY IF EXISTS own_memberships ON "role_template_versions"; ALTER TABLE "role_template_versions" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "role_template_versions" DISABLE ROW LEVEL SECURITY;


DROP POLICY IF EXISTS tenant_isolation ON "interview_questions"; DROP POLICY IF EXISTS credential_lookup ON "interview_questions"; DROP POLICY IF EXISTS own_memberships ON "interview_questions"; ALTER TABLE "interview_questions" NO FORCE ROW LEVEL SECURITY; ALTER TABLE "interview_questions" DISABLE ROW LEVEL SECURITY;


DROP TABLE role_template_versions;

DROP TABLE role_templates;

DROP TABLE interview_questions;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0004';

COMMIT;

