"""Members of a tenant: invitations, role changes and removal, with the owner rules."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.security import digest, hash_password, new_secret, verify_password
from hireline.core.tenancy import allow_credential_lookup, enter_tenant
from hireline.identity.audit import service as audit
from hireline.identity.auth import tokens
from hireline.identity.auth.passwords import check_password
from hireline.identity.auth.schemas import TokenResponse
from hireline.identity.members.repository import MembersRepository
from hireline.identity.models import Invitation, Membership, User
from hireline.identity.organization.repository import OrganizationRepository
from hireline.identity.permissions import Role, can_assign_role

INVITATION_TTL = timedelta(days=7)
INVITATION_PREFIX = "hli_"
# One page is enough for the teams Hireline serves; past it, the list needs a cursor.
LIST_CAP = 200

InvitationMailer = Callable[[AsyncSession, uuid.UUID, uuid.UUID], Awaitable[None]]
"""Queues the e-mail of an invitation (session, tenant id, invitation id), in the caller's
transaction; the e-mail carries a token made when it is written."""


@dataclass
class _Mailing:
    mailer: InvitationMailer | None = None


# Plugged in by notifications, a room above this one, when it is imported.
_mailing = _Mailing()


def mail_invitations_with(mailer: InvitationMailer) -> None:
    """How invitations reach their invitees (notifications plugs in its e-mail)."""
    _mailing.mailer = mailer


@dataclass(frozen=True)
class Member:
    """A person's membership as the members API shows it."""

    user_id: uuid.UUID
    email: str
    name: str
    role: str
    joined_at: datetime


async def list_members(session: AsyncSession, tenant_id: uuid.UUID) -> list[Member]:
    """The tenant's members, longest-standing first (at most LIST_CAP)."""
    rows = await MembersRepository(session).list_members(LIST_CAP)
    return [
        Member(user.id, user.email, user.name, membership.role, membership.created_at)
        for membership, user in rows
    ]


async def get_member(session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID) -> Member:
    """One member of the tenant; NotFound for anyone else, members of other tenants included."""
    row = await MembersRepository(session).member(user_id)
    if row is None:
        raise NotFound("No member with this id.")
    membership, user = row
    return Member(user.id, user.email, user.name, membership.role, membership.created_at)


async def pending_invitations(session: AsyncSession, tenant_id: uuid.UUID) -> list[Invitation]:
    """Invitations that can still be accepted, oldest first (at most LIST_CAP)."""
    return await MembersRepository(session).pending_invitations(LIST_CAP)


def _require_assignable(principal: Principal, role: str) -> None:
    if principal.role is None or not can_assign_role(principal.role, role):
        raise PermissionDenied("Only owners can make owners; admins manage the other roles.")


async def invite(
    session: AsyncSession, principal: Principal, *, email: str, role: Role, ip: str | None = None
) -> Invitation:
    """Invite someone by e-mail (the API and the app alike); re-inviting replaces the pending
    invitation. The link to accept is only in the e-mail: its token is made when the e-mail
    is written, so none is handed to the inviter, and a token made earlier stops working."""
    if _mailing.mailer is None:
        raise RuntimeError("No invitation mailer is plugged in (import notifications.service).")
    invitation, _ = await _create_invitation(session, principal, email=email, role=role, ip=ip)
    await _mailing.mailer(session, invitation.tenant_id, invitation.id)
    return invitation


async def invite_without_email(
    session: AsyncSession, principal: Principal, *, email: str, role: Role, ip: str | None = None
) -> tuple[Invitation, str]:
    """An invitation and its one-time token, for a caller that delivers it itself (an
    integration with its own onboarding, the demo); no e-mail is sent."""
    return await _create_invitation(session, principal, email=email, role=role, ip=ip)


