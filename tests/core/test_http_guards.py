"""Security headers on every response and the request body size limit."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Request

from hireline.main import create_app
from hireline.settings import Settings


async def test_security_headers_on_every_response(client: httpx.AsyncClient) -> None:
    for path in ("/healthz", "/missing"):
        response = await client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "strict-transport-security" not in response.headers


async def test_html_gets_a_content_security_policy_and_document_headers(
    client: httpx.AsyncClient,
) -> None:
    docs = await client.get("/docs")
    assert docs.headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    assert docs.headers["cross-origin-opener-policy"] == "same-origin"
    api = await client.get("/healthz")
    for document_only in ("content-security-policy", "cross-origin-opener-policy"):
        assert document_only not in api.headers


@pytest.fixture(scope="module")
async def guarded(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    limited = settings.model_copy(
        update={
            "max_body_bytes": 2048,
            "trust_proxy_headers": True,
            "cors_origins": ["https://app.example.com"],
        }
    )
    app: FastAPI = create_app(limited)

    @app.post("/probe/echo-size")
    async def echo_size(request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


async def test_hsts_only_behind_tls(guarded: httpx.AsyncClient) -> None:
    plain = await guarded.get("/healthz")
    assert "strict-transport-security" not in plain.headers
    proxied = await guarded.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert proxied.headers["strict-transport-security"].startswith("max-age=")


async def test_body_within_limit_is_accepted(guarded: httpx.AsyncClient) -> None:
    response = await guarded.post("/probe/echo-size", content=b"x" * 2048)
    assert response.json() == {"size": 2048}


async def test_declared_oversize_body_is_413(guarded: httpx.AsyncClient) -> None:
    response = await guarded.post("/probe/echo-size", content=b"x" * 2049)
    assert response.status_code == 413
    assert response.json()["type"] == "/problems/payload-too-large"


async def test_streamed_oversize_body_is_413(guarded: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(5):
            yield b"y" * 1000

    response = await guarded.post("/probe/echo-size", content=chunks())
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


async def test_cors_preflight_for_configured_origin(guarded: httpx.AsyncClient) -> None:
    response = await guarded.options(
        "/healthz",
        headers={
            "Origin": "https://app.example.com",
            "Access-Control-Request-Method": "GET",
        },
    )
    assert response.headers["access-control-allow-origin"] == "https://app.example.com"
    other = await guarded.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


async def test_framing_is_refused_by_the_policy_and_only_documents_carry_it(
    client: httpx.AsyncClient,
) -> None:
    docs = await client.get("/docs")
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    assert "x-frame-options" not in docs.headers  # obsoleted by frame-ancestors
    api = await client.get("/healthz")
    assert "cross-origin-opener-policy" not in api.headers
