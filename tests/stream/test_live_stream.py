"""The live stream (ADR 0028), served by a real `hireline serve` process: the events it pushes
are committed by this test's process, so they cross processes as in production."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from hireline.settings import Settings
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job
from tests.served import HIRELINE, free_port, wait_ready
from tests.web.helpers import web_sign_in

QUEUE_SIZE = 16
WAIT_SECONDS = 20.0


@pytest.fixture(scope="module")
def stream_server(settings: Settings) -> Iterator[str]:
    """Another API process on the suite's database and data directory (so, its keys)."""
    assert settings.database_url is not None
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {name: value for name, value in os.environ.items() if not name.startswith("HIRELINE_")}
    env |= {
        "DATABASE_URL": settings.database_url.get_secret_value(),
        "HIRELINE_DATA_DIR": str(settings.data_dir),
        "HIRELINE_PORT": str(port),
        "HIRELINE_ENVIRONMENT": "test",
        "HIRELINE_LOG_LEVEL": "ERROR",
        "HIRELINE_STREAM_QUEUE_SIZE": str(QUEUE_SIZE),
        "HIRELINE_RUN_WORKER_IN_API": "false",
    }
    log = Path(settings.data_dir) / "stream-server.log"
    with log.open("ab") as errors:
        process = subprocess.Popen(
            [str(HIRELINE), "serve", "--no-migrate", "--no-demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            wait_ready(base, process, deadline_s=120)
            yield f"ws://127.0.0.1:{port}/v1/events/stream"
        finally:
            process.terminate()
            process.wait(timeout=30)


async def _ticket(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    response = await client.post("/v1/events/tickets", headers=headers)
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    return str(response.json()["ticket"])


@asynccontextmanager
async def _open(
    url: str,
    client: httpx.AsyncClient,
    headers: dict[str, str],
    after: str | None = None,
    last_event_id: int | str | None = None,
) -> AsyncIterator[ClientConnection]:
    query = f"?ticket={await _ticket(client, headers)}"
    if after is not None:
        query += f"&after={after}"
    if last_event_id is not None:
        query += f"&last_event_id={last_event_id}"
    async with connect(url + query) as socket:
        yield socket


async def _next(
    socket: ClientConnection, *, event_type: str = "application.stage_changed"
) -> dict[str, Any]:
    """The next event of `event_type` (others, committed before the connection by other
    tests but held back by a transaction still running then, may come first)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        left = deadline - time.monotonic()
        message = json.loads(await asyncio.wait_for(socket.recv(decode=True), max(left, 0.01)))
        if message["type"] == event_type:
            return dict(message)
    pytest.fail(f"no {event_type} event in time")


async def _move(
    client: httpx.AsyncClient, headers: dict[str, str], application_id: str, stage_id: str
) -> None:
    moved = await client.post(
        f"/v1/applications/{application_id}/move", json={"stage_id": stage_id}, headers=headers
    )
    assert moved.status_code == 200, moved.text


async def _applied(
    client: httpx.AsyncClient, headers: dict[str, str], slug: str, **job: Any
) -> Any:
    opened = await open_job(client, headers, **job)
    applied = await apply(client, opened, slug=slug)
    assert applied.status_code == 201, applied.text
    return opened, applied.json()["id"]


async def test_a_move_committed_by_another_process_arrives_and_a_resume_misses_nothing(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    stages = [stage["id"] for stage in job["stages"]]

    async with _open(stream_server, committing_client, owner) as socket:
        await _move(committing_client, owner, application, stages[1])
        committed = time.monotonic()
        first = await _next(socket)
        print(f"commit to push: {(time.monotonic() - committed) * 1000:.0f} ms")
        assert first["data"]["application_id"] == application
        assert first["data"]["to_stage_id"] == stages[1]

    # While the client is away, two more moves commit.
    await _move(committing_client, owner, application, stages[2])
    await _move(committing_client, owner, application, stages[3])

    # Resuming from the last cursor may repeat what was sent ahead of its final place in
    # commit order (known by id), and misses nothing.
    async with _open(stream_server, committing_client, owner, after=first["cursor"]) as socket:
        missed: list[dict[str, Any]] = []
        while len(missed) < 2:
            message = await _next(socket)
            if message["id"] != first["id"]:
                missed.append(message)
    assert [m["data"]["to_stage_id"] for m in missed] == [stages[2], stages[3]]
    assert first["id"] < missed[0]["id"] < missed[1]["id"]


async def test_resuming_after_an_event_id_misses_what_an_older_transaction_commits_later(
    stream_server: str, committing_client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    async with engine.connect() as older:
        # A transaction writes an event first and commits last.
        transaction = await older.begin()
        await older.execute(
            text(
                "INSERT INTO domain_events (tenant_id, type, payload)"
                " SELECT tenant_id, 'application.stage_changed',"
                " jsonb_build_object('application_id', id::text, 'job_id', job_id::text,"
                " 'late', true) FROM applications WHERE id = :id"
            ),
            {"id": application},
        )
        async with _open(stream_server, committing_client, owner) as socket:
            await _move(committing_client, owner, application, job["stages"][1]["id"])
            received = await _next(socket)
            assert "late" not in received["data"]
        await transaction.commit()

    async with _open(
        stream_server, committing_client, owner, last_event_id=received["id"]
    ) as socket:
        late = await _next(socket)
        while late["id"] == received["id"]:  # what it had may come again
            late = await _next(socket)
    assert late["data"]["late"] is True
    assert late["id"] < received["id"]  # an id alone would have skipped it


async def test_resuming_after_an_event_id_that_is_not_the_clients_is_closed_with_4400(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    globex = bearer((await sign_up(committing_client, "globex"))["access_token"])
    job, application = await _applied(committing_client, globex, "globex")
    async with _open(stream_server, committing_client, globex) as socket:
        await _move(committing_client, globex, application, job["stages"][1]["id"])
        theirs = (await _next(socket))["id"]
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    for last_event_id in (theirs, "abc", 2**70):
        async with _open(
            stream_server, committing_client, owner, last_event_id=last_event_id
        ) as socket:
            with pytest.raises(ConnectionClosed) as closed:
                await socket.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4400
        assert "last_event_id" in closed.value.rcvd.reason


async def test_a_stream_carries_only_what_its_principal_may_read_of_its_organisation(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    joined = await _join(committing_client, owner, "ivy@acme.example", "interviewer")
    interviewer = bearer(joined["access_token"])
    me = await committing_client.get("/v1/me", headers=interviewer)
    team = [{"user_id": me.json()["user"]["id"], "role": "interviewer"}]
    own_job, on_team = await _applied(committing_client, owner, "acme", hiring_team=team)
    other_job, off_team = await _applied(committing_client, owner, "acme")
    globex = bearer((await sign_up(committing_client, "globex"))["access_token"])
    globex_job, elsewhere = await _applied(committing_client, globex, "globex")

    # The interviewer's ticket comes as the first message, as a browser would send it.
    async with connect(stream_server) as theirs:
        await theirs.send(json.dumps({"ticket": await _ticket(committing_client, interviewer)}))
        async with _open(stream_server, committing_client, owner) as mine:
            await _move(committing_client, owner, off_team, other_job["stages"][1]["id"])
            await _move(committing_client, globex, elsewhere, globex_job["stages"][1]["id"])
            await _move(committing_client, owner, on_team, own_job["stages"][1]["id"])

            # Had either of the first two leaked, it would have come first.
            assert (await _next(theirs))["data"]["application_id"] == on_team
            seen = [(await _next(mine))["data"]["application_id"] for _ in range(2)]
            assert seen == [off_team, on_team]


async def test_a_bad_ticket_is_closed_with_4401_and_a_reason(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    token = (await sign_up(committing_client, "acme"))["access_token"]
    for ticket in ("not-a-ticket", token):  # an access token is no ticket either
        async with connect(f"{stream_server}?ticket={ticket}") as socket:
            with pytest.raises(ConnectionClosed) as closed:
                await socket.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4401
        assert "ticket" in closed.value.rcvd.reason


async def test_resuming_from_a_cursor_the_server_did_not_give_is_closed_with_4400(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    async with _open(stream_server, committing_client, owner, after="12345") as socket:
        with pytest.raises(ConnectionClosed) as closed:
            await socket.recv()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400
    assert "cursor" in closed.value.rcvd.reason


async def test_a_client_that_falls_behind_is_dropped_not_buffered(
    stream_server: str, committing_client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    async with _open(stream_server, committing_client, owner) as socket:
        # Once it has received what there was, a client is expected to keep up.
        await _move(committing_client, owner, application, job["stages"][1]["id"])
        await _next(socket)
        # More events in one commit than the server keeps for a client (QUEUE_SIZE).
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO domain_events (tenant_id, type, payload)"
                    " SELECT a.tenant_id, 'application.stage_changed',"
                    " jsonb_build_object('application_id', a.id::text, 'job_id', a.job_id::text)"
                    " FROM applications a, generate_series(1, :n) WHERE a.id = :id"
                ),
                {"id": application, "n": QUEUE_SIZE * 4},
            )
        deadline = time.monotonic() + WAIT_SECONDS
        with pytest.raises(ConnectionClosed) as closed:
            while time.monotonic() < deadline:
                await asyncio.wait_for(socket.recv(), max(deadline - time.monotonic(), 0.01))
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4408
    assert "behind" in closed.value.rcvd.reason


async def test_the_board_page_opens_the_stream_with_a_ticket_from_the_web_session(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    assert (await committing_client.get("/app/events/ticket")).status_code in (303, 401)

    await web_sign_in(committing_client, "owner@acme.example")
    page = await committing_client.get(f"/app/jobs/{job['id']}")
    assert f'data-live-job="{job["id"]}"' in page.text
    assert "/static/board.js" in page.text
    issued = await committing_client.get("/app/events/ticket")
    assert issued.status_code == 200, issued.text
    assert issued.headers["cache-control"] == "no-store"

    async with connect(stream_server) as socket:
        await socket.send(json.dumps({"ticket": issued.json()["ticket"]}))
        await _move(committing_client, owner, application, job["stages"][1]["id"])
        assert (await _next(socket))["data"]["job_id"] == job["id"]


async def test_what_commits_between_the_ticket_and_the_connection_is_sent(
    stream_server: str, committing_client: httpx.AsyncClient
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    ticket = await _ticket(committing_client, owner)
    await _move(committing_client, owner, application, job["stages"][1]["id"])

    async with connect(f"{stream_server}?ticket={ticket}") as socket:
        moved = await _next(socket)
    assert moved["data"]["application_id"] == application
    assert moved["data"]["to_stage_id"] == job["stages"][1]["id"]


async def test_a_resume_with_more_missed_than_the_queue_holds_catches_up_at_its_pace(
    stream_server: str, committing_client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    async with _open(stream_server, committing_client, owner) as socket:
        await _move(committing_client, owner, application, job["stages"][1]["id"])
        first = await _next(socket)

    missed = QUEUE_SIZE * 3
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO domain_events (tenant_id, type, payload)"
                " SELECT a.tenant_id, 'application.stage_changed',"
                " jsonb_build_object('application_id', a.id::text, 'job_id', a.job_id::text,"
                " 'n', n) FROM applications a, generate_series(1, :n) n WHERE a.id = :id"
            ),
            {"id": application, "n": missed},
        )

    async with _open(stream_server, committing_client, owner, after=first["cursor"]) as socket:
        numbers: list[int] = []
        while len(numbers) < missed:
            message = await _next(socket)
            if message["id"] != first["id"]:
                numbers.append(message["data"]["n"])
    assert numbers == list(range(1, missed + 1))
