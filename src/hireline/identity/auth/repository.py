"""The queries of signing in and out: accounts, their memberships, tokens and credentials.

Sign-in reads across organisations (which ones is an account a member of?), so these queries
start from the user the transaction entered (`enter_user`) or from a credential's digest
(`allow_credential_lookup`) rather than from a tenant; row-level security admits exactly those.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert

from hireline.core.repositories import Repository
from hireline.identity.models import (
    ApiKey,
    Membership,
    OAuthClient,
    PasswordResetToken,
    RefreshToken,
    RevokedAccessToken,
    Tenant,
    User,
)


@dataclass(frozen=True, slots=True)
class MembershipOf:
    """An organisation an account belongs to, with its role there."""

    tenant_id: uuid.UUID
    name: str
    slug: str
    role: str


class AuthRepository(Repository):
    """Accounts and their memberships, across organisations."""

    async def user_by_email(self, email: str) -> User | None:
        """The account with this (already normalised) e-mail."""
        query = select(User).where(User.email == email)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def memberships_of(self, user_id: uuid.UUID) -> list[MembershipOf]:
        """The organisations of the entered user, oldest membership first."""
        rows = await self.session.execute(
            select(Membership.tenant_id, Tenant.name, Tenant.slug, Membership.role)
            .join(Tenant, Tenant.id == Membership.tenant_id)
            .where(Membership.user_id == user_id)
            .order_by(Membership.created_at)
        )
        return [MembershipOf(*row) for row in rows.all()]

    async def tenant_ids_of(self, user_id: uuid.UUID) -> list[uuid.UUID]:
        """The ids of the entered user's organisations."""
        query = select(Membership.tenant_id).where(Membership.user_id == user_id)
        return list((await self.session.execute(query)).scalars())

    async def add(self, row: User | Membership | RefreshToken | PasswordResetToken) -> None:
        """Store a new account, membership, refresh token or password reset token."""
        self.session.add(row)
        await self.session.flush()

    async def user(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def role_of(self, tenant_id: uuid.UUID, user_id: uuid.UUID) -> str | None:
        """The user's role in the tenant, or None if not a member."""
        query = select(Membership.role).where(
            Membership.tenant_id == tenant_id, Membership.user_id == user_id
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def standing(self, tenant_id: uuid.UUID, user_id: uuid.UUID) -> tuple[str, int] | None:
        """The user's role in the tenant and their credentials version; None if not a member."""
        query = (
            select(Membership.role, User.credentials_version)
            .join(User, User.id == Membership.user_id)
            .where(Membership.tenant_id == tenant_id, Membership.user_id == user_id)
        )
        row = (await self.session.execute(query)).one_or_none()
        return None if row is None else (row[0], row[1])

    async def tenant_limit(self, tenant_id: uuid.UUID) -> tuple[str, int | None] | None:
        """The tenant's plan and its own per-minute limit, if the tenant exists."""
        query = select(Tenant.plan, Tenant.rate_limit_per_minute).where(Tenant.id == tenant_id)
        row = (await self.session.execute(query)).one_or_none()
        return None if row is None else (row[0], row[1])

    async def api_key_by_digest(self, key_digest: str) -> ApiKey | None:
        """The API key with this digest (found before its tenant is entered)."""
        query = select(ApiKey).where(ApiKey.key_digest == key_digest)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def touch_api_key(self, api_key: ApiKey, now: datetime) -> None:
        await self.session.execute(
            update(ApiKey)
            .where(ApiKey.tenant_id == api_key.tenant_id, ApiKey.id == api_key.id)
            .values(last_used_at=now)
        )

    async def client(
        self, client_id: str, tenant_id: uuid.UUID | None = None
    ) -> OAuthClient | None:
        """The OAuth client with this public id (in `tenant_id` when given)."""
        query = select(OAuthClient).where(OAuthClient.client_id == client_id)
        if tenant_id is not None:
            query = query.where(OAuthClient.tenant_id == tenant_id)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def refresh_token_by_digest(self, token_digest: str) -> RefreshToken | None:
        query = select(RefreshToken).where(RefreshToken.token_digest == token_digest)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def claim_refresh_token(self, stored: RefreshToken, now: datetime) -> bool:
        """Mark a refresh token used; of two concurrent uses exactly one gets True."""
        claimed = await self.session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.tenant_id == stored.tenant_id,
                RefreshToken.id == stored.id,
                RefreshToken.used_at.is_(None),
            )
            .values(used_at=now)
            .returning(RefreshToken.id)
        )
        return claimed.scalar_one_or_none() is not None

    async def revoke_family(self, tenant_id: uuid.UUID, family_id: uuid.UUID) -> int:
        """Revoke the live tokens of a sign-in session; returns how many there were."""
        result = await self.session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.tenant_id == tenant_id,
                RefreshToken.family_id == family_id,
                RefreshToken.revoked_at.is_(None),
            )
            .values(revoked_at=datetime.now(UTC))
            .returning(RefreshToken.id)
        )
        return len(result.all())

    async def families_of(
        self, tenant_id: uuid.UUID, user_id: uuid.UUID, token_digest: str | None
    ) -> set[uuid.UUID]:
        """The user's sign-in sessions in the tenant (only that of one token when given)."""
        query = select(RefreshToken.family_id).where(
            RefreshToken.tenant_id == tenant_id, RefreshToken.user_id == user_id
        )
        if token_digest is not None:
            query = query.where(RefreshToken.token_digest == token_digest)
        return set((await self.session.execute(query)).scalars())

    async def remember_revoked(
        self, tenant_id: uuid.UUID, token_id: str, expires_at: datetime, now: datetime
    ) -> None:
        """Record a revoked access token, pruning the tenant's expired ones."""
        await self.session.execute(
            delete(RevokedAccessToken).where(
                RevokedAccessToken.tenant_id == tenant_id, RevokedAccessToken.expires_at < now
            )
        )
        await self.session.execute(
            insert(RevokedAccessToken)
            .values(tenant_id=tenant_id, token_id=token_id, expires_at=expires_at)
            .on_conflict_do_nothing()
        )

    async def is_revoked(self, tenant_id: uuid.UUID, token_id: str) -> bool:
        query = select(RevokedAccessToken.token_id).where(
            RevokedAccessToken.tenant_id == tenant_id,
            RevokedAccessToken.token_id == token_id,
            RevokedAccessToken.expires_at > datetime.now(UTC),
        )
        return (await self.session.execute(query)).scalar_one_or_none() is not None

    async def reset_token(self, token_digest: str) -> PasswordResetToken | None:
        """A password reset token by digest (`allow_credential_lookup` must have run)."""
        return await self.session.get(PasswordResetToken, token_digest)

    async def claim_reset_token(self, token_digest: str, now: datetime) -> uuid.UUID | None:
        """Spend an unused, unexpired reset token; its user, or None when another use won.

        A conditional UPDATE: of two concurrent uses exactly one succeeds.
        """
        claimed = await self.session.execute(
            update(PasswordResetToken)
            .where(
                PasswordResetToken.token_digest == token_digest,
                PasswordResetToken.used_at.is_(None),
                PasswordResetToken.expires_at > now,
            )
            .values(used_at=now)
            .returning(PasswordResetToken.user_id)
            .execution_options(synchronize_session=False)
        )
        return claimed.scalar_one_or_none()

    async def spend_reset_tokens(self, user_id: uuid.UUID, now: datetime) -> None:
        """Mark every unused reset token of the entered user used."""
        await self.session.execute(
            update(PasswordResetToken)
            .where(PasswordResetToken.user_id == user_id, PasswordResetToken.used_at.is_(None))
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )

    async def revoke_refresh_tokens_of(
        self, tenant_id: uuid.UUID, user_id: uuid.UUID, now: datetime
    ) -> int:
        """Revoke the user's live refresh tokens in an (entered) organisation; how many."""
        revoked = await self.session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.tenant_id == tenant_id,
                RefreshToken.user_id == user_id,
                RefreshToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
            .returning(RefreshToken.id)
        )
        return len(revoked.all())
