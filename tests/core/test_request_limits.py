"""Oversized request lines and headers are answered with problem documents by the app,
below the limits where uvicorn would answer with plain text first."""

from __future__ import annotations

import httpx

from hireline.core.http_guards import MAX_HEADER_BYTES, MAX_HEADERS, MAX_TARGET_BYTES


def _assert_problem(response: httpx.Response, status: int, slug: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == f"/problems/{slug}"
    assert response.json()["request_id"] == response.headers["x-request-id"]


async def test_an_overlong_path_or_query_is_a_414_problem(client: httpx.AsyncClient) -> None:
    long_path = await client.get("/v1/boards/" + "a" * MAX_TARGET_BYTES + "/jobs")
    _assert_problem(long_path, 414, "uri-too-long")
    long_query = await client.get("/v1/boards/acme/jobs", params={"q": "a" * MAX_TARGET_BYTES})
    _assert_problem(long_query, 414, "uri-too-long")
    within = await client.get("/v1/boards/acme/jobs", params={"q": "a" * 90})
    assert within.status_code == 404  # no such board, but the request was read


async def test_oversized_or_too_many_headers_are_a_431_problem(client: httpx.AsyncClient) -> None:
    big = await client.get("/healthz", headers={"X-Big": "a" * MAX_HEADER_BYTES})
    _assert_problem(big, 431, "headers-too-large")
    many = {f"X-H{n}": "v" for n in range(MAX_HEADERS + 1)}
    _assert_problem(await client.get("/healthz", headers=many), 431, "headers-too-large")
    assert (await client.get("/healthz", headers={"X-Big": "a" * 1000})).status_code == 200
