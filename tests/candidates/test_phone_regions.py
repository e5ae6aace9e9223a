"""National phone numbers are read in the right country: the candidate's, the job's, the
organisation's, in that order (a number with its country code is read as written)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain

LONDON = [{"mode": "onsite", "city": "London", "country": "GB"}]


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    return WorkerState(sessions=app.state.sessions, settings=settings)


async def _parsed_phones(
    client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    job: dict[str, Any],
    body: str,
    *,
    email: str = "ada@example.com",
) -> list[str]:
    applied = await apply(
        client,
        job,
        fields={"email": email},
        file=("cv.pdf", pdf_resume("Ada Lovelace", body), "application/pdf"),
    )
    assert applied.status_code == 201, applied.text
    await drain(engine, state)
    candidate = (
        await client.get(f"/v1/candidates/{applied.json()['candidate_id']}", headers=owner)
    ).json()
    resume = candidate["resumes"][0]
    assert resume["parse_status"] == "parsed", resume["parse_error"]
    return list(resume["parsed"]["phones"])


async def test_a_national_number_is_read_in_the_jobs_country(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    job = await open_job(committing_client, owner, locations=LONDON)
    phones = await _parsed_phones(
        committing_client, owner, engine, state, job, "Phone: 020 7946 0958\nPython, SQL"
    )
    assert phones == ["+442079460958"]


async def test_the_candidates_stated_location_comes_before_the_jobs_country(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    job = await open_job(committing_client, owner, locations=LONDON)
    phones = await _parsed_phones(
        committing_client,
        owner,
        engine,
        state,
        job,
        "San Francisco, CA | (415) 555-0134 | ada@example.com\nPython, SQL",
    )
    assert phones == ["+14155550134"]


async def test_a_number_with_its_country_code_is_read_as_written(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    job = await open_job(committing_client, owner, locations=LONDON)
    phones = await _parsed_phones(
        committing_client, owner, engine, state, job, "Mobile: +49 30 12345678\nPython"
    )
    assert phones == ["+493012345678"]


async def test_the_organisations_default_country_is_the_last_resort(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    changed = await client.put(
        "/v1/organization/settings", json={"default_country": "FR"}, headers=owner
    )
    assert changed.status_code == 200, changed.text
    job = await open_job(client, owner, locations=LONDON)
    tenant_id = (await client.get("/v1/me", headers=owner)).json()["tenant"]["id"]
    # A remote job open to any country names none: only the organisation's setting is left.
    async with engine.begin() as connection:
        await connection.execute(
            text("SELECT set_config('app.tenant_id', :tenant, true)"), {"tenant": tenant_id}
        )
        await connection.execute(
            text("""UPDATE jobs SET locations = '[{"mode": "remote"}]' WHERE id = :id"""),
            {"id": job["id"]},
        )
    phones = await _parsed_phones(
        client, owner, engine, state, job, "Téléphone : 06 12 34 56 78\nPython"
    )
    assert phones == ["+33612345678"]
