"""Rendering screens and their htmx fragments, with the web app's strict CSP."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from jinja2_fragments import render_block

# Scripts and styles from this origin only; no inline script anywhere (ADR 0014).
APP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
NO_STORE = {"Cache-Control": "no-store"}


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("hireline.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        enable_async=False,
    )


def _headers(csp: str) -> dict[str, str]:
    return {**NO_STORE, "Content-Security-Policy": csp}


def _with_csrf(context: dict[str, Any] | None) -> dict[str, Any]:
    """Every signed-in screen's forms (and htmx, via <body hx-headers>) carry the token."""
    context = dict(context or {})
    visit = context.get("visit")
    if visit is not None:
        context.setdefault("csrf_token", visit.csrf_token)
    return context


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    csp: str = APP_CSP,
) -> HTMLResponse:
    """The whole screen `template`."""
    html = environment().get_template(template).render(request=request, **_with_csrf(context))
    return HTMLResponse(html, status_code=status_code, headers=_headers(csp))


def render_fragment(
    request: Request, template: str, block: str, context: dict[str, Any] | None = None
) -> HTMLResponse:
    """One block of the screen `template`, for an htmx swap."""
    html = render_block(environment(), template, block, request=request, **_with_csrf(context))
    return HTMLResponse(html, headers=_headers(APP_CSP))


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def render_fragments(
    request: Request, template: str, blocks: list[str], context: dict[str, Any] | None = None
) -> HTMLResponse:
    """Several blocks of `template` in one response (the first swapped in place, the others
    marked `hx-swap-oob` by the template)."""
    full = _with_csrf(context)
    html = "".join(
        render_block(environment(), template, block, request=request, **full) for block in blocks
    )
    return HTMLResponse(html, headers=_headers(APP_CSP))
