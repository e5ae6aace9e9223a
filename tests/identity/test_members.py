"""Invitations, roles and removal: who may do what to whom, and what takes effect at once."""

from __future__ import annotations

from typing import Any

import httpx

from tests.identity.helpers import PASSWORD, bearer, password_token, sign_up


async def _invite(
    client: httpx.AsyncClient, headers: dict[str, str], email: str, role: str
) -> httpx.Response:
    return await client.post("/v1/members", json={"email": email, "role": role}, headers=headers)


async def _join(
    client: httpx.AsyncClient, headers: dict[str, str], email: str, role: str
) -> dict[str, Any]:
    invited = await _invite(client, headers, email, role)
    assert invited.status_code == 201, invited.text
    accepted = await client.post(
        invited.json()["accept_path"], json={"name": "New Member", "password": PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    return dict(accepted.json())


async def test_invite_accept_and_sign_in(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    invited = await _invite(client, owner, "Rita@Acme.example", "recruiter")
    assert invited.json()["token"].startswith("hli_")
    listed = (await client.get("/v1/members", headers=owner)).json()
    assert [i["email"] for i in listed["invitations"]] == ["rita@acme.example"]
    assert "token" not in listed["invitations"][0]

    accepted = await client.post(
        invited.json()["accept_path"], json={"name": "Rita", "password": PASSWORD}
    )
    assert accepted.status_code == 200
    me = (await client.get("/v1/me", headers=bearer(accepted.json()["access_token"]))).json()
    assert me["role"] == "recruiter"
    again = await client.post(invited.json()["accept_path"], json={"password": PASSWORD})
    assert again.status_code == 409
    signed_in = await password_token(client, "rita@acme.example")
    assert signed_in.status_code == 200
    listed = (await client.get("/v1/members", headers=owner)).json()
    assert {m["role"] for m in listed["members"]} == {"owner", "recruiter"}
    assert listed["invitations"] == []
    duplicate = await _invite(client, owner, "rita@acme.example", "admin")
    assert duplicate.status_code == 409


async def test_existing_account_joins_with_its_own_password(client: httpx.AsyncClient) -> None:
    acme = bearer((await sign_up(client, "acme"))["access_token"])
    await sign_up(client, "globex", email="gina@globex.example")
    invited = (await _invite(client, acme, "gina@globex.example", "interviewer")).json()
    wrong = await client.post(invited["accept_path"], json={"password": "not it at all!!"})
    assert wrong.status_code == 403
    joined = await client.post(invited["accept_path"], json={"password": PASSWORD})
    assert joined.status_code == 200
    several = await password_token(client, "gina@globex.example")
    assert several.json()["error"] == "invalid_request"
    chosen = await password_token(client, "gina@globex.example", tenant="acme")
    me = (await client.get("/v1/me", headers=bearer(chosen.json()["access_token"]))).json()
    assert (me["tenant"]["slug"], me["role"]) == ("acme", "interviewer")


async def test_reinviting_replaces_the_old_token(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    first = (await _invite(client, owner, "x@acme.example", "recruiter")).json()
    second = (await _invite(client, owner, "x@acme.example", "admin")).json()
    stale = await client.post(first["accept_path"], json={"password": PASSWORD})
    assert stale.status_code == 404
    fresh = await client.post(second["accept_path"], json={"password": PASSWORD})
    assert fresh.status_code == 200
    unknown = await client.post("/v1/auth/invitations/hli_nope/accept", json={"password": "x"})
    assert unknown.status_code == 404


async def test_role_rules_and_the_last_owner(client: httpx.AsyncClient) -> None:
    signup = await sign_up(client, "acme")
    owner = bearer(signup["access_token"])
    owner_id = signup["user_id"]
    admin = bearer((await _join(client, owner, "adam@acme.example", "admin"))["access_token"])
    admin_id = (await client.get("/v1/me", headers=admin)).json()["user"]["id"]

    assert (await _invite(client, admin, "o2@acme.example", "owner")).status_code == 403
    touch_owner = await client.patch(
        f"/v1/members/{owner_id}", json={"role": "recruiter"}, headers=admin
    )
    assert touch_owner.status_code == 403
    last_owner = await client.patch(
        f"/v1/members/{owner_id}", json={"role": "admin"}, headers=owner
    )
    assert last_owner.status_code == 409
    assert (await client.delete(f"/v1/members/{owner_id}", headers=owner)).status_code == 409

    promoted = await client.patch(f"/v1/members/{admin_id}", json={"role": "owner"}, headers=owner)
    assert promoted.json()["role"] == "owner"
    demoted = await client.patch(f"/v1/members/{owner_id}", json={"role": "admin"}, headers=owner)
    assert demoted.status_code == 200
    assert (
        await client.patch(f"/v1/members/{owner_id}", json={"role": "chief"}, headers=admin)
    ).status_code == 422
    audit = (await client.get("/v1/audit-log", headers=admin)).json()["items"]
    changes = [e for e in audit if e["action"] == "member.role_changed"]
    assert changes[0]["details"] == {"from": "owner", "to": "admin"}


async def test_removed_member_loses_access_at_once(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    joined = await _join(client, owner, "rick@acme.example", "recruiter")
    rick = bearer(joined["access_token"])
    rick_id = (await client.get("/v1/me", headers=rick)).json()["user"]["id"]
    assert (await client.delete(f"/v1/members/{rick_id}", headers=owner)).status_code == 204
    assert (await client.get("/v1/me", headers=rick)).status_code == 401
    refresh = await client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": joined["refresh_token"]},
    )
    assert refresh.json()["error"] == "invalid_grant"


async def test_other_tenants_members_are_404(client: httpx.AsyncClient) -> None:
    acme = await sign_up(client, "acme")
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    for method, body in (("PATCH", {"role": "admin"}), ("DELETE", None)):
        response = await client.request(
            method, f"/v1/members/{acme['user_id']}", json=body, headers=globex
        )
        assert response.status_code == 404
    me = await client.get("/v1/me", headers=bearer(acme["access_token"]))
    assert me.json()["role"] == "owner"
