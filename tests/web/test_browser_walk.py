"""Issue 14's walk in a real browser: sign in, create a job from a template, publish it,
apply as a candidate on the careers page, find the parsed and scored candidate on the board,
drag them to the next stage, write a note mentioning a colleague (who is mailed), reject with
an e-mail, and undo the rejection (so no rejection e-mail goes out).

Every screen is checked with axe-core (no serious or critical violation) and photographed
into docs/screenshots/web/walk-*.png, linked from the README.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest
from axe_playwright_python.async_playwright import Axe  # type: ignore[import-untyped]
from playwright.async_api import FilePayload, Page, Request, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.database_url import libpq_url
from tests.candidates.files import pdf_resume
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.served import free_port, wait_ready

SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots" / "web"
SERIOUS = {"serious", "critical"}
SLUG = "walk-co"
RECRUITER = "rachel@walk.example"
COLLEAGUE = "ivy@walk.example"
APPLICANT = ("Ada Lovelace", "ada@example.com")
TEMPLATE = "python-backend-developer"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def server(database_url: str, data_dir: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
    env |= {
        "DATABASE_URL": database_url,
        "HIRELINE_DATA_DIR": str(data_dir),
        "HIRELINE_PORT": str(port),
        "HIRELINE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "HIRELINE_LOG_LEVEL": "WARNING",
        # Parsing, scoring and e-mail come from the worker, in the server's process here.
        "HIRELINE_RUN_WORKER_IN_API": "true",
        # Long enough for the undo to land before the rejection e-mail is due.
        "HIRELINE_REJECTION_MAIL_DELAY_SECONDS": "120",
        "HIRELINE_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1000000",
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "hireline"), "serve", "--no-demo", "--no-migrate"],
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


def _arrange(server: str, database_url: str) -> dict[str, str]:
    """The organisation, its recruiter and a colleague to mention; the recruiter's token."""
    with httpx.Client(base_url=server, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Walk Co",
                "slug": SLUG,
                "name": "Rachel Recruiter",
                "email": RECRUITER,
                "password": PASSWORD,
            },
        )
        assert signup.status_code == 201, signup.text
        headers = bearer(signup.json()["access_token"])
        # The test polls the API while the worker runs; the free plan allows 60 a minute.
        with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
            connection.execute(
                "UPDATE tenants SET rate_limit_per_minute = 1000000 WHERE slug = %s", (SLUG,)
            )
        invited = api.post(
            "/v1/members",
            json={"email": COLLEAGUE, "role": "hiring_manager", "send_email": False},
            headers=headers,
        )
        assert invited.status_code == 201, invited.text
        accepted = api.post(
            invited.json()["accept_path"], json={"name": "Ivy Manager", "password": PASSWORD}
        )
        assert accepted.status_code == 200, accepted.text
    return headers


def _mail(data_dir: Path, text: str) -> list[str]:
    """The messages in the mail folder that contain `text`."""
    folder = data_dir / "mail"
    if not folder.exists():
        return []
    found = [path.read_text(errors="replace") for path in folder.rglob("*.eml")]
    return [message for message in found if text in message]


