"""Role templates: built-in and forked, edited into immutable versions, kept per tenant."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up

KEY = "python-backend-developer"


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def test_built_in_templates_are_listed_and_readable(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    listing = await client.get("/v1/guides/templates", headers=headers)
    assert listing.status_code == 200
    keys = {t["key"]: t for t in listing.json()}
    assert KEY in keys
    assert {"frontend-engineer", "data-engineer", "devops-sre-engineer"} <= set(keys)
    assert keys[KEY]["origin"] == "built-in"
    one = await client.get(f"/v1/guides/templates/{KEY}", headers=headers)
    assert one.json()["content"]["title"] == "Python Backend Developer"
    assert one.headers["etag"] == f'"{KEY}-v1"'
    assert (await client.get("/v1/guides/templates/nope", headers=headers)).status_code == 404
    assert (await client.get("/v1/guides/templates/Bad_Key", headers=headers)).status_code == 422


async def test_fork_edit_and_versions(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    forked = await client.post(f"/v1/guides/templates/{KEY}/fork", json={}, headers=headers)
    assert forked.status_code == 201, forked.text
    assert forked.json()["origin"] == "tenant"
    assert forked.json()["version"] == 1

    edited = await client.patch(
        f"/v1/guides/templates/{KEY}",
        json={"patch": {"title": "Senior Python Engineer (Payments)"}, "note": "our wording"},
        headers=headers | {"If-Match": forked.headers["etag"]},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["version"] == 2
    assert edited.json()["content"]["title"] == "Senior Python Engineer (Payments)"

    stale = await client.patch(
        f"/v1/guides/templates/{KEY}",
        json={"patch": {"title": "Lost update"}},
        headers=headers | {"If-Match": forked.headers["etag"]},
    )
    assert stale.status_code == 409

    old = await client.get(f"/v1/guides/templates/{KEY}", params={"version": 1}, headers=headers)
    assert old.json()["content"]["title"] == "Python Backend Developer"
    versions = await client.get(f"/v1/guides/templates/{KEY}/versions", headers=headers)
    assert [v["version"] for v in versions.json()] == [2, 1]
    assert versions.json()[0]["note"] == "our wording"


async def test_invalid_edit_is_422_and_keeps_the_version(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    await client.post(f"/v1/guides/templates/{KEY}/fork", json={}, headers=headers)
    bad = await client.patch(
        f"/v1/guides/templates/{KEY}",
        json={"patch": {"levels": {"junior": None}}},
        headers=headers,
    )
    assert bad.status_code == 422
    renamed = await client.patch(
        f"/v1/guides/templates/{KEY}", json={"patch": {"key": "other"}}, headers=headers
    )
    assert renamed.status_code == 422
    current = await client.get(f"/v1/guides/templates/{KEY}", headers=headers)
    assert current.json()["version"] == 1


async def test_forks_are_private_to_their_tenant(client: httpx.AsyncClient) -> None:
    acme = await _owner(client, "acme")
    globex = await _owner(client, "globex")
    await client.post(
        f"/v1/guides/templates/{KEY}/fork", json={"new_key": "acme-backend"}, headers=acme
    )
    assert (await client.get("/v1/guides/templates/acme-backend", headers=acme)).status_code == 200
    assert (
        await client.get("/v1/guides/templates/acme-backend", headers=globex)
    ).status_code == 404
    assert (
        await client.patch(
            "/v1/guides/templates/acme-backend",
            json={"patch": {"title": "Hijack"}},
            headers=globex,
        )
    ).status_code == 404
    again = await client.post(
        f"/v1/guides/templates/{KEY}/fork", json={"new_key": "acme-backend"}, headers=acme
    )
    assert again.status_code == 409


async def _found(client: httpx.AsyncClient, headers: dict[str, str], q: str) -> list[str]:
    response = await client.get("/v1/guides/templates", params={"q": q}, headers=headers)
    assert response.status_code == 200, response.text
    return [t["key"] for t in response.json()]


async def test_templates_are_found_by_title_and_alias(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    assert (await _found(client, headers, "Python Backend Developer"))[0] == KEY
    assert (await _found(client, headers, "python"))[0] == KEY
    # Aliases: what recruiters type.
    assert (await _found(client, headers, "PM"))[0] == "product-manager"
    swe = await _found(client, headers, "SWE")
    assert {KEY, "go-backend-developer", "java-backend-developer", "frontend-engineer"} <= set(swe)
    assert "product-manager" not in swe
    assert (await _found(client, headers, "sre"))[0] == "devops-sre-engineer"
    assert await _found(client, headers, "astronaut") == []
    listing = await client.get("/v1/guides/templates", params={"q": "PM"}, headers=headers)
    assert "PM" in listing.json()[0]["aliases"]


async def test_a_tenants_fork_is_found_under_its_own_title(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    await client.post(
        f"/v1/guides/templates/{KEY}/fork", json={"new_key": "payments-engineer"}, headers=headers
    )
    await client.patch(
        "/v1/guides/templates/payments-engineer",
        json={"patch": {"title": "Payments Platform Engineer"}},
        headers=headers,
    )
    assert await _found(client, headers, "payments platform") == ["payments-engineer"]
    empty = await client.get("/v1/guides/templates", params={"q": ""}, headers=headers)
    assert empty.status_code == 422


async def test_an_edit_with_an_unknown_expression_is_422(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    await client.post(f"/v1/guides/templates/{KEY}/fork", json={}, headers=headers)
    bad = await client.patch(
        f"/v1/guides/templates/{KEY}",
        json={"patch": {"overview": "Earn {salary} with us."}},
        headers=headers,
    )
    assert bad.status_code == 422
    assert "{salary}" in bad.text
    good = await client.patch(
        f"/v1/guides/templates/{KEY}",
        json={"patch": {"overview": "Join us as {a_title}; the band is {band}."}},
        headers=headers,
    )
    assert good.status_code == 200, good.text
    body = {"template": KEY, "level": "staff", "industry": "saas", "context": "corporate"}
    markdown = await client.post(
        "/v1/guides/render", json=body | {"format": "markdown"}, headers=headers
    )
    assert "Join us as a Staff Python Backend Developer; the band is $147,000" in markdown.text
