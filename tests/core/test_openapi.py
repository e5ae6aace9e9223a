"""The API describes itself as valid OpenAPI 3.1."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from openapi_spec_validator import validate

from hireline.api_document import OPERATION_IDS, published_document


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


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return published_document()


def test_every_error_answer_is_a_documented_problem(document: dict[str, Any]) -> None:
    oauth_errors = {("/v1/auth/token", "400"), ("/v1/auth/token", "401")}
    for path, method, operation in _operations(document):
        errors = {code: r for code, r in operation["responses"].items() if int(code) >= 400}
        for code, response in errors.items():
            if (path, code) in oauth_errors:
                continue
            assert response["content"] == {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
            }, (method, path, code)
        if operation["security"]:  # every authenticated operation says who may not call it
            assert {"401", "403", "429"} <= errors.keys(), (method, path)
        if "{" in path:
            assert "404" in errors, (method, path)
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in errors, (method, path)
    problem = document["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance", "errors"} <= problem[
        "properties"
    ].keys()


def test_operation_ids_are_short_and_stable(document: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(document)]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)+", operation_id), operation_id
        assert len(operation_id) <= 32, operation_id
    assert {"jobs_create", "applications_move", "board_apply"} <= set(ids)
    # A route's function name is no stable id: every operation is named in the table.
    assert set(ids) <= set(OPERATION_IDS.values())


def test_ids_are_uuids_and_scopes_an_enum(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and parameter["name"].endswith("_id"):
                assert parameter["schema"].get("format") == "uuid", (method, path)
    scopes = document["components"]["schemas"]["Scope"]["enum"]
    assert "jobs:read" in scopes
    flows = document["components"]["securitySchemes"]["oauth2"]["flows"]
    assert set(flows["clientCredentials"]["scopes"]) == set(scopes)
    create = document["components"]["schemas"]["ApiKeyCreate"]["properties"]["scopes"]
    assert create["items"] == {"$ref": "#/components/schemas/Scope"}


def test_security_headers_and_file_parts_are_described(document: dict[str, Any]) -> None:
    paths = document["paths"]
    board = paths["/v1/boards/{slug}/jobs"]["get"]
    assert board["security"] == []
    assert "ETag" in board["responses"]["200"]["headers"]
    jobs_create = paths["/v1/jobs"]["post"]
    assert {"oauth2": ["jobs:write"]} in jobs_create["security"]
    assert "Idempotency-Key" in [p["name"] for p in jobs_create["parameters"]]
    assert "Idempotent-Replayed" in jobs_create["responses"]["201"]["headers"]
    assert "Retry-After" in jobs_create["responses"]["429"]["headers"]
    assert "RateLimit-Remaining" in jobs_create["responses"]["201"]["headers"]
    form = document["components"]["schemas"]["Body_board_apply"]["properties"]
    assert form["resume"]["format"] == "binary"
    assert form["consent"]["type"] == "boolean"
    assert form["answers"]["type"] == "object"
    apply = paths["/v1/boards/{slug}/jobs/{job_id}/applications"]["post"]
    encoding = apply["requestBody"]["content"]["multipart/form-data"]["encoding"]
    assert encoding["answers"] == {"contentType": "application/json"}
    assert document["servers"] == [{"url": "http://127.0.0.1:8000", "description": "This server"}]
    for path in ("/healthz", "/readyz"):
        assert (
            "$ref"
            in paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        )
