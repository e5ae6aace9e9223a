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
CLIENT_SECRET_PREFIX = "hls_"  # noqa: S105  (makes leaked secrets recognisable to scanners)
# "hl_" and 8 characters of the secret: enough to tell keys apart, far too little to guess.
VISIBLE_PREFIX_LENGTH = 11
LIST_CAP = 200


def _check_scopes(principal: Principal, scopes: list[str]) -> None:
    if not scopes_within(scopes, principal.actions):
        raise PermissionDenied("A credential cannot be given scopes beyond your own permissions.")


def _check_expiry(expires_at: datetime | None) -> None:
    if expires_at is None:
        return
    # A time without an offset means a different instant on every server; refuse to guess.
    if expires_at.tzinfo is None or expires_at.utcoffset() is None:
        problem, kind = "Give a time zone offset, e.g. 2030-01-31T00:00:00Z.", "timezone_aware"
    elif expires_at <= datetime.now(UTC):
        problem, kind = "Must be in the future.", "future"
    else:
        return
    raise ValidationFailed(
        f"expires_at: {problem}",
        errors=[{"loc": ["body", "expires_at"], "msg": problem, "type": kind}],
    )


async def create_api_key(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
    ip: str | None = None,
) -> tuple[ApiKey, str]:
    """A new key and its secret, which is returned now and never again."""
    _check_expiry(expires_at)
    _check_scopes(principal, scopes)
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
        ip=ip,
        details={
            "name": name,
            "scopes": scopes,
            "prefix": key.prefix,
            "expires_at": expires_at.isoformat() if expires_at else None,
        },
    )
    return key, secret


async def list_api_keys(session: AsyncSession, tenant_id: uuid.UUID) -> list[ApiKey]:
    """The tenant's keys, revoked ones included, newest first (at most LIST_CAP)."""
    rows = await session.execute(
        select(ApiKey)
        .where(ApiKey.tenant_id == tenant_id)
        .order_by(ApiKey.created_at.desc(), ApiKey.id)
        .limit(LIST_CAP)
    )
    return list(rows.scalars())


async def revoke_api_key(
    session: AsyncSession, principal: Principal, key_id: uuid.UUID, *, ip: str | None = None
) -> None:
    """Revoke at once: the next request with the key is refused. Revoking twice is a no-op."""
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
            ip=ip,
            details={"name": key.name, "prefix": key.prefix},
        )


async def create_client(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    scopes: list[str],
    ip: str | None = None,
) -> tuple[OAuthClient, str]:
    """A new OAuth client and its secret, which is returned now and never again."""
    _check_scopes(principal, scopes)
    secret = new_secret(CLIENT_SECRET_PREFIX)
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
        ip=ip,
        details={"name": name, "scopes": scopes, "client_id": client.client_id},
    )
    return client, secret


async def list_clients(session: AsyncSession, tenant_id: uuid.UUID) -> list[OAuthClient]:
    """The tenant's clients, revoked ones included, newest first (at most LIST_CAP)."""
    rows = await session.execute(
        select(OAuthClient)
        .where(OAuthClient.tenant_id == tenant_id)
        .order_by(OAuthClient.created_at.desc(), OAuthClient.id)
        .limit(LIST_CAP)
    )
    return list(rows.scalars())


async def revoke_client(
    session: AsyncSession, principal: Principal, client_uuid: uuid.UUID, *, ip: str | None = None
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
            ip=ip,
            details={"name": client.name, "client_id": client.client_id},
        )
