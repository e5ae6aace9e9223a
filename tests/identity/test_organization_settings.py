"""An organisation's settings: its default country, for phone numbers without a country code."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job

BERLIN = [{"mode": "onsite", "city": "Berlin", "country": "DE"}]


async def test_the_default_country_is_us_until_the_first_job_names_one(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    fresh = await client.get("/v1/organization/settings", headers=owner)
    assert fresh.status_code == 200, fresh.text
    assert fresh.json() == {"default_country": "US"}

    await create_job(client, owner, locations=BERLIN)
    await create_job(
        client, owner, locations=[{"mode": "onsite", "city": "Paris", "country": "FR"}]
    )

    settings = (await client.get("/v1/organization/settings", headers=owner)).json()
    assert settings == {"default_country": "DE"}  # the first job's, not the latest's


async def test_an_owner_sets_the_default_country_and_it_is_audited(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    await create_job(client, owner, locations=BERLIN)

    changed = await client.put(
        "/v1/organization/settings", json={"default_country": "GB"}, headers=owner
    )
    assert changed.status_code == 200, changed.text
    assert changed.json() == {"default_country": "GB"}
    assert (await client.get("/v1/organization/settings", headers=owner)).json() == {
        "default_country": "GB"
    }
    await create_job(client, owner, locations=BERLIN)  # a later job changes nothing
    assert (await client.get("/v1/organization/settings", headers=owner)).json() == {
        "default_country": "GB"
    }
    log = await client.get(
        "/v1/audit-log", params={"action": "organization.settings_updated"}, headers=owner
    )
    assert [entry["details"] for entry in log.json()["items"]] == [
        {"default_country": {"from": "DE", "to": "GB"}}
    ]


async def test_an_unknown_country_is_422_and_changes_nothing(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    for body in ({"default_country": "XX"}, {"default_country": "de"}, {}):
        refused = await client.put("/v1/organization/settings", json=body, headers=owner)
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
    assert (await client.get("/v1/organization/settings", headers=owner)).json() == {
        "default_country": "US"
    }
