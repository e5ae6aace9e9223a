-- Revision 0029: The change feed and the live stream: a change row per write to the six synced tables, the
transaction id of each change and each domain event, and a NOTIFY when an event commits.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0031 -> 0029

CREATE FUNCTION hireline_current_xid() RETURNS bigint
LANGUAGE sql VOLATILE AS $$ SELECT pg_current_xact_id()::text::bigint $$;
CREATE FUNCTION hireline_visible_xid() RETURNS bigint
LANGUAGE sql VOLATILE AS $$ SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint $$;

ALTER TABLE domain_events ADD COLUMN xid bigint;
ALTER TABLE domain_events ALTER COLUMN xid SET DEFAULT hireline_current_xid();
CREATE INDEX ix_domain_events_tenant_id_xid_id ON domain_events (tenant_id, xid, id);

CREATE FUNCTION hireline_announce_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Sent at commit only, once per tenant and transaction (equal payloads fold into one).
    PERFORM pg_notify('hireline_events', coalesce(NEW.tenant_id::text, ''));
    RETURN NULL;
END $$;
CREATE TRIGGER domain_events_announce AFTER INSERT ON domain_events
    FOR EACH ROW EXECUTE FUNCTION hireline_announce_event();

CREATE TABLE changes (
    tenant_id uuid NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    xid bigint NOT NULL DEFAULT hireline_current_xid(),
    entity varchar(20) NOT NULL,
    entity_id uuid NOT NULL,
    operation varchar(10) NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_changes PRIMARY KEY (tenant_id, seq),
    CONSTRAINT fk_changes_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT ck_changes_operation CHECK (operation IN ('create', 'update', 'delete'))
);
CREATE INDEX ix_changes_tenant_id_xid_seq ON changes (tenant_id, xid, seq);
CREATE INDEX ix_changes_changed_at ON changes (changed_at);
ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE changes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON changes
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());

-- One function for the six tables: TG_ARGV[0] names the entity. An erased candidate is a
-- delete to the feed (its row stays, emptied, for the statistics).
CREATE FUNCTION hireline_record_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    operation text := lower(TG_OP);
    subject record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        subject := OLD;
        -- A whole organisation being deleted takes its feed with it: nobody is left to
        -- read a tombstone, and the row would point at a tenant that is gone.
        IF NOT EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id) THEN
            RETURN NULL;
        END IF;
    ELSE
        subject := NEW;
    END IF;
    IF operation = 'insert' THEN
        operation := 'create';
    END IF;
    IF TG_ARGV[0] = 'candidate' AND TG_OP = 'UPDATE' THEN
        IF NEW.erased_at IS NOT NULL THEN
            IF OLD.erased_at IS NOT NULL THEN
                RETURN NULL;  -- already told: nothing more about an erased person
            END IF;
            operation := 'delete';
        END IF;
    END IF;
    INSERT INTO changes (tenant_id, entity, entity_id, operation)
        VALUES (subject.tenant_id, TG_ARGV[0], subject.id, operation);
    RETURN NULL;
END $$;;

CREATE TRIGGER jobs_record_change AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH ROW EXECUTE FUNCTION hireline_record_change('job');;

CREATE TRIGGER candidates_record_change AFTER INSERT OR UPDATE OR DELETE ON candidates
    FOR EACH ROW EXECUTE FUNCTION hireline_record_change('candidate');;

CREATE TRIGGER applications_record_change AFTER INSERT OR UPDATE OR DELETE ON applications
    FOR EACH ROW EXECUTE FUNCTION hireline_record_change('application');;

CREATE TRIGGER interviews_record_change AFTER INSERT OR UPDATE OR DELETE ON interviews
    FOR EACH ROW EXECUTE FUNCTION hireline_record_change('interview');;

CREATE TRIGGER scorecards_record_change AFTER INSERT OR UPDATE OR DELETE ON scorecards
    FOR EACH ROW EXECUTE FUNCTION hireline_record_change('scorecard');;

CREATE TRIGGER offers_record_change AFTER INSERT OR UPDATE OR DELETE ON offers
    FOR EACH ROW EXECUTE FUNCTION hireline_record_change('offer');;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hireline_app') THEN
        REVOKE ALL ON changes FROM hireline_app;
        GRANT SELECT, INSERT ON changes TO hireline_app;
    END IF;
END $$;;

UPDATE alembic_version SET version_num='0029' WHERE alembic_version.version_num = '0031';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0029 -> 0031

DROP FUNCTION hireline_record_change() CASCADE;
DROP TABLE changes;
DROP TRIGGER domain_events_announce ON domain_events;
DROP FUNCTION hireline_announce_event();
DROP INDEX ix_domain_events_tenant_id_xid_id;
ALTER TABLE domain_events DROP COLUMN xid;
DROP FUNCTION hireline_visible_xid();
DROP FUNCTION hireline_current_xid();;

UPDATE alembic_version SET version_num='0031' WHERE alembic_version.version_num = '0029';

COMMIT;

