"""The search screen through HTTP: query syntax, facets, excerpts and saved searches."""

from __future__ import annotations

from typing import Any

import httpx

from tests.candidates.test_applications import apply
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"


async def _people(client: httpx.AsyncClient, owner: dict[str, str]) -> list[str]:
    job = await open_job(client, owner)
    ids = []
    for name, headline, skills in [
        ("Ada Lovelace", "Python engineer who loves PostgreSQL", ["Python", "PostgreSQL"]),
        ("Grace Hopper", "COBOL and compilers", ["COBOL"]),
    ]:
        first = name.split()[0].lower()
        applied = await apply(client, job, fields={"name": name, "email": f"{first}@example.com"})
        candidate_id = applied.json()["candidate_id"]
        await client.patch(
            f"/v1/candidates/{candidate_id}",
            json={"headline": headline, "skills": skills},
            headers=owner,
        )
        ids.append(candidate_id)
    return ids


async def test_the_query_finds_highlights_and_offers_facets(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _people(client, owner)
    await web_sign_in(client, EMAIL)
    found = await client.get("/app/search", params={"q": "postgresql -cobol"})
    assert found.status_code == 200
    assert "Ada Lovelace" in found.text
    assert "Grace Hopper" not in found.text
    assert "<mark>PostgreSQL</mark>" in found.text
    everyone = await client.get("/app/search")
    assert 'name="skills" value="COBOL"' in everyone.text
    faceted = await client.get("/app/search", params={"skills": "COBOL"})
    assert "Grace Hopper" in faceted.text
    assert "Ada Lovelace" not in faceted.text
    assert 'name="skills" value="COBOL" checked' in faceted.text


async def test_a_bad_query_is_explained_not_an_error_page(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await web_sign_in(client, EMAIL)
    page = await client.get("/app/search", params={"q": "-java"})
    assert page.status_code == 200
    assert "only excludes" in page.text


async def test_searches_are_saved_run_again_and_deleted(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _people(client, owner)
    await web_sign_in(client, EMAIL)
    token = csrf_token((await client.get("/app/search")).text)
    saved = await client.post(
        "/app/search/saved",
        data={"csrf_token": token, "name": "COBOL people", "q": "", "skills": "COBOL"},
    )
    assert saved.status_code == 303
    page = await client.get(saved.headers["location"])
    assert "Saved as “COBOL people”." in page.text
    assert "Grace Hopper" in page.text
    listed = (await client.get("/v1/saved-searches", headers=owner)).json()["items"]
    assert [(s["name"], s["filters"]) for s in listed] == [("COBOL people", {"skills": ["COBOL"]})]
    twice = await client.post(
        "/app/search/saved", data={"csrf_token": token, "name": "COBOL people", "q": ""}
    )
    assert "already" in (await client.get(twice.headers["location"])).text
    nameless = await client.post("/app/search/saved", data={"csrf_token": token, "name": " "})
    assert "Name the search" in (await client.get(nameless.headers["location"])).text
    deleted = await client.post(
        f"/app/search/saved/{listed[0]['id']}/delete", data={"csrf_token": token}
    )
    assert deleted.status_code == 303
    assert (await client.get("/v1/saved-searches", headers=owner)).json()["items"] == []


async def _placed(client: httpx.AsyncClient, owner: dict[str, str]) -> dict[str, Any]:
    job = await open_job(client, owner)
    for name, location in [
        ("Ada Lovelace", "Berlin, DE"),
        ("Grace Hopper", "Lisbon, PT"),
        ("Linus Torvalds", "Oslo, NO"),
    ]:
        first = name.split()[0].lower()
        applied = await apply(client, job, fields={"name": name, "email": f"{first}@example.com"})
        await client.patch(
            f"/v1/candidates/{applied.json()['candidate_id']}",
            json={"location": location},
            headers=owner,
        )
    return job


async def test_several_ticked_locations_and_stages_are_all_applied(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await _placed(client, owner)
    await web_sign_in(client, EMAIL)
    two = await client.get("/app/search", params={"location": ["Berlin, DE", "Lisbon, PT"]})
    assert "Ada Lovelace" in two.text
    assert "Grace Hopper" in two.text
    assert "Linus Torvalds" not in two.text
    assert 'name="location" value="Berlin, DE" checked' in two.text
    assert 'name="location" value="Lisbon, PT" checked' in two.text
    assert 'name="location" value="Oslo, NO">' in two.text  # still on offer, unticked
    first, second = (stage["id"] for stage in job["stages"][:2])
    applied = await client.get(
        "/app/search", params={"location": ["Berlin, DE", "Oslo, NO"], "stage": [first, second]}
    )
    assert "Ada Lovelace" in applied.text
    assert "Linus Torvalds" in applied.text
    assert "Grace Hopper" not in applied.text
    assert f'name="stage" value="{first}" checked' in applied.text
    elsewhere = await client.get(
        "/app/search", params={"location": ["Berlin, DE", "Oslo, NO"], "stage": second}
    )
    assert "Ada Lovelace" not in elsewhere.text
    assert "Linus Torvalds" not in elsewhere.text
