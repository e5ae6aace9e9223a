"""Organisations edit their letter templates through the API, with a PDF preview."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up
from tests.offers import helpers


async def test_the_built_in_template_until_one_is_written(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    listed = (await client.get("/v1/offer-templates", headers=owner)).json()["items"]
    assert [t["key"] for t in listed] == ["standard"]
    assert listed[0]["customised"] is False
    assert "candidate_name" in listed[0]["fields"]

    written = await client.put(
        "/v1/offer-templates/standard",
        json={"name": "Ours", "body": "Hello {{ candidate_name }}, welcome to {{ organization }}."},
        headers=owner,
    )
    assert written.status_code == 200, written.text
    read = (await client.get("/v1/offer-templates/standard", headers=owner)).json()
    assert (read["name"], read["customised"]) == ("Ours", True)


async def test_an_unknown_field_is_422_and_nothing_is_stored(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    refused = await client.put(
        "/v1/offer-templates/standard",
        json={"name": "Typo", "body": "Dear {{ candidate_nme }}"},
        headers=owner,
    )
    assert refused.status_code == 422
    assert "candidate_nme" in refused.json()["errors"][0]["msg"]
    read = (await client.get("/v1/offer-templates/standard", headers=owner)).json()
    assert read["customised"] is False


async def test_preview_is_a_pdf(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    preview = await client.post(
        "/v1/offer-templates/preview", json={"body": "Dear {{ candidate_name }}"}, headers=owner
    )
    assert preview.status_code == 200
    assert preview.headers["content-type"] == "application/pdf"
    assert preview.content.startswith(b"%PDF")


async def test_an_offer_names_an_existing_template(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    me = (await client.get("/v1/me", headers=owner)).json()["user"]["id"]
    made = await helpers.application(client, "acme", owner)
    refused = await client.post(
        f"/v1/applications/{made['application_id']}/offers",
        json=helpers.terms([me], template="missing"),
        headers=owner,
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["body", "template"]


async def test_approvers_must_be_members_and_the_offer_must_expire_later(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    made = await helpers.application(client, "acme", owner)
    url = f"/v1/applications/{made['application_id']}/offers"
    stranger = await client.post(
        url, json=helpers.terms(["00000000-0000-0000-0000-000000000001"]), headers=owner
    )
    assert stranger.status_code == 422
    me = (await client.get("/v1/me", headers=owner)).json()["user"]["id"]
    past = await client.post(
        url, json=helpers.terms([me], expires_at="2020-01-01T00:00:00Z"), headers=owner
    )
    assert past.status_code == 422
    listed = await client.get(url, headers=owner)
    assert listed.json()["items"] == []