async def _create_invitation(
    session: AsyncSession, principal: Principal, *, email: str, role: Role, ip: str | None
) -> tuple[Invitation, str]:
    _require_assignable(principal, role)
    email = email.strip().lower()
    repository = MembersRepository(session)
    already = await repository.member_id_by_email(email)
    if already is not None:
        raise Conflict("This person is already a member.", member=f"/v1/members/{already}")
    now = datetime.now(UTC)
    await repository.revoke_pending_invitations(email, now)
    token = new_secret(INVITATION_PREFIX)
    invitation = Invitation(
        tenant_id=principal.tenant_id,
        email=email,
        role=role.value,
        token_digest=digest(token),
        invited_by=uuid.UUID(principal.id) if principal.kind == "user" else None,
        expires_at=now + INVITATION_TTL,
    )
    await repository.add(invitation)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="member.invited",
        target_type="invitation",
        target_id=invitation.id,
        ip=ip,
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
    repository = MembersRepository(session)
    invitation = await repository.invitation_by_digest(token_digest)
    if invitation is None:
        raise NotFound("This invitation does not exist or was replaced by a newer one.")
    await enter_tenant(session, invitation.tenant_id)
    now = datetime.now(UTC)
    _raise_unless_open(invitation, now)
    # Claimed first, with a conditional UPDATE: of two concurrent accepts exactly one gets
    # on (the other waits for its row lock, then finds it used) instead of both creating the
    # same account. A refusal below rolls the claim back with the rest of the request.
    if not await repository.claim_invitation(invitation, now):
        await repository.reread(invitation)
        _raise_unless_open(invitation, now)
        raise Conflict("This invitation can no longer be accepted.")
    user = await repository.user_by_email(invitation.email)
    new_account = user is None
    if user is None:
        if name is None:
            raise ValidationFailed(
                "A new account needs a name.",
                errors=[{"loc": ["body", "name"], "msg": "Field required.", "type": "missing"}],
            )
        check_password(password, email=invitation.email)
        user = User(email=invitation.email, name=name, password_hash=hash_password(password))
        await repository.add(user)
    elif not verify_password(password, user.password_hash):
        raise PermissionDenied("Give the password of your existing account to accept.")
    elif await repository.membership(user.id) is not None:
        raise Conflict("You are already a member of this organisation; sign in instead.")
    await repository.add(
        Membership(tenant_id=invitation.tenant_id, user_id=user.id, role=invitation.role)
    )
    await audit.record(
        session,
        tenant_id=invitation.tenant_id,
        action="member.joined",
        actor_type="user",
        actor_id=str(user.id),
        target_type="invitation",
        target_id=invitation.id,
        ip=ip,
        details={"role": invitation.role, "new_account": new_account},
    )
    return await tokens.issue_user_tokens(
        session,
        issuer,
        tenant_id=invitation.tenant_id,
        user_id=user.id,
        role=invitation.role,
        credentials_version=user.credentials_version,
    )


def _raise_unless_open(invitation: Invitation, now: datetime) -> None:
    if invitation.revoked_at is not None:
        raise NotFound("This invitation does not exist or was replaced by a newer one.")
    if invitation.accepted_at is not None:
        raise Conflict("This invitation was already accepted; sign in instead.")
    if invitation.expires_at <= now:
        raise Conflict("This invitation has expired; ask for a new one.")


