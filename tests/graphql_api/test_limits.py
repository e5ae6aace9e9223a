"""Depth, cost and page size are refused before anything runs; introspection still works."""

from __future__ import annotations

from typing import Any

import httpx
from graphql import build_client_schema, get_introspection_query

from hireline.graphql.limits import MAX_COST
from tests.graphql_api.helpers import NESTED, ask, data, errors


async def test_a_standard_clients_full_introspection_builds_the_schema(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    found = await data(client, acme["headers"], get_introspection_query(descriptions=True))
    schema = build_client_schema(found)  # type: ignore[arg-type]
    query_fields = schema.query_type.fields if schema.query_type else {}
    assert {"jobs", "job", "application", "candidate", "candidates"} <= set(query_fields)
    assert schema.mutation_type is not None
    assert {
        "moveApplication",
        "rejectApplication",
        "reopenApplication",
        "hireApplication",
        "withdrawApplication",
    } <= set(schema.mutation_type.fields)


async def test_a_query_too_deep_is_refused(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    nested = "id"
    for _ in range(6):
        nested = f"applications {{ candidate {{ {nested} }} }}"
    deep = f"query Deep {{ candidates(first: 1) {{ items {{ {nested} }} }} }}"
    [error] = errors(await ask(client, acme["headers"], deep))
    assert error["message"] == "'Deep' exceeds maximum operation depth of 10"


async def test_a_query_too_costly_is_refused_with_its_cost(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    response = await ask(client, acme["headers"], NESTED, {"jobs": 200, "applications": 100})
    assert response.json().get("data") is None
    [error] = errors(response)
    assert error["message"].startswith("The query's cost is ")
    assert f"above the limit of {MAX_COST}" in error["message"]
    assert error["extensions"]["code"] == "query-too-costly"


async def test_a_page_bigger_than_the_cap_is_refused(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    for first in (201, 0):
        [error] = errors(
            await ask(
                client,
                acme["headers"],
                "query ($n: Int) { jobs(first: $n) { items { id } } }",
                {"n": first},
            )
        )
        assert error["message"] == f"`first` must be between 1 and 200 (got {first})."


async def test_a_malformed_cursor_is_a_clear_error(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    response = await ask(client, acme["headers"], '{ jobs(after: "nope!") { items { id } } }')
    [error] = errors(response)
    assert error["message"] == "The cursor is not one this API issued."
    assert error["extensions"]["code"] == "validation-failed"


async def test_graphiql_is_not_served(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    page = await client.get("/graphql", headers=acme["headers"] | {"Accept": "text/html"})
    assert "graphiql" not in page.text.lower()
