"""`POST /v1/imports`: an uploaded export imported by a worker, followed by its report."""

from __future__ import annotations

import io
import shutil
import uuid
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.identity.helpers import bearer, sign_up
from tests.imports.conftest import FIXTURES
from tests.interviews.helpers import member
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain, scalar


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    return WorkerState(sessions=app.state.sessions, settings=settings)


def _zipped(name: str, tmp_path: Path) -> bytes:
    return Path(
        shutil.make_archive(str(tmp_path / name), "zip", root_dir=FIXTURES, base_dir=name)
    ).read_bytes()


async def _start(
    client: httpx.AsyncClient, headers: dict[str, str], data: dict[str, str], **files: Any
) -> httpx.Response:
    return await client.post("/v1/imports", data=data, files=files, headers=headers)


async def _count(engine: AsyncEngine, table: str, tenant: str) -> int:
    found = await scalar(engine, f"SELECT count(*) FROM {table} WHERE tenant_id = :t", t=tenant)
    assert isinstance(found, int)
    return found


async def test_an_uploaded_export_is_imported_by_a_worker(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    state: WorkerState,
    tmp_path: Path,
) -> None:
    slug = f"up-{uuid.uuid4().hex[:8]}"
    signed = await sign_up(committing_client, slug)
    owner = bearer(signed["access_token"])
    tenant = (await committing_client.get("/v1/me", headers=owner)).json()["tenant"]["id"]
    started = await _start(
        committing_client,
        owner,
        {"source": "greenhouse"},
        export=("harvest.zip", _zipped("greenhouse", tmp_path), "application/zip"),
    )
    assert started.status_code == 202, started.text
    assert started.json()["status"] == "queued"

    await drain(engine, state, deadline_s=60)

    run = (await committing_client.get(f"/v1/imports/{started.json()['id']}", headers=owner)).json()
    assert run["status"] == "completed", run
    assert run["report"]["stored"] is True
    assert run["report"]["counts"]["application"]["created"] == 6
    assert run["report"]["resumes_queued"] == 3
    assert {"job": "Data Analyst", "stage": "Hiring Committee", "applications": 1} in run["report"][
        "unmapped_stages"
    ]
    assert await _count(engine, "applications", tenant) == 6
    # The résumés were parsed by the same drain (their jobs were queued by the import).
    assert (
        await scalar(
            engine,
            "SELECT count(*) FROM resumes WHERE tenant_id = :t AND parse_status = 'parsed'",
            t=tenant,
        )
        == 3
    )


async def test_a_dry_run_upload_reports_and_stores_nothing(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    owner = bearer(
        (await sign_up(committing_client, f"dry-{uuid.uuid4().hex[:8]}"))["access_token"]
    )
    tenant = (await committing_client.get("/v1/me", headers=owner)).json()["tenant"]["id"]
    sheet = FIXTURES / "csv" / "applicants.csv"
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.write(sheet, "applicants.csv")
        for cv in (FIXTURES / "csv" / "cv").iterdir():
            archive.write(cv, f"cv/{cv.name}")
    started = await _start(
        committing_client,
        owner,
        {"source": "csv", "dry_run": "true"},
        export=("applicants.zip", bundle.getvalue(), "application/zip"),
        mapping=("mapping.toml", (FIXTURES / "csv" / "mapping.toml").read_bytes(), "text/plain"),
    )
    assert started.status_code == 202, started.text

    await drain(engine, state, deadline_s=60)

    run = (await committing_client.get(f"/v1/imports/{started.json()['id']}", headers=owner)).json()
    assert run["status"] == "completed", run
    assert run["report"]["stored"] is False
    assert run["report"]["counts"]["candidate"]["created"] == 3
    assert run["report"]["resumes_queued"] == 2
    for table in ("jobs", "candidates", "applications", "resumes", "import_records"):
        assert await _count(engine, table, tenant) == 0, table


async def test_bad_uploads_are_refused_before_anything_is_queued(
    client: httpx.AsyncClient, db_session: Any
) -> None:
    owner = bearer((await sign_up(client, "badupload"))["access_token"])
    not_zip = await _start(
        client, owner, {"source": "lever"}, export=("lever.json", b"[]", "application/json")
    )
    assert not_zip.status_code == 415, not_zip.text
    no_mapping = await _start(
        client, owner, {"source": "csv"}, export=("a.csv", b"Name,Job\n", "text/csv")
    )
    assert no_mapping.status_code == 422, no_mapping.text
    bad_mapping = await _start(
        client,
        owner,
        {"source": "csv"},
        export=("a.csv", b"Name,Job\n", "text/csv"),
        mapping=("m.toml", b"[columns]\nname = 'Name'\nsalary = 'Pay'\n", "text/plain"),
    )
    assert bad_mapping.status_code == 422, bad_mapping.text
    assert "unknown fields salary" in bad_mapping.text
    empty = await _start(client, owner, {"source": "greenhouse"}, export=("e.zip", b"", "x/y"))
    assert empty.status_code == 422, empty.text
    unknown = await client.get(f"/v1/imports/{uuid.uuid4()}", headers=owner)
    assert unknown.status_code == 404


async def test_only_owners_and_admins_import(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "importrole"))["access_token"])
    recruiter = await member(client, owner, "rita@importrole.example", "recruiter", "Rita")
    refused = await _start(
        client,
        recruiter["headers"],
        {"source": "csv"},
        export=("a.csv", b"Name,Job\n", "text/csv"),
        mapping=("m.json", b'{"columns": {"name": "Name", "job": "Job"}}', "text/json"),
    )
    assert refused.status_code == 403, refused.text


