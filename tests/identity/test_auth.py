"""Sign-up, sign-in, refresh rotation with reuse detection, sign-out and token checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import jwt
import pytest
from fastapi import FastAPI

from hireline.core.security import encode_access_token
from hireline.identity.auth.revocation import AccessTokenRevocations
from tests.identity.helpers import PASSWORD, bearer, password_token, sign_up


async def test_signup_creates_tenant_and_owner(client: httpx.AsyncClient) -> None:
    body = await sign_up(client, "acme")
    assert body["tenant"]["slug"] == "acme"
    assert body["token_type"] == "Bearer"
    assert body["refresh_token"].startswith("hlr_")
    me = await client.get("/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["role"] == "owner"
    assert me.json()["user"]["email"] == "owner@acme.example"
    assert "members:manage" in me.json()["actions"]


async def test_signup_rejects_taken_slug_and_weak_password(client: httpx.AsyncClient) -> None:
    await sign_up(client, "acme")
    taken = await client.post(
        "/v1/auth/signup",
        json={
            "organization_name": "Other",
            "slug": "acme",
            "name": "X",
            "email": "x@other.example",
            "password": PASSWORD,
        },
    )
    assert taken.status_code == 409
    assert taken.json()["type"] == "/problems/conflict"
    for weak in ("short", "password123", "qwertyuiop"):
        response = await client.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Weak",
                "slug": "weak-co",
                "name": "W",
                "email": "w@weak.example",
                "password": weak,
            },
        )
        assert response.status_code == 422, weak
        assert response.json()["errors"][0]["loc"] == ["body", "password"]


async def test_signup_validates_fields(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/auth/signup",
        json={"organization_name": "", "slug": "Bad Slug", "name": "N", "email": "nope"},
    )
    assert response.status_code == 422
    fields = {error["loc"][-1] for error in response.json()["errors"]}
    assert {"organization_name", "slug", "email", "password"} <= fields


async def test_password_grant_and_failures(client: httpx.AsyncClient) -> None:
    await sign_up(client, "acme")
    good = await password_token(client, "OWNER@acme.example")
    assert good.status_code == 200
    assert good.headers["cache-control"] == "no-store"
    wrong = await password_token(client, "owner@acme.example", "not the password at all")
    assert wrong.status_code == 400
    assert wrong.json() == {
        "error": "invalid_grant",
        "error_description": "The e-mail or password is incorrect.",
    }
    unknown = await password_token(client, "nobody@acme.example")
    assert unknown.json()["error"] == "invalid_grant"
    unsupported = await client.post("/v1/auth/token", data={"grant_type": "implicit"})
    assert unsupported.json()["error"] == "unsupported_grant_type"


async def test_refresh_rotates_and_reuse_revokes_the_family(client: httpx.AsyncClient) -> None:
    first = (await sign_up(client, "acme"))["refresh_token"]
    rotated = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": first}
    )
    assert rotated.status_code == 200
    second = rotated.json()["refresh_token"]
    assert second != first

    reused = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": first}
    )
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    # The thief's use of the old token ended the session for the legitimate holder too.
    after = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": second}
    )
    assert after.json()["error"] == "invalid_grant"


async def test_logout_revokes_the_session(client: httpx.AsyncClient) -> None:
    body = await sign_up(client, "acme")
    out = await client.post(
        "/v1/auth/logout",
        json={"refresh_token": body["refresh_token"]},
        headers=bearer(body["access_token"]),
    )
    assert out.status_code == 204
    refresh = await client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": body["refresh_token"]},
    )
    assert refresh.json()["error"] == "invalid_grant"


@pytest.fixture(params=["configured store", "postgresql"])
def revocations(request: pytest.FixtureRequest, app: FastAPI) -> Iterator[None]:
    """The app's revocation list (Redis when REDIS_URL is set), then PostgreSQL's."""
    if request.param == "configured store":
        yield
        return
    original = app.state.token_revocations
    app.state.token_revocations = AccessTokenRevocations(redis_url=None)
    try:
        yield
    finally:
        app.state.token_revocations = original


async def test_logout_ends_the_access_token_at_once(
    client: httpx.AsyncClient, revocations: None
) -> None:
    body = await sign_up(client, "acme")
    other_session = (await password_token(client, "owner@acme.example")).json()
    assert (await client.get("/v1/me", headers=bearer(body["access_token"]))).status_code == 200

    out = await client.post("/v1/auth/logout", headers=bearer(body["access_token"]))

    assert out.status_code == 204
    after = await client.get("/v1/me", headers=bearer(body["access_token"]))
    assert after.status_code == 401
    assert "revoked" in after.json()["detail"]
    # Another sign-in's access token is a token of its own (its refresh token is revoked).
    assert (
        await client.get("/v1/me", headers=bearer(other_session["access_token"]))
    ).status_code == 200


async def test_the_right_password_for_the_wrong_organisation_is_a_wrong_password(
    client: httpx.AsyncClient,
) -> None:
    await sign_up(client, "acme")
    await sign_up(client, "globex", email="someone@globex.example")

    wrong_password = await password_token(client, "owner@acme.example", "not it at all", "acme")
    wrong_organisation = await password_token(client, "owner@acme.example", tenant="globex")
    unknown_organisation = await password_token(client, "owner@acme.example", tenant="nowhere")

    for response in (wrong_organisation, unknown_organisation):
        assert response.status_code == wrong_password.status_code == 400
        assert response.json() == wrong_password.json()
        assert response.headers.get("www-authenticate") is None
        assert set(response.headers) == set(wrong_password.headers)
        assert response.headers["cache-control"] == wrong_password.headers["cache-control"]


async def test_missing_tampered_and_expired_tokens_are_401(client: httpx.AsyncClient) -> None:
    body = await sign_up(client, "acme")
    token = body["access_token"]
    missing = await client.get("/v1/me")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")

    header, payload, signature = token.split(".")
    tampered = f"{header}.{payload}.{signature[:-4]}AAAA"
    assert (await client.get("/v1/me", headers=bearer(tampered))).status_code == 401

    claims = jwt.decode(token, options={"verify_signature": False})
    forged = jwt.encode({**claims, "role": "owner"}, "not-the-key-" * 4, algorithm="HS256")
    assert (await client.get("/v1/me", headers=bearer(forged))).status_code == 401

    app_key = client._transport.app.app.state.token_issuer.key  # type: ignore[attr-defined]
    expired = encode_access_token(
        {k: claims[k] for k in ("sub", "tid", "typ", "role")},
        key=app_key,
        ttl=timedelta(seconds=-1),
    )
    response = await client.get("/v1/me", headers=bearer(expired))
    assert response.status_code == 401
    assert response.json()["type"] == "/problems/unauthenticated"

    none_alg = jwt.encode(claims, key="", algorithm="none")
    assert (await client.get("/v1/me", headers=bearer(none_alg))).status_code == 401


async def test_audit_log_records_sign_ins_and_failures(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client, "acme")
    await password_token(client, "owner@acme.example", "a wrong password here")
    await password_token(client, "owner@acme.example")
    headers = bearer(owner["access_token"])

    page = await client.get("/v1/audit-log", params={"limit": 2}, headers=headers)
    assert page.status_code == 200
    actions = [entry["action"] for entry in page.json()["items"]]
    assert actions == ["auth.signed_in", "auth.sign_in_failed"]
    rest = await client.get(
        "/v1/audit-log", params={"cursor": page.json()["next_cursor"]}, headers=headers
    )
    assert [entry["action"] for entry in rest.json()["items"]] == ["tenant.created"]
    assert rest.json()["next_cursor"] is None
    bad = await client.get("/v1/audit-log", params={"cursor": "x"}, headers=headers)
    assert bad.status_code == 422
    # Beyond PostgreSQL's bigint: once a 500 (found by the API fuzzer).
    huge = await client.get(
        "/v1/audit-log", params={"cursor": "9509507124508966324"}, headers=headers
    )
    assert huge.status_code == 422


async def test_usage_counts_requests_per_principal_per_day(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    owner = await sign_up(client, "acme")
    headers = bearer(owner["access_token"])
    for _ in range(3):
        await client.get("/v1/me", headers=headers)
    await app.state.usage.flush(app.state.sessions)
    days = (await client.get("/v1/usage", headers=headers)).json()
    assert len(days) == 1
    (principal,) = days[0]["principals"]
    assert principal["principal_type"] == "user"
    assert principal["principal_id"] == owner["user_id"]
    assert principal["requests"] >= 3
    assert (await client.get("/v1/usage", params={"days": 0}, headers=headers)).status_code == 422
