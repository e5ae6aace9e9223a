"""Signing a person in with a password: the one path the token endpoint and the web app share.

Both doors check the password alike (timing included), are throttled per (account, address)
after failures, and write `auth.sign_in_failed` to every organisation of an account whose
sign-in failed; they differ only in what they hand out afterwards (tokens, a browser session).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.rate_limit import RateLimiter, raise_if_refused
from hireline.core.security import hash_password, needs_rehash, verify_password
from hireline.core.tenancy import enter_tenant, enter_user
from hireline.identity.audit import service as audit
from hireline.identity.auth.passwords import check_password, replace_password
from hireline.identity.auth.repository import AuthRepository, MembershipOf
from hireline.identity.auth.schemas import MeResponse, UserRead
from hireline.identity.models import User
from hireline.identity.organization import service as organization
from hireline.identity.organization.schemas import TenantRead

TOO_MANY_FAILURES = "Too many failed sign-ins; try again later."
WRONG_CURRENT_PASSWORD = "The current password is wrong; it was not changed."  # noqa: S105


class SignInRefused(Exception):
    """The e-mail or password is wrong, or the account is in no (such) organisation.

    The cases are answered alike: saying "not a member" would confirm to whoever is guessing
    that the password is right.
    """


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and the organisations they may enter (at least one)."""

    user: User
    organisations: list[MembershipOf]


async def sign_in(
    session: AsyncSession,
    limiter: RateLimiter,
    *,
    email: str,
    password: str,
    ip: str,
    tenant_slug: str | None = None,
) -> SignedIn:
    """Check a password sign-in, optionally into the organisation `tenant_slug`.

    Raises `RateLimited` (429) while the (account, address) pair is throttled, and
    `SignInRefused` after counting and auditing a failure. The caller records the sign-in
    itself (`record_signed_in`) once it knows the organisation entered.
    """
    raise_if_refused(await limiter.login_allowed(email, ip), TOO_MANY_FAILURES)
    repository = AuthRepository(session)
    user = await repository.user_by_email(email.strip().lower())
    # Verify even for unknown e-mails so that timing does not reveal which accounts exist.
    if not verify_password(password, user.password_hash if user else None) or user is None:
        if user is not None:
            await _audit_failure(session, user, ip)
        await limiter.record_login_failure(email, ip)
        raise SignInRefused
    await enter_user(session, user.id)
    organisations = await repository.memberships_of(user.id)
    if tenant_slug:
        organisations = [row for row in organisations if row.slug == tenant_slug]
    if not organisations:
        await _audit_failure(session, user, ip)
        await limiter.record_login_failure(email, ip)
        raise SignInRefused
    await limiter.clear_login_failures(email, ip)
    user.last_sign_in_at = datetime.now(UTC)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return SignedIn(user, organisations)


async def record_signed_in(
    session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID, ip: str | None
) -> None:
    """Enter the organisation signed in to and write `auth.signed_in` there."""
    await enter_tenant(session, tenant_id)
    await audit.record(
        session,
        tenant_id=tenant_id,
        action="auth.signed_in",
        actor_type="user",
        actor_id=str(user_id),
        ip=ip,
    )


async def organisations_of(session: AsyncSession, user_id: uuid.UUID) -> list[MembershipOf]:
    """The organisations `user_id` is a member of, oldest membership first."""
    await enter_user(session, user_id)
    return await AuthRepository(session).memberships_of(user_id)


async def _audit_failure(session: AsyncSession, user: User, ip: str | None) -> None:
    await enter_user(session, user.id)
    for tenant_id in await AuthRepository(session).tenant_ids_of(user.id):
        await enter_tenant(session, tenant_id)
        await audit.record(
            session,
            tenant_id=tenant_id,
            action="auth.sign_in_failed",
            actor_type="user",
            actor_id=str(user.id),
            ip=ip,
        )


async def profile(session: AsyncSession, principal: Principal) -> MeResponse:
    """Who the caller is, in which organisation, allowed to do what."""
    tenant = await organization.get(session, principal.tenant_id)
    user = None
    if principal.kind == "user":
        found = await AuthRepository(session).user(uuid.UUID(principal.id))
        user = UserRead.model_validate(found) if found else None
    return MeResponse(
        principal_type=principal.kind,
        tenant=TenantRead.model_validate(tenant),
        user=user,
        role=principal.role,
        scopes=list(principal.scopes),
        actions=sorted(principal.actions),
    )


async def change_password(
    session: AsyncSession,
    limiter: RateLimiter,
    user_id: uuid.UUID,
    *,
    current_password: str,
    new_password: str,
    ip: str,
) -> User:
    """A signed-in person's new password, proven by the current one; every sign-in made with
    the old password ends (`replace_password`), the caller's own included.

    A wrong current password counts as a failed sign-in of the account from `ip` (it is a
    guess at the same secret) and raises PermissionDenied; nothing is changed.
    """
    user = await AuthRepository(session).user(user_id)
    if user is None:
        raise NotFound("This account no longer exists.")
    raise_if_refused(await limiter.login_allowed(user.email, ip), TOO_MANY_FAILURES)
    if not verify_password(current_password, user.password_hash):
        await limiter.record_login_failure(user.email, ip)
        raise PermissionDenied(WRONG_CURRENT_PASSWORD)
    await limiter.clear_login_failures(user.email, ip)
    if new_password == current_password:
        raise ValidationFailed(
            "The new password is the current one; choose another.",
            errors=[
                {
                    "loc": ["body", "new_password"],
                    "msg": "Must differ from the current password.",
                    "type": "password",
                }
            ],
        )
    check_password(new_password, email=user.email, field="new_password")
    await replace_password(
        session,
        user,
        new_password,
        now=datetime.now(UTC),
        ip=ip,
        action="auth.password_changed",
    )
    return user
