"""Background side of webhooks: one delivery per subscribed endpoint, and its attempts.

One delivery per (endpoint, event), by a unique constraint, with an id derived from the
pair: a fan-out job run twice (its worker killed after the commit) adds nothing, and every
send of the event to the endpoint carries the same `webhook-id`.

At least once: an attempt and its outcome are recorded in the job's transaction, so a worker
killed mid-request leaves the delivery as it was and the job is run again (stalled-job
recovery), sending the same message (same `webhook-id`) once more. Each job names the attempt
it is for; a job whose attempt was already made (a manual retry got there first) does nothing.

Order: first attempts to one endpoint run one at a time in the order of the events (a queue
lock per endpoint). Retries are not held in that line, so one failing message does not hold
back the endpoint's later ones for a day.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import orjson
import structlog
from procrastinate import JobContext
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.candidates.events import CandidateEvent
from hireline.core import events
from hireline.core.events import DomainEvent
from hireline.core.ids import derived_uuid7
from hireline.core.queue import (
    DEFAULT_RETRY,
    DeferOptions,
    defer,
    job_unit_of_work,
    queue,
    worker_state,
)
from hireline.notifications.service import notify_webhook_endpoint_disabled
from hireline.settings import Settings
from hireline.webhooks import delivery as sending
from hireline.webhooks import service as webhooks_service
from hireline.webhooks import signing
from hireline.webhooks.catalogue import SUBSCRIBABLE
from hireline.webhooks.events import WebhookEvent
from hireline.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from hireline.webhooks.repository import WebhookRepository
from hireline.webhooks.ssrf import guarded_client

logger = structlog.get_logger(__name__)

WEBHOOKS_QUEUE = "webhooks"
PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"

_clients: dict[tuple[float, bool], httpx.AsyncClient] = {}


def _client(settings: Settings) -> httpx.AsyncClient:
    """One pooled client per worker process (and per configuration, for tests)."""
    key = (settings.webhook_timeout_seconds, settings.webhook_allow_private_addresses)
    client = _clients.get(key)
    if client is None or client.is_closed:
        client = _clients[key] = guarded_client(
            timeout=settings.webhook_timeout_seconds,
            allow_private=settings.webhook_allow_private_addresses,
        )
    return client


def envelope(event_type: str, occurred_at: datetime, data: dict[str, object]) -> str:
    """The JSON body every receiver gets: `type`, `timestamp` and `data`."""
    return orjson.dumps(
        {"type": event_type, "timestamp": occurred_at.astimezone(UTC).isoformat(), "data": data}
    ).decode()


async def schedule(
    session: AsyncSession, delivery: WebhookDelivery, *, delay: float = 0.0, ordered: bool = False
) -> None:
    """Queue the delivery's next attempt, in the caller's transaction."""
    options: DeferOptions = {}
    if ordered:
        options["lock"] = f"webhook-endpoint:{delivery.endpoint_id}"
    if delay > 0:
        options["schedule_in"] = {"seconds": int(delay)}
    delivery.next_attempt_at = datetime.now(UTC) + timedelta(seconds=delay)
    await defer(
        session,
        deliver,
        options=options,
        tenant_id=str(delivery.tenant_id),
        delivery_id=str(delivery.id),
        attempt=delivery.attempts + 1,
    )


async def has_subscribers(event: DomainEvent, session: AsyncSession) -> bool:
    """Whether any endpoint wants the event: most tenants have none, and pay no job then."""
    if event.tenant_id is None:
        return False
    return await WebhookRepository(session).has_subscribers(event.tenant_id, event.type)


def delivery_id(event: DomainEvent, endpoint_id: uuid.UUID) -> uuid.UUID:
    """The id, and `webhook-id`, of the event's delivery to an endpoint: the same on every
    run of the fan-out, and ordered by the event's time."""
    return derived_uuid7(
        event.occurred_at, "webhook-delivery", str(event.tenant_id), str(endpoint_id), str(event.id)
    )


async def fan_out(event: DomainEvent, session: AsyncSession) -> None:
    """One delivery per enabled endpoint of the tenant that subscribed to the event's type.

    Run again (its worker died after the commit), it adds nothing: the deliveries exist,
    under the same ids, and their first attempts are queued already.
    """
    if event.tenant_id is None:
        return
    repository = WebhookRepository(session)
    endpoint_ids = await repository.subscriber_ids(event.tenant_id, event.type)
    if not endpoint_ids:
        return
    body = envelope(event.type, event.occurred_at, event.payload)
    new_deliveries = await repository.insert_new_deliveries(
        [
            {
                "tenant_id": event.tenant_id,
                "id": delivery_id(event, endpoint_id),
                "endpoint_id": endpoint_id,
                "event_id": event.id,
                "event_type": event.type,
                "body": body,
                "status": PENDING,
                "attempts": 0,
            }
            for endpoint_id in endpoint_ids
        ]
    )
    for delivery in sorted(new_deliveries, key=lambda made: made.endpoint_id):
        await schedule(session, delivery, ordered=True)


