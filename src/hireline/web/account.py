"""Account screens: before sign-in a new organisation, a forgotten password, an invitation to
join; once signed in, changing one's password."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from hireline.core.db import DbSession
from hireline.core.errors import HirelineError
from hireline.core.http_guards import _is_tls
from hireline.core.rate_limit import RateLimiter, client_address
from hireline.identity import service as identity
from hireline.identity.auth import service as sign_in_service
from hireline.identity.auth.schemas import SignupRequest
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.identity.service import User
from hireline.notifications import service as notifications
from hireline.web import sessions
from hireline.web.access import SESSION_COOKIE, Visit, screen
from hireline.web.forms import Refusal, attempt, check_form_token, form_token, set_form_cookie
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

Token = Annotated[str, Path(min_length=10, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]
SIGN_UPS_PER_MINUTE = 10
RESET_REQUESTS_PER_MINUTE = 5
SENT = (
    "If an account uses this address, a link to set a new password is on its way. "
    "It works once, for 30 minutes."
)
SIGNUP_FIELDS = ("organization_name", "slug", "name", "email", "password")


def _page(
    request: Request,
    template: str,
    context: dict[str, object],
    *,
    status: int = 200,
) -> HTMLResponse:
    token = form_token(request)
    response = render(request, template, {**context, "csrf_token": token}, status_code=status)
    set_form_cookie(request, response, token)
    return response


def _ip(request: Request) -> str:
    limiter: RateLimiter = request.app.state.rate_limiter
    return client_address(request, trust_proxy_headers=limiter.trust_proxy_headers)


async def _allowed(request: Request, key: str, per_minute: int) -> bool:
    limiter: RateLimiter = request.app.state.rate_limiter
    return (await limiter.hit(key, per_minute)).allowed


async def signed_in_response(
    request: Request, session: DbSession, user: User, tenant_id: uuid.UUID, target: str = "/app"
) -> Response:
    """A new browser session in `tenant_id` (replacing any the browser had), then `target`."""
    await sessions.end(session, request.cookies.get(SESSION_COOKIE))
    session_id, _ = await sessions.start(session, user, tenant_id)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="lax",
        secure=_is_tls(request.scope, request.app.state.settings.trust_proxy_headers),
        path="/",
    )
    return response


# -- Sign-up ---------------------------------------------------------------------------------


@router.get("/app/sign-up")
async def sign_up_form(request: Request) -> HTMLResponse:
    return _page(request, "account/sign_up.html", {"form": {}, "error": None})


@router.post("/app/sign-up")
async def sign_up(
    request: Request,
    session: DbSession,
    organization_name: Annotated[str, Form(max_length=400)] = "",
    slug: Annotated[str, Form(max_length=200)] = "",
    name: Annotated[str, Form(max_length=400)] = "",
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    check_form_token(request, csrf_token)
    form = {"organization_name": organization_name, "slug": slug, "name": name, "email": email}

    def refused(refusal: Refusal) -> HTMLResponse:
        return _page(
            request, "account/sign_up.html", {"form": form, "error": refusal}, status=refusal.status
        )

    if not await _allowed(request, f"web-signup:{_ip(request)}", SIGN_UPS_PER_MINUTE):
        return refused(Refusal("Too many sign-ups from here; try again in a minute.", None, 429))
    try:
        body = SignupRequest(
            organization_name=organization_name,
            slug=slug.strip().lower(),
            name=name,
            email=email.strip(),
            password=password,
        )
    except ValidationError as invalid:
        first = invalid.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else None
        label = {
            "organization_name": "Organisation name",
            "slug": "Web address",
            "name": "Your name",
            "email": "E-mail",
            "password": "Password",
        }.get(field or "", "A field")
        return refused(Refusal(f"{label}: {first['msg']}.", field, 422))
    # Sign-up with an existing account's address checks its password: throttled like sign-in.
    limiter: RateLimiter = request.app.state.rate_limiter
    if not (await limiter.login_allowed(body.email, _ip(request))).allowed:
        return refused(Refusal("Too many failed attempts; try again later.", None, 429))
    issuer: identity.TokenIssuer = request.app.state.token_issuer
    created = await attempt(
        session, lambda: identity.signup(session, issuer, body, ip=_ip(request))
    )
    if isinstance(created, Refusal):
        if created.field == "email":
            await limiter.record_login_failure(body.email, _ip(request))
        return refused(created)
    tenant, user, _ = created
    return await signed_in_response(request, session, user, tenant.id)


# -- Forgotten password ----------------------------------------------------------------------


@router.get("/app/password-reset")
async def forgotten_password_form(request: Request) -> HTMLResponse:
    return _page(request, "account/forgotten.html", {"email": "", "sent": False, "error": None})


@router.post("/app/password-reset")
async def forgotten_password(
    request: Request,
    session: DbSession,
    email: Annotated[str, Form(max_length=320)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> HTMLResponse:
    check_form_token(request, csrf_token)
    email = email.strip().lower()
    if "@" not in email:
        error = Refusal("Give the e-mail address you sign in with.", "email", 422)
        return _page(
            request,
            "account/forgotten.html",
            {"email": email, "sent": False, "error": error},
            status=422,
        )
    # Per address and per client: nobody fills someone's inbox with links.
    if not (
        await _allowed(request, f"web-reset:{_ip(request)}", RESET_REQUESTS_PER_MINUTE * 4)
        and await _allowed(request, f"web-reset:{email}", RESET_REQUESTS_PER_MINUTE)
    ):
        error = Refusal("Too many requests; try again in a minute.", None, 429)
        return _page(
            request,
            "account/forgotten.html",
            {"email": email, "sent": False, "error": error},
            status=429,
        )
    user = await identity.user_for_reset(session, email)
    if user is not None:
        await notifications.send_password_reset(session, user.id)
    # The same answer either way: the page does not tell who has an account.
    return _page(request, "account/forgotten.html", {"email": "", "sent": True, "error": None})


@router.get("/app/password-reset/{token}")
async def new_password_form(request: Request, session: DbSession, token: Token) -> HTMLResponse:
    checked = await attempt(session, lambda: identity.check_reset_link(session, token))
    if isinstance(checked, Refusal):
        return _page(
            request, "account/link_refused.html", {"error": checked}, status=checked.status
        )
    return _page(request, "account/new_password.html", {"token": token, "error": None})


@router.post("/app/password-reset/{token}")
async def set_new_password(
    request: Request,
    session: DbSession,
    token: Token,
    password: Annotated[str, Form(max_length=1024)] = "",
    password_again: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> HTMLResponse:
    check_form_token(request, csrf_token)
    if password != password_again:
        error = Refusal("The two passwords differ; type the same one twice.", "password_again", 422)
        return _page(
            request, "account/new_password.html", {"token": token, "error": error}, status=422
        )
    done = await attempt(
        session, lambda: identity.complete_reset(session, token, password, ip=_ip(request))
    )
    if isinstance(done, Refusal):
        if done.field == "password":
            return _page(
                request,
                "account/new_password.html",
                {"token": token, "error": done},
                status=done.status,
            )
        return _page(request, "account/link_refused.html", {"error": done}, status=done.status)
    await sessions.end(session, request.cookies.get(SESSION_COOKIE))
    response = _page(request, "account/password_set.html", {})
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response


# -- Invitations -----------------------------------------------------------------------------


@router.get("/app/invitations/{token}")
async def invitation_form(request: Request, session: DbSession, token: Token) -> HTMLResponse:
    found = await attempt(session, lambda: _invitation_facts(session, token))
    if isinstance(found, Refusal):
        return _page(request, "account/link_refused.html", {"error": found}, status=found.status)
    return _page(request, "account/invitation.html", {**found, "token": token, "error": None})


async def _invitation_facts(session: DbSession, token: str) -> dict[str, object]:
    invitation = await members.invitation_for_token(session, token)
    organisation = await members.organisation_name(session, invitation.tenant_id)
    return {
        "tenant_id": invitation.tenant_id,
        "organisation": organisation,
        "email": invitation.email,
        "role": invitation.role.replace("_", " "),
        "existing": await members.has_account(session, invitation.email),
        "name": "",
    }


@router.post("/app/invitations/{token}")
async def accept_invitation(
    request: Request,
    session: DbSession,
    token: Token,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    password_again: Annotated[str | None, Form(max_length=1024)] = None,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    check_form_token(request, csrf_token)
    facts = await attempt(session, lambda: _invitation_facts(session, token))
    if isinstance(facts, Refusal):
        return _page(request, "account/link_refused.html", {"error": facts}, status=facts.status)

    def refused(refusal: Refusal) -> HTMLResponse:
        context = {**facts, "name": name, "token": token, "error": refusal}
        return _page(request, "account/invitation.html", context, status=refusal.status)

    if not facts["existing"]:
        if not name.strip():
            return refused(Refusal("Give your name.", "name", 422))
        if password != password_again:
            return refused(
                Refusal("The two passwords differ; type the same one twice.", "password_again", 422)
            )
    # Joining with an existing account checks its password: throttled like sign-in.
    limiter: RateLimiter = request.app.state.rate_limiter
    email = str(facts["email"])
    if not (await limiter.login_allowed(email, _ip(request))).allowed:
        return refused(Refusal("Too many failed attempts; try again later.", None, 429))
    issuer: identity.TokenIssuer = request.app.state.token_issuer
    joined = await attempt(
        session,
        lambda: members.accept(
            session,
            issuer,
            token,
            name=name.strip() or None,
            password=password,
            ip=_ip(request),
        ),
    )
    if isinstance(joined, Refusal):
        if joined.status in (404, 409):
            return _page(
                request, "account/link_refused.html", {"error": joined}, status=joined.status
            )
        if joined.status == 403:
            await limiter.record_login_failure(email, _ip(request))
            joined = Refusal(joined.message, "password", 403)
        return refused(joined)
    user = await members.user_by_email(session, str(facts["email"]))
    if user is None:
        raise HirelineError("The invitation was accepted but the account cannot be found.")
    tenant_id = facts["tenant_id"]
    assert isinstance(tenant_id, uuid.UUID)
    return await signed_in_response(request, session, user, tenant_id)


# -- The signed-in person's own account ------------------------------------------------------

Own = Annotated[Visit, screen(Action.PROFILE_READ)]
ACCOUNT = "account/password.html"


def _account_page(
    request: Request, visit: Visit, *, error: Refusal | None = None, changed: bool = False
) -> HTMLResponse:
    return render(
        request,
        ACCOUNT,
        {"visit": visit, "csrf_token": visit.csrf_token, "error": error, "changed": changed},
        status_code=error.status if error else 200,
    )


@router.get("/app/account")
async def account_screen(request: Request, visit: Own) -> HTMLResponse:
    return _account_page(request, visit, changed=request.query_params.get("changed") == "1")


@router.post("/app/account/password")
async def change_password(
    request: Request,
    session: DbSession,
    visit: Own,
    current_password: Annotated[str, Form(max_length=1024)] = "",
    new_password: Annotated[str, Form(max_length=1024)] = "",
    new_password_again: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    if new_password != new_password_again:
        refusal = Refusal(
            "The two new passwords differ; type the same one twice.", "new_password_again", 422
        )
        return _account_page(request, visit, error=refusal)
    limiter: RateLimiter = request.app.state.rate_limiter
    changed = await attempt(
        session,
        lambda: sign_in_service.change_password(
            session,
            limiter,
            visit.user.id,
            current_password=current_password,
            new_password=new_password,
            ip=_ip(request),
        ),
    )
    if isinstance(changed, Refusal):
        if changed.status == 403:
            changed = Refusal(changed.message, "current_password", 403)
        return _account_page(request, visit, error=changed)
    # Every session started with the old password ends when next seen; this browser keeps
    # working under a new session id (and CSRF token) started with the new one.
    return await signed_in_response(
        request, session, changed, visit.principal.tenant_id, "/app/account?changed=1"
    )
