"""Résumés are read by a worker after the application commits, and feed the candidate's profile."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain
from tests.resumes import hostile

RESUME_TEXT = (
    "Senior Backend Engineer\n"
    "ada.lovelace@analytical.example | +44 20 7946 0958\n"
    "github.com/ada-lovelace\n"
    "Experience\n"
    "Backend Engineer, Engines Ltd, Jan 2018 - Present\n"
    "Built payment services in Python with Django and Postgres, deployed on k8s.\n"
    "Education\n"
    "BSc Mathematics, University of London, 2014 - 2017"
)


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    return WorkerState(sessions=app.state.sessions, settings=settings)


@pytest.fixture
async def owner(committing_client: httpx.AsyncClient) -> dict[str, str]:
    return bearer((await sign_up(committing_client, "acme"))["access_token"])


async def _candidate(
    client: httpx.AsyncClient, owner: dict[str, str], candidate_id: str
) -> dict[str, Any]:
    response = await client.get(f"/v1/candidates/{candidate_id}", headers=owner)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_worker_reads_the_resume_into_the_profile(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    applied = await apply(
        client, job, file=("cv.pdf", pdf_resume("Ada Lovelace", RESUME_TEXT), "application/pdf")
    )
    assert applied.status_code == 201, applied.text

    await drain(engine, state)

    candidate = await _candidate(client, owner, applied.json()["candidate_id"])
    resume = candidate["resumes"][0]
    assert resume["parse_status"] == "parsed", resume["parse_error"]
    assert resume["parsed_at"] is not None
    assert {"Python", "Django", "PostgreSQL", "Kubernetes"} <= set(candidate["skills"])
    assert candidate["phone"] is None or candidate["phone"].startswith("+")
    assert candidate["years_experience"] is not None
    assert candidate["years_experience"] > 8
    assert "ada.lovelace@analytical.example" in resume["parsed"]["emails"]
    assert resume["parsed"]["phones"] == ["+442079460958"]
    assert any("github.com/ada-lovelace" in link for link in candidate["links"])
    assert "text" not in resume["parsed"]  # the full text is kept, not sent with every read
    activity = (
        await client.get(f"/v1/candidates/{candidate['id']}/activity", headers=owner)
    ).json()
    assert "resume.parsed" in [entry["kind"] for entry in activity]


async def test_a_recruiters_edits_survive_a_reparse(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    applied = await apply(
        client, job, file=("cv.pdf", pdf_resume("Ada Lovelace", RESUME_TEXT), "application/pdf")
    )
    candidate_id = applied.json()["candidate_id"]
    await drain(engine, state)
    edited = await client.patch(
        f"/v1/candidates/{candidate_id}",
        json={"skills": ["COBOL"], "headline": "Hand-written headline"},
        headers=owner,
    )
    assert edited.status_code == 200, edited.text

    queued = await client.post(f"/v1/candidates/{candidate_id}/resume/reparse", headers=owner)
    assert queued.status_code == 202, queued.text
    assert queued.json()["parse_status"] == "pending"
    await drain(engine, state)

    candidate = await _candidate(client, owner, candidate_id)
    assert candidate["resumes"][0]["parse_status"] == "parsed"
    assert candidate["skills"] == ["COBOL"]
    assert candidate["headline"] == "Hand-written headline"
    assert candidate["years_experience"] is not None  # not edited, so still filled in


async def test_an_unreadable_resume_fails_visibly_and_the_application_stays(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    applied = await apply(client, job, file=("cv.pdf", hostile.encrypted_pdf(), "application/pdf"))
    assert applied.status_code == 201, applied.text

    await drain(engine, state)

    candidate = await _candidate(client, owner, applied.json()["candidate_id"])
    assert candidate["resumes"][0]["parse_status"] == "failed"
    assert candidate["resumes"][0]["parse_error"] == "The PDF is password-protected."
    application = await client.get(f"/v1/applications/{applied.json()['id']}", headers=owner)
    assert application.status_code == 200
    assert application.json()["status"] == "active"
    activity = (
        await client.get(f"/v1/candidates/{candidate['id']}/activity", headers=owner)
    ).json()
    failed = [entry for entry in activity if entry["kind"] == "resume.parse_failed"]
    assert failed[0]["details"]["reason"] == "The PDF is password-protected."


async def test_reparse_needs_a_candidate_with_a_resume_and_write_access(
    committing_client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    client = committing_client
    missing = await client.post(
        "/v1/candidates/0190b6d0-0000-7000-8000-000000000000/resume/reparse", headers=owner
    )
    assert missing.status_code == 404
    anonymous = await client.post(
        "/v1/candidates/0190b6d0-0000-7000-8000-000000000000/resume/reparse"
    )
    assert anonymous.status_code == 401
