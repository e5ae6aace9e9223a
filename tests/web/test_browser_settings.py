"""A new organisation in a real browser: sign-up by keyboard, every settings screen, an
invitation accepted and a password changed, a password reset from the mail folder; axe-core
on each screen.

Screenshots land in docs/screenshots/web/ beside the other screens'.
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from PIL import Image
from playwright.async_api import Page, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import truncate_all
from tests.e2e.test_browser_apply import CHROMIUM, CHROMIUM_ARGS
from tests.identity.helpers import PASSWORD
from tests.web.test_browser_web_app import SCREENSHOTS, _accessibility_problems, server

__all__ = ["server"]
NEW_PASSWORD = "a brand new passphrase 42"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


def _link_in_mail(mail: Path, to: str, path: str, deadline_s: float = 30) -> str:
    """The path of the first link to `path` in a message to `to` (polls the mail folder)."""
    deadline = time.monotonic() + deadline_s
    pattern = re.compile(re.escape(path) + r"[A-Za-z0-9_-]+")
    while time.monotonic() < deadline:
        for message in sorted(mail.rglob("*.eml")) if mail.exists() else []:
            text = message.read_bytes().decode(errors="replace").replace("=\n", "")
            if f"To: {to}" in text or f"<{to}>" in text:
                found = pattern.search(text)
                if found:
                    return found.group(0)
        time.sleep(0.3)
    raise AssertionError(f"no mail to {to} with a link to {path}")


async def _shot(page: Page, name: str, problems: list[str]) -> None:
    await page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    problems += await _accessibility_problems(page, name)


async def test_an_owner_signs_up_and_sets_up_the_organisation(
    server: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    mail = tmp_path / "mail"
    logo = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (160, 48), "#7a1f5c").save(buffer, format="PNG")
    logo.write_bytes(buffer.getvalue())
    problems: list[str] = []
    reset = ""
    console_errors: list[str] = []
    failed: list[str] = []
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = await browser.new_page(viewport={"width": 1300, "height": 900})
            # Failed loads are checked by address below (a used link's page is rightly a 409).
            page.on(
                "console",
                lambda m: (
                    console_errors.append(m.text)
                    if m.type == "error" and not m.text.startswith("Failed to load resource")
                    else None
                ),
            )
            page.on(
                "response",
                lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )

            # Sign-up, by keyboard only.
            await page.goto(f"{server}/app/sign-in")
            await page.get_by_role("link", name="Create an organisation").click()
            await page.get_by_label("Organisation name").focus()
            await page.keyboard.type("Northwind Hiring")
            for value in ("northwind", "Nora North", "nora@northwind.example", PASSWORD):
                await page.keyboard.press("Tab")
                await page.keyboard.type(value)
            await _shot(page, "sign-up", problems)
            await page.keyboard.press("Enter")
            await page.wait_for_url(f"{server}/app")

            # Members: invite someone, with the keyboard.
            await page.get_by_role("link", name="Settings").click()
            await expect(page.get_by_role("heading", name="Members and roles")).to_be_visible()
            await page.get_by_label("E-mail").fill("rita@northwind.example")
            await page.get_by_label("Role", exact=True).select_option("recruiter")
            await page.get_by_label("Role", exact=True).press("Tab")
            await page.keyboard.press("Enter")
            await expect(page.get_by_role("status")).to_contain_text("Invitation sent")
            await _shot(page, "settings-members", problems)

            await page.get_by_role("link", name="API keys").click()
            await page.get_by_label("Name").fill("HR system sync")
            await page.get_by_label("jobs:read").check()
            await page.get_by_role("button", name="Create key").click()
            await expect(page.locator("#secret")).to_contain_text("hl_")
            await _shot(page, "settings-api-keys", problems)

            await page.get_by_role("link", name="OAuth clients").click()
            await page.get_by_label("Name").fill("ATS bridge")
            await page.get_by_label("candidates:read").check()
            await page.get_by_role("button", name="Create client").click()
            await expect(page.locator("#secret")).to_be_visible()
            await _shot(page, "settings-oauth-clients", problems)

            await page.get_by_role("link", name="Webhooks").click()
            await page.get_by_label("URL").fill("https://hooks.example.com/hireline")
            await page.get_by_label("every event").check()
            await page.get_by_role("button", name="Add endpoint").click()
            await expect(page.locator("#secret")).to_contain_text("whsec_")
            await _shot(page, "settings-webhooks", problems)
            await page.get_by_role("button", name="Send test to").click()
            await expect(page.get_by_role("cell", name="webhook.test", exact=True)).to_be_visible()
            await _shot(page, "settings-webhook-log", problems)

            await page.get_by_role("link", name="Rejection reasons").click()
            await page.get_by_label("New reason 1").fill("Visa sponsorship not possible")
            await page.get_by_role("button", name="Save reasons").click()
            await expect(page.get_by_role("status")).to_contain_text("Reasons saved")
            await _shot(page, "settings-rejection-reasons", problems)

            await page.get_by_role("link", name="E-mail templates").click()
            await page.locator("#body-application_received").fill(
                "Dear {candidate_name},\n\nThank you for applying for {job_title}.\n\n"
                "The Northwind team"
            )
            await (
                page.locator("#application_received").get_by_role("button", name="Preview").click()
            )
            await expect(page.locator("pre.mail")).to_contain_text("Dear Ada Lovelace")
            await _shot(page, "settings-emails", problems)

            await page.get_by_role("link", name="Careers page").click()
            await page.get_by_label("Logo").set_input_files(logo)
            await page.get_by_label("Colour").fill("#7a1f5c")
            await page.get_by_label("Introduction").fill(
                "We make hiring calm. Come and build it with us."
            )
            await page.get_by_role("button", name="Save").click()
            await expect(page.get_by_role("status")).to_contain_text("Careers page updated")
            await _shot(page, "settings-careers", problems)
            await page.goto(f"{server}/careers/northwind")
            await expect(page.get_by_role("img", name="Northwind Hiring logo")).to_be_visible()
            await _shot(page, "careers-branded", problems)

            await page.goto(f"{server}/app/settings/plan")
            await _shot(page, "settings-plan", problems)

            # The invitee accepts from the e-mail.
            invitation = _link_in_mail(mail, "rita@northwind.example", "/app/invitations/")
            invitee = await browser.new_page(viewport={"width": 1000, "height": 800})
            await invitee.goto(f"{server}{invitation}")
            await invitee.get_by_label("Your name").fill("Rita Recruiter")
            await invitee.get_by_label("Choose a password").fill(PASSWORD)
            await invitee.get_by_label("Password again").fill(PASSWORD)
            await _shot(invitee, "invitation-accept", problems)
            await invitee.get_by_role("button", name="Join Northwind Hiring").click()
            await invitee.wait_for_url(f"{server}/app")
            # She changes her password on her account screen and stays signed in.
            await invitee.get_by_role("link", name="Account").click()
            await invitee.get_by_label("Current password").fill(PASSWORD)
            await invitee.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
            await invitee.get_by_label("New password again").fill(NEW_PASSWORD)
            await invitee.get_by_role("button", name="Change password").click()
            await expect(invitee.get_by_role("status")).to_contain_text("password is changed")
            await _shot(invitee, "account-password", problems)

            # The owner forgot her password.
            await page.get_by_role("button", name="Sign out").click()
            await page.get_by_role("link", name="Forgotten password?").click()
            await page.get_by_label("E-mail").fill("nora@northwind.example")
            await _shot(page, "password-forgotten", problems)
            await page.get_by_role("button", name="Send the link").click()
            await expect(page.get_by_role("status")).to_contain_text("on its way")
            reset = _link_in_mail(mail, "nora@northwind.example", "/app/password-reset/")
            await page.goto(f"{server}{reset}")
            await page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
            await page.get_by_label("New password again").fill(NEW_PASSWORD)
            await _shot(page, "password-new", problems)
            await page.get_by_role("button", name="Set password").click()
            await expect(
                page.get_by_role("heading", name="Your new password is set")
            ).to_be_visible()
            await page.goto(f"{server}{reset}")
            await expect(page.get_by_role("alert")).to_contain_text("already used")
            await _shot(page, "password-link-used", problems)
            await browser.close()
        assert problems == []
        assert console_errors == []
        assert failed == [f"409 {server}{reset}"]
    finally:
        await truncate_all(engine)
