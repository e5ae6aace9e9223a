"""The API describes itself as valid OpenAPI 3.1."""

from __future__ import annotations

import httpx
from openapi_spec_validator import validate


async def test_openapi_document_is_valid_3_1(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)


async def test_docs_page_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    assert "/openapi.json" in response.text
