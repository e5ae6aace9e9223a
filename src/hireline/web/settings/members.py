"""Members and roles: invite by e-mail, change a role, remove someone."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse

from hireline.core.db import DbSession
from hireline.identity.members import service as members
from hireline.identity.permissions import Action, Role, can_assign_role
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
from hireline.web.settings.common import back_to, ip_of, render_section

router = APIRouter(prefix="/app/settings", include_in_schema=False)
PATH = "/app/settings/members"
NOTICES = {
    "invited": "Invitation sent by e-mail.",
    "role": "Role changed.",
    "removed": "Member removed; their sessions in this organisation ended.",
}
Reader = Annotated[Visit, screen(Action.MEMBERS_READ)]
Manager = Annotated[Visit, screen(Action.MEMBERS_MANAGE)]


async def _page(
    request: Request,
    session: DbSession,
    visit: Visit,
    *,
    error: Refusal | None = None,
    invite: dict[str, str] | None = None,
    notice: str | None = None,
) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    role = visit.principal.role or ""
    return render_section(
        request,
        visit,
        "settings/members.html",
        PATH,
        {
            "members": await members.list_members(session, tenant_id),
            "invitations": await members.pending_invitations(session, tenant_id),
            "manage": visit.principal.can(Action.MEMBERS_MANAGE),
            "assignable": [r for r in Role if can_assign_role(role, r)],
            "can_assign": lambda r: can_assign_role(role, r),
            "error": error,
            "invite": invite or {"email": "", "role": Role.RECRUITER.value},
            "notice": notice or NOTICES.get(request.query_params.get("notice", "")),
        },
        status=error.status if error else 200,
    )


@router.get("/members")
async def members_screen(request: Request, session: DbSession, visit: Reader) -> HTMLResponse:
    return await _page(request, session, visit)


@router.get("")
async def settings_home(visit: Reader) -> Response:
    return back_to(PATH)


@router.post("/members/invitations")
async def invite(
    request: Request,
    session: DbSession,
    visit: Manager,
    email: Annotated[str, Form(max_length=320)] = "",
    role: Annotated[str, Form(max_length=30)] = "",
) -> Response:
    form = {"email": email, "role": role}
    if "@" not in email or len(email.strip()) < 3:
        refusal = Refusal("Give the e-mail address of the person to invite.", "email", 422)
        return await _page(request, session, visit, error=refusal, invite=form)
    try:
        wanted = Role(role)
    except ValueError:
        refusal = Refusal("Choose one of the roles offered.", "role", 422)
        return await _page(request, session, visit, error=refusal, invite=form)

    async def send() -> None:
        await members.invite(session, visit.principal, email=email, role=wanted, ip=ip_of(request))

    done = await attempt(session, send)
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done, invite=form)
    return back_to(f"{PATH}?notice=invited")


@router.post("/members/{user_id}/role")
async def change_role(
    request: Request,
    session: DbSession,
    visit: Manager,
    user_id: uuid.UUID,
    role: Annotated[str, Form(max_length=30)] = "",
) -> Response:
    try:
        wanted = Role(role)
    except ValueError:
        return await _page(
            request, session, visit, error=Refusal("Choose one of the roles offered.", "role", 422)
        )
    done = await attempt(
        session,
        lambda: members.change_role(session, visit.principal, user_id, wanted, ip=ip_of(request)),
    )
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done)
    return back_to(f"{PATH}?notice=role")


@router.post("/members/{user_id}/remove")
async def remove(
    request: Request, session: DbSession, visit: Manager, user_id: uuid.UUID
) -> Response:
    done = await attempt(
        session, lambda: members.remove(session, visit.principal, user_id, ip=ip_of(request))
    )
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done)
    return back_to(f"{PATH}?notice=removed")
