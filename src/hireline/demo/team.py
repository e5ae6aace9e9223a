"""The demo organisation's people: who they are, their sign-ins, and how they join."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.demo.clock import Clock
from hireline.identity import service as identity
from hireline.identity.auth.schemas import SignupRequest
from hireline.identity.members import service as members
from hireline.identity.permissions import ROLE_ACTIONS, Role
from hireline.identity.service import Tenant

DEMO_SLUG = "demo"
DEMO_PLAN = "demo"
ORGANISATION = "Demo Robotics"


@dataclass(frozen=True)
class SignIn:
    role: Role
    name: str
    email: str
    password: str


TEAM = (
    (Role.OWNER, "Dana Whitaker", "owner@demo.hireline.dev"),
    (Role.RECRUITER, "Sam Ortiz", "sam.ortiz@demo.hireline.dev"),
    (Role.HIRING_MANAGER, "Priya Raman", "priya.raman@demo.hireline.dev"),
    (Role.HIRING_MANAGER, "Marcus Okafor", "marcus.okafor@demo.hireline.dev"),
    (Role.INTERVIEWER, "Lena Fischer", "lena.fischer@demo.hireline.dev"),
    (Role.INTERVIEWER, "Tomás Silva", "tomas.silva@demo.hireline.dev"),
)


def principal(tenant_id: uuid.UUID, user_id: uuid.UUID, role: Role) -> Principal:
    return Principal(
        kind="user",
        id=str(user_id),
        tenant_id=tenant_id,
        actions=frozenset(ROLE_ACTIONS[role]),
        role=role,
    )


async def create_team(
    sessions: async_sessionmaker[AsyncSession],
    issuer: identity.TokenIssuer,
    password: str | None,
    founded: datetime,
) -> tuple[Tenant, dict[str, uuid.UUID], tuple[SignIn, ...]]:
    """The organisation on the demo plan, its owner, and the rest of the team invited in,
    all on the day it was `founded`."""
    sign_ins = tuple(
        SignIn(role, name, email, password or f"demo-{secrets.token_urlsafe(9)}")
        for role, name, email in TEAM
    )
    owner = sign_ins[0]
    async with unit_of_work(sessions) as session:
        clock = Clock(session)
        tenant, user, _ = await clock.at(
            founded,
            identity.signup(
                session,
                issuer,
                SignupRequest(
                    organization_name=ORGANISATION,
                    slug=DEMO_SLUG,
                    name=owner.name,
                    email=owner.email,
                    password=owner.password,
                ),
                ip=None,
            ),
        )
        tenant.plan = DEMO_PLAN
        owner_principal = principal(tenant.id, user.id, Role.OWNER)
        invitations = [
            (
                sign_in,
                (
                    await clock.at(
                        founded,
                        members.invite_without_email(
                            session, owner_principal, email=sign_in.email, role=sign_in.role
                        ),
                    )
                )[1],
            )
            for sign_in in sign_ins[1:]
        ]
    ids = {owner.email: user.id}
    for sign_in, token in invitations:
        async with unit_of_work(sessions) as session:
            await Clock(session).at(
                founded,
                members.accept(
                    session, issuer, token, name=sign_in.name, password=sign_in.password, ip=None
                ),
            )
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, tenant.id)
        for member in await members.list_members(session, tenant.id):
            ids[member.email] = member.user_id
    return tenant, ids, sign_ins
