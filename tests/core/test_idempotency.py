"""Idempotency-Key on POST: one execution, replayed answers, refused reuse and overlap."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.db import DbSession
from hireline.core.idempotency import (
    claim_idempotency_key,
)
from hireline.core.models import IdempotencyRecord
from hireline.core.principal import Principal
from hireline.identity.models import Tenant
from hireline.main import create_app
from hireline.settings import Settings
from tests.conftest import truncate_all

PATH = "/probe/applications"


@dataclass
class Probe:
    """The probe app's client, its tenants and what its handler saw."""

    client: httpx.AsyncClient
    tenants: list[uuid.UUID]
    calls: list[dict[str, Any]] = field(default_factory=list)
    entered: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def post(
        self,
        body: dict[str, Any],
        key: str | None = "key-1",
        *,
        tenant: int = 0,
        principal: str = "alice",
    ) -> httpx.Response:
        headers = {"X-Tenant": str(self.tenants[tenant]), "X-Principal": principal}
        if key is not None:
            headers["Idempotency-Key"] = key
        return await self.client.post(PATH, json=body, headers=headers)


async def authenticated(
    request: Request,
    session: DbSession,
    x_tenant: Annotated[uuid.UUID, Header()],
    x_principal: Annotated[str, Header()],
) -> Principal:
    """Stands in for the auth dependency: trusts the headers, then claims the key."""
    principal = Principal(kind="user", id=x_principal, tenant_id=x_tenant, actions=frozenset())
    await claim_idempotency_key(request, session, principal)
    return principal


@pytest.fixture
async def probe(settings: Settings, engine: AsyncEngine) -> AsyncIterator[Probe]:
    """A Hireline app with a POST route behind a stand-in for authentication.

    This app really commits; the tables are emptied afterwards.
    """
    tenants = [uuid.uuid4(), uuid.uuid4()]
    async with engine.begin() as connection:
        await connection.execute(
            insert(Tenant),
            [{"id": t, "name": "Probe", "slug": f"probe-{t.hex[:12]}"} for t in tenants],
        )
    app: FastAPI = create_app(settings)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    probe = Probe(httpx.AsyncClient(transport=transport, base_url="http://t"), tenants)

    @app.post(PATH)
    async def create_application(
        payload: dict[str, Any], _: Annotated[Principal, Depends(authenticated)]
    ) -> JSONResponse:
        probe.calls.append(payload)
        if payload.get("wait"):
            probe.entered.set()
            await probe.release.wait()
        if payload.get("fail") == "crash":
            raise RuntimeError("the handler crashed")
        status = 503 if payload.get("fail") == "unavailable" else 201
        number = len(probe.calls)
        return JSONResponse(
            {"number": number, "payload": payload},
            status_code=status,
            headers={"Location": f"{PATH}/{number}"},
        )

    async with app.router.lifespan_context(app), probe.client:
        yield probe
    await truncate_all(engine)


async def _records(engine: AsyncEngine) -> list[Any]:
    async with engine.connect() as connection:
        return list((await connection.execute(select(IdempotencyRecord))).all())


async def test_replay_returns_the_first_response_without_running_again(
    probe: Probe, engine: AsyncEngine
) -> None:
    first = await probe.post({"name": "Ada"})
    replay = await probe.post({"name": "Ada"})

    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    assert replay.status_code == 201
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.content == first.content
    assert replay.headers["Location"] == first.headers["Location"]
    assert replay.headers["content-type"] == "application/json"
    assert replay.headers["X-Request-ID"] != first.headers["X-Request-ID"]
    assert len(probe.calls) == 1
    [record] = await _records(engine)
    assert record.response_status == 201
    assert record.expires_at - record.created_at == timedelta(hours=24)


async def test_same_key_with_another_body_is_422(probe: Probe) -> None:
    await probe.post({"name": "Ada"})
    reused = await probe.post({"name": "Grace"})

    assert reused.status_code == 422
    assert reused.headers["content-type"] == "application/problem+json"
    assert reused.json()["errors"][0]["loc"] == ["header", "Idempotency-Key"]
    assert len(probe.calls) == 1


