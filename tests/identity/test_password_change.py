"""Changing one's password through the API: what it ends at once, and what it refuses."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from hireline.core.errors import PROBLEM_MEDIA_TYPE
from hireline.core.rate_limit import RateLimiter
from tests.identity.helpers import PASSWORD, bearer, password_token, sign_up

NEW_PASSWORD = "a brand new passphrase 42"


async def _change(
    client: httpx.AsyncClient, headers: dict[str, str], current: str, new: str
) -> httpx.Response:
    return await client.post(
        "/v1/me/password",
        json={"current_password": current, "new_password": new},
        headers=headers,
    )


async def _me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/v1/me", headers=bearer(token))


async def test_a_password_change_ends_every_token_issued_before_it(
    client: httpx.AsyncClient,
) -> None:
    first = await sign_up(client, "acme")
    email = "owner@acme.example"
    second = (await password_token(client, email)).json()
    assert (await _me(client, first["access_token"])).status_code == 200

    changed = await _change(client, bearer(second["access_token"]), PASSWORD, NEW_PASSWORD)
    assert changed.status_code == 200, changed.text
    assert changed.headers["cache-control"] == "no-store"
    fresh = changed.json()

    # Both access tokens issued before the change are refused at once, as problems.
    for old in (first["access_token"], second["access_token"]):
        refused = await _me(client, old)
        assert refused.status_code == 401
        assert refused.headers["content-type"] == PROBLEM_MEDIA_TYPE
        assert "password change" in refused.json()["detail"]
    # Their refresh tokens are revoked; the pair returned by the change works.
    for old in (first["refresh_token"], second["refresh_token"]):
        refreshed = await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": old}
        )
        assert refreshed.status_code == 400
        assert refreshed.json()["error"] == "invalid_grant"
    assert (await _me(client, fresh["access_token"])).status_code == 200
    rotated = await client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": fresh["refresh_token"]},
    )
    assert rotated.status_code == 200, rotated.text
    assert (await _me(client, rotated.json()["access_token"])).status_code == 200

    # The old password no longer signs in; the new one does, and its token works.
    assert (await password_token(client, email)).status_code == 400
    signed_in = await password_token(client, email, NEW_PASSWORD)
    assert signed_in.status_code == 200
    assert (await _me(client, signed_in.json()["access_token"])).status_code == 200
    log = await client.get(
        "/v1/audit-log",
        params={"action": "auth.password_changed"},
        headers=bearer(signed_in.json()["access_token"]),
    )
    assert [entry["details"] for entry in log.json()["items"]] == [{"refresh_tokens_revoked": 2}]


async def test_a_wrong_current_password_changes_nothing(client: httpx.AsyncClient) -> None:
    issued = await sign_up(client, "acme")
    headers = bearer(issued["access_token"])
    wrong = await _change(client, headers, "not the password at all", NEW_PASSWORD)
    assert wrong.status_code == 403
    assert wrong.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert "current password is wrong" in wrong.json()["detail"]
    assert (await _me(client, issued["access_token"])).status_code == 200
    assert (await password_token(client, "owner@acme.example")).status_code == 200
    assert (await password_token(client, "owner@acme.example", NEW_PASSWORD)).status_code == 400


async def test_the_new_password_follows_the_sign_up_rules(client: httpx.AsyncClient) -> None:
    issued = await sign_up(client, "acme")
    headers = bearer(issued["access_token"])
    for new in ("short", "password123", "owner@acme.example 123", PASSWORD):
        refused = await _change(client, headers, PASSWORD, new)
        assert refused.status_code == 422, (new, refused.text)
        assert refused.json()["errors"][0]["loc"] == ["body", "new_password"]
    missing = await client.post(
        "/v1/me/password", json={"new_password": NEW_PASSWORD}, headers=headers
    )
    assert missing.status_code == 422
    assert (await _me(client, issued["access_token"])).status_code == 200
    assert (await password_token(client, "owner@acme.example")).status_code == 200


async def test_guessing_the_current_password_is_throttled_like_sign_in(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    issued = await sign_up(client, "acme")
    headers = bearer(issued["access_token"])
    original = app.state.rate_limiter
    app.state.rate_limiter = RateLimiter(
        anonymous_per_minute=1_000_000, login_failures_per_15_minutes=2
    )
    try:
        statuses = [
            (await _change(client, headers, f"wrong guess number {n}", NEW_PASSWORD)).status_code
            for n in range(4)
        ]
        # Even the right password waits out the throttle, as at sign-in.
        statuses.append((await _change(client, headers, PASSWORD, NEW_PASSWORD)).status_code)
    finally:
        app.state.rate_limiter = original
    # Two free failures, a third that starts the wait, then the wait.
    assert statuses == [403, 403, 403, 429, 429]
    assert (await password_token(client, "owner@acme.example")).status_code == 200


async def test_only_a_person_changes_a_password(client: httpx.AsyncClient) -> None:
    issued = await sign_up(client, "acme")
    anonymous = await client.post(
        "/v1/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert anonymous.status_code == 401
    key = await client.post(
        "/v1/api-keys",
        json={"name": "ci", "scopes": ["jobs:read"]},
        headers=bearer(issued["access_token"]),
    )
    assert key.status_code == 201, key.text
    by_key = await client.post(
        "/v1/me/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers={"X-API-Key": key.json()["key"]},
    )
    assert by_key.status_code == 403
    assert (await password_token(client, "owner@acme.example")).status_code == 200
