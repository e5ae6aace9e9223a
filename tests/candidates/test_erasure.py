"""Erasing a candidate leaves nothing of them: not in the database, not in any file."""

from __future__ import annotations

import asyncio
import glob
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain
from tests.webhooks.receiver import Receiver, private_addresses_allowed, running_receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


@pytest.fixture
def state(app: FastAPI, settings: Settings, database_url: str) -> Iterator[WorkerState]:
    """A worker that may reach the loopback receiver and vacuum as the schema owner."""
    with private_addresses_allowed(app) as allowed:
        yield WorkerState(sessions=app.state.sessions, settings=allowed, owner_url=database_url)


async def _pg_dump(engine: AsyncEngine, database_url: str) -> str:
    async with engine.connect() as connection:
        version = int((await connection.execute(text("SHOW server_version_num"))).scalar_one())
    candidates = glob.glob(f"/usr/lib/postgresql/{version // 10000}/bin/pg_dump")
    if not candidates:
        pytest.skip(f"no pg_dump for PostgreSQL {version // 10000} on this machine")
    dumped = await asyncio.to_thread(
        subprocess.run,
        [candidates[0], "--no-owner", database_url],
        capture_output=True,
        check=True,
    )
    return dumped.stdout.decode()


def _files_holding(root: Path, *needles: str) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            if any(needle.encode() in data for needle in needles):
                found.append(path)
    return found


async def _last_vacuum(engine: AsyncEngine, table: str) -> object:
    async with engine.connect() as connection:
        return (
            await connection.execute(
                text("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = :table"),
                {"table": table},
            )
        ).scalar_one_or_none()


async def test_an_erased_candidate_is_found_nowhere(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    settings: Settings,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    marker = f"zqx{uuid.uuid4().hex[:12]}"
    phone_digits = f"20255501{uuid.uuid4().int % 100:02d}"
    slug = f"erase-{uuid.uuid4().hex[:8]}"
    signed_up = await sign_up(client, slug)
    owner = bearer(signed_up["access_token"])
    hooked = await client.post(
        "/v1/webhooks/endpoints", json={"url": receiver.url, "event_types": ["*"]}, headers=owner
    )
    assert hooked.status_code == 201, hooked.text
    me = (await client.get("/v1/me", headers=owner)).json()
    job = await open_job(
        client, owner, hiring_team=[{"user_id": me["user"]["id"], "role": "hiring_manager"}]
    )
    applied = await client.post(
        f"/v1/boards/{slug}/jobs/{job['id']}/applications",
        data={
            "name": f"Ada {marker}",
            "email": f"ada.{marker}@mail.example",
            "phone": f"+1 {phone_digits[:3]} {phone_digits[3:6]} {phone_digits[6:]}",
            "consent": "true",
            "answers": f'{{"why": "because {marker}"}}',
        },
        files={"resume": ("cv.pdf", pdf_resume(f"Ada {marker}", f"Python {marker}"), "x")},
    )
    assert applied.status_code == 201, applied.text
    created: dict[str, Any] = applied.json()
    await drain(engine, state)
    candidate_path = f"/v1/candidates/{created['candidate_id']}"
    noted = await client.patch(candidate_path, json={"notes": f"Call {marker}"}, headers=owner)
    assert noted.status_code == 200, noted.text
    rejected = await client.post(
        f"/v1/applications/{created['id']}/reject",
        json={"reason": "not_qualified", "notify_candidate": True, "note": f"No {marker}"},
        headers=owner,
    )
    assert rejected.status_code == 200, rejected.text
    await drain(engine, state)
    candidate = (await client.get(candidate_path, headers=owner)).json()
    assert candidate["resumes"][0]["parse_status"] == "parsed"
    phone = candidate["phone"]
    assert phone
    assert phone_digits[-4:] in phone
    # The test can see the marker where it was before the erasure.
    before = await _pg_dump(engine, database_url)
    assert marker in before.lower()
    assert phone in before
    assert len(_files_holding(settings.data_dir / "mail", marker)) >= 3
    assert _files_holding(settings.data_dir, marker)

    erased = await client.delete(candidate_path, headers=owner)

    assert erased.status_code == 204, erased.text
    await drain(engine, state)
    dump = (await _pg_dump(engine, database_url)).lower()
    assert marker not in dump
    assert phone.lower() not in dump
    assert _files_holding(settings.data_dir, marker, phone) == []
    tenant_files = settings.data_dir / "files" / signed_up["tenant"]["id"]
    assert not (tenant_files / "resumes" / created["candidate_id"]).exists()
    deadline = time.monotonic() + 10
    while await _last_vacuum(engine, "candidates") is None:
        assert time.monotonic() < deadline, "the erasure's VACUUM did not run"
        await asyncio.sleep(0.1)
    # Erased, yet the pipeline's history keeps its ids and codes for the statistics.
    assert (await client.get(candidate_path, headers=owner)).status_code == 404
    async with engine.connect() as connection:
        kept = await connection.execute(
            text(
                "SELECT a.status, e.payload FROM applications a JOIN domain_events e"
                " ON e.payload->>'application_id' = a.id::text"
                " WHERE a.id = :id AND e.type = 'application.rejected'"
            ),
            {"id": created["id"]},
        )
        status, payload = kept.one()
    assert status == "rejected"
    assert payload == {
        "application_id": created["id"],
        "candidate_id": created["candidate_id"],
        "job_id": job["id"],
        "reason": "not_qualified",
        "notify_candidate": True,
    }
