"""Intake under faults: one webhook delivery per (endpoint, event); no stale key claims.

A fan-out job that runs again (its worker was killed after the commit, before the queue
marked the job done) must not add a second delivery with a new `webhook-id`: a unique
constraint on (tenant_id, endpoint_id, event_id) now refuses it. Deliveries that were
already doubled keep their history but lose the link to the event, the earliest keeping it.
Test messages have no event (NULL) and are not concerned.

Idempotency keys are now recorded in the same transaction as the work, so a row without a
response can only be a claim the former scheme left behind (its request was killed): it
would answer 409 for a day, and is deleted.

Both tables force row-level security, even for their owner; it is lifted for the two data
changes only.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
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
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
"""

DOWNGRADE = """
ALTER TABLE webhook_deliveries
    DROP CONSTRAINT uq_webhook_deliveries_tenant_id_endpoint_id_event_id;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
