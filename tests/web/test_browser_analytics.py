"""The analytics screen in a real browser, over the hand-worked history of
`tests/analytics/fixture.py`: the three charts drawn, no console error, axe-core clean.

Its screenshot lands in docs/screenshots/web/analytics.png beside the other screens'.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.analytics import service
from hireline.core.tenancy import enter_tenant
from tests.analytics import fixture
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.web.test_browser_web_app import SCREENSHOTS, _accessibility_problems, server

__all__ = ["server"]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


async def _arrange(server: str, engine: AsyncEngine) -> None:
    async with httpx.AsyncClient(base_url=server, timeout=30) as api:
        signup = await api.post(
            "/v1/auth/signup",
            json={"organization_name": "Chart Co", "slug": "chart-co", "name": "Rachel",
                  "email": "rachel@chart.example", "password": PASSWORD},
        )  # fmt: skip
        headers = bearer(signup.json()["access_token"])
        created = await api.post(
            "/v1/jobs", json=TEMPLATE_JOB | {"stages": fixture.STAGES}, headers=headers
        )
        job = created.json()
        me = (await api.get("/v1/me", headers=headers)).json()
    tenant_id, user_id = uuid.UUID(me["tenant"]["id"]), uuid.UUID(me["user"]["id"])
    async with AsyncSession(engine) as session, session.begin():
        await enter_tenant(session, tenant_id)
        await fixture.load(session, tenant_id, job, user_id)
        await service.refresh(session, fixture.NOW)


async def test_a_recruiter_reads_the_analytics_charts(server: str, engine: AsyncEngine) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    console_errors: list[str] = []
    try:
        await _arrange(server, engine)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = await browser.new_page(viewport={"width": 1300, "height": 900})
            page.on(
                "console", lambda m: console_errors.append(m.text) if m.type == "error" else None
            )
            await page.goto(f"{server}/app")
            await page.get_by_label("E-mail").fill("rachel@chart.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url(f"{server}/app")
            await page.get_by_role("link", name="Analytics").click()
            await expect(page.get_by_role("heading", name="Funnel")).to_be_visible()
            await expect(page.get_by_role("cell", name="Screen").first).to_be_visible()
            # Chart.js keeps each chart it drew, by canvas.
            for canvas in ("chart-funnel", "chart-stages", "chart-sources"):
                await page.wait_for_function(
                    f"() => window.Chart && Chart.getChart('{canvas}') !== undefined"
                )
            await page.screenshot(path=SCREENSHOTS / "analytics.png", full_page=True)
            problems += await _accessibility_problems(page, "analytics")

            # The CSV download of the funnel, through the same session.
            async with page.expect_download() as download:
                await page.get_by_role("link", name="Funnel", exact=True).click()
            assert (await download.value).suggested_filename == "funnel.csv"
            await browser.close()
        assert problems == []
        assert console_errors == []
    finally:
        await truncate_all(engine)
