"""A job that releases a lock wakes the workers, so the next job of that lock runs at once.

Jobs that share a procrastinate `lock` (the webhook deliveries to one endpoint, in order)
run one after the other. A worker that finds only locked jobs stops fetching until a new
job is inserted (a NOTIFY) or its polling interval (5 s) passes; nothing told it when the
lock was released. With no other work arriving, a burst of deliveries to one endpoint went
out one every 5 s: 100 applications' webhooks took over eight minutes after the résumés
were read. This sends the notification procrastinate sends for an inserted job
(`procrastinate_notify_queue_job_inserted_v1`, revision 0001) when a job holding a lock
leaves `doing`; it reaches the workers when that transaction commits, when the next job of
the lock can be fetched.

Revision ID: 0039
Revises: 0038
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0039"
down_revision: str | Sequence[str] | None = "0038"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
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
    EXECUTE FUNCTION hireline_notify_lock_released();
"""

DOWNGRADE = """
DROP TRIGGER hireline_jobs_notify_lock_released ON procrastinate_jobs;
DROP FUNCTION hireline_notify_lock_released();
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