async def _lock_member_and_owners(
    session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> tuple[Membership, int]:
    """The member to change, and how many owners the tenant has, both locked until commit.

    One statement, in user-id order, locks the member and every owner: two owners demoting
    each other concurrently then queue instead of each counting two owners (and leaving
    none), and cannot deadlock by taking the same locks in different orders.
    """
    rows = await MembersRepository(session).lock_member_and_owners(user_id)
    member = next((row for row in rows if row.user_id == user_id), None)
    if member is None:
        raise NotFound("No member with this id.")
    return member, sum(1 for row in rows if row.role == Role.OWNER)


async def change_role(
    session: AsyncSession,
    principal: Principal,
    user_id: uuid.UUID,
    role: Role,
    *,
    ip: str | None = None,
) -> Member:
    """Give a member another role; only owners touch owners, and the last owner stays one."""
    membership, owners = await _lock_member_and_owners(session, principal.tenant_id, user_id)
    _require_assignable(principal, membership.role)
    _require_assignable(principal, role)
    previous = membership.role
    if previous == Role.OWNER and role != Role.OWNER and owners <= 1:
        raise Conflict("The last owner cannot be demoted; make someone else owner first.")
    if previous != role:
        membership.role = role.value
        await session.flush()
        await audit.record(
            session,
            tenant_id=principal.tenant_id,
            actor=principal,
            action="member.role_changed",
            target_type="user",
            target_id=user_id,
            ip=ip,
            details={"from": previous, "to": role.value},
        )
    return await get_member(session, principal.tenant_id, user_id)


async def remove(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, *, ip: str | None = None
) -> None:
    """Remove a member and end their sessions in this tenant at once.

    Access tokens need no revoking: each request re-reads the membership.
    """
    membership, owners = await _lock_member_and_owners(session, principal.tenant_id, user_id)
    _require_assignable(principal, membership.role)
    if membership.role == Role.OWNER and owners <= 1:
        raise Conflict("The last owner cannot be removed; make someone else owner first.")
    role = membership.role
    repository = MembersRepository(session)
    await repository.remove(membership)
    revoked = await repository.revoke_refresh_tokens(user_id)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="member.removed",
        target_type="user",
        target_id=user_id,
        ip=ip,
        details={"role": role, "refresh_tokens_revoked": revoked},
    )


async def members_among(session: AsyncSession, user_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Which of `user_ids` are members of the session's organisation (e.g. a hiring team)."""
    if not user_ids:
        return set()
    return await MembersRepository(session).member_ids_among(user_ids)


async def reissue_invitation_token(
    session: AsyncSession, tenant_id: uuid.UUID, invitation_id: uuid.UUID
) -> tuple[Invitation, str] | None:
    """A fresh token for a pending invitation, for the e-mail that carries it (None if the
    invitation was accepted, revoked or has expired meanwhile).

    The token is made when the e-mail is written, so it never rests in the queue's table;
    an earlier token of the same invitation stops working.
    """
    invitation = await MembersRepository(session).open_invitation(tenant_id, invitation_id)
    if invitation is None:
        return None
    token = new_secret(INVITATION_PREFIX)
    invitation.token_digest = digest(token)
    await session.flush()
    return invitation, token


async def invitation_for_token(session: AsyncSession, token: str) -> Invitation:
    """The open invitation this token names (for the accept page); NotFound or Conflict."""
    token_digest = digest(token)
    await allow_credential_lookup(session, token_digest)
    invitation = await MembersRepository(session).invitation_by_digest(token_digest)
    if invitation is None:
        raise NotFound("This invitation does not exist or was replaced by a newer one.")
    await enter_tenant(session, invitation.tenant_id)
    _raise_unless_open(invitation, datetime.now(UTC))
    return invitation


async def has_account(session: AsyncSession, email: str) -> bool:
    """Whether someone already signs in with this address (the accept page asks less)."""
    return await MembersRepository(session).user_by_email(email.strip().lower()) is not None


async def user_by_id(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    """The account with this id, or None."""
    return await MembersRepository(session).user(user_id)


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    """The account that signs in with this address, or None."""
    return await MembersRepository(session).user_by_email(email.strip().lower())


async def organisation_name(session: AsyncSession, tenant_id: uuid.UUID) -> str:
    """The organisation's name (the tenant must be entered)."""
    tenant = await OrganizationRepository(session).by_id(tenant_id)
    if tenant is None:
        raise NotFound("No organisation with this id.")
    return tenant.name


async def organisation_slug(session: AsyncSession, tenant_id: uuid.UUID) -> str:
    """The organisation's slug, which names its careers pages (the tenant must be entered)."""
    tenant = await OrganizationRepository(session).by_id(tenant_id)
    if tenant is None:
        raise NotFound("No organisation with this id.")
    return tenant.slug


async def organisation_plan(session: AsyncSession, tenant_id: uuid.UUID) -> tuple[str, int | None]:
    """The organisation's plan and its own request limit, if it has one."""
    tenant = await OrganizationRepository(session).by_id(tenant_id)
    if tenant is None:
        raise NotFound("No organisation with this id.")
    return tenant.plan, tenant.rate_limit_per_minute
