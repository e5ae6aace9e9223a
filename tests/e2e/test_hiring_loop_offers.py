"""The hiring loop's last mile through HTTP: an application in the Offer stage gets an offer
checked against the job's band, approved in order, sent, and accepted by the candidate
through their signed link; the job fills and closes, and the others are rejected."""

from __future__ import annotations

import email
import shutil
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.core.signing_key import signing_key
from hireline.offers import links
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.identity.helpers import PASSWORD, bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain

PUBLIC_URL = "https://hire.acme.example"
# A name that looks like markup and like a letter placeholder: both must stay text.
ADA = "Ada <b>Lovelace</b> {{ base_salary }}"


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    own = settings.model_copy(update={"public_url": PUBLIC_URL})
    shutil.rmtree(own.data_dir / "mail", ignore_errors=True)
    return WorkerState(sessions=app.state.sessions, settings=own)


async def _member(
    client: httpx.AsyncClient, owner: dict[str, str], slug: str, role: str, name: str
) -> dict[str, Any]:
    address = f"{name.lower()}@{slug}.example"
    invited = await client.post(
        "/v1/members", json={"email": address, "role": role, "send_email": False}, headers=owner
    )
    assert invited.status_code == 201, invited.text
    accepted = await client.post(
        invited.json()["accept_path"], json={"name": name, "password": PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    headers = bearer(accepted.json()["access_token"])
    me = (await client.get("/v1/me", headers=headers)).json()
    return {"id": me["user"]["id"], "email": address, "headers": headers}


@pytest.fixture
async def organization(committing_client: httpx.AsyncClient) -> dict[str, Any]:
    client = committing_client
    slug = f"acme-{uuid.uuid4().hex[:8]}"
    owner = bearer((await sign_up(client, slug, email=f"owner@{slug}.example"))["access_token"])
    return {
        "slug": slug,
        "owner": owner,
        "first": await _member(client, owner, slug, "hiring_manager", "Hana"),
        "second": await _member(client, owner, slug, "interviewer", "Ivo"),
        "outsider": await _member(client, owner, slug, "hiring_manager", "Otto"),
    }


async def _apply(client: httpx.AsyncClient, slug: str, job_id: str, name: str, address: str) -> str:
    response = await client.post(
        f"/v1/boards/{slug}/jobs/{job_id}/applications",
        data={"name": name, "email": address, "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume("Candidate"), "application/pdf")},
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _mailbox(state: WorkerState) -> list[EmailMessage]:
    root = state.settings.data_dir / "mail"
    messages = []
    for path in sorted(root.rglob("*.eml")) if root.exists() else []:
        parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        messages.append(parsed)
    return messages


def _to(messages: list[EmailMessage], address: str) -> list[EmailMessage]:
    return [m for m in messages if m["To"].addresses[0].addr_spec == address]


def _text(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None
    return str(part.get_content())


def _pdf_text(data: bytes, tmp_path: Any) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["/usr/bin/pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return " ".join(done.stdout.split())


async def test_offer_to_hire_through_approvals_and_the_candidates_link(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],
    engine: AsyncEngine,
    state: WorkerState,
    settings: Settings,
    tmp_path: Any,
) -> None:
    client, org = committing_client, organization
    owner = org["owner"]
    job = await open_job(client, owner, title="Backend <Engineer> & Co", openings=1)
    assert job["openings"] == 1
    ada_app = await _apply(client, org["slug"], job["id"], ADA, "ada@example.com")
    bob_app = await _apply(client, org["slug"], job["id"], "Bob Byte", "bob@example.com")
    cy_app = await _apply(client, org["slug"], job["id"], "Cy Cache", "cy@example.com")
    await offer_phase(
        client, org, job, (ada_app, bob_app, cy_app), engine, state, settings, tmp_path
    )


async def offer_phase(
    client: httpx.AsyncClient,
    org: dict[str, Any],
    job: dict[str, Any],
    applications: tuple[str, str, str],
    engine: AsyncEngine,
    state: WorkerState,
    settings: Settings,
    tmp_path: Any,
) -> None:
    """From applications in a late stage (Ada's, Bob's, Cy's) to Ada hired and the job closed:
    offers in and out of the band, approvals in turn, the candidate's link, the rest rejected."""
    owner = org["owner"]
    ada_app, bob_app, cy_app = applications
    # Only the mail of this phase counts (the team may have had interview invitations).
    await drain(engine, state)
    earlier = {message["Message-ID"] for message in _mailbox(state)}

    def new_mail() -> list[EmailMessage]:
        return [m for m in _mailbox(state) if m["Message-ID"] not in earlier]

    offer_stage = next(s for s in job["stages"] if s["kind"] == "offer")
    for application in (ada_app, bob_app):
        moved = await client.post(
            f"/v1/applications/{application}/move",
            json={"stage_id": offer_stage["id"]},
            headers=owner,
        )
        assert moved.status_code == 200, moved.text

    # The band beside the form is the guide's, explained.
    band = (await client.get(f"/v1/applications/{ada_app}/offer-band", headers=owner)).json()
    assert band["available"] is True
    assert band["location"] == "austin-tx"
    assert band["level"] == "senior"
    assert band["source"]
    assert band["basis"]
    inside = (band["min"] + band["max"]) // 2 // 1000 * 1000
    outside = band["max"] + 40_000
    approvers = [org["first"]["id"], org["second"]["id"]]
    terms = {
        "currency": band["currency"],
        "bonus": 15_000,
        "equity": "0.1% over 4 years",
        "start_date": "2027-02-01",
        "expires_at": (datetime.now(UTC) + timedelta(days=10)).isoformat(),
        "approvers": approvers,
    }

    # Outside the band without a reason: 422, nothing stored.
    refused = await client.post(
        f"/v1/applications/{bob_app}/offers",
        json={**terms, "base_salary": outside},
        headers=owner,
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["loc"] == ["body", "out_of_band_reason"]
    listed = await client.get(f"/v1/applications/{bob_app}/offers", headers=owner)
    assert listed.json()["items"] == []
    # With a reason it is made, and approvers see the reason.
    reason = "Competing offer from <Globex>; matches their current pay."
    bob_offer = await client.post(
        f"/v1/applications/{bob_app}/offers",
        json={**terms, "base_salary": outside, "out_of_band_reason": reason},
        headers=owner,
    )
    assert bob_offer.status_code == 201, bob_offer.text
    assert bob_offer.json()["within_band"] is False
    seen_by_approver = await client.get(
        f"/v1/offers/{bob_offer.json()['id']}", headers=org["first"]["headers"]
    )
    assert seen_by_approver.json()["out_of_band_reason"] == reason

    created = await client.post(
        f"/v1/applications/{ada_app}/offers",
        json={**terms, "base_salary": inside},
        headers=owner,
    )
    assert created.status_code == 201, created.text
    offer = created.json()
    assert offer["within_band"] is True
    assert offer["status"] == "awaiting_approval"
    assert offer["next_approver"] == org["first"]["id"]
    offer_url = f"/v1/offers/{offer['id']}"
    # One offer under way per application.
    again = await client.post(
        f"/v1/applications/{ada_app}/offers", json={**terms, "base_salary": inside}, headers=owner
    )
    assert again.status_code == 409

    # The first approver is asked about both offers; the second is not asked yet.
    await drain(engine, state)
    assert len(_to(new_mail(), org["first"]["email"])) == 2
    assert _to(new_mail(), org["second"]["email"]) == []

    # Visible to the approvers, not to another hiring manager.
    assert (await client.get(offer_url, headers=org["outsider"]["headers"])).status_code == 404

    # Out of turn: refused. Sending before every approval: refused.
    early = await client.post(
        f"{offer_url}/approval", json={"decision": "approve"}, headers=org["second"]["headers"]
    )
    assert early.status_code == 409, early.text
    assert early.json()["next_approver"] == org["first"]["id"]
    assert (await client.post(f"{offer_url}/send", headers=owner)).status_code == 409
    # Nobody approves for someone else, not even the owner.
    owner_try = await client.post(
        f"{offer_url}/approval", json={"decision": "approve"}, headers=owner
    )
    assert owner_try.status_code == 403

    first = await client.post(
        f"{offer_url}/approval",
        json={"decision": "approve", "note": "Within budget."},
        headers=org["first"]["headers"],
    )
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "awaiting_approval"
    assert first.json()["next_approver"] == org["second"]["id"]
    assert _to(new_mail(), org["second"]["email"]) == []  # not before the first's turn
    await drain(engine, state)
    assert len(_to(new_mail(), org["second"]["email"])) == 1
    second = await client.post(
        f"{offer_url}/approval", json={"decision": "approve"}, headers=org["second"]["headers"]
    )
    assert second.json()["status"] == "approved"
    assert [a["status"] for a in second.json()["approvals"]] == ["approved", "approved"]
    assert second.json()["approvals"][0]["note"] == "Within budget."

    # Bob's out-of-band offer is declined by its first approver (a note is required).
    bob_url = f"/v1/offers/{bob_offer.json()['id']}"
    silent = await client.post(
        f"{bob_url}/approval", json={"decision": "decline"}, headers=org["first"]["headers"]
    )
    assert silent.status_code == 422
    declined = await client.post(
        f"{bob_url}/approval",
        json={"decision": "decline", "note": "Over budget."},
        headers=org["first"]["headers"],
    )
    assert declined.json()["status"] == "approval_declined"

    sent = await client.post(f"{offer_url}/send", headers=owner)
    assert sent.status_code == 200, sent.text
    assert sent.json()["status"] == "sent"
    await drain(engine, state)

    # E-mails: the approvers were asked in turn; the candidate got the offer with the link.
    mailbox = new_mail()
    to_first = _to(mailbox, org["first"]["email"])
    to_second = _to(mailbox, org["second"]["email"])
    assert len(to_first) == 2  # Ada's and Bob's offers, each first in line
    assert len(to_second) == 1  # Ada's only, after the first approved
    assert any(reason in _text(m) for m in to_first)
    assert f"{PUBLIC_URL}/app/offers/{offer['id']}" in _text(to_second[0])
    [to_ada] = [m for m in _to(mailbox, "ada@example.com") if "offer" in m["Subject"]]
    assert (
        to_ada["Subject"] == f"Your offer for Backend <Engineer> & Co at {org['slug'].title()} Inc"
    )
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt;" in _text(to_ada, "html")
    [attached] = list(to_ada.iter_attachments())
    assert attached.get_filename() == "offer-letter.pdf"
    assert "Dear Ada <b>Lovelace</b>" in _pdf_text(attached.get_content(), tmp_path)
    link = next(word for word in _text(to_ada).split() if word.startswith(f"{PUBLIC_URL}/offers/"))
    path = link.removeprefix(PUBLIC_URL)
    token = path.removeprefix("/offers/")

    # The letter: escaped fields, the placeholder in the name left as text.
    letter = await client.get(f"{offer_url}/letter", headers=owner)
    assert letter.headers["content-type"] == "application/pdf"
    words = _pdf_text(letter.content, tmp_path)
    assert "Dear Ada <b>Lovelace</b> {{ base_salary }}," in words
    assert f"Base salary: {inside:,} {band['currency']} a year" in words
    assert "Backend <Engineer> & Co" in words

    # The link: tampered or expired is refused; a post without the page's cookie too.
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert (await client.get(f"/offers/{tampered}")).status_code == 404
    tenant_id = (await client.get("/v1/me", headers=owner)).json()["tenant"]["id"]
    offer_ref = links.OfferRef(uuid.UUID(tenant_id), uuid.UUID(offer["id"]))
    expired = links.sign(
        offer_ref, datetime.now(UTC) - timedelta(minutes=1), key=signing_key(settings)
    )
    assert (await client.get(f"/offers/{expired}")).status_code == 410
    forged = await client.post(f"/offers/{expired}/accept", data={"csrf_token": "x"})
    assert forged.status_code == 410

    page = await client.get(path)
    assert page.status_code == 200
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt; {{ base_salary }}" in page.text
    csrf = page.cookies.get("hireline_offer_csrf")
    assert csrf
    assert f'value="{csrf}"' in page.text
    client.cookies.clear()
    no_cookie = await client.post(f"{path}/accept", data={"csrf_token": csrf})
    assert no_cookie.status_code == 403
    accepted = await client.post(
        f"{path}/accept", data={"csrf_token": csrf}, cookies={"hireline_offer_csrf": csrf}
    )
    assert accepted.status_code == 303, accepted.text
    client.cookies.clear()
    after = await client.get(offer_url, headers=owner)
    assert after.json()["status"] == "accepted"
    assert after.json()["decided_by"] == "candidate"
    again_page = await client.get(path)
    assert "You accepted this offer" in again_page.text
    assert 'action="/offers/' not in again_page.text

    # Hired, and the job (one opening) closed.
    hired = await client.get(f"/v1/applications/{ada_app}", headers=owner)
    assert hired.json()["status"] == "hired"
    closed = await client.get(f"/v1/jobs/{job['id']}", headers=owner)
    assert closed.json()["status"] == "closed"

    # The rest are rejected with the chosen reason, and told.
    bad = await client.post(
        f"/v1/jobs/{job['id']}/reject-remaining", json={"reason": "nope"}, headers=owner
    )
    assert bad.status_code == 422
    rejected = await client.post(
        f"/v1/jobs/{job['id']}/reject-remaining",
        json={"reason": "position_filled", "notify_candidates": True},
        headers=owner,
    )
    assert rejected.status_code == 200, rejected.text
    assert sorted(rejected.json()["application_ids"]) == sorted([bob_app, cy_app])
    for application in (bob_app, cy_app):
        read = (await client.get(f"/v1/applications/{application}", headers=owner)).json()
        assert (read["status"], read["rejection_reason"]) == ("rejected", "position_filled")
    await drain(engine, state)
    for address in ("bob@example.com", "cy@example.com"):
        assert any("Your application" in m["Subject"] for m in _to(new_mail(), address))

    # Every step left its event, each in the webhook catalogue.
    catalogue = (await client.get("/v1/webhooks/event-types", headers=owner)).json()
    names = {entry["type"] for entry in catalogue}
    async with engine.begin() as connection:
        await connection.execute(
            text("SELECT set_config('app.tenant_id', :tenant, true)"), {"tenant": tenant_id}
        )
        types = set(
            (
                await connection.execute(
                    text("SELECT DISTINCT type FROM domain_events WHERE type LIKE 'offer.%'")
                )
            ).scalars()
        )
    assert types == {
        "offer.created",
        "offer.approval_requested",
        "offer.approved",
        "offer.declined_by_approver",
        "offer.sent",
        "offer.accepted",
    }
    assert types <= names
