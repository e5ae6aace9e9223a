"""Filters in a real browser: two location facets ticked on the search page, the jobs list
narrowed by department; axe-core on both. Screenshots land in docs/screenshots/web/."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.candidates.files import pdf_resume
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.web.test_browser_web_app import SCREENSHOTS, _accessibility_problems, server

__all__ = ["server"]
PEOPLE = [
    ("Ada Lovelace", "London, UK"),
    ("Grace Hopper", "New York, NY"),
    ("Margaret Hamilton", "Boston, MA"),
    ("Barbara Liskov", "Boston, MA"),
]
JOBS = [
    ("Platform Engineer", "Engineering", True),
    ("Account Executive", "Sales", True),
    ("Site Reliability Engineer", "Engineering", False),
    ("Sales Development Rep", "Sales", False),
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


def _arrange(server: str) -> None:
    """An organisation with four jobs in two departments and four placed applicants."""
    with httpx.Client(base_url=server, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Filter Co",
                "slug": "filter-co",
                "name": "Rachel Recruiter",
                "email": "rachel@filter.example",
                "password": PASSWORD,
            },
        )
        headers = bearer(signup.json()["access_token"])
        jobs = []
        for title, department, published in JOBS:
            job = api.post(
                "/v1/jobs",
                json=TEMPLATE_JOB | {"title": title, "department": department},
                headers=headers,
            ).json()
            if published:
                api.post(f"/v1/jobs/{job['id']}/publish", headers=headers)
            jobs.append(job)
        for name, _ in PEOPLE:
            applied = api.post(
                f"/v1/boards/filter-co/jobs/{jobs[0]['id']}/applications",
                data={
                    "name": name,
                    "email": f"{name.split()[0].lower()}@example.com",
                    "consent": "true",
                },
                files={"resume": ("cv.pdf", pdf_resume(name, "Python"), "application/pdf")},
            )
            assert applied.status_code == 201, applied.text
        # Placed once the worker has read the résumés (scored), so parsing cannot undo it.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            items = api.get(f"/v1/jobs/{jobs[0]['id']}/applications", headers=headers).json()
            if len(items["items"]) == len(PEOPLE) and all(i["match"] for i in items["items"]):
                break
            time.sleep(1.5)
        places = dict(PEOPLE)
        for item in items["items"]:
            patched = api.patch(
                f"/v1/candidates/{item['candidate_id']}",
                json={"location": places[item["candidate_name"]]},
                headers=headers,
            )
            assert patched.status_code == 200, patched.text


async def test_search_facets_and_job_filters_in_a_browser(server: str, engine: AsyncEngine) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    try:
        _arrange(server)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = await browser.new_page(viewport={"width": 1300, "height": 900})
            await page.goto(f"{server}/app")
            await page.get_by_label("E-mail").fill("rachel@filter.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url(f"{server}/app")

            await page.goto(f"{server}/app/search")
            await page.get_by_label("Boston, MA").check()
            await page.get_by_label("London, UK").check()
            await page.get_by_role("button", name="Apply the filters").click()
            await expect(page.get_by_label("Boston, MA")).to_be_checked()
            await expect(page.get_by_label("London, UK")).to_be_checked()
            await expect(page.get_by_label("New York, NY")).not_to_be_checked()
            results = page.locator("main")
            for name in ("Ada Lovelace", "Margaret Hamilton", "Barbara Liskov"):
                await expect(results.get_by_role("link", name=name)).to_be_visible()
            await expect(results.get_by_role("link", name="Grace Hopper")).to_have_count(0)
            await page.screenshot(path=SCREENSHOTS / "search-two-locations.png", full_page=True)
            problems += await _accessibility_problems(page, "search-two-locations")

            await page.goto(f"{server}/app/jobs")
            await page.get_by_label("Department").select_option("Engineering")
            await page.get_by_label("Status").select_option("draft")
            await page.get_by_role("button", name="Filter").click()
            table = page.locator("table")
            await expect(
                table.get_by_role("link", name="Site Reliability Engineer", exact=True)
            ).to_be_visible()
            for title in ("Platform Engineer", "Account Executive", "Sales Development Rep"):
                await expect(table.get_by_role("link", name=title, exact=True)).to_have_count(0)
            await page.screenshot(path=SCREENSHOTS / "jobs-filtered.png", full_page=True)
            problems += await _accessibility_problems(page, "jobs-filtered")
            await browser.close()
        assert problems == []
    finally:
        await truncate_all(engine)
