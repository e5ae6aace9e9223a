-- Revision 0036: Each domain event remembers the oldest transaction still running when it was written, so
a stream client can resume from the id of the last event it received (ADR 0028).
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0029 -> 0036

ALTER TABLE domain_events ADD COLUMN horizon bigint;
ALTER TABLE domain_events ALTER COLUMN horizon SET DEFAULT hireline_visible_xid();;

UPDATE alembic_version SET version_num='0036' WHERE alembic_version.version_num = '0029';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0036 -> 0029

ALTER TABLE domain_events DROP COLUMN horizon;;

UPDATE alembic_version SET version_num='0029' WHERE alembic_version.version_num = '0036';

COMMIT;