async def test_an_import_into_a_teams_job_mails_no_one(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    slug = f"quiet-{uuid.uuid4().hex[:8]}"
    owner = bearer((await sign_up(committing_client, slug))["access_token"])
    tenant = (await committing_client.get("/v1/me", headers=owner)).json()["tenant"]["id"]
    manager = await member(committing_client, owner, f"hm@{slug}.example", "hiring_manager", "Hu")
    await open_job(
        committing_client,
        owner,
        title="Staff Engineer",
        hiring_team=[{"user_id": manager["id"], "role": "hiring_manager"}],
    )
    await drain(engine, state, deadline_s=60)
    started = await _start(
        committing_client,
        owner,
        {"source": "csv"},
        export=("applicants.csv", (FIXTURES / "csv" / "applicants.csv").read_bytes(), "text/csv"),
        mapping=("mapping.json", _MAPPING_WITHOUT_RESUMES, "text/json"),
    )
    assert started.status_code == 202, started.text

    await drain(engine, state, deadline_s=60)

    run = (await committing_client.get(f"/v1/imports/{started.json()['id']}", headers=owner)).json()
    assert run["status"] == "completed", run
    assert await _count(engine, "applications", tenant) == 4
    mails = await scalar(
        engine,
        "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'notifications.send' "
        "AND args->>'tenant_id' = :t AND args->>'kind' = 'new_application'",
        t=tenant,
    )
    assert mails == 0


_MAPPING_WITHOUT_RESUMES = (
    b'{"columns": {"id": "Candidate ID", "first_name": "First name", "last_name": "Last name", '
    b'"email": "Email", "job": "Position", "stage": "Stage", "status": "Status"}, '
    b'"statuses": {"Not selected": "rejected"}}'
)


async def test_imports_are_listed_newest_first_a_page_at_a_time(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "importlist"))["access_token"])
    other = bearer((await sign_up(client, "importlist-other"))["access_token"])
    sheet = ("a.csv", b"Name,Job\nAda,Engineer\n", "text/csv")
    mapping = ("m.json", b'{"columns": {"name": "Name", "job": "Job"}}', "text/json")
    started = []
    for _ in range(3):
        run = await _start(
            client, owner, {"source": "csv", "dry_run": "true"}, export=sheet, mapping=mapping
        )
        assert run.status_code == 202, run.text
        started.append(run.json()["id"])
    theirs = await _start(client, other, {"source": "csv"}, export=sheet, mapping=mapping)
    assert theirs.status_code == 202, theirs.text

    first = await client.get("/v1/imports", params={"limit": 2}, headers=owner)
    assert first.status_code == 200, first.text
    assert [run["id"] for run in first.json()["items"]] == started[::-1][:2]
    assert first.json()["items"][0]["export_name"] == "a.csv"
    rest = await client.get(
        "/v1/imports", params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=owner
    )
    assert [run["id"] for run in rest.json()["items"]] == [started[0]]
    assert rest.json()["next_cursor"] is None

    forged = await client.get("/v1/imports", params={"cursor": "not-ours"}, headers=owner)
    assert forged.status_code == 422, forged.text
    too_many = await client.get("/v1/imports", params={"limit": 10_000}, headers=owner)
    assert too_many.status_code == 422, too_many.text
    recruiter = await member(client, owner, "rita@importlist.example", "recruiter", "Rita")
    refused = await client.get("/v1/imports", headers=recruiter["headers"])
    assert refused.status_code == 403, refused.text
