"""Every route under /v1 declares the action it needs, or that it is public."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from hireline.identity.dependencies import Public, Require


def _guards(dependant: Dependant) -> list[object]:
    found: list[object] = []
    for sub in dependant.dependencies:
        if isinstance(sub.call, Require | Public):
            found.append(sub.call)
        found.extend(_guards(sub))
    return found


def api_routes(routes: Sequence[BaseRoute]) -> Iterator[APIRoute]:
    """Every API route, including those of included routers (all mounted without prefix)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from api_routes(included.routes)


def test_every_v1_route_is_guarded_or_marked_public(app: FastAPI) -> None:
    unguarded = []
    checked = 0
    for route in api_routes(app.routes):
        if not route.path.startswith("/v1"):
            continue
        checked += 1
        guards = _guards(route.dependant)
        if len(guards) != 1:
            unguarded.append(f"{sorted(route.methods or ())} {route.path}: {len(guards)} guards")
    assert checked > 0
    assert unguarded == [], "routes need exactly one require(...) or public():\n" + "\n".join(
        unguarded
    )