def _until(check: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(1)


def _application(server: str, headers: dict[str, str], job_id: str) -> dict[str, object]:
    with httpx.Client(base_url=server, timeout=30) as api:
        items = api.get(f"/v1/jobs/{job_id}/applications", headers=headers).json()["items"]
    assert len(items) == 1, items
    return dict(items[0])


def _parsed(server: str, headers: dict[str, str], job_id: str) -> bool:
    """The application's résumé is read and its score counts the skills found in it."""
    application = _application(server, headers, job_id)
    with httpx.Client(base_url=server, timeout=30) as api:
        candidate = api.get(f"/v1/candidates/{application['candidate_id']}", headers=headers)
    resumes = candidate.json()["resumes"]
    match = application.get("match")
    # Scored again once the skills are known: no longer "has 0 of ... required skills".
    return (
        bool(resumes)
        and resumes[0]["parse_status"] == "parsed"
        and isinstance(match, dict)
        and not str(match["reasons"][0]["text"]).startswith("has 0 of")
    )


class Walk:
    """The browser page, and what each screen's checks found."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []

    async def screen(self, name: str, *, full_page: bool = True) -> None:
        """Photograph the screen and check it with axe-core."""
        await self.page.screenshot(path=SCREENSHOTS / f"walk-{name}.png", full_page=full_page)
        results = await Axe().run(self.page)
        assert results.response["passes"], f"axe checked nothing on {name}"
        self.problems += [
            f"{name}: {violation['id']} ({violation['impact']}): {violation['help']}"
            for violation in results.response["violations"]
            if violation["impact"] in SERIOUS
        ]


async def test_the_recruiter_walk_of_issue_14(
    server: str, data_dir: Path, engine: AsyncEngine, database_url: str
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        headers = _arrange(server, database_url)
        outside: list[str] = []
        console_errors: list[str] = []

        def note_request(request: Request) -> None:
            # chrome:// and chrome-extension:// are the browser's own PDF viewer.
            url = urlsplit(request.url)
            if url.scheme in {"http", "https"} and url.hostname != "127.0.0.1":
                outside.append(request.url)

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = await browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("requestfinished", note_request)
            page.on(
                "console",
                lambda m: (
                    console_errors.append(f"{page.url}: {m.location}: {m.text}")
                    if m.type == "error"
                    else None
                ),
            )
            walk = Walk(page)

            # Sign in.
            await page.goto(f"{server}/app")
            await page.get_by_label("E-mail").fill(RECRUITER)
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url(f"{server}/app")

            # Create a job from a template, watching the guide preview follow the choices.
            await page.get_by_role("link", name="Jobs", exact=True).click()
            await page.get_by_role("button", name="Create a job from a template").click()
            await page.get_by_label("Role template").select_option(TEMPLATE)
            await page.get_by_role("button", name="Use this template").click()
            await page.wait_for_url(f"**/app/jobs/new?template={TEMPLATE}")
            preview = page.locator("#preview-heading")
            before = await preview.text_content()
            await page.locator("#field-level").select_option("senior")
            await expect(preview).not_to_have_text(before or "")
            await page.locator("#field-industry").select_option("fintech")
            await expect(page.locator("#salary-band")).to_contain_text(
                "FinTech or healthcare premium"
            )
            await page.locator("#field-mode").select_option("hybrid")
            await page.locator("#field-city").fill("Austin")
            await page.locator("#field-country").fill("US")
            await page.locator("#field-salary_min").fill("150000")
            await page.locator("#field-salary_max").fill("185000")
            await walk.screen("job-new")
            await page.get_by_role("button", name="Create the draft").click()
            await page.wait_for_url("**/edit?created=1")
            job_id = urlsplit(page.url).path.split("/")[3]
            await walk.screen("job-draft")

            # Publish.
            await page.get_by_role("button", name="Publish").click()
            await expect(page.get_by_role("status")).to_contain_text("Published")
            await walk.screen("job-published")

            # Apply as a candidate on the careers page (in a browser of their own).
            visitor = await browser.new_page(viewport={"width": 1000, "height": 900})
            careers = Walk(visitor)
            await visitor.goto(f"{server}/careers/{SLUG}/jobs/{job_id}")
            await careers.screen("careers-job")
            await visitor.get_by_role("link", name="Apply for this position").click()
            await visitor.get_by_label("E-mail").fill("not an address")
            await visitor.get_by_label("Résumé").set_input_files(
                files=[
                    FilePayload(
                        name="ada.pdf",
                        mimeType="application/pdf",
                        buffer=pdf_resume(
                            APPLICANT[0],
                            "Senior Python engineer, 9 years. Python, PostgreSQL, FastAPI, "
                            "Django, Docker, Kubernetes, AWS. Austin, TX.",
                        ),
                    )
                ]
            )
            await visitor.locator("#consent").check()
            # The browser's own checks would stop the form first; the server's are shown here.
            await visitor.locator("form").evaluate("form => form.noValidate = true")
            await visitor.get_by_role("button", name="Send application").click()
            summary = visitor.locator("#form-errors")
            await expect(summary).to_be_focused()
            await expect(summary).to_contain_text("Email")
            await careers.screen("careers-errors", full_page=False)
            await visitor.get_by_label("Full name").fill(APPLICANT[0])
            await visitor.get_by_label("E-mail").fill(APPLICANT[1])
            await visitor.get_by_label("Résumé").set_input_files(
                files=[
                    FilePayload(
                        name="ada.pdf",
                        mimeType="application/pdf",
                        buffer=pdf_resume(
                            APPLICANT[0],
                            "Senior Python engineer, 9 years. Python, PostgreSQL, FastAPI, "
                            "Django, Docker, Kubernetes, AWS. Austin, TX.",
                        ),
                    )
                ]
            )
            await visitor.locator("#consent").check()
            await visitor.get_by_role("button", name="Send application").click()
            await visitor.wait_for_url("**/applied")
            await careers.screen("careers-applied")
            await visitor.close()

            # The worker reads the résumé, then scores the application again; the board shows it.
            _until(
                lambda: _parsed(server, headers, job_id),
                "the résumé to be read and the application scored after it",
                seconds=120,
            )
            await page.get_by_role("link", name="Open the board").click()
            card = page.locator("li.card", has_text=APPLICANT[0])
            await expect(card.locator(".score:not(.pending)")).to_be_visible()
            await walk.screen("board")

            # Drag the card to the next stage.
            stages = await page.locator("section.column h2").all_text_contents()
            target = page.locator(f"section.column:has(h2:text-is('{stages[1]}')) ol.cards")
            await card.drag_to(target, source_position={"x": 4, "y": 4})
            _until(
                lambda: _application(server, headers, job_id)["stage"]["name"] == stages[1],  # type: ignore[index]
                "the card to move",
                seconds=20,
            )
            await expect(target.locator("li.card")).to_contain_text(APPLICANT[0])
            await walk.screen("board-moved")

            # The candidate page: parsed profile, résumé, match; a note mentioning Ivy.
            # The card's own link (it also links to feedback and scheduling).
            card = page.locator("li.card")
            await card.get_by_role("link", name=APPLICANT[0], exact=True).click()
            await expect(page.get_by_role("heading", name="Profile")).to_be_visible()
            await page.get_by_label("Add a note").fill(
                "Strong Python and SQL. @ivy can you call her?"
            )
            await page.get_by_role("button", name="Add the note").click()
            await expect(page.locator("article.note")).to_contain_text("told Ivy Manager")
            # The résumé shows in the browser's own PDF viewer, drawn after the frame loads.
            await page.locator("iframe.resume").evaluate(
                "frame => new Promise(done => frame.contentDocument?.readyState === 'complete'"
                " ? done(null) : frame.addEventListener('load', () => done(null)))"
            )
            await page.wait_for_timeout(1500)  # the viewer's own drawing: nothing to wait on
            await walk.screen("candidate")
            _until(lambda: _mail(data_dir, "mentioned you"), "the mention e-mail to Ivy")
            [mention] = _mail(data_dir, "mentioned you")
            assert COLLEAGUE in mention

            # Reject with an e-mail, then undo.
            await page.goto(f"{server}/app/jobs/{job_id}")
            await page.get_by_label(f"Select {APPLICANT[0]}").check()
            await page.get_by_text("Act on the selected applicants").click()
            await page.get_by_label("Reject").check()
            await page.locator("#bulk-reason").select_option("not_qualified")
            await page.get_by_label("E-mail them that they were not selected").check()
            await page.get_by_role("button", name="Apply to the selected").click()
            await expect(page.locator("#board-status")).to_contain_text("Rejected 1 applicant.")
            assert _application(server, headers, job_id)["status"] == "rejected"
            await walk.screen("board-rejected")
            await page.get_by_role("button", name="Undo the rejection").first.click()
            await expect(page.locator("#board-status")).to_contain_text("Rejection undone")
            assert _application(server, headers, job_id)["status"] == "active"
            await expect(page.locator("li.card", has_text=APPLICANT[0])).to_be_visible()
            await walk.screen("board-undone")

            # Search finds her with highlighted words.
            await page.get_by_role("link", name="Candidates", exact=True).click()
            await page.get_by_label("Search", exact=True).fill("python postgresql")
            await page.get_by_role("button", name="Search", exact=True).click()
            await expect(page.locator("li.hit")).to_contain_text(APPLICANT[0])
            await walk.screen("search")
            await browser.close()

        assert walk.problems + careers.problems == []
        assert outside == []
        assert console_errors == [], "\n".join(console_errors)
        # The rejection was undone before its e-mail was due: none is ever sent.
        assert _mail(data_dir, "Subject: Your application for") == []
    finally:
        await truncate_all(engine)
