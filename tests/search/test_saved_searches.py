"""Each member's saved searches, through the API."""

from __future__ import annotations

import httpx
import pytest

from tests.identity.helpers import bearer, sign_up
from tests.identity.test_members import _join

SEARCH = {"name": "Senior Python", "query": 'python -"java"', "filters": {"skills": ["Go"]}}


async def test_a_saved_search_is_the_members_own(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    saved = await client.post("/v1/saved-searches", json=SEARCH, headers=owner)
    assert saved.status_code == 201, saved.text
    colleague = bearer(
        (await _join(client, owner, "rae@acme.example", "recruiter"))["access_token"]
    )
    path = f"/v1/saved-searches/{saved.json()['id']}"

    assert (await client.get("/v1/saved-searches", headers=colleague)).json()["items"] == []
    assert (await client.get(path, headers=colleague)).status_code == 404
    assert (await client.delete(path, headers=colleague)).status_code == 404
    mine = (await client.get("/v1/saved-searches", headers=owner)).json()["items"]
    assert [(s["name"], s["query"], s["filters"]) for s in mine] == [
        ("Senior Python", 'python -"java"', {"skills": ["Go"]})
    ]
    assert (await client.delete(path, headers=owner)).status_code == 204
    assert (await client.get(path, headers=owner)).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"name": ""},
        {"name": "x", "filters": {"password": ["x"]}},
        {"name": "x", "filters": {"skills": "Go"}},
        {"name": "x", "query": "q" * 1000},
        {"name": "x", "extra": 1},
    ],
)
async def test_bad_saved_searches_are_refused(
    client: httpx.AsyncClient, owner: dict[str, str], body: dict[str, object]
) -> None:
    refused = await client.post("/v1/saved-searches", json=body, headers=owner)
    assert refused.status_code == 422, refused.text
    assert (await client.get("/v1/saved-searches", headers=owner)).json()["items"] == []


async def test_the_same_name_twice_is_409_and_another_tenant_sees_nothing(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    saved = await client.post("/v1/saved-searches", json=SEARCH, headers=owner)
    assert (await client.post("/v1/saved-searches", json=SEARCH, headers=owner)).status_code == 409
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    path = f"/v1/saved-searches/{saved.json()['id']}"
    assert (await client.get(path, headers=globex)).status_code == 404
    assert (await client.get("/v1/saved-searches", headers=globex)).json()["items"] == []
