"""HTTP layer of webhooks: endpoints, their secrets, and the delivery log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from hireline.core.db import DbSession
from hireline.core.pagination import MAX_PAGE_SIZE
from hireline.core.principal import Principal
from hireline.identity.dependencies import NO_STORE, require
from hireline.identity.permissions import Action
from hireline.settings import Settings
from hireline.webhooks import service
from hireline.webhooks.catalogue import EVENT_TYPES
from hireline.webhooks.models import WebhookEndpoint
from hireline.webhooks.schemas import (
    AttemptRead,
    DeliveryDetail,
    DeliveryPage,
    DeliveryRead,
    DeliveryStatus,
    EndpointCreate,
    EndpointRead,
    EndpointUpdate,
    EndpointWithSecret,
    EventTypeRead,
)

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
Manager = Annotated[Principal, require(Action.WEBHOOKS_MANAGE)]
# Answers that show a secret are not replayed from the idempotency store, which would keep it.
SecretIssuer = Annotated[Principal, require(Action.WEBHOOKS_MANAGE, replayable=False)]


def _private_allowed(request: Request) -> bool:
    settings: Settings = request.app.state.settings
    return settings.webhook_allow_private_addresses


def _with_secret(endpoint: WebhookEndpoint, response: Response) -> EndpointWithSecret:
    response.headers.update(NO_STORE)
    return EndpointWithSecret.model_validate(endpoint, from_attributes=True)


@router.get("/event-types", summary="The event types endpoints can subscribe to")
async def event_types(principal: Manager) -> list[EventTypeRead]:
    return [EventTypeRead(type=name, description=text) for name, text in EVENT_TYPES.items()]


@router.get("/endpoints", summary="Your organisation's webhook endpoints (never the secrets)")
async def list_endpoints(session: DbSession, principal: Manager) -> list[EndpointRead]:
    return [
        EndpointRead.model_validate(e)
        for e in await service.list_endpoints(session, principal.tenant_id)
    ]


@router.post(
    "/endpoints",
    status_code=status.HTTP_201_CREATED,
    summary="Add an endpoint; its signing secret is shown this once",
)
async def create_endpoint(
    body: EndpointCreate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: SecretIssuer,
) -> EndpointWithSecret:
    endpoint = await service.create_endpoint(
        session, principal, body, allow_private=_private_allowed(request)
    )
    return _with_secret(endpoint, response)


@router.get("/endpoints/{endpoint_id}", summary="One endpoint")
async def get_endpoint(
    endpoint_id: uuid.UUID, session: DbSession, principal: Manager
) -> EndpointRead:
    return EndpointRead.model_validate(
        await service.get_endpoint(session, principal.tenant_id, endpoint_id)
    )


@router.patch(
    "/endpoints/{endpoint_id}",
    summary="Change an endpoint; `enabled: true` re-enables one that was disabled for failing",
)
async def update_endpoint(
    endpoint_id: uuid.UUID,
    body: EndpointUpdate,
    request: Request,
    session: DbSession,
    principal: Manager,
) -> EndpointRead:
    return EndpointRead.model_validate(
        await service.update_endpoint(
            session, principal, endpoint_id, body, allow_private=_private_allowed(request)
        )
    )


@router.delete(
    "/endpoints/{endpoint_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove an endpoint and its delivery log",
)
async def delete_endpoint(endpoint_id: uuid.UUID, session: DbSession, principal: Manager) -> None:
    await service.delete_endpoint(session, principal, endpoint_id)


@router.post(
    "/endpoints/{endpoint_id}/rotate-secret",
    summary="A new signing secret; the old one also signs for 24 hours",
)
async def rotate_secret(
    endpoint_id: uuid.UUID, response: Response, session: DbSession, principal: SecretIssuer
) -> EndpointWithSecret:
    return _with_secret(await service.rotate_secret(session, principal, endpoint_id), response)


@router.post(
    "/endpoints/{endpoint_id}/test",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Queue a `webhook.test` message to the endpoint; follow it in the deliveries",
)
async def test_endpoint(
    endpoint_id: uuid.UUID, session: DbSession, principal: Manager
) -> DeliveryRead:
    return DeliveryRead.model_validate(await service.send_test(session, principal, endpoint_id))


@router.get("/deliveries", summary="Deliveries, newest first")
async def list_deliveries(
    session: DbSession,
    principal: Manager,
    endpoint_id: uuid.UUID | None = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    status_: Annotated[DeliveryStatus | None, Query(alias="status")] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> DeliveryPage:
    rows, next_cursor = await service.deliveries_page(
        session,
        principal.tenant_id,
        endpoint_id=endpoint_id,
        event_type=event_type,
        status=status_,
        cursor=cursor,
        limit=limit,
    )
    return DeliveryPage(
        items=[DeliveryRead.model_validate(d) for d in rows], next_cursor=next_cursor
    )


@router.get("/deliveries/{delivery_id}", summary="A delivery with the body sent and every attempt")
async def get_delivery(
    delivery_id: uuid.UUID, session: DbSession, principal: Manager
) -> DeliveryDetail:
    delivery = await service.get_delivery(session, principal.tenant_id, delivery_id)
    attempts = await service.attempts_of(session, delivery)
    return DeliveryDetail.model_validate(
        {
            **DeliveryRead.model_validate(delivery).model_dump(),
            "body": delivery.body,
            "attempt_log": [AttemptRead.model_validate(a) for a in attempts],
        }
    )


@router.post(
    "/deliveries/{delivery_id}/retry",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send a message now: again, or ahead of its next automatic attempt",
)
async def retry_delivery(
    delivery_id: uuid.UUID, session: DbSession, principal: Manager
) -> DeliveryRead:
    return DeliveryRead.model_validate(
        await service.retry_delivery(session, principal, delivery_id)
    )
