"""`/asyncapi.json` describes every catalogue event and nothing else, with references that
resolve, as AsyncAPI 3.0 tools expect."""

from __future__ import annotations

from typing import Any

import httpx

from hireline.webhooks.catalogue import EVENT_TYPES


def _resolve(document: dict[str, Any], reference: str) -> Any:
    assert reference.startswith("#/")
    node: Any = document
    for part in reference[2:].split("/"):
        node = node[part]
    return node


def _references(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [ref for value in node.values() for ref in _references(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _references(value)]
    return []


async def test_the_document_lists_every_catalogue_event(client: httpx.AsyncClient) -> None:
    response = await client.get("/asyncapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["asyncapi"] == "3.0.0"
    names = {message["name"] for message in document["components"]["messages"].values()}
    assert names == set(EVENT_TYPES)
    addresses = {channel["address"] for channel in document["channels"].values()}
    assert "hireline.{tenant}.application.stage_changed" in addresses
    assert all(op["action"] == "send" for op in document["operations"].values())
    for reference in _references(document):
        assert _resolve(document, reference) is not None, reference
    envelope = document["components"]["schemas"]["Event"]
    assert set(envelope["required"]) == {"id", "type", "tenant_id", "occurred_at", "data"}
