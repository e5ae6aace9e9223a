"""An interviewer fills in a scorecard in a real browser with the keyboard alone, and the
interview screens pass axe-core. Screenshots land in docs/screenshots/web/."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.candidates.files import pdf_resume
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.served import free_port, wait_ready
from tests.web.test_browser_web_app import SCREENSHOTS, _accessibility_problems

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)
KEY_LIMIT = 400


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
    env |= {
        "DATABASE_URL": database_url,
        "HIRELINE_DATA_DIR": str(tmp_path),
        "HIRELINE_PORT": str(port),
        "HIRELINE_LOG_LEVEL": "WARNING",
    }
    hireline = Path(sys.executable).parent / "hireline"
    process = subprocess.Popen(
        [str(hireline), "serve", "--no-demo", "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process, deadline_s=60)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def _arrange(server: str) -> dict[str, Any]:
    """An owner, an interviewer, a job from a template, an applicant, a past interview."""
    with httpx.Client(base_url=server, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Keyboard Co",
                "slug": "keyboard-co",
                "name": "Rachel Recruiter",
                "email": "rachel@keyboard.example",
                "password": PASSWORD,
            },
        )
        owner = bearer(signup.json()["access_token"])
        invited = api.post(
            "/v1/members",
            json={"email": "ivy@keyboard.example", "role": "interviewer", "send_email": False},
            headers=owner,
        ).json()
        accepted = api.post(
            invited["accept_path"], json={"name": "Ivy Interviewer", "password": PASSWORD}
        )
        ivy = api.get("/v1/me", headers=bearer(accepted.json()["access_token"])).json()
        job = api.post(
            "/v1/jobs",
            json=TEMPLATE_JOB
            | {"hiring_team": [{"user_id": ivy["user"]["id"], "role": "interviewer"}]},
            headers=owner,
        ).json()
        api.post(f"/v1/jobs/{job['id']}/publish", headers=owner)
        applied = api.post(
            f"/v1/boards/keyboard-co/jobs/{job['id']}/applications",
            data={"name": "Ada Lovelace", "email": "ada@example.com", "consent": "true"},
            files={"resume": ("cv.pdf", pdf_resume("Ada Lovelace"), "application/pdf")},
        ).json()
        plan = api.get(f"/v1/jobs/{job['id']}/interview-plan", headers=owner).json()
        interview = api.post(
            f"/v1/applications/{applied['id']}/interviews",
            json={
                "plan_interview_id": plan["interviews"][1]["id"],
                "starts_at": "2025-01-06T10:00:00",
                "time_zone": "Europe/Berlin",
                "video_url": "https://meet.example/ada",
            },
            headers=owner,
        )
        assert interview.status_code == 201, interview.text
    return {"job": job, "application": applied, "interview": interview.json()}


async def _focused(page: Page) -> dict[str, str]:
    found: dict[str, str] = await page.evaluate(
        "() => { const e = document.activeElement; return {tag: e.tagName, "
        "type: e.type || '', name: e.name || '', text: (e.textContent || '').trim()}; }"
    )
    return found


async def _fill_by_keyboard(page: Page) -> None:
    """Tab through the form: notes typed, each rating group set to 3 by arrow keys, the
    recommendation to "Yes", a summary typed, then Enter on the submit button."""
    done_groups: set[str] = set()
    for _ in range(KEY_LIMIT):
        await page.keyboard.press("Tab")
        focused = await _focused(page)
        name = focused["name"]
        if focused["tag"] == "TEXTAREA" and name.startswith("note:"):
            await page.keyboard.type("Explained it with a concrete incident.")
        elif focused["tag"] == "TEXTAREA" and name == "summary":
            await page.keyboard.type("Solid, would hire.")
        elif focused["type"] == "radio" and name not in done_groups:
            done_groups.add(name)
            await page.keyboard.press("Space")  # the first choice: 1, or strong no
            for _ in range(2):
                await page.keyboard.press("ArrowDown")  # to 3, or to yes
        elif focused["tag"] == "BUTTON" and focused["text"] == "Submit scorecard":
            await page.keyboard.press("Enter")
            return
    raise AssertionError("the submit button was never reached with Tab")


async def test_an_interviewer_scores_with_the_keyboard_alone(
    server: str, engine: AsyncEngine
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        arranged = _arrange(server)
        interview = arranged["interview"]
        problems: list[str] = []
        console_errors: list[str] = []
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "console",
                lambda m: console_errors.append(m.text) if m.type == "error" else None,
            )
            await page.goto(f"{server}/app")
            await page.get_by_label("E-mail").fill("ivy@keyboard.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.keyboard.press("Enter")
            await page.wait_for_url(f"{server}/app")
            await expect(page.get_by_role("heading", name="Interviews to score")).to_be_visible()
            problems += await _accessibility_problems(page, "dashboard (interviewer)")

            await page.get_by_role("link", name="My interviews").first.click()
            await expect(page.get_by_role("heading", name="My interviews")).to_be_visible()
            await expect(page.locator("table").first).to_contain_text("Mon 06 Jan 2025, 10:00")
            await page.screenshot(path=SCREENSHOTS / "my-interviews.png", full_page=True)
            problems += await _accessibility_problems(page, "my interviews")

            await page.goto(f"{server}/app/interviews/{interview['id']}/scorecard")
            await expect(page.get_by_role("heading", name="Ratings")).to_be_visible()
            problems += await _accessibility_problems(page, "scorecard form")
            await _fill_by_keyboard(page)
            await page.wait_for_url(f"**/app/applications/{interview['application_id']}/feedback")
            await expect(page.get_by_role("heading", name="Ratings per attribute")).to_be_visible()
            await page.screenshot(path=SCREENSHOTS / "feedback-summary.png", full_page=True)
            problems += await _accessibility_problems(page, "feedback summary")

            # What was sent: every rating 3, "yes", the notes and the summary.
            await page.goto(f"{server}/app/interviews/{interview['id']}/scorecard")
            checked = page.locator("fieldset.rating input[type=radio]:checked")
            await expect(checked).to_have_count(len(interview["kit"]["attributes"]))
            for value in await checked.evaluate_all("els => els.map(e => e.value)"):
                assert value == "3"
            await expect(page.locator("input[name=recommendation]:checked")).to_have_value("yes")
            await expect(page.locator("#summary")).to_have_value("Solid, would hire.")
            await page.screenshot(path=SCREENSHOTS / "scorecard-form.png", full_page=True)

            # The recruiter's side: the plan editor and the schedule dialog with its slots.
            recruiter = await browser.new_page(viewport={"width": 1280, "height": 900})
            recruiter.on(
                "console",
                lambda m: console_errors.append(m.text) if m.type == "error" else None,
            )
            await recruiter.goto(f"{server}/app")
            await recruiter.get_by_label("E-mail").fill("rachel@keyboard.example")
            await recruiter.get_by_label("Password").fill(PASSWORD)
            await recruiter.keyboard.press("Enter")
            await recruiter.wait_for_url(f"{server}/app")
            await recruiter.goto(f"{server}/app/jobs/{arranged['job']['id']}/interview-plan")
            await expect(recruiter.locator("fieldset.plan-interview")).to_have_count(5)
            await recruiter.screenshot(path=SCREENSHOTS / "interview-plan.png", full_page=True)
            problems += await _accessibility_problems(recruiter, "interview plan")
            await recruiter.goto(
                f"{server}/app/applications/{arranged['application']['id']}/schedule"
            )
            # The screen round has no panel yet: no slots until the technical one is chosen.
            await expect(recruiter.locator("ul.slots a")).to_have_count(0)
            await recruiter.get_by_label("Interview", exact=True).select_option(index=1)
            await expect(recruiter.locator("ul.slots a")).to_have_count(5)
            await recruiter.locator("ul.slots a").first.click()
            await expect(recruiter.locator("#starts_at")).not_to_have_value("")
            await recruiter.screenshot(path=SCREENSHOTS / "schedule.png", full_page=True)
            problems += await _accessibility_problems(recruiter, "schedule dialog")
            await recruiter.get_by_role("button", name="Schedule and send invitations").press(
                "Enter"
            )
            await expect(recruiter.get_by_role("status")).to_contain_text("Scheduled")
            await browser.close()
        assert console_errors == []
        assert problems == []
    finally:
        await truncate_all(engine)
