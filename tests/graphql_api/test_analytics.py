"""`analytics` in /graphql: the REST reports' figures, under the REST reports' rules."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.analytics.test_reports import _load_and_refresh, _tenant
from tests.graphql_api.helpers import ask, data, errors
from tests.identity.helpers import bearer
from tests.identity.test_members import _join

DURATIONS = "{ measured medianHours p75Hours p90Hours }"
FRESHNESS = "freshness { refreshedAt ageSeconds }"
REPORTS = f"""
query ($job: UUID, $source: String, $from: Date, $to: Date) {{
  analytics(job: $job, source: $source, from: $from, to: $to) {{
    {FRESHNESS}
    funnel {{
      {FRESHNESS} applications
      stages {{
        position name applications conversionToNext rejected withdrawn
        reasons {{ outcome reason applications }}
      }}
    }}
    timeInStage {{ {FRESHNESS} stages {{ position name time {DURATIONS} }} }}
    timeToHire {{
      {FRESHNESS} applications hires
      timeToHire {DURATIONS} timeToFirstAction {DURATIONS}
    }}
    sources {{
      {FRESHNESS}
      sources {{ source applications interviewed offered hired }}
      monthly {{ month source applications }}
    }}
    offers {{
      {FRESHNESS} sent accepted declined acceptanceRate timeToAccept {DURATIONS} inBandShare
    }}
    pipelineHealth {{
      {FRESHNESS} staleAfterDays staleApplications interviewsWithoutScorecards
    }}
  }}
}}
"""
PATHS = {
    "funnel": "funnel",
    "timeInStage": "time-in-stage",
    "timeToHire": "time-to-hire",
    "sources": "sources",
    "offers": "offers",
    "pipelineHealth": "pipeline-health",
}


@pytest.fixture
async def arranged(client: httpx.AsyncClient, db_session: AsyncSession) -> dict[str, Any]:
    """The analytics tests' hand-worked history (`tests/analytics/fixture.py`), rebuilt."""
    headers, tenant = await _tenant(client, "acme")
    await _load_and_refresh(db_session, tenant)
    return tenant | {"headers": headers}


def _camel(value: Any) -> Any:
    """REST's JSON as GraphQL names it; the age of the figures left out (it is the clock's)."""
    if isinstance(value, dict):
        return {
            re.sub(r"_(\w)", lambda m: m[1].upper(), key): _camel(item)
            for key, item in value.items()
            if key != "age_seconds"
        }
    if isinstance(value, list):
        return [_camel(item) for item in value]
    return value


def _without_age(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_age(v) for k, v in value.items() if k != "ageSeconds"}
    if isinstance(value, list):
        return [_without_age(item) for item in value]
    return value


def _same_moment(graphql: dict[str, Any], rest: dict[str, Any]) -> None:
    """The freshness stamps agree as moments (the two doors format them alike or not)."""
    moments = {
        datetime.fromisoformat(freshness["refreshedAt"])
        for freshness in [graphql["freshness"], rest["freshness"]]
    }
    assert len(moments) == 1
    graphql["freshness"] = rest["freshness"] = None


@pytest.mark.parametrize(
    "filters",
    [{}, {"source": "referral"}, {"to": "2026-11-04", "job": None}, {"from": "2026-11-05"}],
    ids=["all", "source", "job-and-to", "from"],
)
async def test_every_report_gives_the_rest_figures(
    client: httpx.AsyncClient, arranged: dict[str, Any], filters: dict[str, Any]
) -> None:
    if "job" in filters:
        filters["job"] = arranged["job"]["id"]
    found = (await data(client, arranged["headers"], REPORTS, filters))["analytics"]
    assert found["freshness"]["refreshedAt"].startswith("2026-11-22T09:00:00")
    assert found["funnel"]["applications"] > 0
    for field, path in PATHS.items():
        answer = await client.get(
            f"/v1/analytics/{path}", params=filters, headers=arranged["headers"]
        )
        assert answer.status_code == 200, answer.text
        rest, graphql = _camel(answer.json()), _without_age(found[field])
        _same_moment(graphql, rest)
        assert graphql == rest, field


