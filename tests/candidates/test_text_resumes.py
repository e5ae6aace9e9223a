"""Plain-text résumés: accepted at upload in the encodings people save them in, and read."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain

TEXT_RESUME = (
    "Zoë Núñez-Müller\n"
    "zoe.nunez@mail.example · +34 612 345 678\n"
    "\n"
    "SKILLS\n"
    "Python, PostgreSQL, Kubernetes\n"
    "\n"
    "WORK HISTORY\n"
    "Backend Engineer \u2013 Lumen Pagos, Jan 2019 \u2013 Dec 2022\n"
)


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    return WorkerState(sessions=app.state.sessions, settings=settings)


@pytest.mark.parametrize(
    "data",
    [
        TEXT_RESUME.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT_RESUME.encode("utf-8"),
        TEXT_RESUME.encode("utf-16"),  # with its BOM, as Windows' Notepad writes "Unicode"
        TEXT_RESUME.replace("\u2013", "-").encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "latin-1"],
)
async def test_a_text_resume_is_accepted_and_read_in_every_common_encoding(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    data: bytes,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    applied = await apply(client, job, file=("My CV.TXT", data, "application/octet-stream"))
    assert applied.status_code == 201, applied.text

    await drain(engine, state)

    candidate = (
        await client.get(f"/v1/candidates/{applied.json()['candidate_id']}", headers=owner)
    ).json()
    resume = candidate["resumes"][0]
    assert (resume["content_type"], resume["filename"]) == ("text/plain", "My_CV.txt")
    assert resume["parse_status"] == "parsed", resume["parse_error"]
    assert resume["parsed"]["name"] == "Zoë Núñez-Müller"
    assert resume["parsed"]["emails"] == ["zoe.nunez@mail.example"]
    assert resume["parsed"]["phones"] == ["+34612345678"]
    assert {"Python", "PostgreSQL", "Kubernetes"} <= set(candidate["skills"])
    confidence = resume["parsed"]["confidence"]
    assert set(confidence) >= {"name", "emails", "phones", "skills", "years_experience"}
    assert all(0 <= value <= 1 for value in confidence.values())
    assert confidence["phones"] == 1.0  # written with its country code
    assert confidence["name"] > 0.5
    assert confidence["education"] == 0.0  # none given
    download = await client.get(
        f"/v1/candidates/{candidate['id']}/resumes/{resume['id']}", headers=owner
    )
    assert download.content == data


async def test_the_careers_form_says_plain_text_is_accepted(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    job = await open_job(client, owner)
    page = await client.get(f"/careers/acme/jobs/{job['id']}")
    assert page.status_code == 200, page.text
    assert "plain text .txt" in page.text
    assert 'accept=".pdf,.docx,.txt,' in page.text
