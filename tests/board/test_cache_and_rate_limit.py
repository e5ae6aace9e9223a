"""ADR 0013: cached board pages are served whatever the client's count; misses are limited."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from hireline.core.rate_limit import RateLimiter
from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job

LIMIT = 2


@pytest.fixture
async def limited_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An API process whose anonymous limit is LIMIT requests a minute (memory counts)."""
    limited = settings.model_copy(
        update={"rate_limit_anonymous_per_minute": LIMIT, "redis_url": None}
    )
    app = create_app(limited)
    async with app.router.lifespan_context(app):
        await app.state.rate_limiter.close()
        app.state.rate_limiter = RateLimiter.from_settings(limited)
        transport = httpx.ASGITransport(app=with_edge_cache(app), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


async def test_an_over_limit_client_still_gets_cached_pages_but_no_misses(
    committing_client: httpx.AsyncClient, limited_client: httpx.AsyncClient
) -> None:
    slug = f"cache-{uuid.uuid4().hex[:8]}"
    owner = bearer((await sign_up(committing_client, slug))["access_token"])
    job = await open_job(committing_client, owner)
    board = f"/v1/boards/{slug}/jobs"

    first = await limited_client.get(board)  # a miss: counted
    assert first.status_code == 200, first.text
    assert first.headers["ratelimit-remaining"] == str(LIMIT - 1)
    assert (await limited_client.get(f"{board}/{job['id']}")).status_code == 200  # counted
    over = await limited_client.get(board, params={"q": "nothing cached"})
    assert over.status_code == 429
    assert over.headers["content-type"] == "application/problem+json"

    cached = await limited_client.get(board)

    assert cached.status_code == 200
    assert cached.content == first.content
    assert "ratelimit-remaining" not in cached.headers  # a hit is not counted
