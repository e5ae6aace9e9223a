"""The rules of webhook endpoints and deliveries, for the routes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound, ValidationFailed
from hireline.core.events import DomainEvent
from hireline.core.pagination import cut_page, id_after
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit
from hireline.webhooks import signing, tasks
from hireline.webhooks.catalogue import ALL_EVENTS as ALL_EVENTS
from hireline.webhooks.catalogue import EVENT_TYPES as EVENT_TYPES
from hireline.webhooks.catalogue import TEST_EVENT
from hireline.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from hireline.webhooks.repository import WebhookRepository
from hireline.webhooks.schemas import EndpointCreate, EndpointUpdate
from hireline.webhooks.ssrf import literal_host_refused

# How long the old secret still signs after a rotation, so receivers can switch without a gap.
ROTATION_OVERLAP = timedelta(hours=24)
MAX_ENDPOINTS = 50


async def list_endpoints(session: AsyncSession, tenant_id: uuid.UUID) -> list[WebhookEndpoint]:
    return await WebhookRepository(session).endpoints()


async def get_endpoint(
    session: AsyncSession, tenant_id: uuid.UUID, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    endpoint = await WebhookRepository(session).endpoint(endpoint_id)
    if endpoint is None:
        raise NotFound("No webhook endpoint with this id.")
    return endpoint


async def _audit(
    session: AsyncSession, principal: Principal, action: str, endpoint: WebhookEndpoint
) -> None:
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action=action,
        target_type="webhook_endpoint",
        target_id=endpoint.id,
        details={"url": endpoint.url},
    )


def _check_reachable(url: str, *, allow_private: bool) -> None:
    """Refuse, when the endpoint is saved, a URL whose literal address every delivery would
    be refused (host names are judged at connect time, on what they resolve to then)."""
    address = None if allow_private else literal_host_refused(url)
    if address is not None:
        message = (
            f"{address} is a loopback, private or otherwise internal address, which webhooks "
            "may not reach; the server's operator can allow it with "
            "HIRELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true (closed networks and tests only)."
        )
        raise ValidationFailed(
            message, errors=[{"loc": ["body", "url"], "msg": message, "type": "url_internal"}]
        )


async def create_endpoint(
    session: AsyncSession, principal: Principal, body: EndpointCreate, *, allow_private: bool
) -> WebhookEndpoint:
    _check_reachable(body.url, allow_private=allow_private)
    if len(await list_endpoints(session, principal.tenant_id)) >= MAX_ENDPOINTS:
        raise Conflict(f"An organisation can have at most {MAX_ENDPOINTS} webhook endpoints.")
    endpoint = WebhookEndpoint(
        tenant_id=principal.tenant_id,
        url=body.url,
        description=body.description,
        event_types=body.event_types,
        enabled=body.enabled,
        secret=signing.new_secret(),
    )
    repository = WebhookRepository(session)
    await repository.add(endpoint)
    await _audit(session, principal, "webhook_endpoint.created", endpoint)
    await repository.reread(endpoint)
    return endpoint


async def update_endpoint(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    body: EndpointUpdate,
    *,
    allow_private: bool,
) -> WebhookEndpoint:
    endpoint = await get_endpoint(session, principal.tenant_id, endpoint_id)
    if body.url is not None:
        _check_reachable(body.url, allow_private=allow_private)
    changes = body.model_dump(exclude_unset=True)
    for name, value in changes.items():
        if value is None and name != "description":
            continue  # url, event_types and enabled cannot be emptied
        setattr(endpoint, name, value)
    if changes.get("enabled"):
        endpoint.failing_since = None
        endpoint.disabled_reason = None
    endpoint.updated_at = datetime.now(UTC)
    await session.flush()
    await _audit(session, principal, "webhook_endpoint.updated", endpoint)
    return endpoint


async def delete_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> None:
    endpoint = await get_endpoint(session, principal.tenant_id, endpoint_id)
    await _audit(session, principal, "webhook_endpoint.deleted", endpoint)
    await WebhookRepository(session).remove(endpoint)


async def rotate_secret(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    """A new secret; the old one keeps signing (as a second signature) for a day."""
    endpoint = await get_endpoint(session, principal.tenant_id, endpoint_id)
    now = datetime.now(UTC)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = now + ROTATION_OVERLAP
    endpoint.secret = signing.new_secret()
    endpoint.updated_at = now
    await session.flush()
    await _audit(session, principal, "webhook_endpoint.secret_rotated", endpoint)
    return endpoint


async def send_test(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> WebhookDelivery:
    """Queue a `webhook.test` message to the endpoint, whatever it subscribed to."""
    endpoint = await get_endpoint(session, principal.tenant_id, endpoint_id)
    if not endpoint.enabled:
        raise Conflict("The endpoint is disabled; enable it before testing it.")
    now = datetime.now(UTC)
    delivery = WebhookDelivery(
        tenant_id=endpoint.tenant_id,
        endpoint_id=endpoint.id,
        event_id=None,
        event_type=TEST_EVENT,
        body=tasks.envelope(
            TEST_EVENT,
            now,
            {"endpoint_id": str(endpoint.id), "message": "A test message from Hireline."},
        ),
        status=tasks.PENDING,
        attempts=0,
    )
    repository = WebhookRepository(session)
    await repository.add(delivery)
    await tasks.schedule(session, delivery)
    await repository.reread(delivery)
    return delivery


async def deliveries_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    endpoint_id: uuid.UUID | None,
    event_type: str | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[WebhookDelivery], str | None]:
    """Deliveries newest first, filtered."""
    rows = await WebhookRepository(session).deliveries(
        endpoint_id=endpoint_id,
        event_type=event_type,
        status=status,
        before=id_after(cursor),
        limit=limit + 1,
    )
    return cut_page(rows, limit, lambda delivery: delivery.id)


async def get_delivery(
    session: AsyncSession, tenant_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    delivery = await WebhookRepository(session).delivery(delivery_id)
    if delivery is None:
        raise NotFound("No webhook delivery with this id.")
    return delivery


async def attempts_of(session: AsyncSession, delivery: WebhookDelivery) -> list[WebhookAttempt]:
    return await WebhookRepository(session).attempts_of(delivery)


async def retry_delivery(
    session: AsyncSession, principal: Principal, delivery_id: uuid.UUID
) -> WebhookDelivery:
    """Send a delivery now: a settled one once more, or one waiting for its next automatic
    attempt ahead of time (that attempt then finds it made and does nothing; a failure
    follows the usual schedule)."""
    delivery = await get_delivery(session, principal.tenant_id, delivery_id)
    await WebhookRepository(session).lock(delivery)
    waiting = delivery.next_attempt_at is not None and delivery.next_attempt_at > datetime.now(UTC)
    if delivery.status == tasks.PENDING and not waiting:
        raise Conflict(
            "The delivery is being sent; it can be retried once it succeeds, fails or waits "
            "for its next attempt.",
            next_attempt_at=delivery.next_attempt_at.isoformat()
            if delivery.next_attempt_at
            else None,
        )
    endpoint = await get_endpoint(session, principal.tenant_id, delivery.endpoint_id)
    if not endpoint.enabled:
        raise Conflict("The endpoint is disabled; enable it before retrying its deliveries.")
    delivery.status = tasks.PENDING
    delivery.finished_at = None
    await tasks.schedule(session, delivery)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="webhook_delivery.retried",
        target_type="webhook_delivery",
        target_id=delivery.id,
    )
    await session.flush()
    return delivery


async def rewrite_deliveries_of(session: AsyncSession, events: list[DomainEvent]) -> int:
    """Rewrite the bodies of the deliveries made from `events` from their payloads as they
    are now (after an erasure reduced them), and forget what receivers answered to them
    (an echoing receiver would keep the old body there). Returns how many were rewritten."""
    by_id = {event.id: event for event in events}
    if not by_id:
        return 0
    repository = WebhookRepository(session)
    deliveries = await repository.deliveries_of_events(list(by_id))
    rewritten = 0
    for delivery in deliveries:
        event = by_id.get(delivery.event_id or -1)
        if event is None:
            continue
        delivery.body = tasks.envelope(event.type, event.occurred_at, event.payload)
        rewritten += 1
        await repository.forget_responses(delivery)
    await session.flush()
    return rewritten
