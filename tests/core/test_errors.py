"""Every error leaves the API as RFC 9457 problem+json with a stable type."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field

from hireline.core.errors import PROBLEM_TYPES, Conflict, NotFound
from hireline.main import create_app
from hireline.settings import Settings


class Candidate(BaseModel):
    email: str = Field(pattern=r".+@.+")
    years: int = Field(ge=0)


@pytest.fixture(scope="module")
async def probe_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The real app plus routes that fail in each way an endpoint can."""
    app: FastAPI = create_app(settings)

    @app.post("/probe/validate")
    async def validate(candidate: Candidate) -> Candidate:
        return candidate

    @app.get("/probe/crash")
    async def crash() -> None:
        raise RuntimeError("secret connection string postgres://user:pw@db")

    @app.get("/probe/missing")
    async def missing() -> None:
        raise NotFound("No candidate with this id.")

    @app.get("/probe/conflict")
    async def conflict() -> None:
        raise Conflict("Already applied.", existing="/v1/applications/42")

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, object]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == f"/problems/{slug}"
    assert body["status"] == status
    assert body["title"]
    assert body["request_id"] == response.headers["x-request-id"]
    return dict(body)


async def test_unknown_path_is_problem_404_with_request_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/no/such/path", headers={"X-Request-ID": "trace-1"})
    body = assert_problem(response, 404, "not-found")
    assert response.headers["x-request-id"] == "trace-1"
    assert body["instance"] == "/no/such/path"


async def test_wrong_method_is_problem_405_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.delete("/healthz")
    assert_problem(response, 405, "method-not-allowed")
    assert "GET" in response.headers["allow"]


async def test_validation_error_lists_each_failing_field(
    probe_client: httpx.AsyncClient,
) -> None:
    response = await probe_client.post("/probe/validate", json={"email": "nope", "years": -1})
    body = assert_problem(response, 422, "validation-failed")
    locations = {tuple(error["loc"]) for error in body["errors"]}  # type: ignore[attr-defined]
    assert locations == {("body", "email"), ("body", "years")}


async def test_malformed_json_is_a_validation_problem(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post(
        "/probe/validate", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_problem(response, 422, "validation-failed")


async def test_unexpected_error_is_500_without_internals(
    probe_client: httpx.AsyncClient,
) -> None:
    response = await probe_client.get("/probe/crash")
    body = assert_problem(response, 500, "internal-error")
    assert "postgres" not in response.text
    assert "RuntimeError" not in response.text
    assert "detail" not in body


async def test_domain_errors_carry_detail_and_extensions(
    probe_client: httpx.AsyncClient,
) -> None:
    missing = await probe_client.get("/probe/missing")
    assert assert_problem(missing, 404, "not-found")["detail"] == "No candidate with this id."
    conflict = await probe_client.get("/probe/conflict")
    assert assert_problem(conflict, 409, "conflict")["existing"] == "/v1/applications/42"


async def test_every_problem_type_is_documented_at_its_uri(client: httpx.AsyncClient) -> None:
    for slug, problem in PROBLEM_TYPES.items():
        response = await client.get(problem.uri)
        assert response.status_code == 200, slug
        assert response.json()["status"] == problem.status
    assert_problem(await client.get("/problems/nonsense"), 404, "not-found")


@pytest.mark.parametrize("member", ["type", "title", "status", "instance"])
def test_an_error_cannot_redefine_a_standard_problem_member(member: str) -> None:
    # `status` carrying a resource's state once broke clients reading the HTTP code from it.
    with pytest.raises(TypeError, match="standard members"):
        extensions: dict[str, Any] = {member: "rejected"}
        Conflict("The application is rejected.", **extensions)
