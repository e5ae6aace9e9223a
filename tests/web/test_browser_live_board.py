"""The pipeline board updates live in a real browser: a move made elsewhere (here through the
API) redraws the board, and a column the recruiter opened with "Show more" (by keyboard, focus
moving to the first new card) stays open."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.web.board import COLUMN_PAGE
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.web.test_browser_web_app import SCREENSHOTS, server

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)
__all__ = ["server"]
APPLICANTS = COLUMN_PAGE + 3


def _arrange(base: str) -> tuple[dict[str, str], dict[str, object], list[str]]:
    """An open job whose first stage holds more applicants than one page of a column."""
    with httpx.Client(base_url=base, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Live Co",
                "slug": "live-co",
                "name": "Rachel Recruiter",
                "email": "rachel@live.example",
                "password": PASSWORD,
            },
        )
        headers = bearer(signup.json()["access_token"])
        job = api.post("/v1/jobs", json=TEMPLATE_JOB, headers=headers).json()
        applications = []
        for number in range(APPLICANTS):
            added = api.post(
                "/v1/candidates",
                data={"name": f"Person {number:02d}", "job_id": job["id"]},
                headers=headers,
            )
            assert added.status_code == 201, added.text
            applications.append(added.json()["application_id"])
        return headers, job, applications


async def test_a_move_elsewhere_redraws_the_board_keeping_an_opened_column_open(
    server: str, engine: AsyncEngine
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        headers, job, applications = _arrange(server)
        stages = job["stages"]
        assert isinstance(stages, list)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page: Page = await browser.new_page(viewport={"width": 1400, "height": 1000})
            await page.goto(f"{server}/app/sign-in")
            await page.get_by_label("E-mail").fill("rachel@live.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.keyboard.press("Enter")
            await page.wait_for_url(f"{server}/app")
            await page.goto(f"{server}/app/jobs/{job['id']}")
            first = page.locator(f'ol.cards[data-stage-id="{stages[0]["id"]}"] > li.card')
            second = page.locator(f'ol.cards[data-stage-id="{stages[1]["id"]}"] > li.card')
            await expect(first).to_have_count(COLUMN_PAGE)
            await page.get_by_role("link", name="Show more").first.focus()
            await page.keyboard.press("Enter")
            await expect(first).to_have_count(APPLICANTS)
            # Focus lands on the first card the link brought, for a keyboard user.
            await expect(first.nth(COLUMN_PAGE).locator(".card-head a")).to_be_focused()

            async with httpx.AsyncClient(base_url=server, timeout=30) as api:
                moved = await api.post(
                    f"/v1/applications/{applications[0]}/move",
                    json={"stage_id": stages[1]["id"]},
                    headers=headers,
                )
                assert moved.status_code == 200, moved.text
            # The board redraws within a few seconds of the commit, column still open.
            await expect(second).to_have_count(1, timeout=10_000)
            await expect(first).to_have_count(APPLICANTS - 1)
            await expect(page.locator(".column .more")).to_have_count(0)
            await page.evaluate("window.scrollTo(0, 0)")
            await page.screenshot(path=str(SCREENSHOTS / "board-live.png"), full_page=False)
            await browser.close()
    finally:
        await truncate_all(engine)