async def test_the_figures_are_the_hand_worked_ones(
    client: httpx.AsyncClient, arranged: dict[str, Any]
) -> None:
    found = (await data(client, arranged["headers"], REPORTS))["analytics"]
    assert [(s["name"], s["applications"]) for s in found["funnel"]["stages"]] == [
        ("Applied", 5), ("Screen", 3), ("Interview", 2), ("Offer", 1),
    ]  # fmt: skip
    assert (found["offers"]["accepted"], found["offers"]["declined"]) == (1, 1)
    assert found["pipelineHealth"]["staleApplications"] == 1


async def test_without_analytics_read_the_field_is_refused(
    client: httpx.AsyncClient, arranged: dict[str, Any]
) -> None:
    owner = arranged["headers"]
    ivy = bearer((await _join(client, owner, "ivy@acme.example", "interviewer"))["access_token"])
    hank = bearer(
        (await _join(client, owner, "hank@acme.example", "hiring_manager"))["access_token"]
    )

    async def key(scopes: list[str]) -> dict[str, str]:
        created = await client.post(
            "/v1/api-keys", json={"name": "Sync", "scopes": scopes}, headers=owner
        )
        assert created.status_code == 201, created.text
        return {"X-API-Key": created.json()["key"]}

    query = "{ analytics { funnel { applications } } }"
    for who in (ivy, hank, await key(["jobs:read", "candidates:read"])):
        refused = await ask(client, who, query)
        assert refused.json()["data"] == {"analytics": None}
        [error] = errors(refused)
        assert error["message"] == "This needs the 'analytics:read' permission."
        assert error["extensions"]["code"] == "permission-denied"
        # As over REST.
        assert (await client.get("/v1/analytics/funnel", headers=who)).status_code == 403
    reader = await key(["analytics:read"])
    assert (await data(client, reader, query))["analytics"]["funnel"]["applications"] == 5


async def test_another_tenant_sees_only_its_own_figures_and_jobs(
    client: httpx.AsyncClient, db_session: AsyncSession, arranged: dict[str, Any]
) -> None:
    empty_headers, _ = await _tenant(client, "initech")
    empty = (await data(client, empty_headers, REPORTS))["analytics"]
    assert empty["freshness"] == {"refreshedAt": None, "ageSeconds": None}
    assert empty["funnel"]["applications"] == 0
    assert empty["sources"]["sources"] == []
    assert empty["offers"]["sent"] == 0

    headers, globex = await _tenant(client, "globex")
    await _load_and_refresh(db_session, globex)
    mine = await data(client, headers, "{ analytics { funnel { applications } } }")
    assert mine["analytics"]["funnel"]["applications"] == 5
    theirs = await ask(client, headers, REPORTS, {"job": arranged["job"]["id"]})
    assert theirs.json()["data"] == {"analytics": None}
    assert [e["extensions"]["code"] for e in errors(theirs)] == ["not-found"]


async def test_bad_filters_get_a_clear_error(
    client: httpx.AsyncClient, arranged: dict[str, Any]
) -> None:
    headers = arranged["headers"]
    backwards = await ask(client, headers, REPORTS, {"from": "2026-11-05", "to": "2026-11-01"})
    assert backwards.json()["data"] == {"analytics": None}
    [error] = errors(backwards)
    assert error["message"] == "The period ends before it starts."
    assert error["extensions"]["code"] == "validation-failed"
    assert error["extensions"]["errors"][0]["loc"] == ["query", "to"]

    unknown = await ask(client, headers, REPORTS, {"job": str(uuid.uuid4())})
    [error] = errors(unknown)
    assert (error["message"], error["extensions"]["code"]) == ("No job with this id.", "not-found")

    long_source = await ask(client, headers, REPORTS, {"source": "x" * 61})
    [error] = errors(long_source)
    assert error["extensions"]["code"] == "validation-failed"
    assert error["extensions"]["errors"][0]["loc"] == ["query", "source"]

    not_a_date = await ask(client, headers, REPORTS, {"from": "soon"})
    assert "data" not in not_a_date.json() or not_a_date.json()["data"] is None
    assert "Date" in errors(not_a_date)[0]["message"]
