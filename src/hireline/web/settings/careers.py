"""Careers page branding: logo (checked as an image), colour and introduction."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import HTMLResponse

from hireline.board import service as board
from hireline.board.service import LOGO_MAX_BYTES
from hireline.core.db import DbSession
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
from hireline.web.settings.common import back_to, render_section

router = APIRouter(prefix="/app/settings", include_in_schema=False)
PATH = "/app/settings/careers"
Manager = Annotated[Visit, screen(Action.ORGANIZATION_MANAGE)]


async def _page(
    request: Request,
    session: DbSession,
    visit: Visit,
    *,
    error: Refusal | None = None,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    look = await board.careers_branding(session, tenant_id)
    return render_section(
        request,
        visit,
        "settings/careers.html",
        PATH,
        {
            "branding": look,
            "slug": await members.organisation_slug(session, tenant_id),
            "form": form or {"colour": look.colour or "", "intro": look.intro or ""},
            "error": error,
            "max_kb": LOGO_MAX_BYTES // 1024,
            "notice": "Careers page updated."
            if request.query_params.get("notice") == "saved"
            else None,
        },
        status=error.status if error else 200,
    )


@router.get("/careers")
async def careers_screen(request: Request, session: DbSession, visit: Manager) -> HTMLResponse:
    return await _page(request, session, visit)


@router.post("/careers")
async def save_careers(
    request: Request,
    session: DbSession,
    visit: Manager,
    colour: Annotated[str, Form(max_length=20)] = "",
    intro: Annotated[str, Form(max_length=10_000)] = "",
    logo: Annotated[UploadFile | None, File()] = None,
    remove_logo: Annotated[bool, Form()] = False,
) -> Response:
    form = {"colour": colour, "intro": intro}
    # One byte past the limit is enough to refuse; a huge upload is not read whole.
    data = await logo.read(LOGO_MAX_BYTES + 1) if logo is not None and logo.filename else None
    done = await attempt(
        session,
        lambda: board.save_careers_branding(
            session,
            visit.principal,
            colour=colour,
            intro=intro,
            logo=data or None,
            remove_logo=remove_logo,
        ),
    )
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done, form=form)
    return back_to(f"{PATH}?notice=saved")
