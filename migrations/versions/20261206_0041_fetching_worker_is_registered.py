"""A worker that fetches a job is registered again if another worker pruned it meanwhile.

procrastinate deletes the rows of workers whose heartbeat is older than the stalled
threshold (each worker at start, and `core.queue`'s recovery loop), and sets its jobs'
`worker_id` to NULL. A worker that was only late (its event loop held by a long step, or
the machine paused) is still running: its heartbeat then updates no row, and its next fetch
(`procrastinate_fetch_job_v2` sets `worker_id`) failed on the foreign key, which stopped the
worker with "Database error". This puts the row back, with the same id, before the update
that needs it; the worker's jobs that were requeued meanwhile may run twice, as any job of a
worker taken for dead.

Revision ID: 0041
Revises: 0040
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0041"
down_revision: str | Sequence[str] | None = "0040"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
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
    EXECUTE FUNCTION hireline_register_fetching_worker();
"""

DOWNGRADE = """
DROP TRIGGER hireline_jobs_register_fetching_worker ON procrastinate_jobs;
DROP FUNCTION hireline_register_fetching_worker();
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
