"""The organisation's rejection reasons: rename, remove, add, in the order shown."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse

from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.core.errors import ValidationFailed
from hireline.identity.permissions import Action
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
from hireline.web.settings.common import back_to, render_section

router = APIRouter(prefix="/app/settings", include_in_schema=False)
PATH = "/app/settings/rejection-reasons"
Editor = Annotated[Visit, screen(Action.JOBS_WRITE)]
LABEL_LIMIT = 200
MOST_REASONS = 50
NEW_ROWS = 3
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


def key_for(label: str, taken: set[str]) -> str:
    """A stable key for a new reason, from its label ("No show!" -> "no_show")."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = _NOT_KEY.sub("_", ascii_label.lower()).strip("_")[:50] or "reason"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["body", "labels"], "msg": message, "type": "reasons"}]
    )


def build_list(keys: list[str], labels: list[str], removed: set[str]) -> dict[str, str]:
    """The new list from the form's rows: kept ones under their key, new ones keyed here."""
    if len(keys) != len(labels):
        raise _refuse("The form was incomplete; reload the page.")
    result: dict[str, str] = {}
    for key, label in zip(keys, labels, strict=True):
        label = " ".join(label.split())
        if key and not _KEY.fullmatch(key):
            raise _refuse("The form was altered; reload the page.")
        if key and key in removed:
            continue
        if not label:
            if key:
                raise _refuse("A reason needs a label; tick “remove” to take it off the list.")
            continue
        if len(label) > LABEL_LIMIT:
            raise _refuse(f"A label may have at most {LABEL_LIMIT} characters.")
        result[key or key_for(label, set(result) | set(keys))] = label
    if not result:
        raise _refuse("Keep at least one reason.")
    if len(result) > MOST_REASONS:
        raise _refuse(f"At most {MOST_REASONS} reasons.")
    return result


async def _page(
    request: Request, session: DbSession, visit: Visit, *, error: Refusal | None = None
) -> HTMLResponse:
    reasons = await candidates.rejection_reason_list(session, visit.principal.tenant_id)
    return render_section(
        request,
        visit,
        "settings/reasons.html",
        PATH,
        {
            "reasons": reasons,
            "new_rows": range(NEW_ROWS),
            "error": error,
            "notice": "Reasons saved." if request.query_params.get("notice") == "saved" else None,
        },
        status=error.status if error else 200,
    )


@router.get("/rejection-reasons")
async def reasons_screen(request: Request, session: DbSession, visit: Editor) -> HTMLResponse:
    return await _page(request, session, visit)


@router.post("/rejection-reasons")
async def save_reasons(
    request: Request,
    session: DbSession,
    visit: Editor,
    key: Annotated[list[str] | None, Form(max_length=MOST_REASONS + NEW_ROWS)] = None,
    label: Annotated[list[str] | None, Form(max_length=MOST_REASONS + NEW_ROWS)] = None,
    remove: Annotated[list[str] | None, Form(max_length=MOST_REASONS)] = None,
) -> Response:
    async def save() -> None:
        labels = build_list(key or [], label or [], set(remove or []))
        await candidates.replace_rejection_reasons(session, visit.principal, labels)

    done = await attempt(session, save)
    if isinstance(done, Refusal):
        return await _page(request, session, visit, error=done)
    return back_to(f"{PATH}?notice=saved")
