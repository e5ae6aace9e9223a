"""`tenant_id` in the keys of the identity tables that still lacked it (ADR 0029).

API keys, invitations, OAuth clients, refresh tokens and the audit log get `(tenant_id, id)`
as primary key, and their secrets' digests (and OAuth client ids) are unique per tenant, with
a plain index for the sign-in lookup that does not know the tenant yet. A digest is of a
random secret, so two tenants never share one: uniqueness per tenant loses nothing, and the
tables can be distributed by tenant. No foreign key refers to these tables.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0031"
down_revision: str | Sequence[str] | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, the column that sign-in and redemption look rows up by, without the tenant)
LOOKED_UP = (
    ("api_keys", "key_digest"),
    ("invitations", "token_digest"),
    ("oauth_clients", "client_id"),
    ("refresh_tokens", "token_digest"),
)


def upgrade() -> None:
    for table, column in LOOKED_UP:
        op.execute(
            f"""
ALTER TABLE {table} DROP CONSTRAINT pk_{table};
ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY (tenant_id, id);
ALTER TABLE {table} DROP CONSTRAINT uq_{table}_{column};
ALTER TABLE {table} ADD CONSTRAINT uq_{table}_tenant_id_{column} UNIQUE (tenant_id, {column});
CREATE INDEX ix_{table}_{column} ON {table} ({column});
"""
        )
    # The primary key now serves what this index did (the newest entries of a tenant).
    op.execute(
        """
ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY (tenant_id, id);
DROP INDEX ix_audit_log_tenant_id_id;
"""
    )


def downgrade() -> None:
    op.execute(
        """
CREATE INDEX ix_audit_log_tenant_id_id ON audit_log (tenant_id, id);
ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY (id);
"""
    )
    for table, column in LOOKED_UP:
        op.execute(
            f"""
DROP INDEX ix_{table}_{column};
ALTER TABLE {table} DROP CONSTRAINT uq_{table}_tenant_id_{column};
ALTER TABLE {table} ADD CONSTRAINT uq_{table}_{column} UNIQUE ({column});
ALTER TABLE {table} DROP CONSTRAINT pk_{table};
ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY (id);
"""
        )
