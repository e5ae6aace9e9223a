"""Each organisation rejects with reasons from its own list."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job

OWN = [
    {"key": "visa", "label": "Needs a visa we cannot sponsor"},
    {"key": "not_qualified", "label": "Missing a required skill"},
]


async def _application(client: httpx.AsyncClient, owner: dict[str, str]) -> dict[str, Any]:
    job = await open_job(client, owner)
    response = await apply(client, job)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_the_built_in_list_until_an_organisation_sets_its_own(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    built_in = (await client.get("/v1/rejection-reasons", headers=owner)).json()
    assert built_in["customised"] is False
    assert "position_filled" in [r["key"] for r in built_in["reasons"]]

    replaced = await client.put("/v1/rejection-reasons", json={"reasons": OWN}, headers=owner)

    assert replaced.status_code == 200, replaced.text
    listed = (await client.get("/v1/rejection-reasons", headers=owner)).json()
    assert listed == {"reasons": OWN, "customised": True}
    other = bearer((await sign_up(client, "globex"))["access_token"])
    assert (await client.get("/v1/rejection-reasons", headers=other)).json()["customised"] is False


async def test_rejecting_takes_a_reason_from_the_organisations_list(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await client.put("/v1/rejection-reasons", json={"reasons": OWN}, headers=owner)
    application = await _application(client, owner)
    path = f"/v1/applications/{application['id']}/reject"

    off_list = await client.post(path, json={"reason": "position_filled"}, headers=owner)
    assert off_list.status_code == 422
    assert "visa, not_qualified" in off_list.text

    rejected = await client.post(path, json={"reason": "visa"}, headers=owner)
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["rejection_reason"] == "visa"
    activity = (
        await client.get(f"/v1/candidates/{application['candidate_id']}/activity", headers=owner)
    ).json()
    (entry,) = [a for a in activity if a["kind"] == "application.rejected"]
    assert entry["details"]["reason_label"] == "Needs a visa we cannot sponsor"


@pytest.mark.parametrize(
    "body",
    [
        {"reasons": []},
        {"reasons": [{"key": "Has Spaces", "label": "x"}]},
        {"reasons": [{"key": "a", "label": ""}]},
        {"reasons": [{"key": "a", "label": "x"}, {"key": "a", "label": "y"}]},
        {"reasons": OWN, "extra": 1},
    ],
)
async def test_a_bad_list_is_refused_and_the_old_one_kept(
    client: httpx.AsyncClient, owner: dict[str, str], body: dict[str, Any]
) -> None:
    await client.put("/v1/rejection-reasons", json={"reasons": OWN}, headers=owner)

    response = await client.put("/v1/rejection-reasons", json=body, headers=owner)

    assert response.status_code == 422, response.text
    assert (await client.get("/v1/rejection-reasons", headers=owner)).json()["reasons"] == OWN
