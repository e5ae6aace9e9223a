"""From the event to the mailbox: applying and rejecting through the API, then the worker's
jobs, leave the e-mails each person should get (as .eml files, no mail server configured)."""

from __future__ import annotations

import email
import shutil
import uuid
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.db import unit_of_work
from hireline.core.queue import WorkerState
from hireline.core.tenancy import enter_tenant
from hireline.notifications.service import notify_webhook_endpoint_disabled
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.identity.helpers import PASSWORD, bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain

PUBLIC_URL = "https://hire.acme.example"


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    """A worker with the app's settings (its files, say), and no mail left by earlier tests."""
    own = settings.model_copy(update={"public_url": PUBLIC_URL})
    shutil.rmtree(own.data_dir / "mail", ignore_errors=True)
    return WorkerState(sessions=app.state.sessions, settings=own)


@pytest.fixture
async def organization(committing_client: httpx.AsyncClient) -> dict[str, Any]:
    """An organisation with an owner, an admin and an interviewer; committed, so workers see
    it (`committing_client` empties the tables afterwards)."""
    client = committing_client
    slug = f"acme-{uuid.uuid4().hex[:8]}"
    owner = bearer((await sign_up(client, slug, email=f"owner@{slug}.example"))["access_token"])
    me = (await client.get("/v1/me", headers=owner)).json()
    people = {"owner": {"id": me["user"]["id"], "email": f"owner@{slug}.example"}}
    for role in ("admin", "interviewer"):
        address = f"{role}@{slug}.example"
        invited = await client.post(
            "/v1/members", json={"email": address, "role": role, "send_email": False}, headers=owner
        )
        assert invited.status_code == 201, invited.text
        accepted = await client.post(
            invited.json()["accept_path"], json={"name": f"Ivy {role}", "password": PASSWORD}
        )
        assert accepted.status_code == 200, accepted.text
        user = (await client.get("/v1/me", headers=bearer(accepted.json()["access_token"]))).json()
        people[role] = {"id": user["user"]["id"], "email": address}
    return {"slug": slug, "tenant_id": me["tenant"]["id"], "owner": owner, "people": people}


async def _job_with_team(client: httpx.AsyncClient, org: dict[str, Any]) -> dict[str, Any]:
    people = org["people"]
    return await open_job(
        client,
        org["owner"],
        title="Backend <Engineer> & Co",
        hiring_team=[
            {"user_id": people["owner"]["id"], "role": "hiring_manager"},
            {"user_id": people["interviewer"]["id"], "role": "interviewer"},
        ],
    )


