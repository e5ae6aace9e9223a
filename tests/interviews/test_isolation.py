"""Every interview route with an id answers 404 for another organisation's ids."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.identity.helpers import bearer, sign_up
from tests.identity.test_route_guards import api_routes
from tests.interviews.helpers import hiring_setup, ratings_for

NEUTRAL_BODIES: dict[str, dict[str, object]] = {
    "PUT /v1/jobs/{job_id}/interview-plan": {"interviews": []},
    "POST /v1/applications/{application_id}/interviews": {
        "plan_interview_id": "{plan_interview_id}",
        "starts_at": "2026-12-14T10:00:00",
        "time_zone": "UTC",
        "force": True,
    },
    "PATCH /v1/interviews/{interview_id}": {"location": "Elsewhere"},
    "POST /v1/interviews/{interview_id}/scorecards": {"ratings": {}, "recommendation": "yes"},
}


def _interview_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every route of the interviews package whose path holds an id."""
    return [
        (method, route.path)
        for route in api_routes(app.routes)
        if route.endpoint.__module__ == "hireline.interviews.routes" and "{" in route.path
        for method in sorted(route.methods or ())
    ]


async def test_another_organisation_reaches_none_of_the_interview_ids(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    acme = await hiring_setup(client, "acme-interviews")
    plan = (
        await client.get(f"/v1/jobs/{acme['job']['id']}/interview-plan", headers=acme["owner"])
    ).json()
    planned = plan["interviews"][1]["id"]
    scheduled = await client.post(
        f"/v1/applications/{acme['application']['id']}/interviews",
        json={"plan_interview_id": planned, "starts_at": "2026-12-14T10:00:00", "time_zone": "UTC"},
        headers=acme["owner"],
    )
    interview = scheduled.json()
    scored = await client.post(
        f"/v1/interviews/{interview['id']}/scorecards",
        json={"ratings": ratings_for(interview), "recommendation": "yes"},
        headers=acme["ivy"]["headers"],
    )
    assert scored.status_code == 201, scored.text
    ids = {
        "job_id": acme["job"]["id"],
        "application_id": acme["application"]["id"],
        "interview_id": interview["id"],
        "plan_interview_id": planned,
        "scorecard_id": scored.json()["id"],
    }
    globex = bearer((await sign_up(client, "globex-interviews"))["access_token"])

    routes = _interview_routes(app)
    assert len(routes) >= 10
    for method, path in routes:
        url = path.format(**ids)
        body = NEUTRAL_BODIES.get(f"{method} {path}")
        if body is not None:
            body = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in body.items()}
        response = await client.request(method, url, json=body, headers=globex)
        assert response.status_code == 404, (method, path, response.text)

    # And acme's own data is untouched by the attempts.
    again = await client.get(f"/v1/interviews/{interview['id']}", headers=acme["owner"])
    assert again.json()["location"] is None
    assert again.json()["status"] == "scheduled"
