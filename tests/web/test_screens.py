"""The web app's screens through HTTP: landing, docs, dashboard, board, errors, access."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest

from hireline.web import board as web_board
from tests.candidates.test_applications import apply
from tests.identity.helpers import PASSWORD, bearer, sign_up
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"
_REFERENCE = re.compile(r'(?:src|href|spec-url|data-openapi-url)="([^"]+)"')


async def _applications(
    client: httpx.AsyncClient, headers: dict[str, str], job: dict[str, Any]
) -> list[dict[str, Any]]:
    listed = await client.get(f"/v1/jobs/{job['id']}/applications", headers=headers)
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def test_landing_page_leads_to_sign_in_careers_and_docs(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for link in ("/app/sign-in", "/careers/demo", "/docs", "/redoc"):
        assert f'href="{link}"' in response.text


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
async def test_api_docs_load_nothing_from_other_hosts(client: httpx.AsyncClient, path: str) -> None:
    page = await client.get(path)
    assert page.status_code == 200
    references = _REFERENCE.findall(page.text)
    assert references
    for reference in references:
        if reference.startswith("data:"):
            continue
        assert reference.startswith("/"), reference
        assert not reference.startswith("//"), reference
        assert (await client.get(reference)).status_code == 200, reference
    csp = page.headers["content-security-policy"]
    assert "http" not in csp
    assert "script-src 'self';" in csp
    assert "cdn" not in page.text


async def test_dashboard_shows_open_jobs_with_new_applicants_and_activity(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    assert (await apply(client, job)).status_code == 201
    await web_sign_in(client, EMAIL)
    page = await client.get("/app")
    assert job["title"] in page.text
    assert f'href="/app/jobs/{job["id"]}"' in page.text
    assert "<mark>1</mark>" in page.text
    assert "Ada Lovelace" in page.text


async def test_board_shows_a_column_per_stage_and_moves_a_card(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    await apply(client, job)
    [application] = await _applications(client, owner, job)
    await web_sign_in(client, EMAIL)
    board = await client.get(f"/app/jobs/{job['id']}")
    assert board.status_code == 200
    for stage in job["stages"]:
        assert f'<h2 id="stage-{stage["id"]}">{stage["name"]}</h2>' in board.text
    assert "Ada Lovelace" in board.text
    target = job["stages"][1]
    moved = await client.post(
        f"/app/applications/{application['id']}/move",
        data={"stage_id": target["id"], "csrf_token": csrf_token(board.text)},
    )
    assert moved.status_code == 303
    assert moved.headers["location"] == f"/app/jobs/{job['id']}"
    [after] = await _applications(client, owner, job)
    assert after["stage_id"] == target["id"]


async def test_htmx_move_returns_the_board_fragment(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    await apply(client, job)
    [application] = await _applications(client, owner, job)
    await web_sign_in(client, EMAIL)
    token = csrf_token((await client.get(f"/app/jobs/{job['id']}")).text)
    moved = await client.post(
        f"/app/applications/{application['id']}/move",
        data={"stage_id": job["stages"][2]["id"]},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert moved.status_code == 200
    assert moved.text.lstrip().startswith('<div id="board"')
    assert "<html" not in moved.text


async def test_a_move_without_the_csrf_token_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    await apply(client, job)
    [application] = await _applications(client, owner, job)
    await web_sign_in(client, EMAIL)
    refused = await client.post(
        f"/app/applications/{application['id']}/move", data={"stage_id": job["stages"][1]["id"]}
    )
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
    wrong = await client.post(
        f"/app/applications/{application['id']}/move",
        data={"stage_id": job["stages"][1]["id"]},
        headers={"X-CSRF-Token": "guessed"},
    )
    assert wrong.status_code == 403
    [after] = await _applications(client, owner, job)
    assert after["stage_id"] == application["stage_id"]


async def test_another_organisations_job_is_an_html_404(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    other = bearer((await sign_up(client, "globex"))["access_token"])
    their_job = await open_job(client, other)
    await web_sign_in(client, EMAIL)
    response = await client.get(f"/app/jobs/{their_job['id']}")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert their_job["title"] not in response.text


async def test_an_interviewer_sees_the_board_but_cannot_move(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    await apply(client, job)
    [application] = await _applications(client, owner, job)
    joined = await _join(client, owner, "ivan@acme.example", "interviewer")
    ivan = bearer(joined["access_token"])
    await web_sign_in(client, "ivan@acme.example")
    # Not on the job's hiring team: the job does not exist for them.
    assert (await client.get(f"/app/jobs/{job['id']}")).status_code == 404
    user_id = str((await client.get("/v1/me", headers=ivan)).json()["user"]["id"])
    team = [{"user_id": user_id, "role": "interviewer"}]
    joined_team = await client.patch(
        f"/v1/jobs/{job['id']}", json={"hiring_team": team}, headers=owner
    )
    assert joined_team.status_code == 200, joined_team.text
    board = await client.get(f"/app/jobs/{job['id']}")
    assert board.status_code == 200
    assert 'class="move"' not in board.text
    refused = await client.post(
        f"/app/applications/{application['id']}/move",
        data={"stage_id": job["stages"][1]["id"], "csrf_token": csrf_token(board.text)},
    )
    assert refused.status_code == 403


async def test_a_member_of_several_organisations_picks_one(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    other = bearer((await sign_up(client, "globex"))["access_token"])
    their_job = await open_job(client, other, title="Globex Welder")
    invited = await client.post(
        "/v1/members",
        json={"email": EMAIL, "role": "recruiter", "send_email": False},
        headers=other,
    )
    accepted = await client.post(
        invited.json()["accept_path"], json={"name": "Olive", "password": PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    signed_in = await web_sign_in(client, EMAIL)
    assert signed_in.headers["location"] == "/app/organisations"
    assert (await client.get("/app")).headers["location"] == "/app/organisations"
    picker = await client.get("/app/organisations")
    assert "Acme Inc" in picker.text
    assert "Globex Inc" in picker.text
    tenant_id = re.findall(r'name="tenant_id" value="([^"]+)"', picker.text)[1]
    picked = await client.post(
        "/app/organisations", data={"tenant_id": tenant_id, "csrf_token": csrf_token(picker.text)}
    )
    assert picked.status_code == 303
    assert "Globex Welder" in (await client.get("/app")).text
    assert their_job["title"] == "Globex Welder"


async def test_html_routes_get_html_errors_and_the_api_keeps_problems(
    client: httpx.AsyncClient,
) -> None:
    careers = await client.get("/careers/no-such-organisation")
    assert careers.status_code == 404
    assert careers.headers["content-type"].startswith("text/html")
    app_page = await client.get("/app/no-such-screen")
    assert app_page.status_code == 404
    assert app_page.headers["content-type"].startswith("text/html")
    api = await client.get("/v1/no-such-route")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/problem+json")


async def test_columns_are_paged_and_the_next_page_comes_as_a_fragment(
    client: httpx.AsyncClient, owner: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_board, "COLUMN_PAGE", 1)
    job = await open_job(client, owner)
    await apply(client, job)
    await apply(client, job, fields={"name": "Grace Hopper", "email": "grace@example.com"})
    await web_sign_in(client, EMAIL)
    board = await client.get(f"/app/jobs/{job['id']}")
    shown = [name for name in ("Ada Lovelace", "Grace Hopper") if name in board.text]
    assert len(shown) == 1
    more = re.search(r'<li class="more"><a href="([^"]+)"', board.text)
    assert more is not None
    rest = await client.get(more.group(1).replace("&amp;", "&"), headers={"HX-Request": "true"})
    assert rest.status_code == 200
    assert "<html" not in rest.text
    assert {"Ada Lovelace", "Grace Hopper"} - set(shown) == {
        name for name in ("Ada Lovelace", "Grace Hopper") if name in rest.text
    }


async def test_a_refresh_keeps_a_column_open_as_far_as_it_was_shown(
    client: httpx.AsyncClient, owner: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live refresh asks for each column's shown cards: one opened with "Show more"
    stays open, the others stay at a page, and a bad or huge figure changes nothing."""
    monkeypatch.setattr(web_board, "COLUMN_PAGE", 1)
    monkeypatch.setattr(web_board, "MAX_SHOWN", 2)
    job = await open_job(client, owner)
    people = ("Ada Lovelace", "Grace Hopper", "Edsger Dijkstra")
    for index, name in enumerate(people):
        await apply(client, job, fields={"name": name, "email": f"p{index}@example.com"})
    await web_sign_in(client, EMAIL)
    first_stage = job["stages"][0]["id"]

    def cards(html: str) -> int:
        return sum(name in html for name in people)

    plain = await client.get(f"/app/jobs/{job['id']}")
    assert cards(plain.text) == 1
    opened = await client.get(f"/app/jobs/{job['id']}", params={"shown": f"{first_stage}:2"})
    assert cards(opened.text) == 2
    assert '<li class="more">' in opened.text
    capped = await client.get(f"/app/jobs/{job['id']}", params={"shown": f"{first_stage}:99"})
    assert cards(capped.text) == 2
    for bad in ("nonsense", f"{first_stage}:many", f"{uuid.uuid4()}:50", f"{first_stage}:-4"):
        answer = await client.get(f"/app/jobs/{job['id']}", params={"shown": bad})
        assert answer.status_code == 200, bad
        assert cards(answer.text) == 1, bad
