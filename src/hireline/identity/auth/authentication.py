"""Turning a presented credential into a Principal, or refusing it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Unauthenticated
from hireline.core.principal import Principal
from hireline.core.security import InvalidToken, decode_access_token, digest
from hireline.core.tenancy import allow_credential_lookup, enter_tenant
from hireline.identity.auth.repository import AuthRepository
from hireline.identity.auth.revocation import AccessTokenRevocations
from hireline.identity.organization.plans import limit_for
from hireline.identity.permissions import actions_for_role, actions_for_scopes

API_KEY_PREFIX = "hl_"
# Writing last_used_at on every call would turn each read into a write; once a minute is
# precise enough for "when was this key last used".
LAST_USED_RESOLUTION = timedelta(minutes=1)

BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="hireline"'}


def _refuse(reason: str) -> Unauthenticated:
    return Unauthenticated(reason, headers=BEARER_CHALLENGE)


async def _tenant_limit(session: AsyncSession, tenant_id: uuid.UUID) -> tuple[str, int | None]:
    found = await AuthRepository(session).tenant_limit(tenant_id)
    if found is None:
        raise _refuse("The organisation of this credential no longer exists.")
    return found


async def role_of(session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID) -> str | None:
    """The user's role in the tenant, or None once they are no longer a member."""
    return await AuthRepository(session).role_of(tenant_id, user_id)


async def principal_from_api_key(session: AsyncSession, key: str) -> Principal:
    """The principal of a live API key; revoked or expired keys are refused at once."""
    key_digest = digest(key)
    await allow_credential_lookup(session, key_digest)
    repository = AuthRepository(session)
    api_key = await repository.api_key_by_digest(key_digest)
    now = datetime.now(UTC)
    if api_key is None or api_key.revoked_at is not None:
        raise _refuse("The API key is unknown or has been revoked.")
    if api_key.expires_at is not None and api_key.expires_at <= now:
        raise _refuse("The API key has expired.")
    await enter_tenant(session, api_key.tenant_id)
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        await repository.touch_api_key(api_key, now)
    plan, override = await _tenant_limit(session, api_key.tenant_id)
    return Principal(
        kind="api_key",
        id=str(api_key.id),
        tenant_id=api_key.tenant_id,
        actions=actions_for_scopes(api_key.scopes),
        scopes=tuple(api_key.scopes),
        rate_limit_per_minute=limit_for(plan, override),
    )


async def principal_from_access_token(
    session: AsyncSession, token: str, *, key: str, revocations: AccessTokenRevocations
) -> Principal:
    """The principal of a valid JWT, re-checked against the database.

    Membership and client status are read on every request so that removing a member,
    changing a role or revoking a client takes effect at once, not when the token expires;
    so is the revocation list, so that signing out ends the token at once, and the user's
    credentials version, so that a password change ends the tokens issued before it.
    """
    try:
        claims = decode_access_token(token, key=key)
        tenant_id = uuid.UUID(str(claims["tid"]))
        subject = str(claims["sub"])
        token_id = str(claims.get("jti", ""))
        expires_at = int(claims["exp"])
        # Tokens from before credentials were versioned carry none: they count as version 0.
        credentials_version = int(claims.get("cv", 0))
    except (InvalidToken, ValueError) as exc:
        raise _refuse(f"The access token is invalid: {exc}") from None
    await enter_tenant(session, tenant_id)
    if token_id and await revocations.is_revoked(session, tenant_id, token_id):
        raise _refuse("The access token has been revoked (signed out).")
    plan, override = await _tenant_limit(session, tenant_id)
    if claims["typ"] == "user":
        # Role and credentials version in one read: a password change refuses older tokens.
        standing = await AuthRepository(session).standing(tenant_id, uuid.UUID(subject))
        if standing is None:
            raise _refuse("This user is no longer a member of the organisation.")
        role, current_version = standing
        if credentials_version < current_version:
            raise _refuse("The access token was issued before a password change; sign in again.")
        return Principal(
            kind="user",
            id=subject,
            tenant_id=tenant_id,
            actions=actions_for_role(role),
            role=role,
            rate_limit_per_minute=limit_for(plan, override),
            token_id=token_id or None,
            token_expires_at=expires_at,
        )
    if claims["typ"] == "client":
        client = await AuthRepository(session).client(subject, tenant_id)
        if client is None or client.revoked_at is not None:
            raise _refuse("The OAuth client has been revoked.")
        granted = tuple(str(claims.get("scope", "")).split())
        scopes = tuple(scope for scope in granted if scope in client.scopes)
        return Principal(
            kind="client",
            id=subject,
            tenant_id=tenant_id,
            actions=actions_for_scopes(scopes),
            scopes=scopes,
            rate_limit_per_minute=limit_for(plan, override),
        )
    raise _refuse("The access token is of an unknown type.")
