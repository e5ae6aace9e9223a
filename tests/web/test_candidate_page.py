"""The candidate page through HTTP: profile, résumé, notes, tags, export and erasure."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.identity.helpers import sign_up
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"


@pytest.fixture
async def applied(client: httpx.AsyncClient, owner: dict[str, str]) -> dict[str, Any]:
    job = await open_job(client, owner)
    response = await apply(client, job)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _page(client: httpx.AsyncClient, candidate_id: str) -> httpx.Response:
    page = await client.get(f"/app/candidates/{candidate_id}")
    assert page.status_code == 200, page.text
    return page


async def test_the_page_shows_profile_resume_applications_and_timeline(
    client: httpx.AsyncClient, applied: dict[str, Any]
) -> None:
    await web_sign_in(client, EMAIL)
    page = await _page(client, applied["candidate_id"])
    assert "Ada Lovelace" in page.text
    assert 'id="profile-heading"' in page.text
    resume_url = f"/app/candidates/{applied['candidate_id']}/resumes/"
    assert f'<iframe class="resume" src="{resume_url}' in page.text
    assert "applied" in page.text
    assert "Export everything" in page.text  # the owner is an admin
    file_path = page.text.split('<iframe class="resume" src="')[1].split('"')[0]
    pdf = await client.get(file_path)
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("inline")
    assert pdf.headers["content-security-policy"] == "frame-ancestors 'self'"
    # The page may frame its own origin's files (default-src 'self' covers frames).
    assert "default-src 'self'" in page.headers["content-security-policy"]


async def test_a_note_with_a_mention_and_bad_notes(
    client: httpx.AsyncClient, owner: dict[str, str], applied: dict[str, Any]
) -> None:
    await _join(client, owner, "ivy@acme.example", "recruiter")
    await web_sign_in(client, EMAIL)
    candidate_id = applied["candidate_id"]
    token = csrf_token((await _page(client, candidate_id)).text)

    added = await client.post(
        f"/app/candidates/{candidate_id}/notes",
        data={"body": "Great SQL, @ivy please call her", "csrf_token": token},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert added.status_code == 200
    assert added.text.lstrip().startswith('<section id="notes"')
    assert "Great SQL, @ivy please call her" in added.text
    assert "told New Member" in added.text

    empty = await client.post(
        f"/app/candidates/{candidate_id}/notes", data={"body": "  ", "csrf_token": token}
    )
    assert empty.status_code == 422
    assert "Write something first." in empty.text
    notes = await client.get(f"/v1/candidates/{candidate_id}/notes", headers=owner)
    assert len(notes.json()["items"]) == 1


async def test_tags_are_added_and_removed_from_the_page(
    client: httpx.AsyncClient, owner: dict[str, str], applied: dict[str, Any]
) -> None:
    await web_sign_in(client, EMAIL)
    candidate_id = applied["candidate_id"]
    token = csrf_token((await _page(client, candidate_id)).text)
    added = await client.post(
        f"/app/candidates/{candidate_id}/tags", data={"tags": "python, remote", "csrf_token": token}
    )
    assert added.status_code == 303
    removed = await client.post(
        f"/app/candidates/{candidate_id}/tags/remove", data={"tag": "remote", "csrf_token": token}
    )
    assert removed.status_code == 303
    too_long = await client.post(
        f"/app/candidates/{candidate_id}/tags", data={"tags": "x" * 61, "csrf_token": token}
    )
    assert too_long.status_code == 422
    candidate = (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).json()
    assert candidate["tags"] == ["python"]


async def test_the_profile_is_edited_and_bad_values_are_named(
    client: httpx.AsyncClient, owner: dict[str, str], applied: dict[str, Any]
) -> None:
    await web_sign_in(client, EMAIL)
    candidate_id = applied["candidate_id"]
    token = csrf_token((await _page(client, candidate_id)).text)
    bad = await client.post(
        f"/app/candidates/{candidate_id}/profile",
        data={"name": "Ada", "years_experience": "a lot", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert 'href="#edit-years_experience"' in bad.text
    saved = await client.post(
        f"/app/candidates/{candidate_id}/profile",
        data={"name": "Ada King", "skills": "python, postgres", "csrf_token": token},
    )
    assert saved.status_code == 303
    candidate = (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).json()
    assert candidate["name"] == "Ada King"
    assert candidate["skills"] == ["Python", "PostgreSQL"]


async def test_only_admins_export_and_erase(
    client: httpx.AsyncClient, owner: dict[str, str], applied: dict[str, Any]
) -> None:
    candidate_id = applied["candidate_id"]
    await _join(client, owner, "rae@acme.example", "recruiter")
    await web_sign_in(client, "rae@acme.example")
    page = await _page(client, candidate_id)
    assert "Export everything" not in page.text
    assert (await client.get(f"/app/candidates/{candidate_id}/export")).status_code == 403
    refused = await client.post(
        f"/app/candidates/{candidate_id}/erase",
        data={"confirm": "yes", "csrf_token": csrf_token(page.text)},
    )
    assert refused.status_code == 403

    client.cookies.clear()
    await web_sign_in(client, EMAIL)
    token = csrf_token((await _page(client, candidate_id)).text)
    exported = await client.get(f"/app/candidates/{candidate_id}/export")
    assert exported.json()["candidate"]["name"] == "Ada Lovelace"
    unconfirmed = await client.post(
        f"/app/candidates/{candidate_id}/erase", data={"csrf_token": token}
    )
    assert unconfirmed.status_code == 422
    erased = await client.post(
        f"/app/candidates/{candidate_id}/erase", data={"confirm": "yes", "csrf_token": token}
    )
    assert erased.status_code == 303
    assert (await client.get(f"/app/candidates/{candidate_id}")).status_code == 404


async def test_another_organisations_candidate_is_a_404(
    client: httpx.AsyncClient, applied: dict[str, Any]
) -> None:
    await sign_up(client, "globex")
    await web_sign_in(client, "owner@globex.example")
    page = await client.get(f"/app/candidates/{applied['candidate_id']}")
    assert page.status_code == 404
    assert "Ada Lovelace" not in page.text


async def test_a_candidate_is_added_by_hand_from_the_app(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    await web_sign_in(client, EMAIL)
    form = await client.get("/app/candidates/new", params={"job_id": job["id"]})
    assert form.status_code == 200
    token = csrf_token(form.text)
    added = await client.post(
        "/app/candidates/new",
        data={
            "csrf_token": token,
            "name": "Katherine Johnson",
            "email": "kj@example.com",
            "source": "referred",
            "referred_by": "Dorothy",
            "job_id": job["id"],
        },
        files={"resume": ("cv.pdf", pdf_resume("Katherine Johnson"), "application/pdf")},
    )
    assert added.status_code == 303, added.text
    page = await client.get(added.headers["location"])
    assert "Katherine Johnson" in page.text
    assert "referred by Dorothy" in page.text
    again = await client.post(
        "/app/candidates/new",
        data={"csrf_token": token, "name": "KJ", "email": "kj@example.com", "source": "sourced"},
    )
    assert again.status_code == 422
    assert "exists already" in again.text
    assert "data-focus-on-load" in again.text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "name:"),
        ({"name": "A", "email": "nope"}, "email:"),
        ({"name": "A", "source": "careers_page"}, "source:"),
        ({"name": "A", "job_id": "00000000-0000-0000-0000-000000000000"}, "No job"),
    ],
)
async def test_bad_hand_additions_are_named_and_nothing_is_stored(
    client: httpx.AsyncClient, owner: dict[str, str], fields: dict[str, str], message: str
) -> None:
    await web_sign_in(client, EMAIL)
    token = csrf_token((await client.get("/app/candidates/new")).text)
    refused = await client.post("/app/candidates/new", data={"csrf_token": token, **fields})
    assert refused.status_code == 422
    assert message in refused.text
    assert (await client.get("/v1/candidates", headers=owner)).json()["items"] == []
