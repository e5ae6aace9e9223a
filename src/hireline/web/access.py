"""Who is at the keyboard: the signed-in session as the same `Principal` the API uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request

from hireline.core.db import DbSession
from hireline.core.errors import PermissionDenied
from hireline.core.principal import Principal
from hireline.core.rate_limit import RateLimiter, raise_if_refused
from hireline.core.security import same_secret
from hireline.core.tenancy import enter_tenant
from hireline.identity.permissions import Action, actions_for_role
from hireline.identity.service import User, role_of
from hireline.web import sessions
from hireline.web.models import WebSession

SESSION_COOKIE = "hireline_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SignInRequired(Exception):
    """No live session: the browser is sent to the sign-in page."""


class OrganisationRequired(Exception):
    """Signed in, but the user has not yet picked one of several organisations."""


class CsrfRefused(PermissionDenied):
    """A state-changing request did not carry the session's CSRF token."""


@dataclass(frozen=True, slots=True)
class Visit:
    """A signed-in browser: the user, the session and what they may do."""

    principal: Principal
    user: User
    web_session: WebSession

    @property
    def csrf_token(self) -> str:
        return self.web_session.csrf_token


async def check_csrf(request: Request, expected: str) -> None:
    """Refuse a state-changing request unless it carries `expected` (header or form field)."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not same_secret(sent, expected):
        raise CsrfRefused("The form has expired or did not come from this site; reload it.")


async def signed_in(request: Request, session: DbSession) -> tuple[WebSession, User]:
    """The live session of this browser (any organisation), CSRF-checked."""
    found = await sessions.find(
        session, request.cookies.get(SESSION_COOKIE), request.app.state.settings
    )
    if found is None:
        raise SignInRequired
    await check_csrf(request, found[0].csrf_token)
    return found


class Screen:
    """Guards a screen: a live session in one organisation whose role grants `action`."""

    def __init__(self, action: Action) -> None:
        self.action = action

    async def __call__(
        self,
        request: Request,
        session: DbSession,
        found: Annotated[tuple[WebSession, User], Depends(signed_in)],
    ) -> Visit:
        web_session, user = found
        if web_session.tenant_id is None:
            raise OrganisationRequired
        await enter_tenant(session, web_session.tenant_id)
        # Read on every request, as for API tokens: a role change applies at once.
        role = await role_of(session, web_session.tenant_id, user.id)
        if role is None:
            raise SignInRequired
        principal = Principal(
            kind="user",
            id=str(user.id),
            tenant_id=web_session.tenant_id,
            actions=actions_for_role(role),
            role=role,
        )
        request.state.principal = principal
        await _within_web_limit(request, user)
        if not principal.can(self.action):
            raise PermissionDenied(f"This needs the {self.action.value!r} permission.")
        return Visit(principal=principal, user=user, web_session=web_session)


async def _within_web_limit(request: Request, user: User) -> None:
    """The web app's own limit, per person and generous. The plan's API limit is for
    programs: a person clicking through the app never meets it (their requests are not
    counted against it)."""
    limiter: RateLimiter = request.app.state.rate_limiter
    per_minute: int = request.app.state.settings.web_requests_per_minute
    raise_if_refused(
        await limiter.hit(f"web:{user.id}", per_minute),
        "Too many requests in a minute; wait a moment and reload.",
    )


def screen(action: Action) -> Any:
    """`Depends` for a screen that needs `action`."""
    return Depends(Screen(action))
