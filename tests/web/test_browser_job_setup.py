"""A recruiter edits a job's pipeline stages and locations in a real browser, with the
keyboard only: rename, move down, add, remove a stage that holds an applicant (choosing where
they go), then a location refused, corrected, and an old one removed. Screenshots land in
docs/screenshots/web/."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.candidates.files import pdf_resume
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.web.test_browser_web_app import SCREENSHOTS, _accessibility_problems, server

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)
__all__ = ["server"]


def _arrange(base: str) -> tuple[dict[str, str], str]:
    """An organisation with an open job and one applicant in its first stage."""
    with httpx.Client(base_url=base, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Setup Co",
                "slug": "setup-co",
                "name": "Rachel Recruiter",
                "email": "rachel@setup.example",
                "password": PASSWORD,
            },
        )
        headers = bearer(signup.json()["access_token"])
        job = api.post("/v1/jobs", json=TEMPLATE_JOB, headers=headers).json()
        api.post(f"/v1/jobs/{job['id']}/publish", headers=headers)
        applied = api.post(
            f"/v1/boards/setup-co/jobs/{job['id']}/applications",
            data={"name": "Ada Lovelace", "email": "ada@example.com", "consent": "true"},
            files={"resume": ("cv.pdf", pdf_resume("Ada Lovelace"), "application/pdf")},
        )
        assert applied.status_code == 201, applied.text
        return headers, str(job["id"])


async def _press(page: Page, name: str) -> None:
    """Focus the button named `name` and press Enter, as a keyboard user does."""
    await page.get_by_role("button", name=name, exact=True).focus()
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()


async def test_stages_and_locations_are_edited_with_the_keyboard(
    server: str, engine: AsyncEngine
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        headers, job_id = _arrange(server)
        problems: list[str] = []
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page: Page = await browser.new_page(viewport={"width": 1400, "height": 1000})
            await page.goto(f"{server}/app/sign-in")
            await page.get_by_label("E-mail").fill("rachel@setup.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.keyboard.press("Enter")
            await page.wait_for_url(f"{server}/app")
            await page.goto(f"{server}/app/jobs/{job_id}/edit")
            stages = page.locator("ol.stage-list > li")
            await expect(stages).to_have_count(5)

            # Rename: type over the name, Enter sends that stage's own form.
            name = page.get_by_label("Name of stage 2")
            await name.focus()
            await page.keyboard.press("Control+A")
            await page.keyboard.type("Phone screen")
            await page.keyboard.press("Enter")
            await expect(page.get_by_role("status")).to_contain_text("renamed to “Phone screen”")
            # Move a stage down, add one, by buttons and fields reached by keyboard.
            await _press(page, "Move Technical interview down")
            await expect(page.get_by_role("status")).to_contain_text("Moved “Technical interview”")
            await page.get_by_label("New stage").focus()
            await page.keyboard.type("References")
            await page.keyboard.press("Enter")
            await expect(stages).to_have_count(6)
            await expect(stages.nth(5).locator("input.stage-name")).to_have_value("References")

            # A stage holding an applicant: refused until we say where Ada goes.
            await _press(page, "Remove Applied")
            errors = page.locator("#form-errors")
            await expect(errors).to_be_focused()
            await expect(errors).to_contain_text("“Applied” holds 1 application")
            await page.screenshot(path=SCREENSHOTS / "job-stages-refused.png", full_page=True)
            problems += await _accessibility_problems(page, "job-stages-refused")
            await page.get_by_label("Move its applicants to").focus()
            await page.keyboard.press("ArrowDown")
            await expect(page.get_by_label("Move its applicants to")).not_to_have_value("")
            await _press(page, "Remove Applied")
            await expect(page.get_by_role("status")).to_contain_text("Stage removed.")
            await expect(stages).to_have_count(5)
            await page.screenshot(path=SCREENSHOTS / "job-stages.png", full_page=True)
            problems += await _accessibility_problems(page, "job-stages")

            # Locations: an onsite place without a city is refused, focus on the problems.
            await page.get_by_label("Work mode").focus()
            await page.keyboard.press("Home")
            await page.get_by_label("Country (two-letter code, e.g. DE)").focus()
            await page.keyboard.type("DE")
            await page.keyboard.press("Enter")
            await expect(errors).to_be_focused()
            await expect(errors).to_contain_text("need a city")
            await page.screenshot(path=SCREENSHOTS / "job-location-refused.png", full_page=True)
            problems += await _accessibility_problems(page, "job-location-refused")
            # What was typed is still there: only the city is missing.
            await expect(page.get_by_label("Country (two-letter code, e.g. DE)")).to_have_value(
                "DE"
            )
            await page.get_by_label("City (not needed when remote)").focus()
            await page.keyboard.type("Berlin")
            await page.keyboard.press("Enter")
            await expect(page.get_by_role("status")).to_contain_text("Berlin, DE (onsite) added")
            await _press(page, "Remove Austin, TX, US (hybrid)")
            await expect(page.locator("ul.location-list > li")).to_have_count(2)
            await page.screenshot(path=SCREENSHOTS / "job-locations.png", full_page=True)
            problems += await _accessibility_problems(page, "job-locations")
            await browser.close()

        async with httpx.AsyncClient(base_url=server) as api:
            job = (await api.get(f"/v1/jobs/{job_id}", headers=headers)).json()
            applications = await api.get(f"/v1/jobs/{job_id}/applications", headers=headers)
        assert [s["name"] for s in job["stages"]] == [
            "Phone screen",
            "Onsite",
            "Technical interview",
            "Offer",
            "References",
        ]
        assert [p.get("city") for p in job["locations"]] == [None, "Berlin"]
        assert applications.json()["items"][0]["stage"]["name"] == "Phone screen"
        assert problems == []
    finally:
        await truncate_all(engine)
