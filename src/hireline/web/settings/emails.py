"""E-mail templates: each organisation's wording of the confirmation, the rejection and the
invitation, with a preview filled with sample facts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Path, Request, Response
from fastapi.responses import HTMLResponse

from hireline.core.db import DbSession
from hireline.identity.permissions import Action
from hireline.notifications import service as notifications
from hireline.notifications.service import KINDS
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
from hireline.web.settings.common import back_to, render_section

router = APIRouter(prefix="/app/settings", include_in_schema=False)
PATH = "/app/settings/emails"
Manager = Annotated[Visit, screen(Action.ORGANIZATION_MANAGE)]
Kind = Annotated[str, Path(pattern=r"^[a-z_]{1,40}$")]
NOTICES = {
    "saved": "Template saved; messages use it from now on.",
    "reset": "Built-in text restored.",
}


async def _page(
    request: Request,
    session: DbSession,
    visit: Visit,
    *,
    editing: dict[str, str] | None = None,
    error: Refusal | None = None,
    preview: tuple[str, str, str] | None = None,
) -> HTMLResponse:
    own = await notifications.email_templates(session)
    shown = []
    for kind, spec in KINDS.items():
        template = own.get(kind)
        subject = template.subject if template else spec.default_subject
        body = template.body if template else spec.default_body
        if editing and editing["kind"] == kind:
            subject, body = editing["subject"], editing["body"]
        shown.append(
            {
                "kind": kind,
                "title": spec.title,
                "placeholders": spec.placeholders,
                "required": spec.required,
                "subject": subject,
                "body": body,
                "customised": template is not None,
                "error": error if editing and editing["kind"] == kind else None,
            }
        )
    return render_section(
        request,
        visit,
        "settings/emails.html",
        PATH,
        {
            "templates": shown,
            "error": error,
            "preview": preview,
            "notice": NOTICES.get(request.query_params.get("notice", "")),
        },
        status=error.status if error else 200,
    )


@router.get("/emails")
async def emails_screen(request: Request, session: DbSession, visit: Manager) -> HTMLResponse:
    return await _page(request, session, visit)


@router.post("/emails/{kind}")
async def save_or_preview(
    request: Request,
    session: DbSession,
    visit: Manager,
    kind: Kind,
    subject: Annotated[str, Form(max_length=1000)] = "",
    body: Annotated[str, Form(max_length=20_000)] = "",
    intent: Annotated[Literal["save", "preview", "reset"], Form()] = "save",
) -> Response:
    editing = {"kind": kind, "subject": subject, "body": body}
    if intent == "reset":
        done = await attempt(
            session, lambda: notifications.reset_email_template(session, visit.principal, kind)
        )
        if isinstance(done, Refusal):
            return await _page(request, session, visit, error=done)
        return back_to(f"{PATH}?notice=reset")
    if intent == "preview":

        async def preview() -> tuple[str, str, str]:
            shown_subject, rendered = notifications.preview_email_template(kind, subject, body)
            return kind, shown_subject, rendered.text

        shown = await attempt(session, preview)
        if isinstance(shown, Refusal):
            return await _page(request, session, visit, editing=editing, error=shown)
        return await _page(request, session, visit, editing=editing, preview=shown)
    saved = await attempt(
        session,
        lambda: notifications.save_email_template(session, visit.principal, kind, subject, body),
    )
    if isinstance(saved, Refusal):
        return await _page(request, session, visit, editing=editing, error=saved)
    return back_to(f"{PATH}?notice=saved#{kind}")
