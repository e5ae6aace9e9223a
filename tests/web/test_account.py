"""Before sign-in, through HTTP: creating an organisation, a forgotten password, invitations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.core.rate_limit import RateLimiter
from tests.identity.helpers import PASSWORD, bearer, password_token, sign_up
from tests.queue_tasks import drain
from tests.web.helpers import csrf_token, session_cookie, web_sign_in
from tests.web.mail import link_in, mailbox, state, text_of

__all__ = ["state"]
NEW_PASSWORD = "a brand new passphrase 42"


async def _form(client: httpx.AsyncClient, path: str) -> str:
    page = await client.get(path)
    assert page.status_code == 200, page.text
    return csrf_token(page.text)


async def _sign_up(client: httpx.AsyncClient, **fields: str) -> httpx.Response:
    data = {
        "organization_name": "Globex",
        "slug": "globex",
        "name": "Gil Globex",
        "email": "gil@globex.example",
        "password": PASSWORD,
    } | fields
    token = await _form(client, "/app/sign-up")
    return await client.post("/app/sign-up", data=data | {"csrf_token": token})


async def _count(engine: AsyncEngine, sql: str, **params: object) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text(sql), params)).scalar_one())


# -- Sign-up ---------------------------------------------------------------------------------


async def test_sign_up_creates_the_organisation_and_signs_the_owner_in(
    client: httpx.AsyncClient,
) -> None:
    response = await _sign_up(client)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/app"
    assert session_cookie(client)
    dashboard = await client.get("/app")
    assert dashboard.status_code == 200
    assert "Gil Globex" in dashboard.text


async def test_sign_up_with_a_taken_slug_says_so_and_creates_nothing(
    client: httpx.AsyncClient,
) -> None:
    await sign_up(client, "globex")
    response = await _sign_up(client, email="other@globex.example")
    assert response.status_code == 409
    assert "The slug &#39;globex&#39; is taken." in response.text
    assert 'value="globex" required maxlength="63" aria-invalid="true"' in response.text
    assert session_cookie(client) is None
    # The address did not get an account half-way: it can still sign up elsewhere.
    assert (await password_token(client, "other@globex.example")).status_code == 400


async def test_sign_up_with_a_weak_password_keeps_the_form(client: httpx.AsyncClient) -> None:
    response = await _sign_up(client, password="short")
    assert response.status_code == 422
    assert "Password must be at least 10 characters long." in response.text
    assert 'value="Globex"' in response.text
    assert "short" not in response.text


async def test_sign_up_with_a_bad_slug_names_the_field(client: httpx.AsyncClient) -> None:
    response = await _sign_up(client, slug="Not a slug!")
    assert response.status_code == 422
    assert "Web address:" in response.text


async def test_sign_up_without_the_form_token_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/app/sign-up",
        data={
            "organization_name": "Globex",
            "slug": "globex",
            "name": "Gil",
            "email": "gil@globex.example",
            "password": PASSWORD,
        },
    )
    assert response.status_code == 403
    assert (await client.get("/careers/globex")).status_code == 404


# -- Password reset --------------------------------------------------------------------------


async def _request_reset(client: httpx.AsyncClient, address: str) -> httpx.Response:
    token = await _form(client, "/app/password-reset")
    return await client.post("/app/password-reset", data={"email": address, "csrf_token": token})


async def test_password_reset_by_email_sets_the_password_and_ends_other_sign_ins(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    issued = await sign_up(client, "initech")
    email = "owner@initech.example"
    async with httpx.AsyncClient(
        transport=client._transport, base_url="http://testserver"
    ) as other:
        await web_sign_in(other, email)
        assert (await other.get("/app")).status_code == 200

        answer = await _request_reset(client, email)
        assert answer.status_code == 200
        assert "a link to set a new password is on its way" in answer.text
        await drain(engine, state)
        [message] = mailbox(state, to=email)
        assert message["Subject"] == "Set a new Hireline password"
        link = link_in(message, "/app/password-reset/")
        assert "30 minutes" in text_of(message)

        token = await _form(client, link)
        response = await client.post(
            link,
            data={"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "csrf_token": token},
        )
        assert response.status_code == 200, response.text
        assert "Your new password is set" in response.text

        # The other browser is signed out; the API's refresh token no longer works.
        assert (await other.get("/app")).status_code == 303
    refreshed = await client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": issued["refresh_token"]},
    )
    assert refreshed.status_code == 400
    # The access token issued before the reset is refused at once, not when it expires.
    assert (await client.get("/v1/me", headers=bearer(issued["access_token"]))).status_code == 401
    assert (await password_token(client, email)).status_code == 400
    assert (await password_token(client, email, NEW_PASSWORD)).status_code == 200

    # The link was single-use.
    again = await client.get(link)
    assert again.status_code == 409
    assert "already used" in again.text
    token = await _form(client, "/app/password-reset")
    reused = await client.post(
        link, data={"password": PASSWORD, "password_again": PASSWORD, "csrf_token": token}
    )
    assert reused.status_code == 409
    assert (await password_token(client, email, NEW_PASSWORD)).status_code == 200


async def test_an_expired_reset_link_is_refused(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    await sign_up(client, "initech")
    await _request_reset(client, "owner@initech.example")
    await drain(engine, state)
    link = link_in(mailbox(state)[0], "/app/password-reset/")
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE password_reset_tokens SET expires_at = :past"),
            {"past": datetime.now(UTC) - timedelta(minutes=1)},
        )
    page = await client.get(link)
    assert page.status_code == 409
    assert "expired" in page.text
    token = await _form(client, "/app/password-reset")
    response = await client.post(
        link, data={"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 409
    assert (await password_token(client, "owner@initech.example")).status_code == 200


async def test_a_weak_new_password_keeps_the_link_usable(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    await sign_up(client, "initech")
    await _request_reset(client, "owner@initech.example")
    await drain(engine, state)
    link = link_in(mailbox(state)[0], "/app/password-reset/")
    token = await _form(client, link)
    weak = await client.post(
        link, data={"password": "password", "password_again": "password", "csrf_token": token}
    )
    assert weak.status_code == 422
    assert "Password" in weak.text
    differ = await client.post(
        link,
        data={"password": NEW_PASSWORD, "password_again": "something else", "csrf_token": token},
    )
    assert differ.status_code == 422
    assert "The two passwords differ" in differ.text
    assert (
        await _count(engine, "SELECT count(*) FROM password_reset_tokens WHERE used_at IS NULL")
        == 1
    )
    ok = await client.post(
        link, data={"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "csrf_token": token}
    )
    assert ok.status_code == 200


async def test_a_reset_for_an_unknown_address_answers_alike_and_sends_nothing(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    answer = await _request_reset(committing_client, "nobody@nowhere.example")
    assert answer.status_code == 200
    assert "a link to set a new password is on its way" in answer.text
    await drain(engine, state)
    assert mailbox(state) == []


async def test_an_unknown_reset_link_is_404(client: httpx.AsyncClient) -> None:
    page = await client.get("/app/password-reset/hlp_nothing_like_a_real_token")
    assert page.status_code == 404
    assert "This link is not valid" in page.text


async def test_a_reset_request_without_the_form_token_is_refused(
    client: httpx.AsyncClient,
) -> None:
    await client.get("/app/password-reset")
    response = await client.post("/app/password-reset", data={"email": "a@b.example"})
    assert response.status_code == 403


# -- Invitations -----------------------------------------------------------------------------


async def _invite_by_web(
    client: httpx.AsyncClient, address: str, role: str = "recruiter"
) -> httpx.Response:
    page = await client.get("/app/settings/members")
    assert page.status_code == 200, page.text
    return await client.post(
        "/app/settings/members/invitations",
        data={"email": address, "role": role, "csrf_token": csrf_token(page.text)},
    )


async def test_an_invitation_is_mailed_and_accepting_it_twice_is_refused(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    await sign_up(client, "hooli")
    await web_sign_in(client, "owner@hooli.example")
    invited = await _invite_by_web(client, "rita@hooli.example")
    assert invited.status_code == 303, invited.text
    await drain(engine, state)
    [message] = mailbox(state, to="rita@hooli.example")
    assert "Hooli Inc" in message["Subject"]
    link = link_in(message, "/app/invitations/")

    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as rita:
        page = await rita.get(link)
        assert page.status_code == 200
        assert "Join Hooli Inc" in page.text
        assert "recruiter" in page.text
        token = csrf_token(page.text)
        short = await rita.post(
            link,
            data={
                "name": "Rita",
                "password": "short",
                "password_again": "short",
                "csrf_token": token,
            },
        )
        assert short.status_code == 422
        joined = await rita.post(
            link,
            data={
                "name": "Rita Recruiter",
                "password": PASSWORD,
                "password_again": PASSWORD,
                "csrf_token": token,
            },
        )
        assert joined.status_code == 303, joined.text
        assert (await rita.get("/app")).status_code == 200
        twice = await rita.post(
            link,
            data={
                "name": "Rita Again",
                "password": PASSWORD,
                "password_again": PASSWORD,
                "csrf_token": token,
            },
        )
        assert twice.status_code == 409
        assert "already accepted" in twice.text
    assert (
        await _count(engine, "SELECT count(*) FROM users WHERE email = 'rita@hooli.example'") == 1
    )
    assert (
        await _count(
            engine,
            "SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id"
            " WHERE u.email = 'rita@hooli.example'",
        )
        == 1
    )


async def test_an_existing_account_joins_with_its_password(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    await sign_up(client, "hooli")
    await sign_up(client, "piedpiper", email="rich@piedpiper.example")
    await web_sign_in(client, "owner@hooli.example")
    await _invite_by_web(client, "rich@piedpiper.example", "hiring_manager")
    await drain(engine, state)
    link = link_in(mailbox(state, to="rich@piedpiper.example")[0], "/app/invitations/")
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as rich:
        page = await rich.get(link)
        assert "You already have a Hireline account" in page.text
        wrong = await rich.post(
            link, data={"password": "not the password at all", "csrf_token": csrf_token(page.text)}
        )
        assert wrong.status_code == 403
        accepted = "SELECT count(*) FROM invitations WHERE accepted_at IS NOT NULL"
        assert await _count(engine, accepted) == 0
        joined = await rich.post(
            link, data={"password": PASSWORD, "csrf_token": csrf_token(page.text)}
        )
        assert joined.status_code == 303
        assert joined.headers["location"] == "/app"


async def test_an_invitation_accept_without_the_form_token_is_refused(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    owner = bearer((await sign_up(client, "hooli"))["access_token"])
    invited = await client.post(
        "/v1/members",
        json={"email": "x@hooli.example", "role": "recruiter", "send_email": False},
        headers=owner,
    )
    path = invited.json()["accept_path"]
    token = path.split("/")[-2]
    await client.get(f"/app/invitations/{token}")
    response = await client.post(
        f"/app/invitations/{token}",
        data={"name": "X", "password": PASSWORD, "password_again": PASSWORD},
    )
    assert response.status_code == 403


async def test_password_guesses_through_sign_up_and_invitations_are_throttled(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """Both forms check an existing account's password, so both count failed guesses."""
    owner = bearer((await sign_up(client, "hooli"))["access_token"])
    await sign_up(client, "globex", email="gil@globex.example")
    invited = await client.post(
        "/v1/members",
        json={"email": "gil@globex.example", "role": "recruiter", "send_email": False},
        headers=owner,
    )
    link = "/app/invitations/" + invited.json()["accept_path"].split("/")[-2]
    original = app.state.rate_limiter
    app.state.rate_limiter = RateLimiter(
        anonymous_per_minute=1_000_000, login_failures_per_15_minutes=2
    )
    try:
        guesses = []
        for n in range(3):
            guesses.append(
                (
                    await _sign_up(client, slug=f"guess-{n}", password=f"wrong password {n}")
                ).status_code
            )
        token = await _form(client, link)
        guesses.append(
            (await client.post(link, data={"password": PASSWORD, "csrf_token": token})).status_code
        )
    finally:
        app.state.rate_limiter = original
    # Two free failures, a third that starts the wait, then the wait.
    assert guesses == [409, 409, 409, 429]


