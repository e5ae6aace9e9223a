"""A recruiter works in a real browser: sign in, dashboard, board, move by keyboard and drag.

Screenshots land in docs/screenshots/web/ (linked from the README), so each run shows how
the screens look today.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit

import httpx
import pytest
from axe_playwright_python.async_playwright import Axe  # type: ignore[import-untyped]
from playwright.async_api import Page, Request, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.candidates.files import pdf_resume
from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD, bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.served import free_port, wait_ready

SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots" / "web"
APPLICANTS = [
    ("Ada Lovelace", "Python, PostgreSQL, FastAPI, Docker, 8 years"),
    ("Grace Hopper", "COBOL, compilers, Python"),
    ("Alan Turing", "Python, FastAPI, PostgreSQL, Kubernetes, AWS, 10 years"),
]

SERIOUS = {"serious", "critical"}


async def _accessibility_problems(page: Page, screen: str) -> list[str]:
    """Serious and critical axe-core violations on the page, one line each."""
    results = await Axe().run(page)
    assert results.response["passes"], f"axe checked nothing on {screen}"
    return [
        f"{screen}: {violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
    env |= {
        "DATABASE_URL": database_url,
        "HIRELINE_DATA_DIR": str(tmp_path),
        "HIRELINE_PORT": str(port),
        "HIRELINE_LOG_LEVEL": "WARNING",
        # Scores come from the worker; the board shows them.
        "HIRELINE_RUN_WORKER_IN_API": "true",
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


def _arrange(server: str) -> tuple[dict[str, str], dict[str, object]]:
    """An organisation with an open job, three applicants, all scored."""
    with httpx.Client(base_url=server, timeout=30) as api:
        signup = api.post(
            "/v1/auth/signup",
            json={
                "organization_name": "Browser Co",
                "slug": "browser-co",
                "name": "Rachel Recruiter",
                "email": "rachel@browser.example",
                "password": PASSWORD,
            },
        )
        headers = bearer(signup.json()["access_token"])
        job = api.post("/v1/jobs", json=TEMPLATE_JOB, headers=headers).json()
        api.post(f"/v1/jobs/{job['id']}/publish", headers=headers)
        for name, skills in APPLICANTS:
            applied = api.post(
                f"/v1/boards/browser-co/jobs/{job['id']}/applications",
                data={
                    "name": name,
                    "email": f"{name.split()[0].lower()}@example.com",
                    "consent": "true",
                },
                files={"resume": ("cv.pdf", pdf_resume(name, skills), "application/pdf")},
            )
            assert applied.status_code == 201, applied.text
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            # One request a poll (the list carries each score): the free plan allows 60 a minute.
            items = api.get(f"/v1/jobs/{job['id']}/applications", headers=headers).json()["items"]
            if len(items) == len(APPLICANTS) and all(item["match"] for item in items):
                break
            time.sleep(1.5)
    return headers, job


async def _stage_of(server: str, headers: dict[str, str], job_id: object, name: str) -> str:
    async with httpx.AsyncClient(base_url=server) as api:
        listed = await api.get(f"/v1/jobs/{job_id}/applications", headers=headers)
        assert listed.status_code == 200, listed.text
        items = listed.json()
    return str(
        next(item["stage"]["name"] for item in items["items"] if item["candidate_name"] == name)
    )


async def _until_stage(
    server: str, headers: dict[str, str], job_id: object, name: str, stage: str
) -> None:
    deadline = time.monotonic() + 15
    while await _stage_of(server, headers, job_id, name) != stage:
        assert time.monotonic() < deadline, f"{name} never reached {stage}"
        await asyncio.sleep(0.5)


async def test_a_recruiter_signs_in_and_works_the_board(server: str, engine: AsyncEngine) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        headers, job = _arrange(server)
        stages = [stage["name"] for stage in cast(list[dict[str, str]], job["stages"])]
        outside: list[str] = []
        console_errors: list[str] = []
        problems: list[str] = []

        def note_request(request: Request) -> None:
            if urlsplit(request.url).hostname not in {"127.0.0.1", None}:
                outside.append(request.url)

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page: Page = await browser.new_page(viewport={"width": 1400, "height": 900})
            # Finished requests only: ReDoc's sidebar badge points at cdn.redoc.ly, which the
            # CSP blocks (so it fails, and the page still works offline).
            page.on("requestfinished", note_request)
            page.on(
                "console",
                lambda message: (
                    console_errors.append(message.text)
                    if message.type == "error" and "cdn.redoc.ly" not in message.text
                    else None
                ),
            )

            await page.goto(f"{server}/")
            await page.screenshot(path=SCREENSHOTS / "landing.png")
            problems += await _accessibility_problems(page, "landing")

            await page.goto(f"{server}/docs")
            # Swagger UI lays out the whole document first: seconds on a busy two-core machine.
            await expect(page.locator(".swagger-ui .info .title")).to_contain_text(
                "Hireline API", timeout=30_000
            )
            await page.screenshot(path=SCREENSHOTS / "docs.png")

            await page.goto(f"{server}/redoc")
            # ReDoc too renders the whole document before its heading.
            await expect(page.locator("h1").first).to_contain_text("Hireline API", timeout=30_000)
            await page.screenshot(path=SCREENSHOTS / "redoc.png")

            await page.goto(f"{server}/app")
            await page.get_by_label("E-mail").fill("rachel@browser.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.screenshot(path=SCREENSHOTS / "sign-in.png")
            problems += await _accessibility_problems(page, "sign-in")
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url(f"{server}/app")
            await expect(page.get_by_role("heading", name="Open jobs")).to_be_visible()
            await page.screenshot(path=SCREENSHOTS / "dashboard.png", full_page=True)
            problems += await _accessibility_problems(page, "dashboard")

            await page.get_by_role("link", name=str(job["title"])).click()
            await expect(page.locator("li.card")).to_have_count(len(APPLICANTS))
            await page.screenshot(path=SCREENSHOTS / "board.png", full_page=True)
            problems += await _accessibility_problems(page, "board")

            # With the keyboard: the card's own "Move ... to" control, sent by htmx.
            await page.get_by_label("Move Ada Lovelace to").select_option(label=stages[1])
            await page.get_by_label("Move Ada Lovelace to").press("Tab")
            await page.keyboard.press("Enter")
            await _until_stage(server, headers, job["id"], "Ada Lovelace", stages[1])
            column = page.locator(f"section.column:has(h2:text-is('{stages[1]}'))")
            await expect(column.locator("li.card")).to_contain_text("Ada Lovelace")

            # With the mouse: drag Grace's card onto the third column.
            grace = page.locator("li.card", has_text="Grace Hopper")
            target = page.locator(f"section.column:has(h2:text-is('{stages[2]}')) ol.cards")
            await grace.locator(".card-head").drag_to(target)
            await _until_stage(server, headers, job["id"], "Grace Hopper", stages[2])
            await expect(target.locator("li.card")).to_contain_text("Grace Hopper")
            await page.screenshot(path=SCREENSHOTS / "board-after-moves.png", full_page=True)
            problems += await _accessibility_problems(page, "board-after-moves")
            await browser.close()
        assert outside == []
        assert console_errors == []
        assert problems == []
    finally:
        await truncate_all(engine)
