"""The reports against a hand-worked history (`fixture.py`): every figure below is counted
by hand from the stage histories there, bucket bounds included (`histogram.BOUNDS_HOURS`:
a duration of 2 h is in the bucket [2, 4) and reported as 4)."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.analytics import service
from hireline.core.tenancy import enter_tenant
from tests.analytics import fixture
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job


async def _tenant(client: httpx.AsyncClient, slug: str) -> tuple[dict[str, str], dict[str, Any]]:
    signed = await sign_up(client, slug)
    headers = bearer(signed["access_token"])
    job = await create_job(client, headers, stages=fixture.STAGES)
    me = (await client.get("/v1/me", headers=headers)).json()
    return headers, {"job": job, "tenant_id": uuid.UUID(me["tenant"]["id"]),
                     "user_id": uuid.UUID(me["user"]["id"])}  # fmt: skip


async def _load_and_refresh(session: AsyncSession, arranged: dict[str, Any]) -> None:
    await enter_tenant(session, arranged["tenant_id"])
    await fixture.load(session, arranged["tenant_id"], arranged["job"], arranged["user_id"])
    await service.refresh(session, fixture.NOW)
    await session.flush()


@pytest.fixture
async def acme(client: httpx.AsyncClient, db_session: AsyncSession) -> dict[str, Any]:
    headers, arranged = await _tenant(client, "acme")
    await _load_and_refresh(db_session, arranged)
    return arranged | {"headers": headers}


def _durations(median: int | None, p75: int | None, p90: int | None, n: int) -> dict[str, Any]:
    return {"measured": n, "median_hours": median, "p75_hours": p75, "p90_hours": p90}


async def test_funnel_counts_each_stage_reached_once_and_drop_offs_by_reason(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    answer = await client.get("/v1/analytics/funnel", headers=acme["headers"])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["applications"] == 5
    assert body["freshness"]["refreshed_at"].startswith("2026-11-22T09:00:00")
    stages = {s["name"]: s for s in body["stages"]}
    # A's move back to Screen does not count A twice; B, rejected then reopened, reached
    # Interview and is not a drop-off.
    assert [(s["name"], s["applications"]) for s in body["stages"]] == [
        ("Applied", 5), ("Screen", 3), ("Interview", 2), ("Offer", 1),
    ]  # fmt: skip
    assert [s["conversion_to_next"] for s in body["stages"]] == [0.6, 0.6667, 0.5, None]
    assert stages["Applied"]["rejected"] == 1
    assert stages["Applied"]["reasons"] == [
        {"outcome": "rejected", "reason": "location", "applications": 1}
    ]
    assert (stages["Screen"]["rejected"], stages["Screen"]["withdrawn"]) == (0, 1)
    assert stages["Interview"]["reasons"] == []


async def test_time_in_stage_adds_up_the_visits_and_leaves_open_ones_out(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    body = (await client.get("/v1/analytics/time-in-stage", headers=acme["headers"])).json()
    times = {s["name"]: s["time"] for s in body["stages"]}
    # Applied: A 2 h, B 5 h, C 3 h, D 10 h (E is still there) -> buckets 4, 8, 4, 12.
    assert times["Applied"] == _durations(4, 8, 12, 4)
    # Screen: A 28 + 10 = 38 h, B 15 + 10 = 25 h (before and after the undone rejection),
    # D 2 h -> buckets 48, 36, 4.
    assert times["Screen"] == _durations(36, 48, 48, 3)
    # Interview: A 20 + 20 = 40 h; B is still in it.
    assert times["Interview"] == _durations(48, 48, 48, 1)
    assert times["Offer"] == _durations(24, 24, 24, 1)


async def test_time_to_hire_and_to_first_action(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    body = (await client.get("/v1/analytics/time-to-hire", headers=acme["headers"])).json()
    assert (body["applications"], body["hires"]) == (5, 1)
    assert body["time_to_hire"] == _durations(120, 120, 120, 1)  # A: 100 h
    # First steps by the team: A 2 h, B 5 h, C 3 h, D 10 h; E untouched.
    assert body["time_to_first_action"] == _durations(4, 8, 12, 4)


async def test_sources_and_their_months(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    body = (await client.get("/v1/analytics/sources", headers=acme["headers"])).json()
    assert body["sources"] == [
        {"source": "careers_page", "applications": 3, "interviewed": 1, "offered": 1, "hired": 1},
        # B's only interview was cancelled.
        {"source": "referral", "applications": 2, "interviewed": 0, "offered": 1, "hired": 0},
    ]
    assert body["monthly"] == [
        {"month": "2026-11-01", "source": "careers_page", "applications": 3},
        {"month": "2026-11-01", "source": "referral", "applications": 2},
    ]


async def test_offers(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    body = (await client.get("/v1/analytics/offers", headers=acme["headers"])).json()
    assert (body["sent"], body["accepted"], body["declined"]) == (2, 1, 1)
    assert body["acceptance_rate"] == 0.5
    assert body["in_band_share"] == 0.5
    assert body["time_to_accept"] == _durations(12, 12, 12, 1)  # 10 h


async def test_pipeline_health(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    body = (await client.get("/v1/analytics/pipeline-health", headers=acme["headers"])).json()
    # B was last touched 64 h after T0, more than 14 days before NOW; E 10 days before.
    assert body["stale_applications"] == 1
    assert body["interviews_without_scorecards"] == 1
    assert body["stale_after_days"] == 14


async def test_filters_by_source_and_period(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    headers = acme["headers"]
    referral = (
        await client.get("/v1/analytics/funnel", params={"source": "referral"}, headers=headers)
    ).json()
    assert [(s["name"], s["applications"]) for s in referral["stages"]] == [
        ("Applied", 2), ("Screen", 2), ("Interview", 1),
    ]  # fmt: skip
    early = await client.get(
        "/v1/analytics/funnel", params={"to": "2026-11-04", "job": acme["job"]["id"]},
        headers=headers,
    )  # fmt: skip
    assert early.json()["applications"] == 4
    late = await client.get("/v1/analytics/funnel", params={"from": "2026-11-05"}, headers=headers)
    assert late.json()["applications"] == 1
    # Whole months are read from the month rows, ragged ends from the day rows: each
    # application is counted once whichever way the period is cut.
    for period in (("2026-11-01", "2026-11-30"), ("2026-10-15", "2026-12-31"),
                   ("2026-11-02", "2026-12-01"), ("2026-11-01", "2026-11-12")):  # fmt: skip
        cut = await client.get(
            "/v1/analytics/funnel", params={"from": period[0], "to": period[1]}, headers=headers
        )
        assert cut.json()["applications"] == 5, period
        assert cut.json()["stages"][1]["applications"] == 3, period
    assert (
        await client.get(
            "/v1/analytics/funnel", params={"from": "2026-11-01", "to": "2026-11-11"},
            headers=headers,
        )
    ).json()["applications"] == 4  # fmt: skip


async def test_csv_when_asked_for(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    headers = acme["headers"] | {"Accept": "text/csv"}
    answer = await client.get("/v1/analytics/funnel", headers=headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["x-refreshed-at"].startswith("2026-11-22T09:00:00")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0][:3] == ["position", "stage", "applications"]
    assert [row[1:3] for row in rows[1:]] == [
        ["Applied", "5"], ["Screen", "3"], ["Interview", "2"], ["Offer", "1"],
    ]  # fmt: skip
    for path in ("time-in-stage", "time-to-hire", "sources", "offers", "pipeline-health"):
        answer = await client.get(f"/v1/analytics/{path}", headers=headers)
        assert answer.status_code == 200, path
        assert len(list(csv.reader(io.StringIO(answer.text)))) >= 2, path


async def test_bad_filters_are_refused(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    headers = acme["headers"]
    backwards = await client.get(
        "/v1/analytics/funnel", params={"from": "2026-11-05", "to": "2026-11-01"}, headers=headers
    )
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["loc"] == ["query", "to"]
    not_a_date = await client.get("/v1/analytics/offers", params={"from": "soon"}, headers=headers)
    assert not_a_date.status_code == 422
    unknown = await client.get(
        "/v1/analytics/sources", params={"job": str(uuid.uuid4())}, headers=headers
    )
    assert unknown.status_code == 404


async def test_another_tenants_figures_and_jobs_stay_apart(
    client: httpx.AsyncClient, db_session: AsyncSession, acme: dict[str, Any]
) -> None:
    headers, globex = await _tenant(client, "globex")
    await _load_and_refresh(db_session, globex)
    # Globex's own figures are its five applications, not ten.
    mine = (await client.get("/v1/analytics/funnel", headers=headers)).json()
    assert mine["applications"] == 5
    # Acme's job is not Globex's to filter by, on any report.
    for path in ("funnel", "time-in-stage", "time-to-hire", "sources", "offers",
                 "pipeline-health"):  # fmt: skip
        answer = await client.get(
            f"/v1/analytics/{path}", params={"job": acme["job"]["id"]}, headers=headers
        )
        assert answer.status_code == 404, path
    # The summary rows of each tenant are invisible to the other.
    await enter_tenant(db_session, globex["tenant_id"])
    seen = await db_session.execute(text("SELECT DISTINCT tenant_id FROM analytics_daily"))
    assert set(seen.scalars()) == {globex["tenant_id"]}


async def test_a_rebuild_replaces_the_figures(
    client: httpx.AsyncClient, db_session: AsyncSession, acme: dict[str, Any]
) -> None:
    await enter_tenant(db_session, acme["tenant_id"])
    await service.refresh(db_session, fixture.NOW)
    await db_session.flush()
    body = (await client.get("/v1/analytics/funnel", headers=acme["headers"])).json()
    assert body["applications"] == 5


async def test_before_the_first_rebuild_the_reports_say_so(client: httpx.AsyncClient) -> None:
    headers, _ = await _tenant(client, "initech")
    body = (await client.get("/v1/analytics/offers", headers=headers)).json()
    assert body["freshness"] == {"refreshed_at": None, "age_seconds": None}
    assert body["sent"] == 0
    assert body["acceptance_rate"] is None
