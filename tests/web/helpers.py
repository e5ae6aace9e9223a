"""Driving the web app as a browser does: forms, cookies and CSRF tokens."""

from __future__ import annotations

import re

import httpx

from tests.identity.helpers import PASSWORD

SESSION_COOKIE = "hireline_session"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = _TOKEN.search(html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


async def web_sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> httpx.Response:
    """Open the sign-in page and send its form."""
    page = await client.get("/app/sign-in")
    assert page.status_code == 200, page.text
    return await client.post(
        "/app/sign-in",
        data={"email": email, "password": password, "csrf_token": csrf_token(page.text)},
    )


def session_cookie(client: httpx.AsyncClient) -> str | None:
    return client.cookies.get(SESSION_COOKIE)
