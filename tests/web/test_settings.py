"""The settings screens through HTTP: each change, its bad input, its permission, its CSRF."""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from PIL import Image
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.fixtures.identity import Member
from tests.identity.helpers import sign_up
from tests.identity.test_members import _join
from tests.web.helpers import csrf_token, session_cookie, web_sign_in

OWNER = "owner@acme.example"


@pytest.fixture
async def owner(owner: Member, client: httpx.AsyncClient) -> Member:
    """The shared owner, signed in to the web app as well."""
    await web_sign_in(client, owner.email)
    return owner


async def _token(client: httpx.AsyncClient, path: str) -> str:
    page = await client.get(path)
    assert page.status_code == 200, page.text
    return csrf_token(page.text)


async def _post(
    client: httpx.AsyncClient, page: str, action: str, data: dict[str, Any], **kwargs: Any
) -> httpx.Response:
    return await client.post(
        action, data=data | {"csrf_token": await _token(client, page)}, **kwargs
    )


async def _scalar(engine: AsyncEngine, sql: str) -> Any:
    async with engine.connect() as connection:
        return (await connection.execute(text(sql))).scalar_one()


def _png(colour: str = "#0b5cad", size: tuple[int, int] = (40, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


# -- Members ---------------------------------------------------------------------------------


async def test_members_screen_lists_people_and_changes_a_role(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _join(client, owner, "rita@acme.example", "recruiter")
    me = (await client.get("/v1/me", headers=owner)).json()
    page = await client.get("/app/settings/members")
    assert "rita@acme.example" in page.text
    rita = re.search(r"/app/settings/members/([0-9a-f-]+)/role", page.text)
    assert rita is not None
    assert rita.group(1) != me["user"]["id"]
    changed = await _post(
        client,
        "/app/settings/members",
        f"/app/settings/members/{rita.group(1)}/role",
        {"role": "admin"},
    )
    assert changed.status_code == 303
    members = (await client.get("/v1/members", headers=owner)).json()["members"]
    assert {m["email"]: m["role"] for m in members}["rita@acme.example"] == "admin"

    removed = await _post(
        client, "/app/settings/members", f"/app/settings/members/{rita.group(1)}/remove", {}
    )
    assert removed.status_code == 303
    members = (await client.get("/v1/members", headers=owner)).json()["members"]
    assert [m["email"] for m in members] == [OWNER]


async def test_an_unknown_role_and_a_bad_address_are_refused(
    client: httpx.AsyncClient, owner: dict[str, str], engine: AsyncEngine
) -> None:
    bad_role = await _post(
        client,
        "/app/settings/members",
        "/app/settings/members/invitations",
        {"email": "x@acme.example", "role": "emperor"},
    )
    assert bad_role.status_code == 422
    assert "Choose one of the roles offered." in bad_role.text
    bad_address = await _post(
        client,
        "/app/settings/members",
        "/app/settings/members/invitations",
        {"email": "not an address", "role": "recruiter"},
    )
    assert bad_address.status_code == 422
    already = await _post(
        client,
        "/app/settings/members",
        "/app/settings/members/invitations",
        {"email": OWNER, "role": "recruiter"},
    )
    assert already.status_code == 409
    assert "already a member" in already.text


async def test_the_last_owner_cannot_demote_themselves(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _join(client, owner, "ada@acme.example", "admin")
    me = (await client.get("/v1/me", headers=owner)).json()["user"]["id"]

    client.cookies.clear()
    await web_sign_in(client, "ada@acme.example")
    refused = await _post(
        client, "/app/settings/members", f"/app/settings/members/{me}/role", {"role": "recruiter"}
    )
    assert refused.status_code == 403
    assert "Only owners can make owners" in refused.text


async def test_an_interviewer_cannot_open_the_settings(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _join(client, owner, "ivy@acme.example", "interviewer")
    client.cookies.clear()
    await web_sign_in(client, "ivy@acme.example")
    for path in ("/app/settings/members", "/app/settings/api-keys", "/app/settings/careers"):
        assert (await client.get(path)).status_code == 403, path
    assert 'href="/app/settings"' not in (await client.get("/app")).text


async def test_a_recruiter_reads_members_but_cannot_invite(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _join(client, owner, "rita@acme.example", "recruiter")
    client.cookies.clear()
    await web_sign_in(client, "rita@acme.example")
    page = await client.get("/app/settings/members")
    assert page.status_code == 200
    assert "Invite someone" not in page.text
    refused = await client.post(
        "/app/settings/members/invitations",
        data={"email": "x@acme.example", "role": "recruiter", "csrf_token": csrf_token(page.text)},
    )
    assert refused.status_code == 403


# -- API keys and OAuth clients --------------------------------------------------------------


async def test_an_api_key_is_shown_once_works_and_is_revoked(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    created = await _post(
        client,
        "/app/settings/api-keys",
        "/app/settings/api-keys",
        {"name": "HR sync", "scopes": ["jobs:read"]},
    )
    assert created.status_code == 200
    secret = re.search(r'<p class="secret" id="secret">([^<]+)</p>', created.text)
    assert secret is not None
    assert created.headers["cache-control"] == "no-store"
    key = {"X-API-Key": secret.group(1)}
    assert (await client.get("/v1/jobs", headers=key)).status_code == 200
    again = await client.get("/app/settings/api-keys")
    assert secret.group(1) not in again.text
    assert "HR sync" in again.text
    key_id = re.search(r"/app/settings/api-keys/([0-9a-f-]+)/revoke", again.text)
    assert key_id is not None
    revoked = await _post(
        client, "/app/settings/api-keys", f"/app/settings/api-keys/{key_id.group(1)}/revoke", {}
    )
    assert revoked.status_code == 303
    assert (await client.get("/v1/jobs", headers=key)).status_code == 401


async def test_an_api_key_without_scopes_or_name_is_refused_and_not_stored(
    client: httpx.AsyncClient, owner: dict[str, str], engine: AsyncEngine
) -> None:
    no_scopes = await _post(
        client, "/app/settings/api-keys", "/app/settings/api-keys", {"name": "HR sync"}
    )
    assert no_scopes.status_code == 422
    assert "Choose at least one scope." in no_scopes.text
    no_name = await _post(
        client,
        "/app/settings/api-keys",
        "/app/settings/api-keys",
        {"name": " ", "scopes": ["jobs:read"]},
    )
    assert no_name.status_code == 422
    bad_date = await _post(
        client,
        "/app/settings/api-keys",
        "/app/settings/api-keys",
        {"name": "x", "scopes": ["jobs:read"], "expires_at": "tomorrow"},
    )
    assert bad_date.status_code == 422
    assert "YYYY-MM-DD" in bad_date.text
    assert "No API keys yet." in (await client.get("/app/settings/api-keys")).text


async def test_an_oauth_client_is_created_with_its_secret_once_and_revoked(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    created = await _post(
        client,
        "/app/settings/oauth-clients",
        "/app/settings/oauth-clients",
        {"name": "ATS bridge", "scopes": ["candidates:read"]},
    )
    assert created.status_code == 200
    client_id = re.search(r"Client id: <code>([^<]+)</code>", created.text)
    secret = re.search(r'<p class="secret" id="secret">([^<]+)</p>', created.text)
    assert client_id is not None
    assert secret is not None
    token = await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials"},
        auth=(client_id.group(1), secret.group(1)),
    )
    assert token.status_code == 200, token.text
    page = await client.get("/app/settings/oauth-clients")
    assert secret.group(1) not in page.text
    found = re.search(r"/app/settings/oauth-clients/([0-9a-f-]+)/revoke", page.text)
    assert found is not None
    revoked = await _post(
        client,
        "/app/settings/oauth-clients",
        f"/app/settings/oauth-clients/{found.group(1)}/revoke",
        {},
    )
    assert revoked.status_code == 303
    assert "revoked" in (await client.get("/app/settings/oauth-clients")).text


# -- Webhooks --------------------------------------------------------------------------------


async def test_a_webhook_endpoint_is_added_tested_and_its_log_shown(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    created = await _post(
        client,
        "/app/settings/webhooks",
        "/app/settings/webhooks",
        {"url": "https://hooks.example.com/in", "event_types": ["application.created"]},
    )
    assert created.status_code == 200, created.text
    assert re.search(r'<p class="secret" id="secret">whsec_', created.text)
    endpoint = re.search(r'href="/app/settings/webhooks/([0-9a-f-]+)"', created.text)
    assert endpoint is not None
    path = f"/app/settings/webhooks/{endpoint.group(1)}"
    tested = await _post(client, "/app/settings/webhooks", f"{path}/test", {})
    assert tested.status_code == 303
    log = await client.get(path)
    assert "webhook.test" in log.text
    assert "pending" in log.text
    delivery = re.search(r"/deliveries/([0-9a-f-]+)/retry", log.text)
    assert delivery is not None
    # Being sent: a retry is refused with the reason, on the log.
    retried = await _post(client, path, f"{path}/deliveries/{delivery.group(1)}/retry", {})
    assert retried.status_code == 409
    assert "being sent" in retried.text
    disabled = await _post(client, "/app/settings/webhooks", f"{path}/enabled", {})
    assert disabled.status_code == 303
    assert "disabled" in (await client.get("/app/settings/webhooks")).text


async def test_a_webhook_with_a_bad_url_or_no_events_is_refused(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    bad_url = await _post(
        client,
        "/app/settings/webhooks",
        "/app/settings/webhooks",
        {"url": "ftp://example.com", "event_types": ["*"]},
    )
    assert bad_url.status_code == 422
    internal = await _post(
        client,
        "/app/settings/webhooks",
        "/app/settings/webhooks",
        {"url": "http://127.0.0.1/hook", "event_types": ["*"]},
    )
    assert internal.status_code == 422
    no_events = await _post(
        client,
        "/app/settings/webhooks",
        "/app/settings/webhooks",
        {"url": "https://hooks.example.com/in"},
    )
    assert no_events.status_code == 422
    assert "No endpoints yet." in (await client.get("/app/settings/webhooks")).text


# -- Rejection reasons -----------------------------------------------------------------------


async def test_rejection_reasons_are_renamed_removed_and_added(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    before = (await client.get("/v1/rejection-reasons", headers=owner)).json()["reasons"]
    keys = [reason["key"] for reason in before]
    labels = [reason["label"] for reason in before]
    labels[0] = "Lacks the must-have skills"
    saved = await _post(
        client,
        "/app/settings/rejection-reasons",
        "/app/settings/rejection-reasons",
        {
            "key": [*keys, "", "", ""],
            "label": [*labels, "Visa sponsorship not possible", "", ""],
            "remove": [keys[1]],
        },
    )
    assert saved.status_code == 303, saved.text
    after = (await client.get("/v1/rejection-reasons", headers=owner)).json()
    assert after["customised"] is True
    got = {reason["key"]: reason["label"] for reason in after["reasons"]}
    assert got[keys[0]] == "Lacks the must-have skills"
    assert keys[1] not in got
    assert got["visa_sponsorship_not_possible"] == "Visa sponsorship not possible"


async def test_rejection_reasons_refuse_an_empty_list_and_keep_the_old_one(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    before = (await client.get("/v1/rejection-reasons", headers=owner)).json()
    keys = [reason["key"] for reason in before["reasons"]]
    refused = await _post(
        client,
        "/app/settings/rejection-reasons",
        "/app/settings/rejection-reasons",
        {"key": keys, "label": [""] * len(keys)},
    )
    assert refused.status_code == 422
    assert "needs a label" in refused.text
    assert (await client.get("/v1/rejection-reasons", headers=owner)).json() == before


# -- Careers page ----------------------------------------------------------------------------


async def test_careers_branding_is_checked_and_shown_on_the_careers_page(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    token = await _token(client, "/app/settings/careers")
    saved = await client.post(
        "/app/settings/careers",
        data={"csrf_token": token, "colour": "#7A1F5C", "intro": "We build <tools> & more."},
        files={"logo": ("logo.png", _png(), "image/png")},
    )
    assert saved.status_code == 303, saved.text
    page = await client.get("/careers/acme")
    assert "We build &lt;tools&gt; &amp; more." in page.text
    assert "--brand: #7a1f5c;" in page.text
    path = f"/careers/acme/logo/{hashlib.sha256(_png()).hexdigest()}"
    assert f'src="{path}"' in page.text
    logo = await client.get(path)
    assert logo.status_code == 200
    assert logo.headers["content-type"] == "image/png"
    assert logo.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert logo.content == _png()
    # The unversioned URL (older links) still answers, checked again on each use.
    unversioned = await client.get("/careers/acme/logo")
    assert (unversioned.content, unversioned.headers["cache-control"]) == (_png(), "no-cache")


def _logo_src(html: str) -> str:
    found = re.search(r'<img src="(/careers/[^"]+/logo/[0-9a-f]{64})"', html)
    assert found is not None, html
    return found.group(1)


async def test_a_new_logo_shows_at_once_at_a_new_url(committing_client: httpx.AsyncClient) -> None:
    client = committing_client
    await sign_up(client, "logoco")
    await web_sign_in(client, "owner@logoco.example")

    async def upload(image: bytes) -> None:
        saved = await _post(
            client,
            "/app/settings/careers",
            "/app/settings/careers",
            {"colour": "#0b5cad", "intro": ""},
            files={"logo": ("logo.png", image, "image/png")},
        )
        assert saved.status_code == 303, saved.text

    first, second = _png("#0b5cad"), _png("#7a1f5c")
    await upload(first)
    page = await client.get("/careers/logoco")
    old = _logo_src(page.text)
    assert old.endswith(hashlib.sha256(first).hexdigest())
    assert (await client.get(old)).content == first
    assert (await client.get("/careers/logoco")).text == page.text  # now cached

    await upload(second)
    new = old
    for _ in range(50):  # the commit's NOTIFY drops the cached pages in every process
        new = _logo_src((await client.get("/careers/logoco")).text)
        if new != old:
            break
        await asyncio.sleep(0.1)
    assert new.endswith(hashlib.sha256(second).hexdigest())
    served = await client.get(new)
    assert (served.status_code, served.content) == (200, second)
    assert "immutable" in served.headers["cache-control"]
    # The old version's URL sends the browser to the current one, uncached.
    moved = await client.get(old)
    assert (moved.status_code, moved.headers["location"]) == (307, new)
    assert moved.headers["cache-control"] == "no-store"
    unknown = await client.get("/careers/logoco/logo/" + "0" * 64)
    assert unknown.headers["location"] == new
    assert (await client.get("/careers/logoco/logo/not-a-digest")).status_code == 422


@pytest.mark.parametrize(
    ("data", "logo", "message"),
    [
        ({"colour": "red"}, None, "#rrggbb"),
        ({"colour": "#ffff00"}, None, "too light"),
        ({"colour": '#0b5cad" onload="x'}, None, "#rrggbb"),
        ({}, ("logo.png", b"<svg onload=alert(1)>", "image/png"), "PNG or JPEG"),
        ({}, ("logo.gif", b"GIF89a" + b"\x00" * 40, "image/gif"), "PNG or JPEG"),
        ({}, ("big.png", _png(size=(2400, 10)), "image/png"), "2000 pixels"),
        ({"intro": "x" * 2001}, None, "2000 characters"),
    ],
)
async def test_bad_branding_is_refused_and_nothing_is_stored(
    client: httpx.AsyncClient,
    owner: dict[str, str],
    data: dict[str, str],
    logo: tuple[str, bytes, str] | None,
    message: str,
) -> None:
    token = await _token(client, "/app/settings/careers")
    refused = await client.post(
        "/app/settings/careers",
        data={"csrf_token": token, "intro": "Hello"} | data,
        files={"logo": logo} if logo else {"logo": ("", b"", "application/octet-stream")},
    )
    assert refused.status_code == 422, refused.text
    assert message in refused.text
    page = await client.get("/careers/acme")
    assert "Hello" not in page.text
    assert ":root { --brand" not in page.text
    assert (await client.get("/careers/acme/logo")).status_code == 404
    assert (await client.get("/careers/acme/logo/" + "0" * 64)).status_code == 404


# -- Plan and usage --------------------------------------------------------------------------


async def test_plan_screen_shows_the_plan_and_its_limit(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    page = await client.get("/app/settings/plan")
    assert page.status_code == 200
    assert "<dd>free</dd>" in page.text
    assert "60 requests a minute" in page.text


# -- Limits and sessions ---------------------------------------------------------------------


async def test_a_person_clicking_through_the_app_never_meets_the_free_plan_limit(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    for _ in range(75):
        assert (await client.get("/app/settings/members")).status_code == 200
    # The API's own limit is untouched by those clicks.
    assert (await client.get("/v1/me", headers=owner)).status_code == 200


async def test_the_web_app_has_its_own_limit_per_person(
    app: FastAPI, client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    original = app.state.settings
    app.state.settings = original.model_copy(update={"web_requests_per_minute": 10})
    try:
        answers = [(await client.get("/app/settings/plan")).status_code for _ in range(12)]
    finally:
        app.state.settings = original
    assert answers[:10] == [200] * 10
    assert answers[-1] == 429


async def test_switching_organisation_gives_a_new_session_id(
    client: httpx.AsyncClient,
) -> None:
    await sign_up(client, "acme")
    await sign_up(client, "globex", email=OWNER)
    await web_sign_in(client, OWNER)
    first = session_cookie(client)
    picker = await client.get("/app/organisations")
    ids = re.findall(r'name="tenant_id" value="([0-9a-f-]+)"', picker.text)
    picked = await client.post(
        "/app/organisations", data={"tenant_id": ids[0], "csrf_token": csrf_token(picker.text)}
    )
    assert picked.status_code == 303
    second = session_cookie(client)
    assert second is not None
    assert second != first
    picker = await client.get("/app/organisations")
    await client.post(
        "/app/organisations", data={"tenant_id": ids[1], "csrf_token": csrf_token(picker.text)}
    )
    third = session_cookie(client)
    assert third is not None
    assert third not in {first, second}
    assert (await client.get("/app")).status_code == 200
    # The id used in the first organisation no longer opens anything.
    client.cookies.set("hireline_session", str(second))
    assert (await client.get("/app")).status_code == 303


# -- CSRF on every new form ------------------------------------------------------------------

FORMS = [
    "/app/settings/members/invitations",
    "/app/settings/members/00000000-0000-0000-0000-000000000000/role",
    "/app/settings/members/00000000-0000-0000-0000-000000000000/remove",
    "/app/settings/api-keys",
    "/app/settings/api-keys/00000000-0000-0000-0000-000000000000/revoke",
    "/app/settings/oauth-clients",
    "/app/settings/oauth-clients/00000000-0000-0000-0000-000000000000/revoke",
    "/app/settings/webhooks",
    "/app/settings/webhooks/00000000-0000-0000-0000-000000000000/enabled",
    "/app/settings/webhooks/00000000-0000-0000-0000-000000000000/test",
    "/app/settings/webhooks/00000000-0000-0000-0000-000000000000/delete",
    "/app/settings/webhooks/00000000-0000-0000-0000-000000000000/deliveries/"
    "00000000-0000-0000-0000-000000000000/retry",
    "/app/settings/rejection-reasons",
    "/app/settings/emails/invitation",
    "/app/settings/careers",
]


@pytest.mark.parametrize("path", FORMS)
async def test_each_settings_form_refuses_a_post_without_the_csrf_token(
    client: httpx.AsyncClient, owner: dict[str, str], engine: AsyncEngine, path: str
) -> None:
    audit_before = (await client.get("/v1/audit-log", headers=owner)).json()
    refused = await client.post(path, data={"email": "x@acme.example", "role": "recruiter"})
    assert refused.status_code == 403
    forged = await client.post(path, data={"csrf_token": "forged", "name": "x"})
    assert forged.status_code == 403
    assert (await client.get("/v1/audit-log", headers=owner)).json() == audit_before
