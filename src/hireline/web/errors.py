"""Errors on HTML routes are HTML pages; the API keeps its problem documents."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import cast
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hireline.core.errors import HirelineError
from hireline.web.access import OrganisationRequired, SignInRequired
from hireline.web.templating import render

Handler = Callable[[Request, Exception], Awaitable[Response]]
PAGE_STATUSES = frozenset({403, 404, 409, 429})


def is_html_route(path: str) -> bool:
    """Pages people open in a browser: the landing page, the app and the careers pages."""
    return path == "/" or path.startswith(("/app/", "/careers/")) or path == "/app"


def _status_of(exc: Exception) -> int:
    if isinstance(exc, HirelineError):
        return exc.problem.status
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code
    return 500


def _html_or(fallback: Handler) -> Handler:
    async def handle(request: Request, exc: Exception) -> Response:
        status = _status_of(exc)
        path = request.url.path
        # Pages for what a person can run into: "not there", "not allowed", "not now". A
        # malformed request (400, 405, 422) is a client's bug and keeps its problem document,
        # and the careers pages answer their own form errors: only their 404 is taken over.
        take = is_html_route(path) and (
            status == 404 or (status in PAGE_STATUSES and not path.startswith("/careers/"))
        )
        if not take:
            return await fallback(request, exc)
        detail = getattr(exc, "detail", None)
        response = render(
            request,
            "error.html",
            {
                "status": status,
                "title": HTTPStatus(status).phrase,
                "detail": detail if isinstance(detail, str) and status != 404 else None,
            },
            status_code=status,
        )
        headers = getattr(exc, "headers", None) or {}
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    return handle


async def _to_sign_in(request: Request, exc: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    response = RedirectResponse(f"/app/sign-in?next={quote(target, safe='')}", status_code=303)
    if request.headers.get("HX-Request") == "true":
        # htmx follows redirects inside the swap; this makes it load the whole page instead.
        response.headers["HX-Redirect"] = "/app/sign-in"
    return response


async def _to_organisations(request: Request, exc: Exception) -> Response:
    return RedirectResponse("/app/organisations", status_code=303)


def install_html_errors(app: FastAPI) -> None:
    """Wrap the problem+json handlers (install them first) with HTML pages for HTML routes."""
    for exc_class in (HirelineError, StarletteHTTPException):
        fallback = cast(Handler, app.exception_handlers[exc_class])
        app.add_exception_handler(exc_class, _html_or(fallback))
    app.add_exception_handler(SignInRequired, _to_sign_in)
    app.add_exception_handler(OrganisationRequired, _to_organisations)
