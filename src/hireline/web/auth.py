"""Sign-in, organisation picker and sign-out screens."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from hireline.core.db import DbSession
from hireline.core.errors import NotFound, RateLimited
from hireline.core.http_guards import _is_tls
from hireline.core.rate_limit import RateLimiter, client_address
from hireline.core.security import new_secret, same_secret
from hireline.identity.auth import service as sign_in_service
from hireline.identity.service import User
from hireline.web import sessions
from hireline.web.access import SESSION_COOKIE, CsrfRefused, signed_in
from hireline.web.models import WebSession
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

# Before a session exists the sign-in form is protected by a double-submit cookie, so that
# another site cannot sign a browser in to an account of its choosing (login CSRF).
SIGN_IN_COOKIE = "hireline_sign_in"
WRONG_CREDENTIALS = "Wrong e-mail or password."
Found = Annotated[tuple[WebSession, User], Depends(signed_in)]


def _secure(request: Request) -> bool:
    return _is_tls(request.scope, request.app.state.settings.trust_proxy_headers)


def _safe_next(target: str | None) -> str:
    """Only paths inside the app: never another site (open redirect)."""
    if target and target.startswith("/app") and not target.startswith("//"):
        return target
    return "/app"


def _sign_in_page(
    request: Request, token: str, *, email: str = "", error: str | None = None, status: int = 200
) -> HTMLResponse:
    response = render(
        request,
        "sign_in.html",
        {
            "csrf_token": token,
            "email": email,
            "error": error,
            "next": _safe_next(request.query_params.get("next")),
        },
        status_code=status,
    )
    response.set_cookie(
        SIGN_IN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/app/sign-in",
    )
    return response


@router.get("/app/sign-in")
async def sign_in_form(request: Request) -> HTMLResponse:
    return _sign_in_page(request, request.cookies.get(SIGN_IN_COOKIE) or new_secret(nbytes=32))


@router.post("/app/sign-in")
async def sign_in(
    request: Request,
    session: DbSession,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/app",
) -> Response:
    cookie = request.cookies.get(SIGN_IN_COOKIE)
    if not cookie or not same_secret(cookie, csrf_token):
        raise CsrfRefused("The sign-in form has expired; reload the page and try again.")
    limiter: RateLimiter = request.app.state.rate_limiter
    ip = client_address(request, trust_proxy_headers=limiter.trust_proxy_headers)
    try:
        signed_in = await sign_in_service.sign_in(
            session, limiter, email=email, password=password, ip=ip
        )
    except RateLimited:
        return _sign_in_page(
            request, cookie, email=email, error="Too many failed sign-ins; try later.", status=429
        )
    except sign_in_service.SignInRefused:
        return _sign_in_page(request, cookie, email=email, error=WRONG_CREDENTIALS, status=400)
    user, organisations = signed_in.user, signed_in.organisations
    # A new id at every sign-in, and the one the browser came with is gone (fixation).
    await sessions.end(session, request.cookies.get(SESSION_COOKIE))
    only = organisations[0].tenant_id if len(organisations) == 1 else None
    session_id, _ = await sessions.start(session, user, only)
    if only is not None:
        await sign_in_service.record_signed_in(session, only, user.id, ip)
    target = _safe_next(next) if only is not None else "/app/organisations"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    response.delete_cookie(SIGN_IN_COOKIE, path="/app/sign-in")
    return response


@router.get("/app/organisations")
async def organisations_form(request: Request, session: DbSession, found: Found) -> HTMLResponse:
    web_session, user = found
    return render(
        request,
        "organisations.html",
        {
            "organisations": await sign_in_service.organisations_of(session, user.id),
            "csrf_token": web_session.csrf_token,
            "user": user,
        },
    )


@router.post("/app/organisations")
async def pick_organisation(
    request: Request,
    session: DbSession,
    found: Found,
    tenant_id: Annotated[uuid.UUID, Form()],
) -> Response:
    _, user = found
    choices = await sign_in_service.organisations_of(session, user.id)
    if tenant_id not in {choice.tenant_id for choice in choices}:
        raise NotFound("You are not a member of that organisation.")
    # A new session id for the new organisation (its own CSRF token too): an id seen while
    # working in one organisation is never the key to another.
    await sessions.end(session, request.cookies.get(SESSION_COOKIE))
    session_id, _ = await sessions.start(session, user, tenant_id)
    limiter: RateLimiter = request.app.state.rate_limiter
    ip = client_address(request, trust_proxy_headers=limiter.trust_proxy_headers)
    await sign_in_service.record_signed_in(session, tenant_id, user.id, ip)
    response = RedirectResponse("/app", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    return response


@router.post("/app/sign-out")
async def sign_out(request: Request, session: DbSession, found: Found) -> Response:
    await sessions.end(session, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/app/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response
