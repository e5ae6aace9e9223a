"""A job's pipeline stages and locations edited in the app, through HTTP: each change its own
small form, refused ones shown at the top of their section with nothing stored."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.identity.auth.tokens import TokenIssuer
from hireline.identity.permissions import Role
from hireline.jobs import service as jobs
from tests.candidates.test_applications import apply
from tests.fixtures.identity import Member, create_member, create_organisation
from tests.fixtures.jobs import open_job as open_job_for
from tests.fixtures.plugin import Arrange
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"


def _ids(job: dict[str, Any]) -> dict[str, str]:
    return {stage["name"]: stage["id"] for stage in job["stages"]}


async def _job(client: httpx.AsyncClient, owner: Member, job_id: str) -> dict[str, Any]:
    found = await client.get(f"/v1/jobs/{job_id}", headers=owner)
    assert found.status_code == 200, found.text
    return dict(found.json())


async def _signed_in(client: httpx.AsyncClient, job_id: str, email: str = EMAIL) -> str:
    """Sign in and open the job's edit screen; its CSRF token."""
    await web_sign_in(client, email)
    page = await client.get(f"/app/jobs/{job_id}/edit")
    assert page.status_code == 200, page.text
    return csrf_token(page.text)


def _problems(html: str) -> list[tuple[str, str]]:
    box = re.search(r'<div class="form-errors".*?</div>', html, re.S)
    assert box is not None, "no problems at the top"
    assert "data-focus-on-load" in box.group(0)
    found = re.finditer(r'<li><a href="(#field-[^"]+)">([^<]+)</a>', box.group(0))
    return [(match.group(1), match.group(2)) for match in found]


