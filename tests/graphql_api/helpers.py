"""Asking /graphql as a client would, and arranging many jobs straight in the database."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

STAGES = ("Applied", "Screen", "Interview", "Offer", "Hired")

NESTED = """
query Nested($jobs: Int, $applications: Int) {
  jobs(first: $jobs) {
    items {
      id title
      stages { id name }
      applications(first: $applications) {
        items {
          id status stage { name }
          candidate { id name email }
          match { score reasons { part text } }
        }
        nextCursor
      }
    }
    nextCursor
  }
}
"""


async def ask(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    query: str,
    variables: dict[str, Any] | None = None,
    **extra_headers: str,
) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers=headers | extra_headers,
    )


async def data(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    query: str,
    variables: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The answer's data, which must come without errors."""
    response = await ask(client, headers, query, variables)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body["errors"]
    return dict(body["data"])


def errors(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    found = response.json().get("errors")
    assert found, response.text
    return list(found)


async def seed_jobs(
    connection: AsyncConnection, tenant_id: uuid.UUID, *, jobs: int, applications: int
) -> list[uuid.UUID]:
    """`jobs` open jobs of five stages, each with `applications` scored applicants."""
    await connection.execute(
        text("SELECT set_config('app.tenant_id', :tenant, true)"), {"tenant": str(tenant_id)}
    )
    job_rows, stage_rows, candidate_rows, application_rows, score_rows = [], [], [], [], []
    job_ids = []
    for j in range(jobs):
        job_id = uuid.uuid4()
        job_ids.append(job_id)
        job_rows.append({"t": tenant_id, "id": job_id, "title": f"Engineer #{j}"})
        stages = [uuid.uuid4() for _ in STAGES]
        stage_rows += [
            {"t": tenant_id, "id": s, "job": job_id, "name": n, "pos": p}
            for p, (s, n) in enumerate(zip(stages, STAGES, strict=True))
        ]
        for a in range(applications):
            candidate_id, application_id = uuid.uuid4(), uuid.uuid4()
            email = f"c-{candidate_id.hex[:12]}@example.com"
            candidate_rows.append(
                {"t": tenant_id, "id": candidate_id, "email": email, "name": f"Cand {j}-{a}"}
            )
            application_rows.append(
                {
                    "t": tenant_id,
                    "id": application_id,
                    "job": job_id,
                    "cand": candidate_id,
                    "stage": stages[a % len(stages)],
                }
            )
            score_rows.append(
                {
                    "t": tenant_id,
                    "app": application_id,
                    "job": job_id,
                    "score": float(50 + a % 50),
                    "explanation": json.dumps({"parts": {}}),
                }
            )
    statements: list[tuple[str, list[dict[str, Any]]]] = [
        (
            "INSERT INTO jobs (tenant_id, id, title, locations, employment_type, description,"
            " required_skills, preferred_skills, status) VALUES (:t, :id, :title,"
            " '[{\"mode\": \"remote\"}]', 'full_time', 'Seeded.', '{}', '{}', 'open')",
            job_rows,
        ),
        (
            "INSERT INTO pipeline_stages (tenant_id, id, job_id, name, position)"
            " VALUES (:t, :id, :job, :name, :pos)",
            stage_rows,
        ),
        (
            "INSERT INTO candidates (tenant_id, id, email, email_normalized, name)"
            " VALUES (:t, :id, :email, :email, :name)",
            candidate_rows,
        ),
        (
            "INSERT INTO applications (tenant_id, id, job_id, candidate_id, stage_id,"
            " consent_at, consent_text) VALUES (:t, :id, :job, :cand, :stage, now(), 'yes')",
            application_rows,
        ),
        (
            "INSERT INTO match_scores (tenant_id, application_id, job_id, score, explanation)"
            " VALUES (:t, :app, :job, :score, CAST(:explanation AS jsonb))",
            score_rows,
        ),
    ]
    for statement, rows in statements:
        if rows:
            await connection.execute(text(statement), rows)
    return job_ids


HIRING = """
query Hiring($jobs: Int, $applications: Int) {
  jobs(first: $jobs) {
    items {
      id
      applications(first: $applications) {
        items {
          id
          interviews { id interviewerIds scorecardSubmitted scorecards { id recommendation } }
          scorecards { id interviewerName }
          offers { id status baseSalary }
        }
      }
    }
  }
}
"""
EMPTY_KIT = '{"questions": [], "attributes": [], "evaluation_tips": [], "red_flags": []}'


async def seed_hiring(
    connection: AsyncConnection, tenant_id: uuid.UUID, user_id: uuid.UUID, job_ids: list[uuid.UUID]
) -> None:
    """For each application of the jobs: an interview `user_id` sat on and scored, and an
    offer awaiting their approval."""
    await connection.execute(
        text("SELECT set_config('app.tenant_id', :tenant, true)"), {"tenant": str(tenant_id)}
    )
    of_jobs = "FROM applications WHERE tenant_id = :t AND job_id = ANY(:jobs)"
    statements = [
        "INSERT INTO interviews (tenant_id, id, application_id, job_id, candidate_id, name, kit,"
        " starts_at, ends_at, time_zone, ical_uid) SELECT tenant_id, gen_random_uuid(), id,"
        f" job_id, candidate_id, 'Technical', CAST('{EMPTY_KIT}' AS jsonb), now(),"
        f" now() + interval '1 hour', 'UTC', gen_random_uuid()::text {of_jobs}",
        "INSERT INTO interview_panelists (tenant_id, interview_id, user_id)"
        " SELECT tenant_id, id, :user FROM interviews WHERE tenant_id = :t AND job_id = ANY(:jobs)",
        "INSERT INTO scorecards (tenant_id, id, interview_id, application_id, interviewer_id,"
        " ratings, notes, recommendation) SELECT tenant_id, gen_random_uuid(), id,"
        " application_id, :user, '{}', '{}', 'yes' FROM interviews"
        " WHERE tenant_id = :t AND job_id = ANY(:jobs)",
        "INSERT INTO offers (tenant_id, id, application_id, job_id, candidate_id, base_salary,"
        " currency, start_date, expires_at, template_key) SELECT tenant_id, gen_random_uuid(),"
        f" id, job_id, candidate_id, 100000, 'USD', '2027-02-01', now() + interval '7 days',"
        f" 'standard' {of_jobs}",
        "INSERT INTO offer_approvals (tenant_id, offer_id, position, user_id)"
        " SELECT tenant_id, id, 0, :user FROM offers WHERE tenant_id = :t AND job_id = ANY(:jobs)",
    ]
    for statement in statements:
        await connection.execute(
            text(statement), {"t": tenant_id, "user": user_id, "jobs": job_ids}
        )
