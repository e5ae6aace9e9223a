-- Revision 0039: A job that releases a lock wakes the workers, so the next job of that lock runs at once.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0038 -> 0039

CREATE FUNCTION hireline_notify_lock_released() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    payload text := json_build_object('type', 'job_inserted', 'job_id', NEW.id)::text;
BEGIN
    PERFORM pg_notify('procrastinate_queue_v1#' || NEW.queue_name, payload);
    PERFORM pg_notify('procrastinate_any_queue_v1', payload);
    RETURN NEW;
END $$;

CREATE TRIGGER hireline_jobs_notify_lock_released
    AFTER UPDATE OF status ON procrastinate_jobs
    FOR EACH ROW WHEN (OLD.status = 'doing' AND NEW.status <> 'doing' AND NEW.lock IS NOT NULL)
    EXECUTE FUNCTION hireline_notify_lock_released();;

UPDATE alembic_version SET version_num='0039' WHERE alembic_version.version_num = '0038';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0039 -> 0038

DROP TRIGGER hireline_jobs_notify_lock_released ON procrastinate_jobs;
DROP FUNCTION hireline_notify_lock_released();;

UPDATE alembic_version SET version_num='0038' WHERE alembic_version.version_num = '0039';

COMMIT;

