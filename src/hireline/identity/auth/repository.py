"""The queries of signing in and out: accounts, their memberships, tokens and credentials.

Sign-in reads across organisations (which ones is an account a member of?), so these queries
start from the user the transaction entered (`enter_user`) or from a credential's digest
(`allow_credential_lookup`) rather than from a tenant; row-level security admits exactly those.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from hireline.core.repository import Repository
from hireline.identity.models import Membership, Tenant, User


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
