-- Revision 0042: The search function runs its statements without JIT compilation.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0041 -> 0042

ALTER FUNCTION hireline_search_candidates(
    tsquery, tsquery, text, text, text[], text[], text[], text, text,
    double precision, double precision, uuid, uuid, text,
    timestamptz, timestamptz, boolean, uuid, integer
) SET jit = off;

UPDATE alembic_version SET version_num='0042' WHERE alembic_version.version_num = '0041';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0042 -> 0041

ALTER FUNCTION hireline_search_candidates(
    tsquery, tsquery, text, text, text[], text[], text[], text, text,
    double precision, double precision, uuid, uuid, text,
    timestamptz, timestamptz, boolean, uuid, integer
) RESET jit;

UPDATE alembic_version SET version_num='0041' WHERE alembic_version.version_num = '0042';

COMMIT;