@queue.task(name="webhooks.deliver", pass_context=True, retry=DEFAULT_RETRY, queue=WEBHOOKS_QUEUE)
async def deliver(context: JobContext, tenant_id: str, delivery_id: str, attempt: int) -> None:
    """Make attempt number `attempt` of a delivery, unless it was made already."""
    settings = worker_state(context).settings
    async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
        await attempt_delivery(
            session,
            uuid.UUID(tenant_id),
            uuid.UUID(delivery_id),
            attempt,
            client=_client(settings),
            settings=settings,
        )


async def attempt_delivery(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    delivery_id: uuid.UUID,
    attempt: int,
    *,
    client: httpx.AsyncClient,
    settings: Settings,
) -> None:
    """Send, log the attempt, and settle the delivery: done, failed, or tried again later."""
    repository = WebhookRepository(session)
    delivery = await repository.delivery(delivery_id, for_update=True)
    if delivery is None or delivery.status != PENDING or delivery.attempts + 1 != attempt:
        return  # deleted, settled, or this attempt was already made
    endpoint = await repository.endpoint(delivery.endpoint_id, for_update=True)
    if endpoint is None or not endpoint.enabled:
        _settle(delivery, FAILED, error="The endpoint is disabled.")
        return

    now = datetime.now(UTC)
    body = delivery.body.encode()
    headers = signing.headers(_secrets(endpoint, now), str(delivery.id), int(now.timestamp()), body)
    result = await sending.post(
        client, endpoint.url, body, headers, seconds=settings.webhook_timeout_seconds
    )
    delivery.attempts = attempt
    delivery.last_status_code = result.status_code
    delivery.last_error = result.error
    session.add(
        WebhookAttempt(
            tenant_id=tenant_id,
            delivery_id=delivery.id,
            number=attempt,
            attempted_at=now,
            status_code=result.status_code,
            latency_ms=result.latency_ms,
            error=result.error,
            response_body=result.response_body,
        )
    )
    logger.info(
        "webhook_attempt",
        delivery_id=str(delivery.id),
        endpoint_id=str(endpoint.id),
        attempt=attempt,
        status_code=result.status_code,
        latency_ms=result.latency_ms,
        error=result.error,
    )
    if result.succeeded:
        _settle(delivery, SUCCEEDED)
        endpoint.failing_since = None
        return

    endpoint.failing_since = endpoint.failing_since or now
    delay = sending.retry_delay(attempt, result.retry_after) if result.retryable else None
    if delay is None:
        _settle(delivery, FAILED, error=result.error)
    else:
        delivery.next_attempt_at = now + timedelta(seconds=delay)
        await schedule(session, delivery, delay=delay)
    failing_for = now - endpoint.failing_since
    if failing_for >= timedelta(days=settings.webhook_disable_after_days):
        await _disable(session, endpoint, failing_for, result.error)


def _secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    secrets_in_use = [endpoint.secret]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret and expires is not None and expires > now:
        secrets_in_use.append(endpoint.previous_secret)
    return secrets_in_use


def _settle(delivery: WebhookDelivery, status: str, *, error: str | None = None) -> None:
    delivery.status = status
    delivery.finished_at = datetime.now(UTC)
    delivery.next_attempt_at = None
    if error is not None:
        delivery.last_error = error


async def _disable(
    session: AsyncSession, endpoint: WebhookEndpoint, failing_for: timedelta, error: str | None
) -> None:
    days = failing_for.total_seconds() / 86400
    endpoint.enabled = False
    endpoint.disabled_reason = f"Disabled after {days:.1f} days in which every delivery failed" + (
        f" (last error: {error})." if error else "."
    )
    endpoint.updated_at = datetime.now(UTC)
    logger.warning("webhook_endpoint_disabled", endpoint_id=str(endpoint.id), days=days)
    assert endpoint.failing_since is not None  # set by the caller before it decided to disable
    await notify_webhook_endpoint_disabled(
        session,
        endpoint.tenant_id,
        endpoint_url=endpoint.url,
        failing_since=endpoint.failing_since,
        last_error=error,
    )
    await events.record(
        session,
        type=WebhookEvent.ENDPOINT_DISABLED,
        payload={
            "endpoint_id": str(endpoint.id),
            "url": endpoint.url,
            "failing_since": endpoint.failing_since.isoformat(),
            "last_error": error,
        },
        tenant_id=endpoint.tenant_id,
    )


# Only the types endpoints can subscribe to: other events cost no webhook job at all.
for _event_type in SUBSCRIBABLE:
    events.register_handler(_event_type, fan_out, name="webhooks.fan_out", when=has_subscribers)


@events.on(CandidateEvent.CANDIDATE_ERASED, name="webhooks.forget_erased_candidate")
async def forget_erased_candidate(event: DomainEvent, session: AsyncSession) -> None:
    """Rewrite the bodies of the deliveries made from an erased person's events."""
    about = await candidates.events_about_erased(session, event)
    # (service imports this module too: by the time a handler runs, both are loaded.)
    rewritten = await webhooks_service.rewrite_deliveries_of(session, about)
    logger.info("erasure_webhooks_forgotten", webhook_deliveries=rewritten)
