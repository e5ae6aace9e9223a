"""The queries of members and invitations, each starting from the session's tenant."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Select, func, or_, select, update

from hireline.core.repositories import Repository
from hireline.identity.models import Invitation, Membership, RefreshToken, User
from hireline.identity.permissions import Role


class MembersRepository(Repository):
    """Memberships, invitations and the users behind them, in the session's tenant."""

    def _members(self) -> Select[Membership, User]:
        return (
            select(Membership, User)
            .join(User, User.id == Membership.user_id)
            .where(Membership.tenant_id == self.tenant_id)
        )

    async def list_members(self, limit: int) -> list[tuple[Membership, User]]:
        """Members with their accounts, longest-standing first."""
        rows = await self.session.execute(
            self._members().order_by(Membership.created_at, Membership.user_id).limit(limit)
        )
        return [(membership, user) for membership, user in rows]

    async def member(self, user_id: uuid.UUID) -> tuple[Membership, User] | None:
        """One member with their account."""
        query = self._members().where(Membership.user_id == user_id)
        row = (await self.session.execute(query)).one_or_none()
        return None if row is None else (row[0], row[1])

    async def member_id_by_email(self, email: str) -> uuid.UUID | None:
        """The user id of the member with this (normalised) e-mail."""
        query = (
            select(Membership.user_id)
            .join(User, User.id == Membership.user_id)
            .where(Membership.tenant_id == self.tenant_id, User.email == email)
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def member_ids_among(self, user_ids: set[uuid.UUID]) -> set[uuid.UUID]:
        """Which of `user_ids` are members."""
        query = select(Membership.user_id).where(
            Membership.tenant_id == self.tenant_id, Membership.user_id.in_(user_ids)
        )
        return set((await self.session.execute(query)).scalars())

    async def membership(self, user_id: uuid.UUID) -> Membership | None:
        return await self.session.get(Membership, (self.tenant_id, user_id))

    async def lock_member_and_owners(self, user_id: uuid.UUID) -> list[Membership]:
        """The member and every owner, locked until commit, in user-id order."""
        locked = await self.session.execute(
            self.owned(Membership)
            .where(or_(Membership.user_id == user_id, Membership.role == Role.OWNER))
            .order_by(Membership.user_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return list(locked.scalars())

    async def pending_invitations(self, limit: int) -> list[Invitation]:
        """Invitations that can still be accepted, oldest first."""
        rows = await self.session.execute(
            self.owned(Invitation)
            .where(
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > func.now(),
            )
            .order_by(Invitation.created_at, Invitation.id)
            .limit(limit)
        )
        return list(rows.scalars())

    async def revoke_pending_invitations(self, email: str, now: datetime) -> None:
        """Revoke the open invitations of `email` (a new one replaces them)."""
        await self.session.execute(
            update(Invitation)
            .where(
                Invitation.tenant_id == self.tenant_id,
                Invitation.email == email,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )

    async def claim_invitation(self, invitation: Invitation, now: datetime) -> bool:
        """Mark an open invitation accepted; False if another request got there first."""
        claimed = await self.session.execute(
            update(Invitation)
            .where(
                Invitation.tenant_id == self.tenant_id,
                Invitation.id == invitation.id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > now,
            )
            .values(accepted_at=now)
            .returning(Invitation.id)
            .execution_options(synchronize_session=False)
        )
        return claimed.scalar_one_or_none() is not None

    async def revoke_refresh_tokens(self, user_id: uuid.UUID) -> int:
        """End the user's sessions in this tenant; returns how many were live."""
        revoked = await self.session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.tenant_id == self.tenant_id,
                RefreshToken.user_id == user_id,
                RefreshToken.revoked_at.is_(None),
            )
            .values(revoked_at=datetime.now(UTC))
            .returning(RefreshToken.id)
        )
        return len(revoked.all())

    async def invitation_by_digest(self, token_digest: str) -> Invitation | None:
        """The invitation a token names, found before its tenant is entered."""
        query = select(Invitation).where(Invitation.token_digest == token_digest)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def user_by_email(self, email: str) -> User | None:
        """An account by e-mail (accounts belong to no one tenant)."""
        query = select(User).where(User.email == email)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def user(self, user_id: uuid.UUID) -> User | None:
        """An account by id."""
        return await self.session.get(User, user_id)

    async def open_invitation(
        self, tenant_id: uuid.UUID, invitation_id: uuid.UUID
    ) -> Invitation | None:
        """The invitation if it is still pending: not accepted, revoked nor expired."""
        query = select(Invitation).where(
            Invitation.tenant_id == tenant_id,
            Invitation.id == invitation_id,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > func.now(),
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def reread(self, invitation: Invitation) -> None:
        """Read the invitation's row again (after another transaction changed it)."""
        await self.session.refresh(invitation)

    async def add(self, row: Invitation | User | Membership) -> None:
        """Store a new invitation, account or membership; its id is known on return."""
        self.session.add(row)
        await self.session.flush()

    async def remove(self, membership: Membership) -> None:
        """Delete a membership (flushed with the rest of the unit of work)."""
        await self.session.delete(membership)
