"""Arranging offers through the API: an open job, an application, an offer on it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.candidates.files import pdf_resume
from tests.jobs.helpers import open_job


async def application(
    client: httpx.AsyncClient, slug: str, headers: dict[str, str], **job: Any
) -> dict[str, Any]:
    """An open job (the template job unless overridden) and one application to it."""
    opened = await open_job(client, headers, **job)
    applied = await client.post(
        f"/v1/boards/{slug}/jobs/{opened['id']}/applications",
        data={"name": "Ada Lovelace", "email": f"ada@{slug}.example", "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume("Ada Lovelace"), "application/pdf")},
    )
    assert applied.status_code == 201, applied.text
    return {"job": opened, "application_id": applied.json()["id"]}


def terms(approvers: list[str], **overrides: Any) -> dict[str, Any]:
    return {
        "base_salary": 150_000,
        "currency": "USD",
        "start_date": "2027-02-01",
        "expires_at": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
        "approvers": approvers,
        "out_of_band_reason": "Arranged in a test.",
    } | overrides


async def offer(
    client: httpx.AsyncClient, slug: str, headers: dict[str, str], user_id: str
) -> dict[str, Any]:
    """An offer awaiting `user_id`'s approval, with its application and job."""
    made = await application(client, slug, headers)
    created = await client.post(
        f"/v1/applications/{made['application_id']}/offers",
        json=terms([user_id]),
        headers=headers,
    )
    assert created.status_code == 201, created.text
    return made | {"offer": created.json()}
