"""Each organisation's e-mail wording: saved, previewed with sample data, escaped, used."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from tests.candidates.files import pdf_resume
from tests.fixtures.identity import Member
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain
from tests.web.helpers import csrf_token, web_sign_in
from tests.web.mail import mailbox, state, text_of

__all__ = ["state"]
PAGE = "/app/settings/emails"


async def _send(
    client: httpx.AsyncClient, kind: str, subject: str, body: str, intent: str = "save"
) -> httpx.Response:
    page = await client.get(PAGE)
    assert page.status_code == 200, page.text
    return await client.post(
        f"{PAGE}/{kind}",
        data={
            "subject": subject,
            "body": body,
            "intent": intent,
            "csrf_token": csrf_token(page.text),
        },
    )


@pytest.fixture
async def owner(owner: Member, client: httpx.AsyncClient) -> Member:
    """The shared owner, signed in to the web app as well."""
    await web_sign_in(client, owner.email)
    return owner


async def test_a_preview_fills_sample_data_and_escapes_it(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    shown = await _send(
        client,
        "application_received",
        "Thanks, {candidate_name}",
        "Dear {candidate_name},\n\n<script>alert(1)</script> about {job_title}.",
        intent="preview",
    )
    assert shown.status_code == 200
    assert "Thanks, Ada Lovelace" in shown.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; about Senior Backend Engineer." in shown.text
    assert "<script>alert" not in shown.text
    # A preview stores nothing.
    assert "The built-in text is used" in (await client.get(PAGE)).text


@pytest.mark.parametrize(
    ("kind", "subject", "body", "message"),
    [
        ("application_received", "Hi", "Hello {salary}", "Unknown placeholder {salary}"),
        ("application_rejected", "", "Hello", "The subject must not be empty."),
        ("invitation", "Join us", "Come and join {organization}", "must contain {link}"),
        ("application_received", "Hi", "x" * 5001, "at most 5000 characters"),
    ],
)
async def test_an_unusable_template_is_refused_and_not_stored(
    client: httpx.AsyncClient,
    owner: dict[str, str],
    kind: str,
    subject: str,
    body: str,
    message: str,
) -> None:
    refused = await _send(client, kind, subject, body)
    assert refused.status_code == 422
    assert message in refused.text
    assert "Your own text." not in (await client.get(PAGE)).text


async def test_a_template_is_saved_and_reset(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    saved = await _send(client, "invitation", "Welcome to {organization}", "Join: {link}")
    assert saved.status_code == 303
    page = await client.get(PAGE)
    assert "Your own text." in page.text
    assert 'value="Welcome to {organization}"' in page.text
    reset = await _send(client, "invitation", "", "", intent="reset")
    assert reset.status_code == 303
    assert "Your own text." not in (await client.get(PAGE)).text


async def test_an_unknown_kind_is_404(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    assert (await _send(client, "nonsense", "a", "b", intent="reset")).status_code == 404
    assert (await _send(client, "nonsense", "a", "b")).status_code == 422


async def test_notifications_use_the_organisations_own_template(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    await web_sign_in(client, "owner@acme.example")
    saved = await _send(
        client,
        "application_received",
        "{organization} got it, {candidate_name}",
        "Dear {candidate_name},\n\nWe have your application for {job_title}.\n\nAcme people",
    )
    assert saved.status_code == 303
    job = await open_job(client, owner)
    applied = await client.post(
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data={"name": "Ada <b>Lovelace</b>", "email": "ada@example.com", "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume("Ada"), "application/pdf")},
    )
    assert applied.status_code == 201, applied.text
    await drain(engine, state)
    [message] = mailbox(state, to="ada@example.com")
    assert message["Subject"] == "Acme Inc got it, Ada <b>Lovelace</b>"
    assert "We have your application for" in text_of(message)
    html = text_of(message, "html")
    assert "Dear Ada &lt;b&gt;Lovelace&lt;/b&gt;," in html
    assert "<b>Lovelace" not in html
    assert "You are receiving this because you applied" in html