async def test_an_invitation_made_through_the_api_is_mailed_and_accepted(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    owner = bearer((await sign_up(client, "umbrella"))["access_token"])
    invited = await client.post(
        "/v1/members", json={"email": "ada@umbrella.example", "role": "recruiter"}, headers=owner
    )
    assert invited.status_code == 201, invited.text
    body = invited.json()
    # The token is a secret for the invitee: it is in the e-mail only.
    assert body["emailed"] is True
    assert "token" not in body
    assert "accept_path" not in body
    await drain(engine, state)
    [message] = mailbox(state, to="ada@umbrella.example")
    assert "Umbrella Inc" in message["Subject"]
    link = link_in(message, "/app/invitations/")
    token = link.rsplit("/", 1)[-1]
    assert token.startswith("hli_")
    accepted = await client.post(
        f"/v1/auth/invitations/{token}/accept", json={"name": "Ada", "password": PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    me = await client.get("/v1/me", headers=bearer(accepted.json()["access_token"]))
    assert (me.json()["role"], me.json()["user"]["name"]) == ("recruiter", "Ada")


@pytest.mark.parametrize("flag", [0, "false", None, "no"])
async def test_whether_to_mail_an_invitation_is_a_boolean(
    client: httpx.AsyncClient, flag: object
) -> None:
    """Not mailing hands the secret to the caller: only a JSON `false` asks for that."""
    owner = bearer((await sign_up(client, "strictmail"))["access_token"])
    refused = await client.post(
        "/v1/members",
        json={"email": "bo@strictmail.example", "role": "recruiter", "send_email": flag},
        headers=owner,
    )
    assert refused.status_code == 422, refused.text
    listed = await client.get("/v1/members", headers=owner)
    assert "bo@strictmail.example" not in listed.text


# -- The signed-in person's password ---------------------------------------------------------


async def _change_in_app(
    client: httpx.AsyncClient, current: str, new: str, again: str | None = None
) -> httpx.Response:
    token = await _form(client, "/app/account")
    return await client.post(
        "/app/account/password",
        data={
            "current_password": current,
            "new_password": new,
            "new_password_again": new if again is None else again,
            "csrf_token": token,
        },
    )


async def test_changing_the_password_in_the_app_keeps_this_session_and_ends_the_others(
    client: httpx.AsyncClient,
) -> None:
    issued = await sign_up(client, "initech")
    email = "owner@initech.example"
    await web_sign_in(client, email)
    before = session_cookie(client)
    async with httpx.AsyncClient(
        transport=client._transport, base_url="http://testserver"
    ) as other:
        await web_sign_in(other, email)
        assert (await other.get("/app")).status_code == 200
        page = await client.get("/app/account")
        assert page.status_code == 200
        assert "Change your password" in page.text

        changed = await _change_in_app(client, PASSWORD, NEW_PASSWORD)
        assert changed.status_code == 303, changed.text
        assert changed.headers["location"] == "/app/account?changed=1"
        # This browser stays signed in, under a new session id.
        assert session_cookie(client) not in (None, before)
        done = await client.get("/app/account?changed=1")
        assert done.status_code == 200
        assert "Your password is changed" in done.text
        assert (await client.get("/app")).status_code == 200
        # The other browser is signed out; tokens issued before are refused.
        assert (await other.get("/app")).status_code == 303
    assert (await client.get("/v1/me", headers=bearer(issued["access_token"]))).status_code == 401
    refreshed = await client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": issued["refresh_token"]},
    )
    assert refreshed.status_code == 400
    assert (await password_token(client, email)).status_code == 400
    assert (await password_token(client, email, NEW_PASSWORD)).status_code == 200


async def test_a_refused_password_change_in_the_app_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    issued = await sign_up(client, "initech")
    email = "owner@initech.example"
    await web_sign_in(client, email)
    cookie = session_cookie(client)
    wrong = await _change_in_app(client, "not the password at all", NEW_PASSWORD)
    assert wrong.status_code == 403
    assert "current password is wrong" in wrong.text
    weak = await _change_in_app(client, PASSWORD, "short")
    assert weak.status_code == 422
    assert "at least 10 characters" in weak.text
    differ = await _change_in_app(client, PASSWORD, NEW_PASSWORD, "something else entirely")
    assert differ.status_code == 422
    assert "differ" in differ.text
    # Without the session's CSRF token the form is refused.
    forged = await client.post(
        "/app/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )
    assert forged.status_code == 403
    assert session_cookie(client) == cookie
    assert (await client.get("/app")).status_code == 200
    assert (await client.get("/v1/me", headers=bearer(issued["access_token"]))).status_code == 200
    assert (await password_token(client, email)).status_code == 200
    assert (await password_token(client, email, NEW_PASSWORD)).status_code == 400


async def test_the_account_screen_needs_a_session(client: httpx.AsyncClient) -> None:
    page = await client.get("/app/account")
    assert page.status_code == 303
    assert page.headers["location"].startswith("/app/sign-in")
