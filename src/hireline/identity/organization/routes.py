"""HTTP layer of an organisation's own settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.organization import service as organization
from hireline.identity.organization.schemas import OrganizationSettings
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["identity"])


@router.get("/organization/settings", summary="Your organisation's settings")
async def read_settings(
    session: DbSession, principal: Annotated[Principal, require(Action.PROFILE_READ)]
) -> OrganizationSettings:
    return OrganizationSettings(
        default_country=await organization.default_country(session, principal.tenant_id)
    )


@router.put(
    "/organization/settings",
    summary="Change your organisation's settings (owners and admins)",
)
async def update_settings(
    body: OrganizationSettings,
    session: DbSession,
    principal: Annotated[Principal, require(Action.ORGANIZATION_MANAGE)],
) -> OrganizationSettings:
    return OrganizationSettings(
        default_country=await organization.set_default_country(
            session, principal, body.default_country
        )
    )
