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
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain, scalar
from tests.resumes import hostile

PARSE_JOBS = (
    "SELECT count(*) FROM procrastinate_jobs"
    " WHERE task_name = 'resumes.parse' AND args->>'resume_id' = :resume_id"
)

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


async def _candidate(
    client: httpx.AsyncClient, owner: dict[str, str], candidate_id: str
) -> dict[str, Any]:
    response = await client.get(f"/v1/candidates/{candidate_id}", headers=owner)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _stored_match(
    client: httpx.AsyncClient, owner: dict[str, str], job_id: str, application_id: str
) -> dict[str, Any] | None:
    """The match score stored for an application, as the job's applicant list shows it."""
    listed = await client.get(f"/v1/jobs/{job_id}/applications", headers=owner)
    assert listed.status_code == 200, listed.text
    by_id = {item["id"]: item for item in listed.json()["items"]}
    match: dict[str, Any] | None = by_id[application_id]["match"]
    return match


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
    # Read by the job that handled the application, not by a job of its own per résumé, and
    # scored from what the résumé says (the form itself names no skill).
    assert await scalar(engine, PARSE_JOBS, resume_id=resume["id"]) == 0
    match = await _stored_match(client, owner, job["id"], applied.json()["id"])
    assert match is not None
    skills = {reason["part"]: reason["fit"] for reason in match["reasons"]}["required_skills"]
    assert skills > 0, match


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


# Every hostile kind the upload check lets through (by content it is a PDF or a Word file),
# read by the worker: the status says why, the application stays, and the worker goes on.
HOSTILE_UPLOADS = [
    ("cv.pdf", hostile.encrypted_pdf, hostile.PDF, "The PDF is password-protected."),
    ("cv.pdf", hostile.truncated_pdf, hostile.PDF, "damaged"),
    ("cv.pdf", hostile.image_only_pdf, hostile.PDF, "only images"),
    ("cv.pdf", hostile.many_pages_pdf, hostile.PDF, "5001 pages"),
    ("cv.pdf", hostile.deeply_nested_pdf, hostile.PDF, "PDF"),
    ("cv.docx", hostile.docx_zip_bomb, hostile.DOCX, "inflate to more than 40 MB"),
    ("cv.docx", hostile.deeply_nested_docx, hostile.DOCX, "Word file"),
    ("cv.docx", hostile.docx_billion_laughs, hostile.DOCX, "Word file"),
]


async def test_unreadable_resumes_fail_visibly_and_the_applications_stay(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    applied: list[tuple[dict[str, Any], str]] = []
    for number, (name, build, content_type, reason) in enumerate(HOSTILE_UPLOADS):
        response = await apply(
            client,
            job,
            fields={"email": f"hostile{number}@example.com"},
            file=(name, build(), content_type),
        )
        assert response.status_code == 201, (build.__name__, response.text)
        applied.append((response.json(), reason))
    # A good résumé queued behind them: the worker is still reading files after them all.
    good = await apply(client, job, fields={"email": "good@example.com"})
    assert good.status_code == 201, good.text

    await drain(engine, state)

    for application, reason in applied:
        candidate = await _candidate(client, owner, application["candidate_id"])
        resume = candidate["resumes"][0]
        assert resume["parse_status"] == "failed", (reason, resume)
        assert reason in resume["parse_error"]
        current = await client.get(f"/v1/applications/{application['id']}", headers=owner)
        assert current.status_code == 200
        assert current.json()["status"] == "active"
        activity = (
            await client.get(f"/v1/candidates/{candidate['id']}/activity", headers=owner)
        ).json()
        failed = [entry for entry in activity if entry["kind"] == "resume.parse_failed"]
        assert reason in failed[0]["details"]["reason"]
        # Scored once the résumé proved unreadable, from what the form said.
        assert await _stored_match(client, owner, job["id"], application["id"]) is not None
    parsed = await _candidate(client, owner, good.json()["candidate_id"])
    assert parsed["resumes"][0]["parse_status"] == "parsed"
    assert "PostgreSQL" in parsed["skills"]


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