async def test_stages_are_renamed_moved_added_and_removed_keeping_applications(
    client: httpx.AsyncClient, owner: Member
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    applied = await apply(client, job)
    assert applied.status_code == 201, applied.text
    token = await _signed_in(client, job["id"])
    base = f"/app/jobs/{job['id']}/stages"

    renamed = await client.post(
        f"{base}/{ids['Applied']}/rename", data={"csrf_token": token, "name": "Inbox"}
    )
    assert renamed.status_code == 303, renamed.text
    assert renamed.headers["location"].endswith("#stages")
    after = await _job(client, owner, job["id"])
    assert _ids(after)["Inbox"] == ids["Applied"]
    application = await client.get(f"/v1/applications/{applied.json()['id']}", headers=owner)
    assert application.json()["stage"]["id"] == ids["Applied"]
    notice = await client.get(renamed.headers["location"])
    assert "Stage renamed to “Inbox”" in notice.text

    up = await client.post(
        f"{base}/{ids['Offer']}/move", data={"csrf_token": token, "direction": "up"}
    )
    assert up.status_code == 303, up.text
    names = [s["name"] for s in (await _job(client, owner, job["id"]))["stages"]]
    assert names == ["Inbox", "Screen", "Technical interview", "Offer", "Onsite"]
    top = await client.post(
        f"{base}/{ids['Applied']}/move", data={"csrf_token": token, "direction": "up"}
    )
    assert top.status_code == 303
    assert [s["name"] for s in (await _job(client, owner, job["id"]))["stages"]] == names

    added = await client.post(f"{base}/add", data={"csrf_token": token, "name": "References"})
    assert added.status_code == 303, added.text
    stages = (await _job(client, owner, job["id"]))["stages"]
    assert stages[-1]["name"] == "References"

    removed = await client.post(f"{base}/{stages[-1]['id']}/remove", data={"csrf_token": token})
    assert removed.status_code == 303, removed.text
    assert [s["name"] for s in (await _job(client, owner, job["id"]))["stages"]] == names


async def test_a_stage_with_applicants_is_removed_only_once_told_where_they_go(
    client: httpx.AsyncClient, owner: Member
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    applied = await apply(client, job)
    token = await _signed_in(client, job["id"])
    page = await client.get(f"/app/jobs/{job['id']}/edit")
    assert f'id="field-stage-move-to-{ids["Applied"]}"' in page.text
    assert "Move its applicants to" in page.text
    url = f"/app/jobs/{job['id']}/stages/{ids['Applied']}/remove"

    refused = await client.post(url, data={"csrf_token": token})
    assert refused.status_code == 409
    [(link, message)] = _problems(refused.text)
    assert link == f"#field-stage-move-to-{ids['Applied']}"
    assert "“Applied” holds 1 application" in message.replace("&#34;", '"')
    assert _ids(await _job(client, owner, job["id"])) == ids

    moved = await client.post(url, data={"csrf_token": token, "move_to": ids["Screen"]})
    assert moved.status_code == 303, moved.text
    assert "Applied" not in _ids(await _job(client, owner, job["id"]))
    application = await client.get(f"/v1/applications/{applied.json()['id']}", headers=owner)
    assert application.json()["stage"]["id"] == ids["Screen"]


async def test_bad_stage_input_is_shown_at_the_top_and_nothing_is_stored(
    client: httpx.AsyncClient, owner: Member
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    token = await _signed_in(client, job["id"])
    base = f"/app/jobs/{job['id']}/stages"
    empty = await client.post(f"{base}/add", data={"csrf_token": token, "name": "  "})
    assert empty.status_code == 422
    assert _problems(empty.text) == [("#field-stage-new", "A stage name needs 1 to 80 characters.")]
    twice = await client.post(
        f"{base}/{ids['Screen']}/rename", data={"csrf_token": token, "name": "offer"}
    )
    assert twice.status_code == 422
    assert _problems(twice.text) == [
        (f"#field-stage-name-{ids['Screen']}", "Two stages cannot have the same name.")
    ]
    odd = await client.post(
        f"{base}/{ids['Screen']}/move", data={"csrf_token": token, "direction": "sideways"}
    )
    assert odd.status_code == 404
    stranger = await client.post(
        f"{base}/{ids['Screen']}/remove", data={"csrf_token": token, "move_to": ids["Screen"]}
    )
    assert stranger.status_code == 422
    assert _ids(await _job(client, owner, job["id"])) == ids


async def test_locations_are_added_and_removed_and_bad_ones_shown(
    client: httpx.AsyncClient, owner: Member
) -> None:
    job = await open_job(client, owner)
    token = await _signed_in(client, job["id"])
    base = f"/app/jobs/{job['id']}/locations"
    before = job["locations"]

    added = await client.post(
        f"{base}/add",
        data={"csrf_token": token, "mode": "hybrid", "city": "Berlin", "country": "de"},
    )
    assert added.status_code == 303, added.text
    assert added.headers["location"].endswith("#locations")
    places = (await _job(client, owner, job["id"]))["locations"]
    assert places[:-1] == before
    assert places[-1] == {
        "mode": "hybrid",
        "city": "Berlin",
        "country": "DE",
        **dict.fromkeys(("region", "utc_offset_min", "utc_offset_max", "salary_location")),
    }
    assert (
        "Location Berlin, DE (hybrid) added." in (await client.get(added.headers["location"])).text
    )

    no_city = await client.post(f"{base}/add", data={"csrf_token": token, "mode": "onsite"})
    assert no_city.status_code == 422
    assert _problems(no_city.text) == [
        ("#field-location-city", "Onsite and hybrid locations need a city")
    ]
    bad_country = await client.post(
        f"{base}/add",
        data={"csrf_token": token, "mode": "remote", "country": "Germany"},
    )
    assert bad_country.status_code == 422
    assert _problems(bad_country.text) == [
        ("#field-location-country", "The country is a two-letter code, such as DE or US.")
    ]
    assert (await _job(client, owner, job["id"]))["locations"] == places

    for _ in range(len(places) - 1):
        removed = await client.post(f"{base}/0/remove", data={"csrf_token": token})
        assert removed.status_code == 303, removed.text
    assert (await _job(client, owner, job["id"]))["locations"] == places[-1:]
    last = await client.post(f"{base}/0/remove", data={"csrf_token": token})
    assert last.status_code == 422
    assert _problems(last.text) == [
        ("#field-location-remove-0", "A job needs at least one location.")
    ]
    assert (await client.post(f"{base}/5/remove", data={"csrf_token": token})).status_code == 404
    assert (await _job(client, owner, job["id"]))["locations"] == places[-1:]


async def test_the_setup_forms_refuse_a_post_without_the_csrf_token(
    client: httpx.AsyncClient, owner: Member
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    await _signed_in(client, job["id"])
    for path, data in [
        ("stages/add", {"name": "Sneaky"}),
        (f"stages/{ids['Screen']}/rename", {"name": "Sneaky"}),
        (f"stages/{ids['Screen']}/move", {"direction": "up"}),
        (f"stages/{ids['Screen']}/remove", {}),
        ("locations/add", {"mode": "remote"}),
        ("locations/0/remove", {}),
        ("stages/add", {"name": "Sneaky", "csrf_token": "forged"}),
    ]:
        refused = await client.post(f"/app/jobs/{job['id']}/{path}", data=data)
        assert refused.status_code == 403, (path, refused.text)
    after = await _job(client, owner, job["id"])
    assert _ids(after) == ids
    assert after["locations"] == job["locations"]


async def test_roles_without_jobs_write_cannot_change_the_setup(
    client: httpx.AsyncClient, owner: Member, arrange: Arrange, issuer: TokenIssuer
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER):
        async with arrange() as session:
            member = await create_member(
                session, issuer, owner, role=role, email=f"{role.value}@acme.example"
            )
        client.cookies.clear()
        await web_sign_in(client, member.email)
        page = await client.get("/app/jobs")
        token = csrf_token(page.text)
        for path, data in [
            ("stages/add", {"name": "Mine"}),
            (f"stages/{ids['Screen']}/remove", {}),
            ("locations/add", {"mode": "remote"}),
        ]:
            refused = await client.post(
                f"/app/jobs/{job['id']}/{path}", data=data | {"csrf_token": token}
            )
            assert refused.status_code == 403, (role, path, refused.text)
    assert _ids(await _job(client, owner, job["id"])) == ids


async def test_another_organisations_job_and_stages_are_not_found(
    client: httpx.AsyncClient, owner: Member, arrange: Arrange, issuer: TokenIssuer
) -> None:
    async with arrange() as session:
        globex = await create_organisation(session, issuer, "globex")
        theirs = await open_job_for(session, globex)
        before = await _stage_ids(session, globex, theirs.id)
    their_stage = before["Screen"]
    mine = await open_job(client, owner)
    token = await _signed_in(client, mine["id"])
    for path, data in [
        (f"/app/jobs/{theirs.id}/edit", None),
        (f"/app/jobs/{theirs.id}/stages/add", {"name": "Mine"}),
        (f"/app/jobs/{theirs.id}/stages/{their_stage}/rename", {"name": "Mine"}),
        (f"/app/jobs/{theirs.id}/locations/add", {"mode": "remote"}),
        (f"/app/jobs/{theirs.id}/locations/0/remove", {}),
        (f"/app/jobs/{mine['id']}/stages/{their_stage}/rename", {"name": "Mine"}),
        (f"/app/jobs/{mine['id']}/stages/{their_stage}/remove", {}),
    ]:
        if data is None:
            response = await client.get(path)
        else:
            response = await client.post(path, data=data | {"csrf_token": token})
        assert response.status_code == 404, (path, response.text)
    theirs_after = await client.get(f"/v1/jobs/{theirs.id}", headers=globex)
    assert _ids(theirs_after.json()) == before


async def _stage_ids(session: AsyncSession, member: Member, job_id: uuid.UUID) -> dict[str, str]:
    job = await jobs.get(session, member.tenant_id, job_id)
    return {stage.name: str(stage.id) for stage in await jobs.stages_of(session, job)}


async def test_a_notice_names_only_what_the_job_has(
    client: httpx.AsyncClient, owner: Member
) -> None:
    """Anyone can write the link that carries a notice's name: a name the job does not have
    is left out rather than shown."""
    job = await open_job(client, owner)
    await _signed_in(client, job["id"])
    edit = f"/app/jobs/{job['id']}/edit"

    true = await client.get(edit, params={"changed": "stage-renamed", "name": "Screen"})
    assert "Stage renamed to “Screen”" in true.text
    forged = await client.get(
        edit, params={"changed": "stage-renamed", "name": "Call 555-0100 to verify"}
    )
    assert forged.status_code == 200
    assert "555-0100" not in forged.text
    removed = await client.get(edit, params={"changed": "stage-removed", "name": "Anything"})
    assert "Stage removed." in removed.text
    assert "Anything" not in removed.text
