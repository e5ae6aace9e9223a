"""Signing in and out of the web app: cookies, CSRF, fixation, expiry, revocation."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.security import digest
from hireline.core.tenancy import allow_credential_lookup
from hireline.main import with_edge_cache
from tests.identity.helpers import PASSWORD, bearer, sign_up
from tests.web.helpers import SESSION_COOKIE, csrf_token, session_cookie, web_sign_in

EMAIL = "owner@acme.example"


@pytest.fixture
async def owner(client: httpx.AsyncClient) -> dict[str, object]:
    return await sign_up(client, "acme")


async def test_signing_in_opens_the_dashboard(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    response = await web_sign_in(client, EMAIL)
    assert response.status_code == 303
    assert response.headers["location"] == "/app"
    dashboard = await client.get("/app")
    assert dashboard.status_code == 200
    assert dashboard.headers["content-type"].startswith("text/html")
    assert "Open jobs" in dashboard.text
    assert "script-src 'self';" in dashboard.headers["content-security-policy"]
    assert "unsafe-inline" not in dashboard.headers["content-security-policy"]


async def test_a_wrong_password_gets_the_form_again_and_no_session(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    response = await web_sign_in(client, EMAIL, "not the password at all")
    assert response.status_code == 400
    assert "Wrong e-mail or password." in response.text
    assert session_cookie(client) is None
    assert (await client.get("/app")).status_code == 303


async def test_an_unknown_email_reads_like_a_wrong_password(client: httpx.AsyncClient) -> None:
    response = await web_sign_in(client, "nobody@nowhere.example")
    assert response.status_code == 400
    assert "Wrong e-mail or password." in response.text


async def test_the_app_sends_strangers_to_sign_in_and_back(client: httpx.AsyncClient) -> None:
    response = await client.get("/app")
    assert response.status_code == 303
    assert response.headers["location"] == "/app/sign-in?next=%2Fapp"


async def test_sign_in_without_the_form_token_is_refused(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    await client.get("/app/sign-in")
    response = await client.post("/app/sign-in", data={"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 403
    assert session_cookie(client) is None


async def test_sign_out_without_the_csrf_token_is_refused(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    await web_sign_in(client, EMAIL)
    response = await client.post("/app/sign-out")
    assert response.status_code == 403
    assert (await client.get("/app")).status_code == 200


async def test_a_planted_session_id_is_replaced_at_sign_in(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    await web_sign_in(client, EMAIL)
    first = session_cookie(client)
    # Whatever id the browser came with (an attacker's, say), sign-in gives a new one...
    response = await web_sign_in(client, EMAIL)
    second = session_cookie(client)
    assert response.status_code == 303
    assert first
    assert second
    assert first != second
    # ...and the old one no longer opens anything.
    client.cookies.set(SESSION_COOKIE, first)
    assert (await client.get("/app")).status_code == 303


async def test_cookie_flags_over_plain_http(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    response = await web_sign_in(client, EMAIL)
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "path=/" in cookie
    assert "secure" not in cookie


@pytest.fixture
async def tls_client(client: httpx.AsyncClient, app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The same app (and transaction) reached over https."""
    transport = httpx.ASGITransport(app=with_edge_cache(app), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        yield http


async def test_cookie_is_secure_behind_tls(
    tls_client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    response = await web_sign_in(tls_client, EMAIL)
    assert response.status_code == 303
    session = next(
        value for value in response.headers.get_list("set-cookie") if SESSION_COOKIE in value
    )
    assert "secure" in session.lower()
    assert "httponly" in session.lower()


async def test_sign_out_ends_the_session_on_the_server(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    await web_sign_in(client, EMAIL)
    cookie = session_cookie(client)
    dashboard = await client.get("/app")
    response = await client.post("/app/sign-out", data={"csrf_token": csrf_token(dashboard.text)})
    assert response.status_code == 303
    assert response.headers["location"] == "/app/sign-in"
    # Replaying the old cookie does not bring the session back.
    assert cookie is not None
    client.cookies.set(SESSION_COOKIE, cookie)
    assert (await client.get("/app")).status_code == 303


async def test_a_password_change_ends_every_session(
    client: httpx.AsyncClient, owner: dict[str, object], db_session: AsyncSession
) -> None:
    await web_sign_in(client, EMAIL)
    assert (await client.get("/app")).status_code == 200
    await db_session.execute(
        text("UPDATE users SET password_hash = 'changed' || password_hash WHERE email = :e"),
        {"e": EMAIL},
    )
    assert (await client.get("/app")).status_code == 303


@pytest.mark.parametrize(
    "column", ["last_seen_at", "created_at"], ids=["idle expiry", "absolute expiry"]
)
async def test_old_sessions_expire(
    client: httpx.AsyncClient, owner: dict[str, object], db_session: AsyncSession, column: str
) -> None:
    await web_sign_in(client, EMAIL)
    assert (await client.get("/app")).status_code == 200
    # Defaults: 60 idle minutes, 12 hours in all; a day old is past both.
    await db_session.execute(text(f"UPDATE web_sessions SET {column} = now() - interval '1 day'"))
    assert (await client.get("/app")).status_code == 303


async def test_sessions_are_invisible_without_their_id(
    committing_client: httpx.AsyncClient, app: FastAPI
) -> None:
    """Row-level security: the app's role sees only the session whose digest it presents."""
    await sign_up(committing_client, "acme")
    await web_sign_in(committing_client, EMAIL)
    cookie = session_cookie(committing_client)
    assert cookie is not None
    async with app.state.sessions() as session:
        hidden = (await session.execute(text("SELECT count(*) FROM web_sessions"))).scalar_one()
        await allow_credential_lookup(session, digest(cookie))
        shown = (await session.execute(text("SELECT count(*) FROM web_sessions"))).scalar_one()
    assert (hidden, shown) == (0, 1)


async def test_a_failed_web_sign_in_is_audited_as_the_token_endpoint_audits_it(
    client: httpx.AsyncClient, owner: dict[str, object]
) -> None:
    await web_sign_in(client, EMAIL, "not the password at all")
    await web_sign_in(client, EMAIL)
    page = await client.get(
        "/v1/audit-log", params={"limit": 2}, headers=bearer(str(owner["access_token"]))
    )
    assert page.status_code == 200
    assert [entry["action"] for entry in page.json()["items"]] == [
        "auth.signed_in",
        "auth.sign_in_failed",
    ]
