"""Sign-up: a new organisation with the caller as its owner."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict
from hireline.core.security import hash_password, verify_password
from hireline.core.tenancy import enter_tenant
from hireline.identity.audit import service as audit
from hireline.identity.auth.passwords import check_password
from hireline.identity.auth.repository import AuthRepository
from hireline.identity.auth.schemas import SignupRequest, TokenResponse
from hireline.identity.auth.tokens import TokenIssuer, issue_user_tokens
from hireline.identity.models import Membership, Tenant, User
from hireline.identity.organization.repository import OrganizationRepository
from hireline.identity.permissions import Role


async def signup(
    session: AsyncSession, issuer: TokenIssuer, request: SignupRequest, *, ip: str | None
) -> tuple[Tenant, User, TokenResponse]:
    """Create an organisation with the caller as its owner.

    An existing account may create another organisation by giving its own password.
    """
    email = request.email.lower()
    repository = AuthRepository(session)
    if await OrganizationRepository(session).slug_taken(request.slug):
        raise Conflict(f"The slug {request.slug!r} is taken.", field="slug")
    user = await repository.user_by_email(email)
    if user is None:
        check_password(request.password, email=email)
        user = User(email=email, name=request.name, password_hash=hash_password(request.password))
        await repository.add(user)
    elif not verify_password(request.password, user.password_hash):
        raise Conflict(
            "An account with this e-mail exists; give its password to add an organisation.",
            field="email",
        )
    tenant = Tenant(name=request.organization_name, slug=request.slug)
    await OrganizationRepository(session).add(tenant)
    await enter_tenant(session, tenant.id)
    await repository.add(Membership(tenant_id=tenant.id, user_id=user.id, role=Role.OWNER))
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
        session,
        issuer,
        tenant_id=tenant.id,
        user_id=user.id,
        role=Role.OWNER,
        credentials_version=user.credentials_version,
    )
    return tenant, user, issued
