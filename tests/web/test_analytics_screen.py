"""The analytics screen without a browser: who may open it, filters that cannot be used, and
the CSV downloads."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.analytics.test_reports import _load_and_refresh, _tenant
from tests.web.helpers import web_sign_in


@pytest.fixture
async def signed_in(client: httpx.AsyncClient, db_session: AsyncSession) -> dict[str, object]:
    _, arranged = await _tenant(client, "acme")
    await _load_and_refresh(db_session, arranged)
    signed = await web_sign_in(client, "owner@acme.example")
    assert signed.status_code in (200, 303), signed.text
    return arranged


async def test_the_screen_shows_the_figures_and_the_nav_links_to_it(
    client: httpx.AsyncClient, signed_in: dict[str, object]
) -> None:
    page = await client.get("/app/analytics")
    assert page.status_code == 200
    assert 'href="/app/analytics"' in page.text
    assert "5 applications." in page.text
    assert 'id="analytics-data"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


async def test_filters_that_cannot_be_used_are_said_and_left_out(
    client: httpx.AsyncClient, signed_in: dict[str, object]
) -> None:
    page = await client.get("/app/analytics", params={"from": "2026-12-01", "to": "2026-11-01"})
    assert page.status_code == 200
    assert "The period ends before it starts." in page.text
    assert "5 applications." in page.text
    bad_date = await client.get("/app/analytics", params={"from": "tomorrow"})
    assert "is not a date" in bad_date.text


async def test_each_report_downloads_as_csv(
    client: httpx.AsyncClient, signed_in: dict[str, object]
) -> None:
    for report in ("funnel", "time-in-stage", "time-to-hire", "sources", "offers",
                   "pipeline-health"):  # fmt: skip
        answer = await client.get(f"/app/analytics/{report}.csv")
        assert answer.status_code == 200, report
        assert answer.headers["content-type"].startswith("text/csv")
    referral = await client.get("/app/analytics/funnel.csv", params={"source": "referral"})
    assert referral.text.splitlines()[1].split(",")[1:3] == ["Applied", "2"]
    assert (await client.get("/app/analytics/nothing.csv")).status_code == 404


async def test_signed_out_visitors_are_sent_to_sign_in(client: httpx.AsyncClient) -> None:
    answer = await client.get("/app/analytics", follow_redirects=False)
    assert answer.status_code in (303, 401)
