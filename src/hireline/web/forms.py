"""Forms: a refused change is shown on its form, and leaves nothing stored.

A service that raises after part of its work (claiming a token, then refusing the password)
is run in a savepoint: the refusal rolls the part back, and the page that explains it is
still answered from the request's one unit of work.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import HirelineError
from hireline.core.http_guards import _is_tls
from hireline.core.security import new_secret, same_secret
from hireline.web.access import CsrfRefused

T = TypeVar("T")

# Forms shown before anyone is signed in (sign-up, password reset, invitations) carry a
# double-submit token: a cookie and the same value in the form (login CSRF, as sign-in does).
FORM_COOKIE = "hireline_form"


@dataclass(frozen=True)
class Refusal:
    """Why a form's change was refused: the message, the field it concerns, the status."""

    message: str
    field: str | None
    status: int


def _refusal(error: HirelineError) -> Refusal:
    errors = error.extensions.get("errors") or []
    if errors:
        location = errors[0].get("loc") or []
        return Refusal(
            message=str(errors[0].get("msg") or error.detail),
            field=str(location[-1]) if location else None,
            status=error.problem.status,
        )
    field = error.extensions.get("field")
    return Refusal(
        message=str(error.detail or error.problem.title),
        field=str(field) if field else None,
        status=error.problem.status,
    )


async def attempt(session: AsyncSession, work: Callable[[], Awaitable[T]]) -> T | Refusal:
    """Run `work` in a savepoint; a domain refusal undoes it and is returned, not raised."""
    try:
        async with session.begin_nested():
            return await work()
    except HirelineError as error:
        return _refusal(error)


def form_token(request: Request) -> str:
    """The double-submit token of this browser (a new one if it has none)."""
    return request.cookies.get(FORM_COOKIE) or new_secret(nbytes=32)


def set_form_cookie(request: Request, response: Any, token: str) -> None:
    response.set_cookie(
        FORM_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=_is_tls(request.scope, request.app.state.settings.trust_proxy_headers),
        path="/app",
    )


def check_form_token(request: Request, sent: str) -> None:
    """Refuse a public form unless the token sent matches the browser's cookie."""
    cookie = request.cookies.get(FORM_COOKIE)
    if not cookie or not sent or not same_secret(cookie, sent):
        raise CsrfRefused("The form has expired or did not come from this site; reload it.")
