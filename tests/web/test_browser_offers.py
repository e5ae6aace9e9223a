"""An offer in a real browser: the form with its band, the approval, and the candidate's page
opened from the e-mailed link and accepted. Screenshots land in docs/screenshots/web/."""

from __future__ import annotations

import asyncio
import email
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from email import policy
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
from tests.served import free_port, wait_ready
from tests.web.test_browser_web_app import SCREENSHOTS, _accessibility_problems

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


@pytest.fixture
def served(database_url: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server whose e-mails (as .eml files, sent by its in-process worker) land in tmp_path."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
    env |= {
        "DATABASE_URL": database_url,
        "HIRELINE_DATA_DIR": str(tmp_path),
        "HIRELINE_PORT": str(port),
        "HIRELINE_LOG_LEVEL": "WARNING",
        "HIRELINE_RUN_WORKER_IN_API": "true",
        "HIRELINE_PUBLIC_URL": base,
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "hireline"), "serve", "--no-demo", "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready(base, process, deadline_s=60)
        yield base, tmp_path
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def _arrange(server: str) -> str:
    """An organisation, an open job and one applicant in its Offer stage; the application id."""
    with httpx.Client(base_url=server, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Offer Co",
                "slug": "offer-co",
                "name": "Rachel Recruiter",
                "email": "rachel@offer.example",
                "password": PASSWORD,
            },
        )
        headers = bearer(signup.json()["access_token"])
        job = api.post(
            "/v1/jobs", json=TEMPLATE_JOB | {"title": "Senior Backend Engineer"}, headers=headers
        ).json()
        api.post(f"/v1/jobs/{job['id']}/publish", headers=headers)
        applied = api.post(
            f"/v1/boards/offer-co/jobs/{job['id']}/applications",
            data={"name": "Ada <Lovelace>", "email": "ada@example.com", "consent": "true"},
            files={"resume": ("cv.pdf", pdf_resume("Ada Lovelace"), "application/pdf")},
        )
        assert applied.status_code == 201, applied.text
        offer_stage = next(s for s in job["stages"] if s["kind"] == "offer")
        moved = api.post(
            f"/v1/applications/{applied.json()['id']}/move",
            json={"stage_id": offer_stage["id"]},
            headers=headers,
        )
        assert moved.status_code == 200, moved.text
        return str(applied.json()["id"])


def _offer_link(mail_dir: Path, base: str) -> str:
    """The link in the candidate's offer e-mail, once the server's worker has written it."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for path in mail_dir.rglob("*.eml"):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            if "offer" not in str(message["Subject"]).lower():
                continue
            part = message.get_body(preferencelist=("plain",))
            assert part is not None
            for word in str(part.get_content()).split():
                if word.startswith(f"{base}/offers/"):
                    return word
        time.sleep(0.5)
    raise AssertionError("the candidate's offer e-mail never came")


async def test_an_offer_is_made_approved_sent_and_accepted_in_the_browser(
    served: tuple[str, Path], engine: AsyncEngine
) -> None:
    server, data_dir = served
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        application_id = _arrange(server)
        problems: list[str] = []
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page: Page = await browser.new_page(viewport={"width": 1400, "height": 1000})
            await page.goto(f"{server}/app/sign-in")
            await page.get_by_label("E-mail").fill("rachel@offer.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url(f"{server}/app")

            await page.goto(f"{server}/app/applications/{application_id}/offers/new")
            await expect(page.get_by_role("heading", name="Salary band")).to_be_visible()
            await page.get_by_label("Approver 1 (required)").select_option(index=1)
            await page.get_by_label("Equity").fill("0.1% over four years")
            await page.get_by_label("Bonus").fill("15000")
            await page.screenshot(path=SCREENSHOTS / "offer-form.png", full_page=True)
            problems += await _accessibility_problems(page, "offer-form")
            await page.get_by_role("button", name="Make the offer").click()
            await expect(page.get_by_role("heading", name="Approvals")).to_be_visible()
            await page.get_by_label("Note (required to decline)").fill("Fair and inside the band.")
            await page.screenshot(path=SCREENSHOTS / "offer-awaiting-approval.png", full_page=True)
            problems += await _accessibility_problems(page, "offer-awaiting-approval")
            await page.get_by_role("button", name="Approve").click()
            await expect(page.get_by_role("button", name="Send to the candidate")).to_be_visible()
            await page.screenshot(path=SCREENSHOTS / "offer-approved.png", full_page=True)
            problems += await _accessibility_problems(page, "offer-approved")
            await page.get_by_role("button", name="Send to the candidate").click()
            await expect(page.locator("h1 .status")).to_have_text("sent")

            link = await asyncio.to_thread(_offer_link, data_dir / "mail", server)
            candidate = await browser.new_page(viewport={"width": 1100, "height": 1200})
            await candidate.goto(link)
            await expect(candidate.get_by_role("heading", name="Your letter")).to_be_visible()
            await expect(candidate.locator("article.letter")).to_contain_text("Ada <Lovelace>")
            await candidate.screenshot(path=SCREENSHOTS / "candidate-offer.png", full_page=True)
            problems += await _accessibility_problems(candidate, "candidate-offer")
            await candidate.get_by_role("button", name="Accept the offer").click()
            await expect(candidate.get_by_role("status")).to_contain_text("You accepted")
            await candidate.screenshot(path=SCREENSHOTS / "candidate-accepted.png", full_page=True)
            await browser.close()
        assert problems == []
    finally:
        await truncate_all(engine)
