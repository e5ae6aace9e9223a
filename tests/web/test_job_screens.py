"""Jobs in the app through HTTP: list, new from a template with preview, edit, lifecycle."""

from __future__ import annotations

import re
import uuid

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.jobs.models import Job
from tests.identity.helpers import bearer
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"


def _template_key(html: str) -> str:
    found = re.search(r'<input type="hidden" name="template" value="([^"]+)">', html)
    assert found is not None
    return found.group(1)


async def test_the_list_filters_by_status_and_title(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await open_job(client, owner, title="Backend Engineer")
    draft = await client.post(
        "/v1/jobs",
        json={
            "title": "Data Analyst",
            "description": "Numbers.",
            "locations": [{"mode": "remote"}],
        },
        headers=owner,
    )
    assert draft.status_code == 201, draft.text
    await web_sign_in(client, EMAIL)
    everything = await client.get("/app/jobs")
    assert "Backend Engineer" in everything.text
    assert "Data Analyst" in everything.text
    drafts = await client.get("/app/jobs", params={"status": "draft"})
    assert "Data Analyst" in drafts.text
    assert "Backend Engineer" not in drafts.text
    by_title = await client.get("/app/jobs", params={"q": "backend"})
    assert "Data Analyst" not in by_title.text
    odd = await client.get("/app/jobs", params={"status": "nonsense"})
    assert odd.status_code == 200


async def _many_jobs(session: AsyncSession, tenant_id: uuid.UUID, count: int) -> None:
    """`count` draft jobs newer than any made before, in Sales."""
    session.add_all(
        Job(
            tenant_id=tenant_id,
            title=f"Account Executive {n}",
            department="Sales",
            locations=[{"mode": "remote"}],
            employment_type="full_time",
            description="Sells.",
            required_skills=[],
            preferred_skills=[],
        )
        for n in range(count)
    )
    await session.flush()


async def test_filters_reach_jobs_older_than_any_page(
    client: httpx.AsyncClient, owner: dict[str, str], db_session: AsyncSession
) -> None:
    await open_job(client, owner, title="Lighthouse Keeper", department="Coastal")
    tenant_id = uuid.UUID((await client.get("/v1/me", headers=owner)).json()["tenant"]["id"])
    await _many_jobs(db_session, tenant_id, 260)
    await web_sign_in(client, EMAIL)
    newest = await client.get("/app/jobs")
    assert "Lighthouse Keeper" not in newest.text
    assert newest.text.count("Account Executive") == 2 * 50  # the link and its edit label
    assert "<option selected>Coastal</option>" not in newest.text
    assert "<option>Coastal</option>" in newest.text  # departments of every job, not a page's
    for params in ({"q": "lighthouse"}, {"department": "Coastal"}, {"status": "open"}):
        found = await client.get("/app/jobs", params=params)
        assert "Lighthouse Keeper" in found.text, params
        assert "Account Executive" not in found.text
        assert "Show more jobs" not in found.text
    # The "more" row loads the next page of the same filter with htmx, then the next.
    drafts = await client.get("/app/jobs", params={"status": "draft", "department": "Sales"})
    seen = drafts.text.count('aria-label="Edit Account Executive')
    more = re.search(r'hx-get="([^"]+)"', drafts.text)
    while more is not None:
        rows = await client.get(more.group(1).replace("&amp;", "&"), headers={"HX-Request": "1"})
        assert rows.status_code == 200
        assert "<h1>" not in rows.text
        seen += rows.text.count('aria-label="Edit Account Executive')
        more = re.search(r'hx-get="([^"]+)"', rows.text)
    assert seen == 260


async def test_a_job_is_made_from_a_template_with_a_live_preview_then_published(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await web_sign_in(client, EMAIL)
    page = await client.get("/app/jobs/new")
    assert page.status_code == 200, page.text
    assert 'id="salary-band"' in page.text
    assert 'id="preview"' in page.text
    key = _template_key(page.text)

    senior = await client.get(
        "/app/jobs/preview",
        params={"template": key, "level": "senior", "industry": "fintech", "context": "startup"},
        headers={"HX-Request": "true"},
    )
    assert senior.status_code == 200
    assert senior.text.lstrip().startswith('<section id="preview"')
    assert 'id="salary-band" class="band" aria-live="polite" hx-swap-oob="true"' in senior.text
    assert "<html" not in senior.text

    created = await client.post(
        "/app/jobs/new",
        data={
            "csrf_token": csrf_token(page.text),
            "template": key,
            "level": "senior",
            "industry": "fintech",
            "context": "startup",
            "mode": "remote",
            "salary_min": "150000",
            "salary_max": "180000",
            "currency": "USD",
        },
    )
    assert created.status_code == 303, created.text
    edit_path = created.headers["location"].split("?")[0]
    job_id = edit_path.split("/")[3]
    job = (await client.get(f"/v1/jobs/{job_id}", headers=owner)).json()
    assert job["status"] == "draft"
    assert job["level"] == "senior"
    assert job["template"]["key"] == key
    assert job["salary"] == {"min": 150000, "max": 180000, "currency": "USD"}

    edit = await client.get(edit_path)
    published = await client.post(
        f"/app/jobs/{job_id}/status", data={"move": "publish", "csrf_token": csrf_token(edit.text)}
    )
    assert published.status_code == 303
    assert (await client.get(f"/v1/jobs/{job_id}", headers=owner)).json()["status"] == "open"
    again = await client.post(
        f"/app/jobs/{job_id}/status", data={"move": "publish", "csrf_token": csrf_token(edit.text)}
    )
    assert again.status_code == 409
    assert "open job cannot be" in again.text


async def test_bad_new_jobs_are_shown_at_the_top_and_nothing_is_created(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await web_sign_in(client, EMAIL)
    page = await client.get("/app/jobs/new")
    refused = await client.post(
        "/app/jobs/new",
        data={
            "csrf_token": csrf_token(page.text),
            "template": _template_key(page.text),
            "mode": "onsite",
            "salary_min": "200000",
            "salary_max": "100000",
        },
    )
    assert refused.status_code == 422
    assert 'id="form-errors"' in refused.text
    assert "data-focus-on-load" in refused.text
    assert "city" in refused.text
    assert "min must not exceed max" in refused.text
    assert (await client.get("/v1/jobs", headers=owner)).json()["items"] == []


async def test_editing_a_job_sets_its_team_and_refuses_bad_values(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    joined = await _join(client, owner, "hana@acme.example", "hiring_manager")
    hana = (await client.get("/v1/me", headers=bearer(joined["access_token"]))).json()
    await web_sign_in(client, EMAIL)
    edit = await client.get(f"/app/jobs/{job['id']}/edit")
    token = csrf_token(edit.text)
    hana_id = hana["user"]["id"]
    saved = await client.post(
        f"/app/jobs/{job['id']}/edit",
        data={
            "csrf_token": token,
            "title": "Staff Engineer",
            "description": "Build things.",
            "employment_type": "full_time",
            "team": [hana_id],
            f"team_role_{hana_id}": "hiring_manager",
        },
    )
    assert saved.status_code == 303, saved.text
    after = (await client.get(f"/v1/jobs/{job['id']}", headers=owner)).json()
    assert after["title"] == "Staff Engineer"
    assert after["hiring_team"] == [{"user_id": hana_id, "role": "hiring_manager"}]
    bad = await client.post(
        f"/app/jobs/{job['id']}/edit",
        data={"csrf_token": token, "title": "", "description": "", "employment_type": "x"},
    )
    assert bad.status_code == 422
    assert 'id="form-errors"' in bad.text
    assert (await client.get(f"/v1/jobs/{job['id']}", headers=owner)).json()["title"] == (
        "Staff Engineer"
    )


async def test_interviewers_cannot_create_jobs(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await _join(client, owner, "ivy@acme.example", "interviewer")
    await web_sign_in(client, "ivy@acme.example")
    assert (await client.get("/app/jobs")).status_code == 200
    assert (await client.get("/app/jobs/new")).status_code == 403
