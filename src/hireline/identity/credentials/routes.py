"""HTTP layer of API keys and OAuth clients."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request, Response, status

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.credentials import service as credentials
from hireline.identity.credentials.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    ClientCreate,
    ClientCreated,
    ClientRead,
)
from hireline.identity.dependencies import NO_STORE, client_ip, require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["identity"])
KeyManager = Annotated[Principal, require(Action.API_KEYS_MANAGE)]
ClientManager = Annotated[Principal, require(Action.OAUTH_CLIENTS_MANAGE)]


@router.get(
    "/api-keys",
    summary="Your organisation's API keys (never the secrets)",
    description="Newest first, revoked keys included, at most 200.",
)
async def list_api_keys(session: DbSession, principal: KeyManager) -> list[ApiKeyRead]:
    return [
        ApiKeyRead.model_validate(k)
        for k in await credentials.list_api_keys(session, principal.tenant_id)
    ]


@router.post(
    "/api-keys",
    status_code=status.HTTP_201_CREATED,
    summary="Create a scoped API key; the key is shown once (Idempotency-Key is ignored)",
    description=(
        "Scopes must be within your own permissions (403 otherwise); `expires_at`, if given, "
        "must be a future time with a time zone offset."
    ),
)
async def create_api_key(
    body: ApiKeyCreate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, require(Action.API_KEYS_MANAGE, replayable=False)],
) -> ApiKeyCreated:
    key, secret = await credentials.create_api_key(
        session,
        principal,
        name=body.name,
        scopes=body.scopes,
        expires_at=body.expires_at,
        ip=client_ip(request),
    )
    response.headers.update(NO_STORE)
    return ApiKeyCreated(**ApiKeyRead.model_validate(key).model_dump(), key=secret)


@router.delete(
    "/api-keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Revoke a key now"
)
async def revoke_api_key(
    key_id: uuid.UUID, request: Request, session: DbSession, principal: KeyManager
) -> None:
    await credentials.revoke_api_key(session, principal, key_id, ip=client_ip(request))


@router.get(
    "/oauth-clients",
    summary="Your organisation's OAuth clients (never the secrets)",
    description="Newest first, revoked clients included, at most 200.",
)
async def list_clients(session: DbSession, principal: ClientManager) -> list[ClientRead]:
    return [
        ClientRead.model_validate(c)
        for c in await credentials.list_clients(session, principal.tenant_id)
    ]


@router.post(
    "/oauth-clients",
    status_code=status.HTTP_201_CREATED,
    summary="Create a client for the client-credentials grant; the secret is shown once",
)
async def create_client(
    body: ClientCreate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, require(Action.OAUTH_CLIENTS_MANAGE, replayable=False)],
) -> ClientCreated:
    client, secret = await credentials.create_client(
        session, principal, name=body.name, scopes=body.scopes, ip=client_ip(request)
    )
    response.headers.update(NO_STORE)
    return ClientCreated(**ClientRead.model_validate(client).model_dump(), client_secret=secret)


@router.delete(
    "/oauth-clients/{client_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke a client; its tokens stop working at once",
)
async def revoke_client(
    client_id: uuid.UUID, request: Request, session: DbSession, principal: ClientManager
) -> None:
    await credentials.revoke_client(session, principal, client_id, ip=client_ip(request))
