"""Managing webhook endpoints through the API."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.identity.helpers import bearer, sign_up

ENDPOINT = {
    "url": "https://hooks.example.com/hireline",
    "event_types": ["application.created", "candidate.hired"],
    "description": "Our HRIS",
}


async def _create(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    response = await client.post(
        "/v1/webhooks/endpoints", json=ENDPOINT | overrides, headers=headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_create_shows_the_secret_once(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    response = await client.post("/v1/webhooks/endpoints", json=ENDPOINT, headers=owner)

    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    created = response.json()
    assert created["secret"].startswith("whsec_")
    assert created["enabled"] is True
    assert created["event_types"] == ENDPOINT["event_types"]
    listed = (await client.get("/v1/webhooks/endpoints", headers=owner)).json()
    assert [e["id"] for e in listed] == [created["id"]]
    assert "secret" not in listed[0]
    one = (await client.get(f"/v1/webhooks/endpoints/{created['id']}", headers=owner)).json()
    assert "secret" not in one


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://hooks.example.com/x"}, "url"),
        ({"url": "https://user:pw@hooks.example.com/x"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"event_types": ["application.eaten"]}, "event_types"),
        ({"event_types": []}, "event_types"),
        ({"unknown": True}, "unknown"),
    ],
)
async def test_bad_endpoints_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, owner: dict[str, str], body: dict[str, Any], field: str
) -> None:
    response = await client.post("/v1/webhooks/endpoints", json=ENDPOINT | body, headers=owner)

    assert response.status_code == 422, response.text
    assert field in str(response.json()["errors"])
    assert (await client.get("/v1/webhooks/endpoints", headers=owner)).json() == []


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "10.0.0.1",
        "169.254.169.254",
        "[::1]",
        "[fd00::1]",
        "[::ffff:127.0.0.1]",
        "[64:ff9b::7f00:1]",
        "[::127.0.0.1]",
        "[2002:a00:1::]",
    ],
)
async def test_a_literal_internal_address_is_refused_when_saved(
    client: httpx.AsyncClient, owner: dict[str, str], host: str
) -> None:
    url = f"http://{host}:8080/hook"
    created = await client.post(
        "/v1/webhooks/endpoints", json=ENDPOINT | {"url": url}, headers=owner
    )
    assert created.status_code == 422, created.text
    assert created.json()["errors"][0]["loc"] == ["body", "url"]
    assert "HIRELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES" in created.json()["detail"]
    assert (await client.get("/v1/webhooks/endpoints", headers=owner)).json() == []

    endpoint = await _create(client, owner)
    path = f"/v1/webhooks/endpoints/{endpoint['id']}"
    moved = await client.patch(path, json={"url": url}, headers=owner)
    assert moved.status_code == 422, moved.text
    assert "HIRELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES" in moved.json()["errors"][0]["msg"]
    assert (await client.get(path, headers=owner)).json()["url"] == ENDPOINT["url"]


async def test_update_rotate_and_delete(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    created = await _create(client, owner)
    path = f"/v1/webhooks/endpoints/{created['id']}"

    patched = await client.patch(
        path, json={"event_types": ["*"], "enabled": False, "description": None}, headers=owner
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["event_types"] == ["*"]
    assert patched.json()["enabled"] is False
    assert patched.json()["description"] is None

    rotated = await client.post(f"{path}/rotate-secret", headers=owner)
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["secret"] != created["secret"]

    assert (await client.delete(path, headers=owner)).status_code == 204
    assert (await client.get(path, headers=owner)).status_code == 404


async def test_a_test_message_is_queued_as_a_delivery(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    created = await _create(client, owner)

    queued = await client.post(f"/v1/webhooks/endpoints/{created['id']}/test", headers=owner)

    assert queued.status_code == 202, queued.text
    delivery = queued.json()
    assert delivery["event_type"] == "webhook.test"
    assert delivery["status"] == "pending"
    page = (
        await client.get(
            "/v1/webhooks/deliveries",
            params={"endpoint_id": created["id"], "status": "pending"},
            headers=owner,
        )
    ).json()
    assert [d["id"] for d in page["items"]] == [delivery["id"]]
    detail = (await client.get(f"/v1/webhooks/deliveries/{delivery['id']}", headers=owner)).json()
    assert '"type":"webhook.test"' in detail["body"]
    assert detail["attempt_log"] == []
    # Still being sent: a manual retry would race the queued attempt.
    retry = await client.post(f"/v1/webhooks/deliveries/{delivery['id']}/retry", headers=owner)
    assert retry.status_code == 409
    empty = await client.get("/v1/webhooks/deliveries", params={"status": "failed"}, headers=owner)
    assert empty.json()["items"] == []


async def test_another_tenants_endpoints_and_deliveries_are_404(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    created = await _create(client, owner)
    delivery = (
        await client.post(f"/v1/webhooks/endpoints/{created['id']}/test", headers=owner)
    ).json()
    other = bearer((await sign_up(client, "globex"))["access_token"])

    for method, path in [
        ("GET", f"/v1/webhooks/endpoints/{created['id']}"),
        ("PATCH", f"/v1/webhooks/endpoints/{created['id']}"),
        ("DELETE", f"/v1/webhooks/endpoints/{created['id']}"),
        ("POST", f"/v1/webhooks/endpoints/{created['id']}/rotate-secret"),
        ("POST", f"/v1/webhooks/endpoints/{created['id']}/test"),
        ("GET", f"/v1/webhooks/deliveries/{delivery['id']}"),
        ("POST", f"/v1/webhooks/deliveries/{delivery['id']}/retry"),
    ]:
        response = await client.request(
            method, path, headers=other, json={} if method == "PATCH" else None
        )
        assert response.status_code == 404, (method, path, response.text)
    assert (await client.get("/v1/webhooks/deliveries", headers=other)).json()["items"] == []


async def test_event_types_are_listed(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    types = (await client.get("/v1/webhooks/event-types", headers=owner)).json()
    assert {"application.created", "candidate.hired", "resume.parsed"} <= {t["type"] for t in types}
