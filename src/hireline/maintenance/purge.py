"""The daily purge: transient records deleted once they can serve no one.

| records | kept |
| --- | --- |
| idempotency keys | until they expire (24 h after the request) |
| webhook deliveries that ended (succeeded, or failed for good), with their attempts | 90 days |
| daily API usage counts | the plan's window (`USAGE_HISTORY_DAYS`) |
| revoked access tokens | until the token would have expired anyway |
| finished queue jobs | 7 days; failed ones 30 days (procrastinate's own clean-up, in the task) |

It crosses tenants, so it runs as the role `hireline_purger` (migration 0027), which may read
and delete rows of these tables only: nothing else of any tenant is visible to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import psycopg

from hireline.core.database_url import libpq_url

PURGER_ROLE = "hireline_purger"
DELIVERIES_KEPT_DAYS = 90
# Daily usage a plan keeps for its reports; other plans (and unknown ones) keep the default.
USAGE_HISTORY_DAYS = {"free": 90, "team": 400, "business": 800}
DEFAULT_USAGE_HISTORY_DAYS = 400
FINISHED_DELIVERY_STATES = ("succeeded", "failed")

STATEMENTS: dict[str, str] = {
    "idempotency_keys": "DELETE FROM idempotency_keys WHERE expires_at < now()",
    # Attempts first: they belong to deliveries (and would cascade, but are counted apart).
    "webhook_attempts": (
        "DELETE FROM webhook_attempts a USING webhook_deliveries d"
        " WHERE a.tenant_id = d.tenant_id AND a.delivery_id = d.id"
        " AND d.status = ANY(%(finished)s)"
        " AND d.finished_at < now() - make_interval(days => %(days)s)"
    ),
    "webhook_deliveries": (
        "DELETE FROM webhook_deliveries WHERE status = ANY(%(finished)s)"
        " AND finished_at < now() - make_interval(days => %(days)s)"
    ),
    "api_usage": (
        "DELETE FROM api_usage u USING tenants t WHERE u.tenant_id = t.id AND u.day <"
        " current_date - coalesce((%(windows)s::jsonb ->> t.plan)::int, %(default_window)s)"
    ),
    "revoked_access_tokens": "DELETE FROM revoked_access_tokens WHERE expires_at < now()",
}


@dataclass
class PurgeReport:
    deleted: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.deleted.values())


async def purge(owner_url: str) -> PurgeReport:
    """Delete every expired record, in one transaction, as the purging role."""
    parameters = {
        "finished": list(FINISHED_DELIVERY_STATES),
        "days": DELIVERIES_KEPT_DAYS,
        "windows": json.dumps(USAGE_HISTORY_DAYS),
        "default_window": DEFAULT_USAGE_HISTORY_DAYS,
    }
    report = PurgeReport()
    async with (
        await psycopg.AsyncConnection.connect(
            libpq_url(owner_url), options=f"-c role={PURGER_ROLE}"
        ) as connection,
        connection.transaction(),
    ):
        for table, statement in STATEMENTS.items():
            cursor = await connection.execute(statement, parameters)
            report.deleted[table] = cursor.rowcount
    return report
