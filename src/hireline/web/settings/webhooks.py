"""Webhooks: endpoints (create, enable or disable, test, delete), the delivery log, retries."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from hireline.core.db import DbSession
from hireline.core.errors import ValidationFailed
from hireline.identity.permissions import Action
from hireline.settings import Settings
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
from hireline.web.settings.common import back_to, render_section
from hireline.webhooks import service as webhooks
from hireline.webhooks.schemas import EndpointCreate, EndpointUpdate
from hireline.webhooks.service import ALL_EVENTS, EVENT_TYPES

router = APIRouter(prefix="/app/settings", include_in_schema=False)
PATH = "/app/settings/webhooks"
Manager = Annotated[Visit, screen(Action.WEBHOOKS_MANAGE)]
LOG_PAGE = 50
NOTICES = {
    "created": "Endpoint added. Its signing secret is shown below once.",
    "tested": "Test message queued; it appears in the log below.",
    "retried": "Delivery queued again.",
    "deleted": "Endpoint deleted.",
    "updated": "Endpoint updated.",
}


def _private_allowed(request: Request) -> bool:
    settings: Settings = request.app.state.settings
    return settings.webhook_allow_private_addresses


def _invalid(error: ValidationError) -> ValidationFailed:
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else "url"
    message = str(first["msg"]).removeprefix("Value error, ")
    return ValidationFailed(
        message, errors=[{"loc": ["body", field], "msg": message, "type": "webhook"}]
    )


async def _page(
    request: Request,
    session: DbSession,
    visit: Visit,
    *,
    error: Refusal | None = None,
    form: Mapping[str, object] | None = None,
    secret: str | None = None,
) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    return render_section(
        request,
        visit,
        "settings/webhooks.html",
        PATH,
        {
            "endpoints": await webhooks.list_endpoints(session, tenant_id),
            "event_types": EVENT_TYPES,
            "error": error,
            "form": form or {"url": "", "description": "", "event_types": [ALL_EVENTS]},
            "secret": secret,
            "notice": NOTICES.get(request.query_params.get("notice", "")),
        },
        status=error.status if error else 200,
    )


@router.get("/webhooks")
async def webhooks_screen(request: Request, session: DbSession, visit: Manager) -> HTMLResponse:
    return await _page(request, session, visit)


@router.post("/webhooks")
async def create_endpoint(
    request: Request,
    session: DbSession,
    visit: Manager,
    url: Annotated[str, Form(max_length=2000)] = "",
    description: Annotated[str, Form(max_length=500)] = "",
    event_types: Annotated[list[str] | None, Form(max_length=60)] = None,
) -> HTMLResponse:
    form = {"url": url, "description": description, "event_types": event_types or []}

    async def create() -> str:
        try:
            body = EndpointCreate(
                url=url.strip(),
                description=description.strip() or None,
                event_types=event_types or [],
            )
        except ValidationError as invalid:
            raise _invalid(invalid) from None
        endpoint = await webhooks.create_endpoint(
            session, visit.principal, body, allow_private=_private_allowed(request)
        )
        return endpoint.secret

    created = await attempt(session, create)
    if isinstance(created, Refusal):
        return await _page(request, session, visit, error=created, form=form)
    # The secret is shown on this answer only (the page is never cached).
    return await _page(request, session, visit, secret=created)


@router.post("/webhooks/{endpoint_id}/enabled")
async def set_enabled(
    request: Request,
    session: DbSession,
    visit: Manager,
    endpoint_id: uuid.UUID,
    enabled: Annotated[bool, Form()] = False,
) -> Response:
    done = await attempt(
        session,
        lambda: webhooks.update_endpoint(
            session,
            visit.principal,
            endpoint_id,
            EndpointUpdate(enabled=enabled),
            allow_private=_private_allowed(request),
        ),
    )
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done)
    return back_to(f"{PATH}?notice=updated")


@router.post("/webhooks/{endpoint_id}/test")
async def send_test(
    request: Request, session: DbSession, visit: Manager, endpoint_id: uuid.UUID
) -> Response:
    done = await attempt(session, lambda: webhooks.send_test(session, visit.principal, endpoint_id))
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done)
    return back_to(f"{PATH}/{endpoint_id}?notice=tested")


@router.post("/webhooks/{endpoint_id}/delete")
async def delete_endpoint(
    request: Request, session: DbSession, visit: Manager, endpoint_id: uuid.UUID
) -> Response:
    await webhooks.delete_endpoint(session, visit.principal, endpoint_id)
    return back_to(f"{PATH}?notice=deleted")


async def _log(
    request: Request,
    session: DbSession,
    visit: Visit,
    endpoint_id: uuid.UUID,
    cursor: str | None,
    *,
    error: Refusal | None = None,
) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    endpoint = await webhooks.get_endpoint(session, tenant_id, endpoint_id)
    deliveries, next_cursor = await webhooks.deliveries_page(
        session,
        tenant_id,
        endpoint_id=endpoint_id,
        event_type=None,
        status=None,
        cursor=cursor,
        limit=LOG_PAGE,
    )
    return render_section(
        request,
        visit,
        "settings/webhook_log.html",
        PATH,
        {
            "endpoint": endpoint,
            "deliveries": deliveries,
            "next_cursor": next_cursor,
            "error": error,
            "notice": NOTICES.get(request.query_params.get("notice", "")),
        },
        status=error.status if error else 200,
    )


@router.get("/webhooks/{endpoint_id}")
async def delivery_log(
    request: Request,
    session: DbSession,
    visit: Manager,
    endpoint_id: uuid.UUID,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    return await _log(request, session, visit, endpoint_id, cursor)


@router.post("/webhooks/{endpoint_id}/deliveries/{delivery_id}/retry")
async def retry_delivery(
    request: Request,
    session: DbSession,
    visit: Manager,
    endpoint_id: uuid.UUID,
    delivery_id: uuid.UUID,
) -> Response:
    done = await attempt(
        session, lambda: webhooks.retry_delivery(session, visit.principal, delivery_id)
    )
    if isinstance(done, Refusal):
        return await _log(request, session, visit, endpoint_id, None, error=done)
    return back_to(f"{PATH}/{endpoint_id}?notice=retried")
