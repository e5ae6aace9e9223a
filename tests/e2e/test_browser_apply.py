"""A candidate applies in a real browser: careers page, job page, form with a PDF, confirmation."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.candidates.files import pdf_resume
from tests.conftest import truncate_all
from tests.identity.helpers import bearer
from tests.jobs.helpers import TEMPLATE_JOB
from tests.served import free_port, wait_ready

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's probe found: without these, Chromium keeps dialling out and stalls here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
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


async def test_candidate_applies_with_a_pdf_in_a_browser(
    server: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    try:
        async with httpx.AsyncClient(base_url=server) as api:
            signup = await api.post(
                "/v1/auth/signup",
                json={
                    "organization_name": "Browser Co",
                    "slug": "browser-co",
                    "name": "Owner",
                    "email": "owner@browser.example",
                    "password": "correct horse battery staple",
                },
            )
            headers = bearer(signup.json()["access_token"])
            job = (await api.post("/v1/jobs", json=TEMPLATE_JOB, headers=headers)).json()
            await api.post(f"/v1/jobs/{job['id']}/publish", headers=headers)
        resume = tmp_path / "ada-lovelace.pdf"
        resume.write_bytes(pdf_resume())

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = await browser.new_page()
            await page.goto(f"{server}/careers/browser-co")
            await page.get_by_role("link", name="Senior Python Backend Developer").click()
            await page.get_by_label("Full name").fill("Ada Lovelace")
            await page.get_by_label("E-mail").fill("ada@example.com")
            resume_field = "Résumé (PDF, Word .docx or plain text .txt, up to 10 MB)"
            await page.get_by_label(resume_field).set_input_files(resume)
            await page.get_by_role("checkbox").check()
            await page.get_by_role("button", name="Send application").click()
            await page.wait_for_url("**/applied")
            status = await page.get_by_role("status").inner_text()
            await browser.close()
        assert "Senior Python Backend Developer" in status

        async with httpx.AsyncClient(base_url=server) as api:
            listed = await api.get(f"/v1/jobs/{job['id']}/applications", headers=headers)
            assert [a["candidate_name"] for a in listed.json()["items"]] == ["Ada Lovelace"]
    finally:
        await truncate_all(engine)
