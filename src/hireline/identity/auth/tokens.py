"""The OAuth 2.0 grants: password, refresh-token rotation, client credentials."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.principal import Principal
from hireline.core.rate_limit import RateLimiter
from hireline.core.security import (
    digest,
    encode_access_token,
    new_secret,
    same_secret,
)
from hireline.core.tenancy import allow_credential_lookup, enter_tenant
from hireline.identity.audit import service as audit
from hireline.identity.auth import service
from hireline.identity.auth.repository import AuthRepository
from hireline.identity.auth.revocation import AccessTokenRevocations
from hireline.identity.auth.schemas import TokenResponse
from hireline.identity.models import RefreshToken

REFRESH_TOKEN_PREFIX = "hlr_"  # noqa: S105  (makes leaked tokens recognisable to scanners)
WRONG_CREDENTIALS = "The e-mail or password is incorrect."


@dataclass(frozen=True)
class TokenIssuer:
    """What signing tokens needs: the key and the lifetimes."""

    key: str
    access_ttl: timedelta
    refresh_ttl: timedelta


class OAuthError(Exception):
    """An error of the token endpoint, in RFC 6749 section 5.2's vocabulary."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status


def _access_token_for_user(
    issuer: TokenIssuer,
    user_id: uuid.UUID,
    tenant_id: uuid.UUID,
    role: str,
    credentials_version: int,
) -> str:
    return encode_access_token(
        {
            "sub": str(user_id),
            "tid": str(tenant_id),
            "typ": "user",
            "role": role,
            "cv": credentials_version,
        },
        key=issuer.key,
        ttl=issuer.access_ttl,
    )


async def _new_refresh_token(
    session: AsyncSession,
    issuer: TokenIssuer,
    *,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    family_id: uuid.UUID,
) -> str:
    token = new_secret(REFRESH_TOKEN_PREFIX)
    await AuthRepository(session).add(
        RefreshToken(
            tenant_id=tenant_id,
            user_id=user_id,
            family_id=family_id,
            token_digest=digest(token),
            expires_at=datetime.now(UTC) + issuer.refresh_ttl,
        )
    )
    return token


async def issue_user_tokens(
    session: AsyncSession,
    issuer: TokenIssuer,
    *,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    role: str,
    credentials_version: int,
    family_id: uuid.UUID | None = None,
) -> TokenResponse:
    """An access token and a refresh token (a new family unless one is given); the access
    token carries the user's `credentials_version`, the refresh token dies with the password."""
    refresh = await _new_refresh_token(
        session, issuer, tenant_id=tenant_id, user_id=user_id, family_id=family_id or uuid.uuid4()
    )
    return TokenResponse(
        access_token=_access_token_for_user(issuer, user_id, tenant_id, role, credentials_version),
        expires_in=int(issuer.access_ttl.total_seconds()),
        refresh_token=refresh,
    )


async def password_grant(
    session: AsyncSession,
    issuer: TokenIssuer,
    limiter: RateLimiter,
    *,
    email: str,
    password: str,
    tenant_slug: str | None,
    ip: str,
) -> TokenResponse:
    """Sign a user in to one of their organisations (throttled and audited by `sign_in`)."""
    try:
        signed_in = await service.sign_in(
            session, limiter, email=email, password=password, ip=ip, tenant_slug=tenant_slug
        )
    except service.SignInRefused:
        raise OAuthError("invalid_grant", WRONG_CREDENTIALS) from None
    if len(signed_in.organisations) > 1:
        slugs = ", ".join(row.slug for row in signed_in.organisations)
        raise OAuthError(
            "invalid_request",
            f"This account belongs to several organisations; send tenant= one of: {slugs}.",
        )
    user, chosen = signed_in.user, signed_in.organisations[0]
    await service.record_signed_in(session, chosen.tenant_id, user.id, ip)
    return await issue_user_tokens(
        session,
        issuer,
        tenant_id=chosen.tenant_id,
        user_id=user.id,
        role=chosen.role,
        credentials_version=user.credentials_version,
    )


