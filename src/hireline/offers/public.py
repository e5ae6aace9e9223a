"""The candidate's offer page: reached through a signed link, answered with a button.

Anonymous, so the link is the only credential: it is checked before anything is read, and
the page is sent with `Referrer-Policy: no-referrer` so the link never leaves in a Referer.
The accept and decline forms are CSRF-safe by a double-submit token: the page sets a random
value in a SameSite=Strict cookie and in the form, and a post must bring both, equal (a
forged cross-site post carries neither the link's token nor the cookie).
"""

from __future__ import annotations

import uuid
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from hireline.core.db import DbSession
from hireline.core.errors import Conflict, NotFound
from hireline.core.security import new_secret, same_secret
from hireline.core.signing_key import signing_key
from hireline.core.tenancy import enter_tenant
from hireline.identity.dependencies import public
from hireline.offers import links, service
from hireline.offers.models import Offer

router = APIRouter(prefix="/offers", include_in_schema=False, dependencies=[public()])

CSRF_COOKIE = "hireline_offer_csrf"
CSRF_FIELD = "csrf_token"
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
Token = Annotated[str, Path(max_length=2000, pattern=r"^[A-Za-z0-9_\-.]+$")]


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("hireline.offers", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _page(context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    html = _templates().get_template("offer_page.html").render(**context)
    return HTMLResponse(
        html,
        status_code=status_code,
        headers={
            "Cache-Control": "no-store",
            "Content-Security-Policy": PAGE_CSP,
            "Referrer-Policy": "no-referrer",
            "X-Robots-Tag": "noindex",
        },
    )


class _LinkRefused(Exception):
    def __init__(self, status_code: int, message: str) -> None:
        self.status_code, self.message = status_code, message


async def _offer(request: Request, session: DbSession, token: str) -> Offer:
    try:
        ref = links.verify(token, key=signing_key(request.app.state.settings))
    except links.ExpiredLink:
        raise _LinkRefused(410, "This offer has expired; contact the recruiter.") from None
    except links.InvalidLink:
        raise _LinkRefused(404, "This link is not valid. Check that it was copied whole.") from None
    await enter_tenant(session, ref.tenant_id)
    try:
        return await service.by_link(session, ref)
    except NotFound:
        raise _LinkRefused(404, "This offer is no longer available.") from None


def _refused(refusal: _LinkRefused) -> HTMLResponse:
    return _page({"error": refusal.message}, status_code=refusal.status_code)


async def _show(
    request: Request,
    session: DbSession,
    token: str,
    offer: Offer,
    *,
    message: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    letter = await service.letter_of(session, offer)
    csrf = request.cookies.get(CSRF_COOKIE) or new_secret(nbytes=24)
    response = _page(
        {
            "offer": offer,
            "letter": letter,
            "token": token,
            "csrf_token": csrf,
            "message": message,
            "answerable": offer.status == "sent",
        },
        status_code=status_code,
    )
    response.set_cookie(
        CSRF_COOKIE,
        csrf,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/offers/",
    )
    return response


@router.get("/{token}")
async def offer_page(token: Token, request: Request, session: DbSession) -> Response:
    try:
        offer = await _offer(request, session, token)
    except _LinkRefused as refusal:
        return _refused(refusal)
    return await _show(request, session, token, offer)


@router.get("/{token}/letter.pdf")
async def offer_letter_pdf(token: Token, request: Request, session: DbSession) -> Response:
    try:
        offer = await _offer(request, session, token)
    except _LinkRefused as refusal:
        return _refused(refusal)
    letter = await service.letter_of(session, offer)
    return Response(
        letter.pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'inline; filename="offer-letter.pdf"',
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        },
    )


async def _answer(
    request: Request, session: DbSession, token: str, csrf_token: str, *, accepted: bool
) -> Response:
    try:
        offer = await _offer(request, session, token)
    except _LinkRefused as refusal:
        return _refused(refusal)
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not same_secret(cookie, csrf_token):
        return _page(
            {"error": "The form has expired or did not come from this page; reload it."},
            status_code=403,
        )
    offer_id: uuid.UUID = offer.id
    try:
        # A savepoint: a refusal part-way (the application closed meanwhile) leaves nothing.
        async with session.begin_nested():
            await service.answer(
                session,
                service.candidate_principal(offer),
                offer_id,
                accepted=accepted,
                note=None,
                by="candidate",
            )
    except Conflict as conflict:
        await service.reread(session, offer)
        return await _show(request, session, token, offer, message=str(conflict), status_code=409)
    return RedirectResponse(f"{links.PATH_PREFIX}{token}", status_code=303)


@router.post("/{token}/accept")
async def accept_by_link(
    token: Token,
    request: Request,
    session: DbSession,
    csrf_token: Annotated[str, Form(max_length=200)],
) -> Response:
    return await _answer(request, session, token, csrf_token, accepted=True)


@router.post("/{token}/decline")
async def decline_by_link(
    token: Token,
    request: Request,
    session: DbSession,
    csrf_token: Annotated[str, Form(max_length=200)],
) -> Response:
    return await _answer(request, session, token, csrf_token, accepted=False)
