"""What every settings section shares: its navigation, the client's address, redirects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from hireline.core.rate_limit import RateLimiter, client_address
from hireline.identity.permissions import Action
from hireline.web.access import Visit
from hireline.web.templating import render


@dataclass(frozen=True)
class Section:
    path: str
    title: str
    action: Action


SECTIONS = (
    Section("/app/settings/members", "Members and roles", Action.MEMBERS_READ),
    Section("/app/settings/api-keys", "API keys", Action.API_KEYS_MANAGE),
    Section("/app/settings/oauth-clients", "OAuth clients", Action.OAUTH_CLIENTS_MANAGE),
    Section("/app/settings/webhooks", "Webhooks", Action.WEBHOOKS_MANAGE),
    Section("/app/settings/rejection-reasons", "Rejection reasons", Action.JOBS_WRITE),
    Section("/app/settings/emails", "E-mail templates", Action.ORGANIZATION_MANAGE),
    Section("/app/settings/careers", "Careers page", Action.ORGANIZATION_MANAGE),
    Section("/app/settings/plan", "Plan and usage", Action.USAGE_READ),
)


def render_section(
    request: Request,
    visit: Visit,
    template: str,
    current: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
) -> HTMLResponse:
    """A settings screen with the sections this member may open."""
    return render(
        request,
        template,
        {
            "visit": visit,
            "sections": [s for s in SECTIONS if visit.principal.can(s.action)],
            "current": current,
            **(context or {}),
        },
        status_code=status,
    )


def ip_of(request: Request) -> str:
    limiter: RateLimiter = request.app.state.rate_limiter
    return client_address(request, trust_proxy_headers=limiter.trust_proxy_headers)


def back_to(path: str) -> RedirectResponse:
    """After a change: the section again (303, so reloading does not resend the form)."""
    return RedirectResponse(path, status_code=303)
