"""API keys and OAuth clients: shown once, scoped, revoked at once, private to a tenant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from hireline.identity.permissions import actions_for_role, scopes_within
from tests.identity.helpers import bearer, sign_up


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def test_api_key_lifecycle_and_scopes(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    created = await client.post(
        "/v1/api-keys", json={"name": "ATS sync", "scopes": ["members:read"]}, headers=owner
    )
    assert created.status_code == 201
    key = created.json()["key"]
    assert key.startswith("hl_")
    assert created.json()["prefix"] == key[:11]

    listed = (await client.get("/v1/api-keys", headers=owner)).json()
    assert "key" not in listed[0]
    assert key not in str(listed)

    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        assert (await client.get("/v1/members", headers=headers)).status_code == 200
    scoped = await client.post(
        "/v1/members",
        json={"email": "x@acme.example", "role": "recruiter"},
        headers={"X-API-Key": key},
    )
    assert scoped.status_code == 403
    me = (await client.get("/v1/me", headers={"X-API-Key": key})).json()
    assert me["principal_type"] == "api_key"

    revoked = await client.delete(f"/v1/api-keys/{created.json()['id']}", headers=owner)
    assert revoked.status_code == 204
    assert (await client.get("/v1/members", headers={"X-API-Key": key})).status_code == 401
    listed = (await client.get("/v1/api-keys", headers=owner)).json()
    assert listed[0]["revoked_at"] is not None
    assert listed[0]["last_used_at"] is not None


async def test_expired_and_bad_keys(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    assert (
        await client.post(
            "/v1/api-keys",
            json={"name": "old", "scopes": ["jobs:read"], "expires_at": past},
            headers=owner,
        )
    ).status_code == 422
    for body in (
        {"name": "", "scopes": ["jobs:read"]},
        {"name": "x", "scopes": ["root"]},
        {"name": "x", "scopes": []},
    ):
        assert (await client.post("/v1/api-keys", json=body, headers=owner)).status_code == 422
    unknown = await client.get("/v1/members", headers={"X-API-Key": "hl_not-a-real-key"})
    assert unknown.status_code == 401


def test_credentials_cannot_carry_more_than_their_creator() -> None:
    interviewer = actions_for_role("interviewer")
    assert scopes_within(["jobs:read"], interviewer)
    assert not scopes_within(["candidates:write"], interviewer)
    assert scopes_within(["candidates:write", "salaries:import"], actions_for_role("admin"))


async def test_recruiters_cannot_manage_keys(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    invited = (
        await client.post(
            "/v1/members", json={"email": "rec@acme.example", "role": "recruiter"}, headers=owner
        )
    ).json()
    joined = await client.post(
        invited["accept_path"], json={"name": "Rec", "password": "correct horse battery staple"}
    )
    recruiter = bearer(joined.json()["access_token"])
    refused = await client.post(
        "/v1/api-keys", json={"name": "mine", "scopes": ["jobs:read"]}, headers=recruiter
    )
    assert refused.status_code == 403


async def test_oauth_client_credentials_flow(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    created = (
        await client.post(
            "/v1/oauth-clients",
            json={"name": "HRIS", "scopes": ["members:read", "jobs:read"]},
            headers=owner,
        )
    ).json()
    client_id, secret = created["client_id"], created["client_secret"]
    form = await client.post(
        "/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": "members:read",
        },
    )
    assert form.status_code == 200, form.text
    token = form.json()["access_token"]
    assert form.json()["scope"] == "members:read"
    assert (await client.get("/v1/members", headers=bearer(token))).status_code == 200
    assert (await client.get("/v1/jobs", headers=bearer(token))).status_code == 403

    basic = await client.post(
        "/v1/auth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    assert basic.status_code == 200
    wrong = await client.post(
        "/v1/auth/token", data={"grant_type": "client_credentials"}, auth=(client_id, "nope")
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    beyond = await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "scope": "candidates:write"},
        auth=(client_id, secret),
    )
    assert beyond.json()["error"] == "invalid_scope"

    await client.delete(f"/v1/oauth-clients/{created['id']}", headers=owner)
    assert (await client.get("/v1/members", headers=bearer(token))).status_code == 401


async def test_other_tenants_credentials_are_404(client: httpx.AsyncClient) -> None:
    acme = await _owner(client, "acme")
    globex = await _owner(client, "globex")
    key = (
        await client.post("/v1/api-keys", json={"name": "k", "scopes": ["jobs:read"]}, headers=acme)
    ).json()
    app_client = (
        await client.post(
            "/v1/oauth-clients", json={"name": "c", "scopes": ["jobs:read"]}, headers=acme
        )
    ).json()
    assert (await client.delete(f"/v1/api-keys/{key['id']}", headers=globex)).status_code == 404
    assert (
        await client.delete(f"/v1/oauth-clients/{app_client['id']}", headers=globex)
    ).status_code == 404
    assert (await client.get("/v1/api-keys", headers=globex)).json() == []
    assert (await client.get("/v1/jobs", headers={"X-API-Key": key["key"]})).status_code == 200
