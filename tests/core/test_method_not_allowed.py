"""A 405 names in `Allow` exactly the methods the address answers, whichever route matched."""

from __future__ import annotations

import re
from collections import defaultdict

import httpx
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
ANY_ID = "00000000-0000-4000-8000-000000000000"


def _methods_by_path(app: FastAPI) -> dict[str, set[str]]:
    by_path: dict[str, set[str]] = defaultdict(set)
    for route in iter_route_contexts(app.routes):
        if route.path and route.methods:
            by_path[route.path] |= route.methods
    return by_path


async def test_allow_lists_exactly_the_methods_answered_at_every_route(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    # The truth is what the app does: a method is allowed when it is not answered with 405.
    paths = {re.sub(r"\{[^}]+\}", ANY_ID, template) for template in _methods_by_path(app)}
    assert len(paths) > 40
    refusals = 0
    for path in sorted(paths):
        answers = {method: await client.request(method, path) for method in METHODS}
        answered = {method for method, response in answers.items() if response.status_code != 405}
        assert answered, path
        for method, response in answers.items():
            if response.status_code != 405:
                continue
            refusals += 1
            assert response.headers["content-type"] == "application/problem+json"
            listed = {m.strip() for m in response.headers["allow"].split(",")}
            assert listed == answered, (method, path)
    assert refusals > 200


async def test_a_collection_with_two_routes_lists_both(client: httpx.AsyncClient) -> None:
    response = await client.delete("/v1/jobs")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
