"""API keys and OAuth clients: shown once, scoped, revoked at once, private to a tenant."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import PROBLEM_MEDIA_TYPE
from hireline.core.security import digest
from hireline.core.tenancy import enter_tenant
from hireline.identity.models import ApiKey, OAuthClient
from hireline.identity.permissions import actions_for_role, scopes_within
from tests.identity.helpers import PASSWORD, bearer, sign_up


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def _create_key(
    client: httpx.AsyncClient, headers: dict[str, str], scopes: list[str], **extra: Any
) -> dict[str, Any]:
    response = await client.post(
        "/v1/api-keys", json={"name": "ATS sync", "scopes": scopes, **extra}, headers=headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _create_client(
    client: httpx.AsyncClient, headers: dict[str, str], scopes: list[str]
) -> dict[str, Any]:
    response = await client.post(
        "/v1/oauth-clients", json={"name": "HRIS", "scopes": scopes}, headers=headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _audit(
    client: httpx.AsyncClient, headers: dict[str, str], action: str
) -> list[dict[str, Any]]:
    response = await client.get("/v1/audit-log", params={"action": action}, headers=headers)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def _error_locations(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    return [error["loc"] for error in response.json()["errors"]]


async def test_api_key_lifecycle_and_scopes(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    created = await client.post(
        "/v1/api-keys", json={"name": "ATS sync", "scopes": ["members:read"]}, headers=owner
    )
    assert created.status_code == 201
    assert created.headers["cache-control"] == "no-store"
    key = created.json()["key"]
    assert key.startswith("hl_")
    assert created.json()["prefix"] == key[:11]

    listed = (await client.get("/v1/api-keys", headers=owner)).json()
    assert "key" not in listed[0]
    assert key not in str(listed)
    assert listed[0]["prefix"] == key[:11]
    assert listed[0]["scopes"] == ["members:read"]
    assert listed[0]["last_used_at"] is None

    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        assert (await client.get("/v1/members", headers=headers)).status_code == 200
    scoped = await client.post(
        "/v1/members",
        json={"email": "x@acme.example", "role": "recruiter", "send_email": False},
        headers={"X-API-Key": key},
    )
    assert scoped.status_code == 403
    assert scoped.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert (await client.get("/v1/api-keys", headers={"X-API-Key": key})).status_code == 403
    me = (await client.get("/v1/me", headers={"X-API-Key": key})).json()
    assert (me["principal_type"], me["scopes"]) == ("api_key", ["members:read"])

    revoked = await client.delete(f"/v1/api-keys/{created.json()['id']}", headers=owner)
    assert revoked.status_code == 204
    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        assert (await client.get("/v1/members", headers=headers)).status_code == 401
    listed = (await client.get("/v1/api-keys", headers=owner)).json()
    assert listed[0]["revoked_at"] is not None
    assert listed[0]["last_used_at"] is not None
    again = await client.delete(f"/v1/api-keys/{created.json()['id']}", headers=owner)
    assert again.status_code == 204

    made = (await _audit(client, owner, "api_key.created"))[0]
    assert made["target_id"] == created.json()["id"]
    assert made["details"]["scopes"] == ["members:read"]
    assert key not in str(made)
    assert len(await _audit(client, owner, "api_key.revoked")) == 1


async def test_keys_are_stored_as_digests(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    signup = await sign_up(client, "acme")
    created = await _create_key(client, bearer(signup["access_token"]), ["jobs:read"])
    await enter_tenant(db_session, uuid.UUID(signup["tenant"]["id"]))
    stored = (
        await db_session.execute(select(ApiKey).where(ApiKey.id == uuid.UUID(created["id"])))
    ).scalar_one()
    assert stored.key_digest == digest(created["key"])
    assert created["key"] not in (stored.prefix, stored.key_digest)


async def test_expired_key_is_refused(client: httpx.AsyncClient, db_session: AsyncSession) -> None:
    signup = await sign_up(client, "acme")
    owner = bearer(signup["access_token"])
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    created = await _create_key(client, owner, ["jobs:read"], expires_at=soon)
    assert created["expires_at"] is not None
    assert (await client.get("/v1/jobs", headers={"X-API-Key": created["key"]})).status_code == 200

    await enter_tenant(db_session, uuid.UUID(signup["tenant"]["id"]))
    await db_session.execute(
        update(ApiKey)
        .where(ApiKey.id == uuid.UUID(created["id"]))
        .values(expires_at=func.now() - func.make_interval(0, 0, 0, 0, 0, 0, 1))
    )
    await db_session.commit()
    expired = await client.get("/v1/jobs", headers={"X-API-Key": created["key"]})
    assert expired.status_code == 401
    assert "expired" in expired.json()["detail"]


async def test_bad_key_input_is_422_with_locations(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    naive = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None).isoformat()
    cases: list[tuple[dict[str, Any], list[list[str]]]] = [
        ({"name": "old", "scopes": ["jobs:read"], "expires_at": past}, [["body", "expires_at"]]),
        ({"name": "tz", "scopes": ["jobs:read"], "expires_at": naive}, [["body", "expires_at"]]),
        ({"name": "", "scopes": ["jobs:read"]}, [["body", "name"]]),
        ({"name": "   ", "scopes": ["jobs:read"]}, [["body", "name"]]),
        # Scopes are an enum: the error names the unknown item.
        ({"name": "x", "scopes": ["root"]}, [["body", "scopes", "0"]]),
        ({"name": "x", "scopes": []}, [["body", "scopes"]]),
        ({"scopes": ["jobs:read"]}, [["body", "name"]]),
        ({"name": "x", "scopes": ["jobs:read"], "owner": "me"}, [["body", "owner"]]),
    ]
    for body, locations in cases:
        response = await client.post("/v1/api-keys", json=body, headers=owner)
        assert _error_locations(response) == locations, body
    assert (await client.get("/v1/api-keys", headers=owner)).json() == []
    not_uuid = await client.delete("/v1/api-keys/nope", headers=owner)
    assert _error_locations(not_uuid) == [["path", "key_id"]]
    assert (await client.delete(f"/v1/api-keys/{uuid.uuid4()}", headers=owner)).status_code == 404
    unknown = await client.get("/v1/members", headers={"X-API-Key": "hl_not-a-real-key"})
    assert unknown.status_code == 401


async def test_duplicate_scopes_are_stored_once(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    created = await _create_key(client, owner, ["jobs:read", "jobs:write", "jobs:read"])
    assert created["scopes"] == ["jobs:read", "jobs:write"]


def test_credentials_cannot_carry_more_than_their_creator() -> None:
    interviewer = actions_for_role("interviewer")
    assert scopes_within(["jobs:read"], interviewer)
    assert not scopes_within(["candidates:write"], interviewer)
    assert scopes_within(["candidates:write", "salaries:import"], actions_for_role("admin"))


async def test_recruiters_cannot_manage_credentials(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    invited = (
        await client.post(
            "/v1/members",
            json={"email": "rec@acme.example", "role": "recruiter", "send_email": False},
            headers=owner,
        )
    ).json()
    joined = await client.post(invited["accept_path"], json={"name": "Rec", "password": PASSWORD})
    recruiter = bearer(joined.json()["access_token"])
    for path in ("/v1/api-keys", "/v1/oauth-clients"):
        refused = await client.post(
            path, json={"name": "mine", "scopes": ["jobs:read"]}, headers=recruiter
        )
        assert refused.status_code == 403
        assert (await client.get(path, headers=recruiter)).status_code == 403


async def test_oauth_client_credentials_flow(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    signup = await sign_up(client, "acme")
    owner = bearer(signup["access_token"])
    created = await client.post(
        "/v1/oauth-clients",
        json={"name": "HRIS", "scopes": ["members:read", "jobs:read"]},
        headers=owner,
    )
    assert created.status_code == 201
    assert created.headers["cache-control"] == "no-store"
    client_id, secret = created.json()["client_id"], created.json()["client_secret"]
    assert client_id.startswith("hlc_")
    listed = (await client.get("/v1/oauth-clients", headers=owner)).json()
    assert [c["client_id"] for c in listed] == [client_id]
    assert secret not in str(listed)
    await enter_tenant(db_session, uuid.UUID(signup["tenant"]["id"]))
    stored = (
        await db_session.execute(
            select(OAuthClient.secret_digest).where(OAuthClient.client_id == client_id)
        )
    ).scalar_one()
    assert stored == digest(secret)

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
    assert basic.json()["scope"] == "members:read jobs:read"
    wide = basic.json()["access_token"]
    assert (await client.get("/v1/jobs", headers=bearer(wide))).status_code == 200
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
    assert beyond.status_code == 400
    assert beyond.json()["error"] == "invalid_scope"

    revoked = await client.delete(f"/v1/oauth-clients/{created.json()['id']}", headers=owner)
    assert revoked.status_code == 204
    for issued in (token, wide):
        assert (await client.get("/v1/members", headers=bearer(issued))).status_code == 401
    after = await client.post(
        "/v1/auth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    assert after.json()["error"] == "invalid_client"
    listed = (await client.get("/v1/oauth-clients", headers=owner)).json()
    assert listed[0]["revoked_at"] is not None
    made = (await _audit(client, owner, "oauth_client.created"))[0]
    assert (made["target_id"], made["details"]["client_id"]) == (created.json()["id"], client_id)
    assert secret not in str(made)
    assert len(await _audit(client, owner, "oauth_client.revoked")) == 1


async def test_bad_client_input_is_422_with_locations(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    cases: list[tuple[dict[str, Any], list[list[str]]]] = [
        ({"name": "", "scopes": ["jobs:read"]}, [["body", "name"]]),
        ({"name": "x", "scopes": ["jobs:read", "everything"]}, [["body", "scopes", "1"]]),
        ({"name": "x"}, [["body", "scopes"]]),
    ]
    for body, locations in cases:
        response = await client.post("/v1/oauth-clients", json=body, headers=owner)
        assert _error_locations(response) == locations, body
    not_uuid = await client.delete("/v1/oauth-clients/hlc_abc", headers=owner)
    assert _error_locations(not_uuid) == [["path", "client_id"]]


async def test_other_tenants_credentials_are_404(client: httpx.AsyncClient) -> None:
    acme = await _owner(client, "acme")
    globex_owner = await _owner(client, "globex")
    invited = (
        await client.post(
            "/v1/members",
            json={"email": "gus@globex.example", "role": "admin", "send_email": False},
            headers=globex_owner,
        )
    ).json()
    joined = await client.post(invited["accept_path"], json={"name": "Gus", "password": PASSWORD})
    globex = bearer(joined.json()["access_token"])
    key = await _create_key(client, acme, ["jobs:read"])
    app_client = await _create_client(client, acme, ["jobs:read"])

    assert (await client.delete(f"/v1/api-keys/{key['id']}", headers=globex)).status_code == 404
    gone = await client.delete(f"/v1/oauth-clients/{app_client['id']}", headers=globex)
    assert gone.status_code == 404
    assert gone.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert (await client.get("/v1/api-keys", headers=globex)).json() == []
    assert (await client.get("/v1/oauth-clients", headers=globex)).json() == []
    assert await _audit(client, acme, "api_key.revoked") == []
    assert await _audit(client, acme, "oauth_client.revoked") == []

    assert (await client.get("/v1/jobs", headers={"X-API-Key": key["key"]})).status_code == 200
    granted = await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials"},
        auth=(app_client["client_id"], app_client["client_secret"]),
    )
    assert granted.status_code == 200
    listed = (await client.get("/v1/api-keys", headers=acme)).json()
    assert listed[0]["revoked_at"] is None
