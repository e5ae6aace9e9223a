"""Arranging an organisation with interviewers, a job from a template and an applicant."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.candidates.files import pdf_resume
from tests.identity.helpers import PASSWORD, bearer, sign_up
from tests.jobs.helpers import open_job


async def member(
    client: httpx.AsyncClient, owner: dict[str, str], address: str, role: str, name: str
) -> dict[str, Any]:
    """Invite and accept: the member's id, address and bearer headers."""
    invited = await client.post(
        "/v1/members", json={"email": address, "role": role, "send_email": False}, headers=owner
    )
    assert invited.status_code == 201, invited.text
    accepted = await client.post(
        invited.json()["accept_path"], json={"name": name, "password": PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    headers = bearer(accepted.json()["access_token"])
    me = (await client.get("/v1/me", headers=headers)).json()
    return {"id": me["user"]["id"], "email": address, "headers": headers, "name": name}


async def hiring_setup(client: httpx.AsyncClient, slug: str | None = None) -> dict[str, Any]:
    """An owner, two interviewers on a senior Python backend job, and one applicant."""
    slug = slug or f"acme-{uuid.uuid4().hex[:8]}"
    signed = await sign_up(client, slug, email=f"owner@{slug}.example")
    owner = bearer(signed["access_token"])
    ivy = await member(client, owner, f"ivy@{slug}.example", "interviewer", "Ivy Interviewer")
    sam = await member(client, owner, f"sam@{slug}.example", "interviewer", "Sam Second")
    job = await open_job(
        client,
        owner,
        hiring_team=[
            {"user_id": ivy["id"], "role": "interviewer"},
            {"user_id": sam["id"], "role": "interviewer"},
        ],
    )
    applied = await client.post(
        f"/v1/boards/{slug}/jobs/{job['id']}/applications",
        data={"name": "Ada Lovelace", "email": "ada@example.com", "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume("Ada Lovelace"), "application/pdf")},
    )
    assert applied.status_code == 201, applied.text
    return {
        "slug": slug,
        "tenant_id": signed["tenant"]["id"],
        "owner": owner,
        "ivy": ivy,
        "sam": sam,
        "job": job,
        "application": applied.json(),
    }


def ratings_for(interview: dict[str, Any], rating: int | str = 3) -> dict[str, int | str]:
    return {attribute["key"]: rating for attribute in interview["kit"]["attributes"]}
