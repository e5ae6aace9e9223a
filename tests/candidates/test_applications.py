"""Applying from the board, and the recruiter's side of it, end to end through HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Candidate, Resume
from hireline.core.events import DomainEvent
from hireline.core.tenancy import enter_tenant
from tests.candidates.files import docx_resume, pdf_resume
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job

FORM = {"name": "Ada Lovelace", "email": "Ada@Example.com", "consent": "true"}


async def apply(
    client: httpx.AsyncClient,
    job: dict[str, Any],
    *,
    slug: str = "acme",
    fields: dict[str, str] | None = None,
    file: tuple[str, bytes, str] | None = ("cv.pdf", b"", "application/pdf"),
) -> httpx.Response:
    files = {}
    if file is not None:
        name, data, content_type = file
        files["resume"] = (name, data or pdf_resume(), content_type)
    return await client.post(
        f"/v1/boards/{slug}/jobs/{job['id']}/applications",
        data=FORM | (fields or {}),
        files=files,
    )


def _stored_files(client: httpx.AsyncClient) -> list[Path]:
    edge = client._transport.app  # type: ignore[attr-defined]
    root = edge.app.state.storage.root
    return [p for p in Path(root).rglob("*") if p.is_file()] if Path(root).exists() else []


async def test_apply_with_a_pdf_creates_candidate_application_and_event(
    client: httpx.AsyncClient, owner: dict[str, str], db_session: AsyncSession
) -> None:
    job = await open_job(client, owner)
    before = len(_stored_files(client))
    response = await apply(client, job, fields={"links": "https://github.com/ada"})
    assert response.status_code == 201, response.text
    created = response.json()
    assert len(_stored_files(client)) == before + 1

    candidate = (
        await client.get(f"/v1/candidates/{created['candidate_id']}", headers=owner)
    ).json()
    assert candidate["email"] == "Ada@example.com"
    assert candidate["links"] == ["https://github.com/ada"]
    assert candidate["resumes"][0]["content_type"] == "application/pdf"
    assert candidate["resumes"][0]["filename"] == "cv.pdf"
    assert candidate["resumes"][0]["parse_status"] == "pending"
    application = (await client.get(f"/v1/applications/{created['id']}", headers=owner)).json()
    assert application["stage_id"] == job["stages"][0]["id"]
    assert application["consent_at"] is not None

    await enter_tenant(db_session, (await _tenant_id(client, owner)))
    types = list(
        (await db_session.execute(select(DomainEvent.type).order_by(DomainEvent.id))).scalars()
    )
    assert "application.created" in types


async def _tenant_id(client: httpx.AsyncClient, headers: dict[str, str]) -> Any:
    import uuid

    return uuid.UUID((await client.get("/v1/me", headers=headers)).json()["tenant"]["id"])


async def test_docx_is_accepted_and_the_file_downloads_for_recruiters_only(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    data = docx_resume()
    created = (
        await apply(
            client,
            job,
            file=("../../etc/My Résumé.DOCX", data, "application/octet-stream"),
        )
    ).json()
    candidate = (
        await client.get(f"/v1/candidates/{created['candidate_id']}", headers=owner)
    ).json()
    resume = candidate["resumes"][0]
    assert resume["filename"] == "My_Resume.docx"
    url = f"/v1/candidates/{created['candidate_id']}/resumes/{resume['id']}"
    download = await client.get(url, headers=owner)
    assert download.content == data
    assert download.headers["content-disposition"] == 'attachment; filename="My_Resume.docx"'
    assert (await client.get(url)).status_code == 401


async def test_same_person_is_one_candidate_and_an_anonymous_reapplication_tells_nothing(
    client: httpx.AsyncClient, owner: dict[str, str], db_session: AsyncSession
) -> None:
    first_job = await open_job(client, owner)
    second_job = await open_job(client, owner, title="Data Engineer")
    first = (await apply(client, first_job)).json()
    second = (await apply(client, second_job, fields={"email": "  ada@example.COM "})).json()
    assert second["candidate_id"] == first["candidate_id"]

    # Anyone can type an address into the form: the answer must not reveal that it applied.
    again = await apply(client, first_job)
    assert again.status_code == 201, again.text
    assert again.headers["content-type"] == "application/json"
    repeat = again.json()
    assert repeat.keys() == first.keys()
    assert (repeat["job_id"], repeat["status"]) == (first_job["id"], "active")
    assert repeat["id"] != first["id"]
    assert repeat["candidate_id"] != first["candidate_id"]
    assert (await client.get(f"/v1/applications/{repeat['id']}", headers=owner)).status_code == 404

    listed = (await client.get("/v1/candidates", headers=owner)).json()["items"]
    assert len(listed) == 1
    applications = await client.get(f"/v1/jobs/{first_job['id']}/applications", headers=owner)
    assert [a["id"] for a in applications.json()["items"]] == [first["id"]]
    resubmitted = (
        (
            await db_session.execute(
                select(DomainEvent).where(DomainEvent.type == "application.resubmitted")
            )
        )
        .scalars()
        .all()
    )
    assert [event.payload for event in resubmitted] == [
        {
            "application_id": first["id"],
            "candidate_id": first["candidate_id"],
            "job_id": first_job["id"],
        }
    ]


async def test_reapplying_with_the_organisations_credentials_is_409_with_the_link(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    first = (await apply(client, job)).json()
    again = await client.post(
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data=FORM,
        files={"resume": ("cv.pdf", pdf_resume(), "application/pdf")},
        headers=owner,
    )
    assert again.status_code == 409
    assert again.json()["application"] == f"/v1/applications/{first['id']}"
    # Another organisation's credentials learn nothing more than an anonymous visitor.
    stranger = bearer((await sign_up(client, "globex"))["access_token"])
    elsewhere = await client.post(
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data=FORM,
        files={"resume": ("cv.pdf", pdf_resume(), "application/pdf")},
        headers=stranger,
    )
    assert elsewhere.status_code == 201, elsewhere.text


@pytest.mark.parametrize(
    ("fields", "file", "status", "fragment"),
    [
        (
            {},
            ("cv.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "application/pdf"),
            415,
            "plain-text",
        ),
        ({}, ("cv.txt", b"Ada\x00Lovelace\x00", "text/plain"), 415, "plain-text"),
        ({}, ("cv.pdf", b"PK\x03\x04not a real zip", "application/pdf"), 415, "PDF, a Word"),
        ({}, ("cv.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf"), 413, "10 MB"),
        ({}, None, 422, ""),
        ({"consent": "false"}, ("cv.pdf", b"", "application/pdf"), 422, ""),
        ({"email": "not-an-email"}, ("cv.pdf", b"", "application/pdf"), 422, ""),
        ({"links": "javascript:alert(1)"}, ("cv.pdf", b"", "application/pdf"), 422, ""),
        ({"answers": "{not json"}, ("cv.pdf", b"", "application/pdf"), 422, ""),
        ({"website": "http://spam.example"}, ("cv.pdf", b"", "application/pdf"), 400, ""),
    ],
)
async def test_bad_applications_are_refused_and_leave_nothing(
    client: httpx.AsyncClient,
    owner: dict[str, str],
    db_session: AsyncSession,
    fields: dict[str, str],
    file: tuple[str, bytes, str] | None,
    status: int,
    fragment: str,
) -> None:
    job = await open_job(client, owner)
    before = len(_stored_files(client))
    response = await apply(client, job, fields=fields, file=file)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert fragment in response.text
    assert len(_stored_files(client)) == before
    await enter_tenant(db_session, await _tenant_id(client, owner))
    assert (await db_session.execute(select(func.count()).select_from(Candidate))).scalar() == 0


async def test_empty_file_closed_job_and_unknown_site(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    empty = await client.post(
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data=FORM,
        files={"resume": ("cv.pdf", b"", "application/pdf")},
    )
    assert empty.status_code == 422
    assert "empty" in empty.json()["detail"]
    await client.post(f"/v1/jobs/{job['id']}/close", headers=owner)
    assert (await apply(client, job)).status_code == 409
    assert (await apply(client, job, slug="nobody")).status_code == 404


async def test_a_failed_commit_removes_the_stored_file(
    client: httpx.AsyncClient, owner: dict[str, str], db_session: AsyncSession
) -> None:
    job = await open_job(client, owner)
    before = len(_stored_files(client))
    # Make the résumé insert fail inside the request, after the file has been written
    # (as the owner: the app's own role may not alter tables; all undone with the test).
    owner_role = (await db_session.execute(text("SELECT session_user"))).scalar_one()
    await db_session.execute(text(f'SET ROLE "{owner_role}"'))
    await db_session.execute(
        text("ALTER TABLE resumes ADD CONSTRAINT test_refuse_all CHECK (size < 0) NOT VALID")
    )
    await db_session.execute(text("SET ROLE hireline_app"))
    response = await apply(client, job)
    assert response.status_code == 500
    assert len(_stored_files(client)) == before


async def test_recruiter_pipeline_flow(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    job = await open_job(client, owner)
    created = (await apply(client, job, fields={"name": "<b>Ada</b>"})).json()
    app_id = created["id"]
    listed = (await client.get(f"/v1/jobs/{job['id']}/applications", headers=owner)).json()
    assert [a["id"] for a in listed["items"]] == [app_id]
    applied = next(s for s in job["stages"] if s["name"] == "Applied")
    assert listed["items"][0]["stage"] == {
        "id": applied["id"],
        "name": "Applied",
        "kind": "applied",
    }
    assert listed["items"][0]["candidate_name"] == "<b>Ada</b>"

    onsite = next(s["id"] for s in job["stages"] if s["name"] == "Onsite")
    moved = await client.post(
        f"/v1/applications/{app_id}/move", json={"stage_id": onsite}, headers=owner
    )
    assert moved.json()["stage_id"] == onsite
    assert moved.json()["stage"] == {"id": onsite, "name": "Onsite", "kind": "interview"}
    read = (await client.get(f"/v1/applications/{app_id}", headers=owner)).json()
    assert read["stage"] == moved.json()["stage"]
    filtered = (
        await client.get(
            f"/v1/jobs/{job['id']}/applications", params={"stage_id": onsite}, headers=owner
        )
    ).json()
    assert len(filtered["items"]) == 1
    foreign_stage = await client.post(
        f"/v1/applications/{app_id}/move",
        json={"stage_id": "00000000-0000-0000-0000-000000000000"},
        headers=owner,
    )
    assert foreign_stage.status_code == 422
    bad_reason = await client.post(
        f"/v1/applications/{app_id}/reject", json={"reason": "vibes"}, headers=owner
    )
    assert bad_reason.status_code == 422
    hired = await client.post(f"/v1/applications/{app_id}/hire", headers=owner)
    assert hired.json()["status"] == "hired"
    assert hired.json()["stage"]["name"] == "Onsite"  # hiring ends the application where it is
    late = await client.post(
        f"/v1/applications/{app_id}/reject", json={"reason": "not_qualified"}, headers=owner
    )
    assert late.status_code == 409
    # RFC 9457: `status` is the HTTP status code; the application's state has its own member.
    assert late.json()["status"] == 409
    assert late.json()["application_status"] == "hired"
    profile = (await client.get(f"/v1/candidates/{created['candidate_id']}", headers=owner)).json()
    assert profile["applications"][0]["stage"]["name"] == "Onsite"

    activity = (
        await client.get(f"/v1/candidates/{created['candidate_id']}/activity", headers=owner)
    ).json()
    assert [a["kind"] for a in activity] == [
        "application.created",
        "application.moved",
        "application.hired",
    ]

    tagged = await client.patch(
        f"/v1/candidates/{created['candidate_id']}",
        json={"tags": ["python", "python", "referral"], "notes": "Strong systems thinking."},
        headers=owner,
    )
    assert tagged.json()["tags"] == ["python", "referral"]


async def test_reject_and_withdraw(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    job = await open_job(client, owner)
    first = (await apply(client, job)).json()
    second = (await apply(client, job, fields={"email": "grace@example.com"})).json()
    rejected = await client.post(
        f"/v1/applications/{first['id']}/reject",
        json={"reason": "position_filled", "notify_candidate": True},
        headers=owner,
    )
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["rejection_reason"] == "position_filled"
    assert rejected.json()["stage"]["kind"] == "applied"
    withdrawn = await client.post(f"/v1/applications/{second['id']}/withdraw", headers=owner)
    assert withdrawn.json()["status"] == "withdrawn"
    only_active = (
        await client.get(
            f"/v1/jobs/{job['id']}/applications", params={"status": "active"}, headers=owner
        )
    ).json()
    assert only_active["items"] == []


async def test_export_and_erasure(
    client: httpx.AsyncClient, owner: dict[str, str], db_session: AsyncSession
) -> None:
    job = await open_job(client, owner)
    created = (await apply(client, job)).json()
    candidate_id = created["candidate_id"]
    export = await client.get(f"/v1/candidates/{candidate_id}/export", headers=owner)
    assert export.status_code == 200
    body = export.json()
    assert body["candidate"]["email"] == "Ada@example.com"
    assert len(body["applications"]) == 1
    assert "storage_key" not in body["resumes"][0]

    before = len(_stored_files(client))
    erased = await client.delete(f"/v1/candidates/{candidate_id}", headers=owner)
    assert erased.status_code == 204
    assert len(_stored_files(client)) == before - 1
    assert (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).status_code == 404
    await enter_tenant(db_session, await _tenant_id(client, owner))
    row = (await db_session.execute(select(Candidate))).scalar_one()
    assert (row.email, row.name, row.phone) == (None, None, None)
    assert (await db_session.execute(select(func.count()).select_from(Resume))).scalar() == 0
    # The application stays, anonymous, for the funnel statistics.
    listed = (await client.get(f"/v1/jobs/{job['id']}/applications", headers=owner)).json()
    assert len(listed["items"]) == 1
    audit = (await client.get("/v1/audit-log", headers=owner)).json()["items"]
    assert {"candidate.exported", "candidate.erased"} <= {e["action"] for e in audit}


async def test_other_tenants_candidates_and_applications_are_404(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    created = (await apply(client, job)).json()
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    candidate_id, app_id = created["candidate_id"], created["id"]
    for method, path, body in (
        ("GET", f"/v1/candidates/{candidate_id}", None),
        ("PATCH", f"/v1/candidates/{candidate_id}", {"notes": "x"}),
        ("GET", f"/v1/candidates/{candidate_id}/export", None),
        ("GET", f"/v1/candidates/{candidate_id}/activity", None),
        ("DELETE", f"/v1/candidates/{candidate_id}", None),
        ("GET", f"/v1/applications/{app_id}", None),
        ("POST", f"/v1/applications/{app_id}/hire", None),
        ("POST", f"/v1/applications/{app_id}/withdraw", None),
        ("GET", f"/v1/jobs/{job['id']}/applications", None),
    ):
        response = await client.request(method, path, headers=globex, json=body)
        assert response.status_code == 404, (method, path)
    assert (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).status_code == 200


async def test_a_retried_application_with_the_same_key_is_answered_once(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    # A retry sends the very same bytes (the multipart boundary included).
    request = client.build_request(
        "POST",
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data=FORM,
        files={"resume": ("cv.pdf", pdf_resume(), "application/pdf")},
        headers={"Idempotency-Key": "apply-attempt-1"},
    )
    body = request.read()

    async def submit() -> httpx.Response:
        return await client.post(request.url, content=body, headers=request.headers)

    first = await submit()
    again = await submit()
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]


async def test_skills_a_recruiter_types_are_canonicalised_through_the_taxonomy(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    candidate_id = (await apply(client, job)).json()["candidate_id"]
    edited = await client.patch(
        f"/v1/candidates/{candidate_id}",
        json={"skills": ["postgres", "golang", "PostgreSQL", "k8s", "Underwater basket weaving"]},
        headers=owner,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["skills"] == [
        "PostgreSQL",
        "Go",
        "Kubernetes",
        "Underwater basket weaving",  # unknown to the taxonomy: kept as typed
    ]


async def test_the_careers_form_answers_a_repeat_like_a_first_application(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    answers = []
    for _ in range(2):
        response = await client.post(
            f"/careers/acme/jobs/{job['id']}/apply",
            data={"name": "Ada", "email": "ada@example.com", "consent": "on"},
            files={"resume": ("cv.pdf", pdf_resume(), "application/pdf")},
        )
        answers.append((response.status_code, response.headers.get("location")))
    assert answers[0] == answers[1] == (303, f"/careers/acme/jobs/{job['id']}/applied")
