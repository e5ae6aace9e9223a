"""Arranging jobs through the API."""

from __future__ import annotations

from typing import Any

import httpx

TEMPLATE_JOB: dict[str, Any] = {
    "level": "senior",
    "department": "Engineering",
    "locations": [
        {"mode": "hybrid", "city": "Austin", "region": "TX", "salary_location": "austin-tx"},
        {"mode": "remote", "region": "United States", "country": "US"},
    ],
    "salary": {"min": 125000, "max": 175000, "currency": "USD"},
    "from_template": {"template": "python-backend-developer", "industry": "fintech"},
    "required_skills": ["Python", "PostgreSQL", "FastAPI"],
    "preferred_skills": ["Kubernetes", "Redis"],
}


async def create_job(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    response = await client.post("/v1/jobs", json=TEMPLATE_JOB | overrides, headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def open_job(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    job = await create_job(client, headers, **overrides)
    published = await client.post(f"/v1/jobs/{job['id']}/publish", headers=headers)
    assert published.status_code == 200, published.text
    return dict(published.json())