async def test_concurrent_request_with_same_key_is_409(probe: Probe) -> None:
    async def second_while_first_runs() -> httpx.Response:
        await asyncio.wait_for(probe.entered.wait(), timeout=10)
        try:
            return await probe.post({"wait": True})
        finally:
            probe.release.set()

    first, second = await asyncio.gather(probe.post({"wait": True}), second_while_first_runs())

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["type"] == "/problems/conflict"
    assert second.headers["Retry-After"] == "1"
    assert len(probe.calls) == 1
    assert (await probe.post({"wait": True})).headers["Idempotent-Replayed"] == "true"


@pytest.mark.parametrize(("failure", "status"), [("unavailable", 503), ("crash", 500)])
async def test_server_error_releases_the_key(
    probe: Probe, engine: AsyncEngine, failure: str, status: int
) -> None:
    assert (await probe.post({"fail": failure})).status_code == status
    assert await _records(engine) == []

    retried = await probe.post({"fail": failure})
    assert retried.status_code == status
    assert "Idempotent-Replayed" not in retried.headers
    assert len(probe.calls) == 2


async def test_expired_record_is_replaced(probe: Probe, engine: AsyncEngine) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=2)
    async with engine.begin() as connection:
        await connection.execute(
            insert(IdempotencyRecord).values(
                tenant_id=probe.tenants[0],
                principal="user:alice",
                key="key-1",
                request_digest="0" * 64,
                response_status=201,
                response_headers=[["content-type", "application/json"]],
                response_body=b'{"stale": true}',
                created_at=long_ago,
                expires_at=long_ago + timedelta(hours=24),
            )
        )

    response = await probe.post({"name": "Ada"})

    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response.headers
    assert response.json()["payload"] == {"name": "Ada"}
    [record] = await _records(engine)
    assert record.expires_at > datetime.now(UTC) + timedelta(hours=23)
    assert record.response_body == response.content


async def test_keys_are_per_principal_and_per_tenant(probe: Probe, engine: AsyncEngine) -> None:
    responses = [
        await probe.post({"name": "Ada"}, tenant=0, principal="alice"),
        await probe.post({"name": "Ada"}, tenant=0, principal="bob"),
        await probe.post({"name": "Ada"}, tenant=1, principal="alice"),
    ]

    assert [r.status_code for r in responses] == [201, 201, 201]
    assert all("Idempotent-Replayed" not in r.headers for r in responses)
    assert len(probe.calls) == 3
    assert len(await _records(engine)) == 3


async def test_requests_without_key_are_not_recorded(probe: Probe, engine: AsyncEngine) -> None:
    await probe.post({"name": "Ada"}, key=None)
    await probe.post({"name": "Ada"}, key=None)

    assert len(probe.calls) == 2
    assert await _records(engine) == []


@pytest.mark.parametrize("key", ["", "k" * 256, "tab\there"])
async def test_malformed_key_is_422(probe: Probe, key: str) -> None:
    response = await probe.post({"name": "Ada"}, key=key)

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["header", "Idempotency-Key"]
    assert probe.calls == []


async def test_cancelled_request_leaves_no_trace_and_its_retry_runs(
    probe: Probe, engine: AsyncEngine
) -> None:
    # The client gives up (or the process dies) while the handler is at work: the
    # transaction that held the key and the work never commits.
    abandoned = asyncio.create_task(probe.post({"wait": True, "name": "Ada"}))
    await asyncio.wait_for(probe.entered.wait(), timeout=10)
    abandoned.cancel()
    with pytest.raises(asyncio.CancelledError):
        await abandoned
    assert await _records(engine) == []

    probe.release.set()
    retried = await probe.post({"wait": True, "name": "Ada"})

    assert retried.status_code == 201, retried.text
    assert "Idempotent-Replayed" not in retried.headers
    assert len(probe.calls) == 2
    replayed = await probe.post({"name": "Ada", "wait": True})
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.content == retried.content


async def test_json_keys_in_another_order_replay(probe: Probe) -> None:
    first = await probe.client.post(
        PATH,
        content=b'{"name": "Ada", "email": "ada@example.com"}',
        headers=_headers(probe, "json-order"),
    )
    again = await probe.client.post(
        PATH,
        content=b'{"email":"ada@example.com","name":"Ada"}',
        headers=_headers(probe, "json-order"),
    )

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(probe.calls) == 1


def _headers(probe: Probe, key: str) -> dict[str, str]:
    return {
        "X-Tenant": str(probe.tenants[0]),
        "X-Principal": "alice",
        "Idempotency-Key": key,
        "Content-Type": "application/json",
    }
