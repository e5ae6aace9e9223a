"""One application, everything a worker does with it: parse, webhook, e-mail."""

from __future__ import annotations

from email import message_from_bytes, policy

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks.webhooks import Webhook

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain
from tests.webhooks.receiver import private_addresses_allowed, running_receiver

RESUME = (
    "Grace Okafor\n"
    "grace.okafor@mail.example  +1 (415) 555-0134\n"
    "linkedin.com/in/grace-okafor\n"
    "Experience\n"
    "Staff Engineer, Tidewater, Feb 2019 - Present\n"
    "Platform work in Go and Python; Kafka pipelines; Terraform on GCP.\n"
    "Engineer, Brightlane, Jun 2015 - Jan 2019\n"
    "Django and Postgres services, Celery workers, Docker.\n"
)


async def test_apply_parse_webhook_and_email(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    app: FastAPI,
    settings: Settings,
) -> None:
    client = committing_client
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    with private_addresses_allowed(app) as allowed, running_receiver() as receiver:
        state = WorkerState(sessions=app.state.sessions, settings=allowed)
        endpoint = (
            await client.post(
                "/v1/webhooks/endpoints",
                json={"url": receiver.url, "event_types": ["application.created"]},
                headers=owner,
            )
        ).json()
        job = await open_job(client, owner, title="Platform Engineer")
        email = "grace.e2e@mail.example"
        applied = await apply(
            client,
            job,
            fields={"name": "Grace Okafor", "email": email},
            file=("grace.pdf", pdf_resume("Grace Okafor", RESUME), "application/pdf"),
        )
        assert applied.status_code == 201, applied.text

        await drain(engine, state)

        (request,) = receiver.wait_for(1)
    event = Webhook(endpoint["secret"]).verify(request.body, request.headers)
    assert event["type"] == "application.created"
    assert event["data"]["application_id"] == applied.json()["id"]

    candidate = (
        await client.get(f"/v1/candidates/{applied.json()['candidate_id']}", headers=owner)
    ).json()
    assert candidate["resumes"][0]["parse_status"] == "parsed"
    assert {
        "Go",
        "Python",
        "Apache Kafka",
        "Terraform",
        "Google Cloud",
        "Django",
        "PostgreSQL",
    } <= set(candidate["skills"])
    assert candidate["phone"] == "+14155550134"
    assert "linkedin.com/in/grace-okafor" in " ".join(candidate["links"])
    assert candidate["years_experience"] is not None
    assert candidate["years_experience"] > 7

    received = [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in (settings.data_dir / "mail").rglob("*.eml")
    ]
    to_grace = [m for m in received if email in str(m["To"])]
    assert len(to_grace) == 1
    assert "Platform Engineer" in str(to_grace[0]["Subject"])
