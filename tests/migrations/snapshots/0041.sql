-- Revision 0041: A worker that fetches a job is registered again if another worker pruned it meanwhile.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0040 -> 0041

CREATE FUNCTION hireline_register_fetching_worker() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM procrastinate_workers WHERE id = NEW.worker_id) THEN
        INSERT INTO procrastinate_workers (id, last_heartbeat) OVERRIDING SYSTEM VALUE
        VALUES (NEW.worker_id, now())
        ON CONFLICT (id) DO NOTHING;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER hireline_jobs_register_fetching_worker
    BEFORE UPDATE OF worker_id ON procrastinate_jobs
    FOR EACH ROW WHEN (NEW.worker_id IS NOT NULL AND NEW.worker_id IS DISTINCT FROM OLD.worker_id)
    EXECUTE FUNCTION hireline_register_fetching_worker();;

UPDATE alembic_version SET version_num='0041' WHERE alembic_version.version_num = '0040';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0041 -> 0040

DROP TRIGGER hireline_jobs_register_fetching_worker ON procrastinate_jobs;
DROP FUNCTION hireline_register_fetching_worker();;

UPDATE alembic_version SET version_num='0040' WHERE alembic_version.version_num = '0041';

COMMIT;