async def refresh_grant(
    session: AsyncSession, issuer: TokenIssuer, *, refresh_token: str, ip: str | None
) -> TokenResponse:
    """Rotate a refresh token; a token used twice revokes its whole family."""
    token_digest = digest(refresh_token)
    await allow_credential_lookup(session, token_digest)
    repository = AuthRepository(session)
    stored = await repository.refresh_token_by_digest(token_digest)
    if stored is None:
        raise OAuthError("invalid_grant", "The refresh token is unknown.")
    await enter_tenant(session, stored.tenant_id)
    now = datetime.now(UTC)
    if stored.revoked_at is not None:
        raise OAuthError("invalid_grant", "The refresh token has been revoked.")
    if stored.expires_at <= now:
        raise OAuthError("invalid_grant", "The refresh token has expired.")
    # Atomic claim: of two concurrent uses, exactly one finds used_at still empty.
    if not await repository.claim_refresh_token(stored, now):
        await revoke_family(session, stored.tenant_id, stored.family_id)
        await audit.record(
            session,
            tenant_id=stored.tenant_id,
            action="auth.refresh_token_reused",
            actor_type="user",
            actor_id=str(stored.user_id),
            target_type="token_family",
            target_id=stored.family_id,
            ip=ip,
            details={"outcome": "family revoked"},
        )
        raise OAuthError(
            "invalid_grant", "The refresh token was already used; the session is ended."
        )
    standing = await repository.standing(stored.tenant_id, stored.user_id)
    if standing is None:
        await revoke_family(session, stored.tenant_id, stored.family_id)
        raise OAuthError("invalid_grant", "This account is no longer a member of the organisation.")
    role, credentials_version = standing
    return await issue_user_tokens(
        session,
        issuer,
        tenant_id=stored.tenant_id,
        user_id=stored.user_id,
        role=role,
        credentials_version=credentials_version,
        family_id=stored.family_id,
    )


async def revoke_family(session: AsyncSession, tenant_id: uuid.UUID, family_id: uuid.UUID) -> int:
    """Revoke every token of a sign-in session; returns how many were still live."""
    return await AuthRepository(session).revoke_family(tenant_id, family_id)


async def logout(
    session: AsyncSession,
    revocations: AccessTokenRevocations,
    principal: Principal,
    *,
    refresh_token: str | None,
    ip: str | None,
) -> int:
    """End one session (given its refresh token) or every session of the user, and the
    access token presented at once."""
    tenant_id, user_id = principal.tenant_id, uuid.UUID(principal.id)
    if principal.token_id and principal.token_expires_at:
        expires_at = datetime.fromtimestamp(principal.token_expires_at, UTC)
        await revocations.revoke(session, tenant_id, principal.token_id, expires_at)
    families = await AuthRepository(session).families_of(
        tenant_id, user_id, digest(refresh_token) if refresh_token is not None else None
    )
    revoked = 0
    for family_id in families:
        revoked += await revoke_family(session, tenant_id, family_id)
    await audit.record(
        session,
        tenant_id=tenant_id,
        action="auth.signed_out",
        actor_type="user",
        actor_id=str(user_id),
        ip=ip,
        details={"sessions": len(families), "tokens_revoked": revoked},
    )
    return revoked


async def client_credentials_grant(
    session: AsyncSession,
    issuer: TokenIssuer,
    *,
    client_id: str,
    client_secret: str,
    scope: str | None,
    ip: str | None,
) -> TokenResponse:
    """An access token for an integration, limited to the scopes it was granted."""
    await allow_credential_lookup(session, client_id)
    client = await AuthRepository(session).client(client_id)
    if (
        client is None
        or client.revoked_at is not None
        or not same_secret(digest(client_secret), client.secret_digest)
    ):
        raise OAuthError("invalid_client", "Client authentication failed.", status=401)
    requested = scope.split() if scope else list(client.scopes)
    if not set(requested) <= set(client.scopes):
        raise OAuthError("invalid_scope", "The client may not request those scopes.")
    await enter_tenant(session, client.tenant_id)
    await audit.record(
        session,
        tenant_id=client.tenant_id,
        action="auth.client_token_issued",
        actor_type="client",
        actor_id=client.client_id,
        ip=ip,
        details={"scopes": requested},
    )
    token = encode_access_token(
        {
            "sub": client.client_id,
            "tid": str(client.tenant_id),
            "typ": "client",
            "scope": " ".join(requested),
        },
        key=issuer.key,
        ttl=issuer.access_ttl,
    )
    return TokenResponse(
        access_token=token,
        expires_in=int(issuer.access_ttl.total_seconds()),
        scope=" ".join(requested),
    )
