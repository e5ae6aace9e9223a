"""API keys and OAuth clients: created by admins, shown once, stored as digests, revocable."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.security import digest, new_secret
from hireline.identity.audit import service as audit
from hireline.identity.auth.authentication import API_KEY_PREFIX
from hireline.identity.credentials.repository import Credential, CredentialRepository
from hireline.identity.models import ApiKey, OAuthClient
from hireline.identity.permissions import scopes_within

CLIENT_ID_PREFIX = "hlc_"
CLIENT_SECRET_PREFIX = "hls_"  # noqa: S105  (makes leaked secrets recognisable to scanners)
# "hl_" and 8 characters of the secret: enough to tell keys apart, far too little to guess.
VISIBLE_PREFIX_LENGTH = 11
LIST_CAP = 200


def _check_scopes(principal: Principal, scopes: Sequence[str]) -> None:
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
    scopes: Sequence[str],
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
    await CredentialRepository(session).add(key)
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


_LABELS = {"api_key": "API key", "oauth_client": "OAuth client"}


async def _newest(
    session: AsyncSession, model: type[Credential], tenant_id: uuid.UUID
) -> list[Credential]:
    """A tenant's credentials, revoked ones included, newest first (at most LIST_CAP)."""
    return await CredentialRepository(session).newest(model, LIST_CAP)


async def _revoke(
    session: AsyncSession,
    principal: Principal,
    model: type[Credential],
    credential_id: uuid.UUID,
    *,
    kind: str,
    ip: str | None,
) -> Credential:
    """Revoke at once (the next request with it is refused); revoking twice is a no-op."""
    credential = await CredentialRepository(session).get(model, credential_id)
    if credential is None:
        raise NotFound(f"No {_LABELS[kind]} with this id.")
    if credential.revoked_at is None:
        credential.revoked_at = datetime.now(UTC)
        shown = (
            {"prefix": credential.prefix}
            if isinstance(credential, ApiKey)
            else {"client_id": credential.client_id}
        )
        await audit.record(
            session,
            tenant_id=principal.tenant_id,
            actor=principal,
            action=f"{kind}.revoked",
            target_type=kind,
            target_id=credential.id,
            ip=ip,
            details={"name": credential.name, **shown},
        )
    return credential


async def list_api_keys(session: AsyncSession, tenant_id: uuid.UUID) -> list[ApiKey]:
    return await _newest(session, ApiKey, tenant_id)


async def revoke_api_key(
    session: AsyncSession, principal: Principal, key_id: uuid.UUID, *, ip: str | None = None
) -> None:
    await _revoke(session, principal, ApiKey, key_id, kind="api_key", ip=ip)


async def create_client(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    scopes: Sequence[str],
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
    await CredentialRepository(session).add(client)
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
    return await _newest(session, OAuthClient, tenant_id)


async def revoke_client(
    session: AsyncSession, principal: Principal, client_uuid: uuid.UUID, *, ip: str | None = None
) -> None:
    """Revoke a client: its tokens stop working at once (they are checked per request)."""
    await _revoke(session, principal, OAuthClient, client_uuid, kind="oauth_client", ip=ip)
