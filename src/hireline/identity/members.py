"""Members of a tenant: invitations, role changes and removal, with the owner rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound, PermissionDenied
from hireline.core.principal import Principal
from hireline.core.security import digest, hash_password, new_secret, verify_password
from hireline.core.tenancy import allow_credential_lookup, enter_tenant
from hireline.identity import audit, tokens
from hireline.identity.models import Invitation, Membership, RefreshToken, User
from hireline.identity.passwords import check_password
from hireline.identity.permissions import Role, can_assign_role
from hireline.identity.schemas import TokenResponse

INVITATION_TTL = timedelta(days=7)
INVITATION_PREFIX = "hli_"


@dataclass(frozen=True)
class Member:
    user_id: uuid.UUID
    email: str
    name: str
    role: str
    joined_at: datetime


async def list_members(session: AsyncSession, tenant_id: uuid.UUID) -> list[Member]:
    rows = await session.execute(
        select(Membership, User)
        .join(User, User.id == Membership.user_id)
        .where(Membership.tenant_id == tenant_id)
        .order_by(Membership.created_at)
    )
    return [
        Member(user.id, user.email, user.name, membership.role, membership.created_at)
        for membership, user in rows
    ]


async def pending_invitations(session: AsyncSession, tenant_id: uuid.UUID) -> list[Invitation]:
    rows = await session.execute(
        select(Invitation)
        .where(
            Invitation.tenant_id == tenant_id,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > func.now(),
        )
        .order_by(Invitation.created_at)
    )
    return list(rows.scalars())


def _require_assignable(principal: Principal, role: str) -> None:
    if principal.role is None or not can_assign_role(principal.role, role):
        raise PermissionDenied("Only owners can make owners; admins manage the other roles.")


async def invite(
    session: AsyncSession, principal: Principal, *, email: str, role: Role
) -> tuple[Invitation, str]:
    """An invitation and its one-time token; re-inviting replaces the pending one."""
    _require_assignable(principal, role)
    email = email.strip().lower()
    already = (
        await session.execute(
            select(Membership.user_id)
            .join(User, User.id == Membership.user_id)
            .where(Membership.tenant_id == principal.tenant_id, User.email == email)
        )
    ).scalar_one_or_none()
    if already is not None:
        raise Conflict("This person is already a member.", member=f"/v1/members/{already}")
    now = datetime.now(UTC)
    await session.execute(
        update(Invitation)
        .where(
            Invitation.tenant_id == principal.tenant_id,
            Invitation.email == email,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    token = new_secret(INVITATION_PREFIX)
    invitation = Invitation(
        tenant_id=principal.tenant_id,
        email=email,
        role=role.value,
        token_digest=digest(token),
        invited_by=uuid.UUID(principal.id) if principal.kind == "user" else None,
        expires_at=now + INVITATION_TTL,
    )
    session.add(invitation)
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="member.invited",
        target_type="invitation",
        target_id=invitation.id,
        details={"email": email, "role": role.value},
    )
    return invitation, token


async def accept(
    session: AsyncSession,
    issuer: tokens.TokenIssuer,
    token: str,
    *,
    name: str | None,
    password: str,
    ip: str | None,
) -> TokenResponse:
    """Join the tenant: a new account, or an existing one proven by its password."""
    token_digest = digest(token)
    await allow_credential_lookup(session, token_digest)
    invitation = (
        await session.execute(select(Invitation).where(Invitation.token_digest == token_digest))
    ).scalar_one_or_none()
    now = datetime.now(UTC)
    if invitation is None or invitation.revoked_at is not None:
        raise NotFound("This invitation does not exist or was replaced.")
    if invitation.accepted_at is not None:
        raise Conflict("This invitation was already accepted; sign in instead.")
    if invitation.expires_at <= now:
        raise Conflict("This invitation has expired; ask for a new one.")
    await enter_tenant(session, invitation.tenant_id)
    user = (
        await session.execute(select(User).where(User.email == invitation.email))
    ).scalar_one_or_none()
    if user is None:
        check_password(password, email=invitation.email)
        user = User(
            email=invitation.email,
            name=name or invitation.email.split("@")[0],
            password_hash=hash_password(password),
        )
        session.add(user)
        await session.flush()
    elif not verify_password(password, user.password_hash):
        raise PermissionDenied("Give the password of your existing account to accept.")
    session.add(Membership(tenant_id=invitation.tenant_id, user_id=user.id, role=invitation.role))
    invitation.accepted_at = now
    await session.flush()
    await audit.record(
        session,
        tenant_id=invitation.tenant_id,
        action="member.joined",
        actor_type="user",
        actor_id=str(user.id),
        target_type="invitation",
        target_id=invitation.id,
        ip=ip,
        details={"role": invitation.role},
    )
    return await tokens.issue_user_tokens(
        session, issuer, tenant_id=invitation.tenant_id, user_id=user.id, role=invitation.role
    )


async def _membership(
    session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> Membership:
    membership = await session.get(Membership, (tenant_id, user_id))
    if membership is None:
        raise NotFound("No member with this id.")
    return membership


async def _owners(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    return int(
        (
            await session.execute(
                select(func.count()).where(
                    Membership.tenant_id == tenant_id, Membership.role == Role.OWNER
                )
            )
        ).scalar_one()
    )


async def change_role(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, role: Role
) -> Membership:
    """Give a member another role; the last owner stays an owner."""
    membership = await _membership(session, principal.tenant_id, user_id)
    _require_assignable(principal, membership.role)
    _require_assignable(principal, role)
    demoting_owner = membership.role == Role.OWNER and role != Role.OWNER
    if demoting_owner and await _owners(session, principal.tenant_id) == 1:
        raise Conflict("The last owner cannot be demoted; make someone else owner first.")
    previous = membership.role
    membership.role = role.value
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="member.role_changed",
        target_type="user",
        target_id=user_id,
        details={"from": previous, "to": role.value},
    )
    return membership


async def remove(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> None:
    """Remove a member and end their sessions in this tenant at once."""
    membership = await _membership(session, principal.tenant_id, user_id)
    _require_assignable(principal, membership.role)
    if membership.role == Role.OWNER and await _owners(session, principal.tenant_id) == 1:
        raise Conflict("The last owner cannot be removed.")
    await session.delete(membership)
    await session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.tenant_id == principal.tenant_id,
            RefreshToken.user_id == user_id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=datetime.now(UTC))
    )
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="member.removed",
        target_type="user",
        target_id=user_id,
        details={"role": membership.role},
    )
