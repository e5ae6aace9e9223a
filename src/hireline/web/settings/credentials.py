"""API keys and OAuth clients: create (the secret is shown once), list, revoke."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse

from hireline.core.db import DbSession
from hireline.core.errors import ValidationFailed
from hireline.identity.credentials import service as credentials
from hireline.identity.permissions import Action, Scope
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
from hireline.web.settings.common import back_to, ip_of, render_section

router = APIRouter(prefix="/app/settings", include_in_schema=False)
KEYS = "/app/settings/api-keys"
CLIENTS = "/app/settings/oauth-clients"
KeyManager = Annotated[Visit, screen(Action.API_KEYS_MANAGE)]
ClientManager = Annotated[Visit, screen(Action.OAUTH_CLIENTS_MANAGE)]
NAME_LIMIT = 100


def _scopes(chosen: list[str]) -> list[str]:
    known = {scope.value for scope in Scope}
    if not chosen or any(scope not in known for scope in chosen):
        raise ValidationFailed(
            "Choose at least one scope.",
            errors=[
                {"loc": ["body", "scopes"], "msg": "Choose at least one scope.", "type": "scopes"}
            ],
        )
    return sorted(set(chosen))


def _name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > NAME_LIMIT:
        message = f"Give a name of 1 to {NAME_LIMIT} characters, so you know it later."
        raise ValidationFailed(
            message, errors=[{"loc": ["body", "name"], "msg": message, "type": "name"}]
        )
    return name


def _expiry(value: str) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        message = "Give the expiry date as YYYY-MM-DD, or leave it empty."
        raise ValidationFailed(
            message, errors=[{"loc": ["body", "expires_at"], "msg": message, "type": "date"}]
        ) from None
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


# -- API keys --------------------------------------------------------------------------------


async def _keys_page(
    request: Request,
    session: DbSession,
    visit: Visit,
    *,
    error: Refusal | None = None,
    secret: str | None = None,
    form: Mapping[str, object] | None = None,
) -> HTMLResponse:
    return render_section(
        request,
        visit,
        "settings/api_keys.html",
        KEYS,
        {
            "keys": await credentials.list_api_keys(session, visit.principal.tenant_id),
            "scopes": list(Scope),
            "error": error,
            "secret": secret,
            "form": form or {"name": "", "scopes": [], "expires_at": ""},
            "notice": "Key revoked." if request.query_params.get("notice") == "revoked" else None,
        },
        status=error.status if error else 200,
    )


@router.get("/api-keys")
async def api_keys(request: Request, session: DbSession, visit: KeyManager) -> HTMLResponse:
    return await _keys_page(request, session, visit)


@router.post("/api-keys")
async def create_api_key(
    request: Request,
    session: DbSession,
    visit: KeyManager,
    name: Annotated[str, Form(max_length=400)] = "",
    scopes: Annotated[list[str] | None, Form(max_length=20)] = None,
    expires_at: Annotated[str, Form(max_length=20)] = "",
) -> HTMLResponse:
    form = {"name": name, "scopes": scopes or [], "expires_at": expires_at}

    async def create() -> str:
        _, secret = await credentials.create_api_key(
            session,
            visit.principal,
            name=_name(name),
            scopes=_scopes(scopes or []),
            expires_at=_expiry(expires_at),
            ip=ip_of(request),
        )
        return secret

    created = await attempt(session, create)
    if isinstance(created, Refusal):
        return await _keys_page(request, session, visit, error=created, form=form)
    # Shown on this response only: not stored, not in a URL, the page is not cached.
    return await _keys_page(request, session, visit, secret=created)


@router.post("/api-keys/{key_id}/revoke")
async def revoke_api_key(
    request: Request, session: DbSession, visit: KeyManager, key_id: uuid.UUID
) -> Response:
    await credentials.revoke_api_key(session, visit.principal, key_id, ip=ip_of(request))
    return back_to(f"{KEYS}?notice=revoked")


# -- OAuth clients ---------------------------------------------------------------------------


async def _clients_page(
    request: Request,
    session: DbSession,
    visit: Visit,
    *,
    error: Refusal | None = None,
    created: tuple[str, str] | None = None,
    form: Mapping[str, object] | None = None,
) -> HTMLResponse:
    return render_section(
        request,
        visit,
        "settings/oauth_clients.html",
        CLIENTS,
        {
            "clients": await credentials.list_clients(session, visit.principal.tenant_id),
            "scopes": list(Scope),
            "error": error,
            "created": created,
            "form": form or {"name": "", "scopes": []},
            "notice": "Client revoked."
            if request.query_params.get("notice") == "revoked"
            else None,
        },
        status=error.status if error else 200,
    )


@router.get("/oauth-clients")
async def oauth_clients(request: Request, session: DbSession, visit: ClientManager) -> HTMLResponse:
    return await _clients_page(request, session, visit)


@router.post("/oauth-clients")
async def create_oauth_client(
    request: Request,
    session: DbSession,
    visit: ClientManager,
    name: Annotated[str, Form(max_length=400)] = "",
    scopes: Annotated[list[str] | None, Form(max_length=20)] = None,
) -> HTMLResponse:
    form = {"name": name, "scopes": scopes or []}

    async def create() -> tuple[str, str]:
        client, secret = await credentials.create_client(
            session,
            visit.principal,
            name=_name(name),
            scopes=_scopes(scopes or []),
            ip=ip_of(request),
        )
        return client.client_id, secret

    created = await attempt(session, create)
    if isinstance(created, Refusal):
        return await _clients_page(request, session, visit, error=created, form=form)
    return await _clients_page(request, session, visit, created=created)


@router.post("/oauth-clients/{client_id}/revoke")
async def revoke_oauth_client(
    request: Request, session: DbSession, visit: ClientManager, client_id: uuid.UUID
) -> Response:
    await credentials.revoke_client(session, visit.principal, client_id, ip=ip_of(request))
    return back_to(f"{CLIENTS}?notice=revoked")
