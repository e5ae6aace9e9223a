"""API keys and OAuth clients: created by admins, shown once, stored as digests, revocable."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.security import digest, new_secret
from hireline.identity import audit
from hireline.identity.authentication import API_KEY_PREFIX
from hireline.identity.models import ApiKey, OAuthClient
from hireline.identity.permissions import scopes_within

CLIENT_ID_PREFIX = "hlc_"
VISIBLE_PREFIX_LENGTH = 11


def _check_scopes(principal: Principal, scopes: list[str]) -> None:
    if not scopes_within(scopes, principal.actions):
        raise PermissionDenied("A credential cannot be given scopes beyond your own permissions.")


async def create_api_key(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
) -> tuple[ApiKey, str]:
    """A new key and its secret, which is returned now and never again."""
    _check_scopes(principal, scopes)
    if expires_at is not None and expires_at <= datetime.now(UTC):
        raise ValidationFailed(
            "expires_at must be in the future.",
            errors=[{"loc": ["body", "expires_at"], "msg": "in the past", "type": "value"}],
        )
    secret = new_secret(API_KEY_PREFIX)
    key = ApiKey(
        tenant_id=principal.tenant_id,
        name=name,
        prefix=secret[:VISIBLE_PREFIX_LENGTH],
        key_digest=digest(secret),
        scopes=scopes,
        created_by=uuid.UUID(principal.id) if principal.kind == "user" else None,
        expires_at=expires_at,
    )
    session.add(key)
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="api_key.created",
        target_type="api_key",
        target_id=key.id,
        details={"name": name, "scopes": scopes},
    )
    return key, secret


async def list_api_keys(session: AsyncSession, tenant_id: uuid.UUID) -> list[ApiKey]:
    rows = await session.execute(
        select(ApiKey).where(ApiKey.tenant_id == tenant_id).order_by(ApiKey.created_at.desc())
    )
    return list(rows.scalars())


async def revoke_api_key(session: AsyncSession, principal: Principal, key_id: uuid.UUID) -> None:
    """Revoke at once: the next request with the key is refused."""
    key = (
        await session.execute(
            select(ApiKey).where(ApiKey.tenant_id == principal.tenant_id, ApiKey.id == key_id)
        )
    ).scalar_one_or_none()
    if key is None:
        raise NotFound("No API key with this id.")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await audit.record(
            session,
            tenant_id=principal.tenant_id,
            actor=principal,
            action="api_key.revoked",
            target_type="api_key",
            target_id=key.id,
        )


async def create_client(
    session: AsyncSession, principal: Principal, *, name: str, scopes: list[str]
) -> tuple[OAuthClient, str]:
    """A new OAuth client and its secret, which is returned now and never again."""
    _check_scopes(principal, scopes)
    secret = new_secret("hls_")
    client = OAuthClient(
        tenant_id=principal.tenant_id,
        name=name,
        client_id=new_secret(CLIENT_ID_PREFIX, 12),
        secret_digest=digest(secret),
        scopes=scopes,
        created_by=uuid.UUID(principal.id) if principal.kind == "user" else None,
    )
    session.add(client)
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="oauth_client.created",
        target_type="oauth_client",
        target_id=client.id,
        details={"name": name, "scopes": scopes},
    )
    return client, secret


async def list_clients(session: AsyncSession, tenant_id: uuid.UUID) -> list[OAuthClient]:
    rows = await session.execute(
        select(OAuthClient)
        .where(OAuthClient.tenant_id == tenant_id)
        .order_by(OAuthClient.created_at.desc())
    )
    return list(rows.scalars())


async def revoke_client(
    session: AsyncSession, principal: Principal, client_uuid: uuid.UUID
) -> None:
    """Revoke a client: its tokens stop working at once (they are checked per request)."""
    client = (
        await session.execute(
            select(OAuthClient).where(
                OAuthClient.tenant_id == principal.tenant_id, OAuthClient.id == client_uuid
            )
        )
    ).scalar_one_or_none()
    if client is None:
        raise NotFound("No OAuth client with this id.")
    if client.revoked_at is None:
        client.revoked_at = datetime.now(UTC)
        await audit.record(
            session,
            tenant_id=principal.tenant_id,
            actor=principal,
            action="oauth_client.revoked",
            target_type="oauth_client",
            target_id=client.id,
        )
