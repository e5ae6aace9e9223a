-- Revision 0025: The outbox relay to a message broker: which events it has published, and a role that may
read every tenant's events for that one purpose.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0020 -> 0025

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
    USING (true) WITH CHECK (true);;

UPDATE alembic_version SET version_num='0025' WHERE alembic_version.version_num = '0020';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0025 -> 0020

DROP POLICY relay_marks_published ON domain_events;
DROP POLICY relay_reads_every_tenant ON domain_events;
REVOKE ALL ON domain_events FROM hireline_relay;
REVOKE ALL ON event_relay_state FROM hireline_relay;
REVOKE USAGE ON SCHEMA public FROM hireline_relay;
DROP TABLE event_relay_state;
DROP INDEX ix_domain_events_unpublished;
ALTER TABLE domain_events DROP COLUMN published_at;;

UPDATE alembic_version SET version_num='0020' WHERE alembic_version.version_num = '0025';

COMMIT;