async def _apply(
    client: httpx.AsyncClient, org: dict[str, Any], job: dict[str, Any], name: str, address: str
) -> dict[str, Any]:
    response = await client.post(
        f"/v1/boards/{org['slug']}/jobs/{job['id']}/applications",
        data={"name": name, "email": address, "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume(name), "application/pdf")},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def _mailbox(state: WorkerState) -> list[EmailMessage]:
    root = state.settings.data_dir / "mail"
    messages = []
    for path in sorted(root.rglob("*.eml")) if root.exists() else []:
        assert path.parent.name == datetime.now(UTC).strftime("%Y-%m-%d")
        parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        messages.append(parsed)
    return messages


def _to(messages: list[EmailMessage], address: str) -> list[EmailMessage]:
    return [m for m in messages if m["To"].addresses[0].addr_spec == address]


def _text(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None
    return " ".join(str(part.get_content()).split())


async def test_an_application_mails_the_candidate_and_each_of_the_hiring_team(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    job = await _job_with_team(committing_client, organization)
    applied = await _apply(
        committing_client, organization, job, "Ada <b>Lovelace</b>", "ada@example.com"
    )

    assert _mailbox(state) == []  # nothing is sent from the request
    await drain(engine, state)

    mailbox = _mailbox(state)
    people = organization["people"]
    received = _to(mailbox, "ada@example.com")
    assert len(received) == 1
    assert received[0]["Subject"] == "We received your application for Backend <Engineer> & Co"
    assert received[0]["From"].addresses[0].display_name == f"{organization['slug'].title()} Inc"
    assert received[0]["Auto-Submitted"] == "auto-generated"
    assert "Thank you for applying for Backend <Engineer> & Co" in _text(received[0])
    html = _text(received[0], "html")
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt;" in html
    assert "Backend &lt;Engineer&gt; &amp; Co" in html

    link = f"{PUBLIC_URL}/applications/{applied['id']}"
    for role in ("owner", "interviewer"):
        [team_mail] = _to(mailbox, people[role]["email"])
        assert team_mail["Subject"] == (
            "New application for Backend <Engineer> & Co: Ada <b>Lovelace</b>"
        )
        assert link in _text(team_mail)
        assert f'href="{link}"' in _text(team_mail, "html")
    assert _to(mailbox, people["admin"]["email"]) == []  # not on the hiring team
    assert len(mailbox) == 3
    assert len({m["Message-ID"] for m in mailbox}) == 3


async def test_applying_again_mails_the_candidate_that_they_had_applied_already(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    job = await _job_with_team(committing_client, organization)
    await _apply(committing_client, organization, job, "Mary", "mary@example.com")
    await drain(engine, state)
    await _apply(committing_client, organization, job, "Someone Else", "mary@example.com")
    await drain(engine, state)

    to_mary = _to(_mailbox(state), "mary@example.com")
    assert sorted(m["Subject"] for m in to_mary) == [
        "We received your application for Backend <Engineer> & Co",
        "You have already applied for Backend <Engineer> & Co",
    ]
    [notice] = [m for m in to_mary if m["Subject"].startswith("You have already")]
    assert "your first application is still with the hiring team" in _text(notice)
    # The hiring team hears of the first application only.
    owner_mail = _to(_mailbox(state), organization["people"]["owner"]["email"])
    assert len(owner_mail) == 1


@pytest.mark.parametrize("notify", [True, False])
async def test_a_rejection_is_mailed_only_when_the_recruiter_chose_so(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],
    engine: AsyncEngine,
    state: WorkerState,
    notify: bool,
) -> None:
    job = await _job_with_team(committing_client, organization)
    applied = await _apply(committing_client, organization, job, "Grace", "grace@example.com")
    await drain(engine, state)
    before = len(_to(_mailbox(state), "grace@example.com"))

    rejected = await committing_client.post(
        f"/v1/applications/{applied['id']}/reject",
        json={"reason": "not_qualified", "notify_candidate": notify, "note": "No SQL at all"},
        headers=organization["owner"],
    )
    assert rejected.status_code == 200, rejected.text
    await drain(engine, state)

    to_grace = _to(_mailbox(state), "grace@example.com")
    assert before == 1
    if not notify:
        assert len(to_grace) == 1
        return
    [rejection] = [m for m in to_grace if m["Subject"].startswith("Your application for")]
    assert rejection["Subject"] == (
        f"Your application for Backend <Engineer> & Co at {organization['slug'].title()} Inc"
    )
    text = _text(rejection)
    assert "decided not to take your application further" in text
    # The reason and the recruiter's note are internal.
    assert "No SQL" not in text
    assert "requirements" not in text


async def test_an_erased_candidate_gets_no_mail_and_is_not_named_to_the_team(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    job = await _job_with_team(committing_client, organization)
    applied = await _apply(committing_client, organization, job, "Hedy", "hedy@example.com")
    erased = await committing_client.delete(
        f"/v1/candidates/{applied['candidate_id']}", headers=organization["owner"]
    )
    assert erased.status_code == 204, erased.text

    await drain(engine, state)

    assert _mailbox(state) == []


async def test_owners_and_admins_hear_of_a_disabled_webhook_endpoint(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    tenant_id = uuid.UUID(organization["tenant_id"])
    since = datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
    for _ in range(2):  # a caller retried after queueing: still one message each
        async with unit_of_work(state.sessions) as session:
            await enter_tenant(session, tenant_id)
            await notify_webhook_endpoint_disabled(
                session,
                tenant_id,
                endpoint_url="https://hooks.example.com/services/T0/B0/very-secret",
                failing_since=since,
                last_error="HTTP 500: <html>boom</html>",
            )
    await drain(engine, state)

    mailbox = _mailbox(state)
    people = organization["people"]
    assert {m["To"].addresses[0].addr_spec for m in mailbox} == {
        people["owner"]["email"],
        people["admin"]["email"],
    }
    assert len(mailbox) == 2
    message = _to(mailbox, people["admin"]["email"])[0]
    assert message["Subject"] == "Webhook endpoint disabled: hooks.example.com"
    text = _text(message)
    assert "https://hooks.example.com/services/T0/B0/…" in text
    assert "very-secret" not in text
    assert "2026-11-20 08:15 UTC" in text
    assert "HTTP 500: <html>boom</html>" in text
    assert "HTTP 500: &lt;html&gt;boom&lt;/html&gt;" in _text(message, "html")
