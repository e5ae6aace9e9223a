-- Revision 0016: Intake under faults: one webhook delivery per (endpoint, event); no stale key claims.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0015 -> 0016

ALTER TABLE webhook_deliveries NO FORCE ROW LEVEL SECURITY;
UPDATE webhook_deliveries AS later SET event_id = NULL
 WHERE later.event_id IS NOT NULL
   AND EXISTS (
       SELECT 1 FROM webhook_deliveries AS earlier
        WHERE earlier.tenant_id = later.tenant_id
          AND earlier.endpoint_id = later.endpoint_id
          AND earlier.event_id = later.event_id
          AND earlier.id < later.id
   );
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries
    ADD CONSTRAINT uq_webhook_deliveries_tenant_id_endpoint_id_event_id
    UNIQUE (tenant_id, endpoint_id, event_id);

ALTER TABLE idempotency_keys NO FORCE ROW LEVEL SECURITY;
DELETE FROM idempotency_keys WHERE response_status IS NULL;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;;

UPDATE alembic_version SET version_num='0016' WHERE alembic_version.version_num = '0015';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0016 -> 0015

ALTER TABLE webhook_deliveries
    DROP CONSTRAINT uq_webhook_deliveries_tenant_id_endpoint_id_event_id;;

UPDATE alembic_version SET version_num='0015' WHERE alembic_version.version_num = '0016';

COMMIT;

