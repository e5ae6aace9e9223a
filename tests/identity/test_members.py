"""Invitations, roles and removal: who may do what to whom, and what takes effect at once."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import PROBLEM_MEDIA_TYPE
from hireline.core.tenancy import enter_tenant
from hireline.identity.models import Invitation
from tests.identity.helpers import PASSWORD, bearer, password_token, sign_up


async def _invite(
    client: httpx.AsyncClient, headers: dict[str, str], email: str, role: str
) -> httpx.Response:
    return await client.post(
        "/v1/members", json={"email": email, "role": role, "send_email": False}, headers=headers
    )


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


async def _user_id(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    return str((await client.get("/v1/me", headers=headers)).json()["user"]["id"])


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


async def test_invite_accept_and_sign_in(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    invited = await _invite(client, owner, "Rita@Acme.example", "recruiter")
    assert invited.status_code == 201
    token = invited.json()["token"]
    assert token.startswith("hli_")
    assert invited.json()["accept_path"] == f"/v1/auth/invitations/{token}/accept"
    assert invited.headers["cache-control"] == "no-store"
    listed = (await client.get("/v1/members", headers=owner)).json()
    assert [i["email"] for i in listed["invitations"]] == ["rita@acme.example"]
    assert token not in str(listed)

    accepted = await client.post(
        invited.json()["accept_path"], json={"name": "Rita", "password": PASSWORD}
    )
    assert accepted.status_code == 200
    assert accepted.headers["cache-control"] == "no-store"
    me = (await client.get("/v1/me", headers=bearer(accepted.json()["access_token"]))).json()
    assert (me["role"], me["user"]["name"]) == ("recruiter", "Rita")
    again = await client.post(invited.json()["accept_path"], json={"password": PASSWORD})
    assert again.status_code == 409
    assert "already accepted" in again.json()["detail"]
    signed_in = await password_token(client, "rita@acme.example")
    assert signed_in.status_code == 200
    me = (await client.get("/v1/me", headers=bearer(signed_in.json()["access_token"]))).json()
    assert me["role"] == "recruiter"

    listed = (await client.get("/v1/members", headers=owner)).json()
    assert {(m["email"], m["role"]) for m in listed["members"]} == {
        ("owner@acme.example", "owner"),
        ("rita@acme.example", "recruiter"),
    }
    assert listed["invitations"] == []
    invited_entry = (await _audit(client, owner, "member.invited"))[0]
    assert invited_entry["details"] == {"email": "rita@acme.example", "role": "recruiter"}
    joined_entry = (await _audit(client, owner, "member.joined"))[0]
    assert joined_entry["actor_id"] == me["user"]["id"]
    assert joined_entry["details"] == {"role": "recruiter", "new_account": True}


async def test_inviting_a_member_is_409(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    await _join(client, owner, "rita@acme.example", "recruiter")
    duplicate = await _invite(client, owner, "RITA@acme.example", "admin")
    assert duplicate.status_code == 409
    assert duplicate.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert (await _invite(client, owner, "owner@acme.example", "admin")).status_code == 409


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
    assert me["user"]["name"] == "Olive Owner"
    entry = (await _audit(client, acme, "member.joined"))[0]
    assert entry["details"]["new_account"] is False


async def test_new_account_needs_a_name_and_a_good_password(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    invited = (await _invite(client, owner, "nina@acme.example", "recruiter")).json()
    nameless = await client.post(invited["accept_path"], json={"password": PASSWORD})
    assert _error_locations(nameless) == [["body", "name"]]
    weak = await client.post(invited["accept_path"], json={"name": "Nina", "password": "short"})
    assert _error_locations(weak) == [["body", "password"]]
    blank = await client.post(invited["accept_path"], json={"name": "  ", "password": PASSWORD})
    assert _error_locations(blank) == [["body", "name"]]
    # Refusals roll the claim back: the invitation still works.
    fine = await client.post(invited["accept_path"], json={"name": "Nina", "password": PASSWORD})
    assert fine.status_code == 200


async def test_reinviting_replaces_the_old_token(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    first = (await _invite(client, owner, "x@acme.example", "recruiter")).json()
    second = (await _invite(client, owner, "x@acme.example", "admin")).json()
    listed = (await client.get("/v1/members", headers=owner)).json()
    assert [(i["id"], i["role"]) for i in listed["invitations"]] == [(second["id"], "admin")]
    stale = await client.post(first["accept_path"], json={"name": "X", "password": PASSWORD})
    assert stale.status_code == 404
    assert stale.headers["content-type"] == PROBLEM_MEDIA_TYPE
    fresh = await client.post(second["accept_path"], json={"name": "X", "password": PASSWORD})
    assert fresh.status_code == 200
    me = (await client.get("/v1/me", headers=bearer(fresh.json()["access_token"]))).json()
    assert me["role"] == "admin"
    unknown = await client.post("/v1/auth/invitations/hli_nope/accept", json={"password": "x"})
    assert unknown.status_code == 404


async def test_expired_invitation_is_409(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    signup = await sign_up(client, "acme")
    owner = bearer(signup["access_token"])
    invited = (await _invite(client, owner, "late@acme.example", "recruiter")).json()
    await enter_tenant(db_session, uuid.UUID(signup["tenant"]["id"]))
    await db_session.execute(
        update(Invitation)
        .where(Invitation.id == uuid.UUID(invited["id"]))
        .values(expires_at=func.now() - func.make_interval(0, 0, 0, 1))
    )
    await db_session.commit()
    late = await client.post(invited["accept_path"], json={"name": "Late", "password": PASSWORD})
    assert late.status_code == 409
    assert "expired" in late.json()["detail"]
    assert (await client.get("/v1/members", headers=owner)).json()["invitations"] == []


async def test_invitations_expire_after_seven_days(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    invited = (await _invite(client, owner, "x@acme.example", "recruiter")).json()
    lifetime = datetime.fromisoformat(invited["expires_at"]) - datetime.fromisoformat(
        invited["created_at"]
    )
    assert abs(lifetime - timedelta(days=7)) < timedelta(minutes=1)


async def test_role_rules_and_the_last_owner(client: httpx.AsyncClient) -> None:
    signup = await sign_up(client, "acme")
    owner = bearer(signup["access_token"])
    owner_id = signup["user_id"]
    admin = bearer((await _join(client, owner, "adam@acme.example", "admin"))["access_token"])
    admin_id = await _user_id(client, admin)
    rec = await _join(client, owner, "rec@acme.example", "recruiter")
    rec_id = await _user_id(client, bearer(rec["access_token"]))

    assert (await _invite(client, admin, "o2@acme.example", "owner")).status_code == 403
    grant_owner = await client.patch(f"/v1/members/{rec_id}", json={"role": "owner"}, headers=admin)
    assert grant_owner.status_code == 403
    touch_owner = await client.patch(
        f"/v1/members/{owner_id}", json={"role": "recruiter"}, headers=admin
    )
    assert touch_owner.status_code == 403
    assert touch_owner.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert (await client.delete(f"/v1/members/{owner_id}", headers=admin)).status_code == 403
    by_admin = await client.patch(
        f"/v1/members/{rec_id}", json={"role": "hiring_manager"}, headers=admin
    )
    assert by_admin.status_code == 200
    assert by_admin.json()["role"] == "hiring_manager"

    last_owner = await client.patch(
        f"/v1/members/{owner_id}", json={"role": "admin"}, headers=owner
    )
    assert last_owner.status_code == 409
    assert (await client.delete(f"/v1/members/{owner_id}", headers=owner)).status_code == 409
    assert (await client.get("/v1/me", headers=owner)).json()["role"] == "owner"

    promoted = await client.patch(f"/v1/members/{admin_id}", json={"role": "owner"}, headers=owner)
    assert promoted.json()["role"] == "owner"
    demoted = await client.patch(f"/v1/members/{owner_id}", json={"role": "admin"}, headers=owner)
    assert demoted.status_code == 200
    assert demoted.json() == {
        "user_id": owner_id,
        "email": "owner@acme.example",
        "name": "Olive Owner",
        "role": "admin",
        "joined_at": demoted.json()["joined_at"],
    }
    # The demoted owner's existing token carries the new role at once.
    assert (await client.get("/v1/me", headers=owner)).json()["role"] == "admin"
    changes = await _audit(client, admin, "member.role_changed")
    assert [(e["target_id"], e["details"]) for e in changes] == [
        (owner_id, {"from": "owner", "to": "admin"}),
        (admin_id, {"from": "admin", "to": "owner"}),
        (rec_id, {"from": "recruiter", "to": "hiring_manager"}),
    ]


async def test_bad_member_input_is_422_with_locations(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    owner_id = await _user_id(client, owner)
    assert _error_locations(await _invite(client, owner, "x@acme.example", "chief")) == [
        ["body", "role"]
    ]
    assert _error_locations(await _invite(client, owner, "not-an-email", "admin")) == [
        ["body", "email"]
    ]
    unknown_role = await client.patch(
        f"/v1/members/{owner_id}", json={"role": "chief"}, headers=owner
    )
    assert _error_locations(unknown_role) == [["body", "role"]]
    not_uuid = await client.patch("/v1/members/42", json={"role": "admin"}, headers=owner)
    assert _error_locations(not_uuid) == [["path", "user_id"]]
    assert _error_locations(await client.delete("/v1/members/42", headers=owner)) == [
        ["path", "user_id"]
    ]
    missing = await client.delete(f"/v1/members/{uuid.uuid4()}", headers=owner)
    assert missing.status_code == 404


async def test_removed_member_loses_access_at_once(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    joined = await _join(client, owner, "rick@acme.example", "recruiter")
    rick = bearer(joined["access_token"])
    rick_id = await _user_id(client, rick)
    assert (await client.delete(f"/v1/members/{rick_id}", headers=owner)).status_code == 204
    assert (await client.get("/v1/me", headers=rick)).status_code == 401
    refresh = await client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": joined["refresh_token"]},
    )
    assert refresh.json()["error"] == "invalid_grant"
    assert (await password_token(client, "rick@acme.example")).json()["error"] == "invalid_grant"
    members = (await client.get("/v1/members", headers=owner)).json()["members"]
    assert [m["email"] for m in members] == ["owner@acme.example"]
    entry = (await _audit(client, owner, "member.removed"))[0]
    assert (entry["target_id"], entry["details"]) == (
        rick_id,
        {"role": "recruiter", "refresh_tokens_revoked": 1},
    )


async def test_other_tenants_members_are_404(client: httpx.AsyncClient) -> None:
    acme = await sign_up(client, "acme")
    acme_owner = bearer(acme["access_token"])
    rita = await _join(client, acme_owner, "rita@acme.example", "recruiter")
    rita_id = await _user_id(client, bearer(rita["access_token"]))
    globex_owner = bearer((await sign_up(client, "globex"))["access_token"])
    globex_admin = bearer(
        (await _join(client, globex_owner, "gus@globex.example", "admin"))["access_token"]
    )
    for target in (acme["user_id"], rita_id):
        for method, body in (("PATCH", {"role": "interviewer"}), ("DELETE", None)):
            response = await client.request(
                method, f"/v1/members/{target}", json=body, headers=globex_admin
            )
            assert response.status_code == 404, (method, response.text)
            assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert (await _invite(client, globex_admin, "rita@acme.example", "admin")).status_code == 201
    members = (await client.get("/v1/members", headers=acme_owner)).json()["members"]
    assert {(m["email"], m["role"]) for m in members} == {
        ("owner@acme.example", "owner"),
        ("rita@acme.example", "recruiter"),
    }
    assert (await client.get("/v1/me", headers=bearer(rita["access_token"]))).status_code == 200


async def test_concurrent_accepts_join_once(committing_client: httpx.AsyncClient) -> None:
    client = committing_client
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    invited = (await _invite(client, owner, "twice@acme.example", "recruiter")).json()
    body = {"name": "Twice", "password": PASSWORD}
    responses = await asyncio.gather(
        *(client.post(invited["accept_path"], json=body) for _ in range(3))
    )
    assert sorted(r.status_code for r in responses) == [200, 409, 409]
    members = (await client.get("/v1/members", headers=owner)).json()["members"]
    assert [m["email"] for m in members].count("twice@acme.example") == 1


async def test_owners_demoting_each_other_leave_one_owner(
    committing_client: httpx.AsyncClient,
) -> None:
    client = committing_client
    signup = await sign_up(client, "acme")
    first = bearer(signup["access_token"])
    second = bearer((await _join(client, first, "second@acme.example", "owner"))["access_token"])
    second_id = await _user_id(client, second)
    responses = await asyncio.gather(
        client.patch(f"/v1/members/{second_id}", json={"role": "admin"}, headers=first),
        client.patch(f"/v1/members/{signup['user_id']}", json={"role": "admin"}, headers=second),
    )
    # Whichever commits first wins; the other is refused, as the last owner (409) or, when it
    # is authorised after that commit, as an admin who may not demote an owner (403).
    assert sorted(r.status_code for r in responses) in ([200, 403], [200, 409])
    members = (await client.get("/v1/members", headers=first)).json()["members"]
    assert [m["role"] for m in members].count("owner") == 1


async def test_invitations_are_stored_as_digests(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    signup = await sign_up(client, "acme")
    invited = (
        await _invite(client, bearer(signup["access_token"]), "d@acme.example", "recruiter")
    ).json()
    await enter_tenant(db_session, uuid.UUID(signup["tenant"]["id"]))
    stored = (
        await db_session.execute(
            select(Invitation.token_digest).where(Invitation.id == uuid.UUID(invited["id"]))
        )
    ).scalar_one()
    assert invited["token"] not in stored
    assert len(stored) == 64
