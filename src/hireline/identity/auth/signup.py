"""Sign-up: a new organisation with the caller as its owner."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict
from hireline.core.security import hash_password, verify_password
from hireline.core.tenancy import enter_tenant
from hireline.identity.audit import service as audit
from hireline.identity.auth.passwords import check_password
from hireline.identity.auth.schemas import SignupRequest, TokenResponse
from hireline.identity.auth.tokens import TokenIssuer, issue_user_tokens
from hireline.identity.models import Membership, Tenant, User
from hireline.identity.permissions import Role


async def signup(
    session: AsyncSession, issuer: TokenIssuer, request: SignupRequest, *, ip: str | None
) -> tuple[Tenant, User, TokenResponse]:
    """Create an organisation with the caller as its owner.

    An existing account may create another organisation by giving its own password.
    """
    email = request.email.lower()
    if (
        await session.execute(select(Tenant.id).where(Tenant.slug == request.slug))
    ).scalar_one_or_none() is not None:
        raise Conflict(f"The slug {request.slug!r} is taken.", field="slug")
    user = (await session.execute(select(User).where(User.email == email))).scalar_one_or_none()
    if user is None:
        check_password(request.password, email=email)
        user = User(email=email, name=request.name, password_hash=hash_password(request.password))
        session.add(user)
    elif not verify_password(request.password, user.password_hash):
        raise Conflict(
            "An account with this e-mail exists; give its password to add an organisation.",
            field="email",
        )
    tenant = Tenant(name=request.organization_name, slug=request.slug)
    session.add(tenant)
    await session.flush()
    await enter_tenant(session, tenant.id)
    session.add(Membership(tenant_id=tenant.id, user_id=user.id, role=Role.OWNER))
    await session.flush()
    await audit.record(
        session,
        tenant_id=tenant.id,
        action="tenant.created",
        actor_type="user",
        actor_id=str(user.id),
        target_type="tenant",
        target_id=tenant.id,
        ip=ip,
    )
    issued = await issue_user_tokens(
        session, issuer, tenant_id=tenant.id, user_id=user.id, role=Role.OWNER
    )
    return tenant, user, issued
