"""The outbox relay to a message broker: which events it has published, and a role that may
read every tenant's events for that one purpose.

Revision ID: 0025
Revises: 0020
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# `published_at` stays NULL until the relay has the broker's acknowledgement. The partial
# index holds only what is still to publish, so it stays small on a busy installation.
# `event_relay_state.started_after`: events older than the relay's first run are history,
# not news, and are never sent. `relay_id` makes message ids unique across installations
# (event ids restart at 1 in every database; a broker may serve several).
# The relay role reads across tenants (policies are permissive: its own policy adds to the
# tenant one) and may only mark events published; the migrating user switches to it.
UPGRADE = """
ALTER TABLE domain_events ADD COLUMN published_at timestamptz;
CREATE INDEX ix_domain_events_unpublished ON domain_events (id) WHERE published_at IS NULL;
CREATE TABLE event_relay_state (
    id smallint NOT NULL DEFAULT 1,
    started_after bigint NOT NULL,
    relay_id uuid NOT NULL DEFAULT gen_random_uuid(),
    started_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_event_relay_state PRIMARY KEY (id),
    CONSTRAINT ck_event_relay_state_singleton CHECK (id = 1)
);
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hireline_relay') THEN
        CREATE ROLE hireline_relay NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END $$;
GRANT hireline_relay TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO hireline_relay;
GRANT SELECT ON domain_events TO hireline_relay;
GRANT UPDATE (published_at) ON domain_events TO hireline_relay;
GRANT SELECT, INSERT ON event_relay_state TO hireline_relay;
CREATE POLICY relay_reads_every_tenant ON domain_events FOR SELECT TO hireline_relay
    USING (true);
CREATE POLICY relay_marks_published ON domain_events FOR UPDATE TO hireline_relay
    USING (true) WITH CHECK (true);
"""

DOWNGRADE = """
DROP POLICY relay_marks_published ON domain_events;
DROP POLICY relay_reads_every_tenant ON domain_events;
REVOKE ALL ON domain_events FROM hireline_relay;
REVOKE ALL ON event_relay_state FROM hireline_relay;
REVOKE USAGE ON SCHEMA public FROM hireline_relay;
DROP TABLE event_relay_state;
DROP INDEX ix_domain_events_unpublished;
ALTER TABLE domain_events DROP COLUMN published_at;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
