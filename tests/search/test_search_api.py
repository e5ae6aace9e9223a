"""GET /v1/candidates/search: relevance on a small known corpus, filters, facets, pages."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, event, select, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Application, Candidate, Resume
from hireline.core.tenancy import enter_tenant
from hireline.matching.models import MatchScore
from hireline.search import repository as search_repository
from hireline.search import service as search_service
from hireline.search.query import parse as parse_query
from hireline.search.repository import MARK_START, MARK_STOP
from hireline.search.schemas import SearchFilters
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job

# name, email, headline, skills, résumé text, extra fields
CORPUS: list[tuple[str, str, str, list[str], str, dict[str, Any]]] = [
    (
        "Ada Lovelace",
        "ada@example.com",
        "Mathematician & analytical engine programmer (1 < 2)",
        ["Python"],
        "Wrote the first algorithm for the analytical engine. <b>Notes</b> on the machine "
        f"{MARK_START}forged{MARK_STOP} <script>alert(1)</script>",
        {"location": "London, UK", "years_experience": 12, "tags": ["pioneer"]},
    ),
    (
        "Grace Hopper",
        "grace@example.com",
        "Compiler pioneer",
        ["COBOL", "Python"],
        "Invented the first compiler and popularised debugging.",
        {"location": "New York, NY", "years_experience": 40, "tags": ["pioneer", "navy"]},
    ),
    (
        "Linus Torvalds",
        "linus@example.com",
        "Kernel engineer",
        ["C", "Git", "Linux"],
        "Maintainer of the Linux kernel; wrote git in two weeks.",
        {"location": "Portland, OR", "years_experience": 30, "source": "referral"},
    ),
    (
        "Margaret Hamilton",
        "margaret@example.com",
        "Software engineering lead",
        ["Java", "Python"],
        "Led the Apollo guidance software team.",
        {"location": "Boston, MA", "years_experience": 25},
    ),
    (
        "Guido van Rossum",
        "guido@example.com",
        "Python language designer",
        ["C", "Python"],
        "Created Python; benevolent dictator for life, retired.",
        {"location": "Amsterdam, NL", "years_experience": 35, "notes": "Great fit for platform"},
    ),
    (
        "Katherine Johnson",
        "katherine.johnson@nasa.example",
        "Orbital mechanics analyst",
        ["Fortran"],
        "Computed trajectories for Mercury and Apollo.",
        {"location": "Hampton, VA", "years_experience": 33},
    ),
    (
        "Barbara Liskov",
        "barbara@example.com",
        "Distributed systems researcher",
        ["Java"],
        "Data abstraction; the engineering of reliable software for distributed systems.",
        {"location": "Boston, MA", "years_experience": 45},
    ),
    (
        "Jonathan Smith",
        "jsmith@example.com",
        "Backend developer",
        ["Java", "Spring"],
        "Built payment APIs in Java and Kotlin.",
        {"location": "Austin, TX", "years_experience": 4, "source": "referral"},
    ),
]


async def _me(client: httpx.AsyncClient, headers: dict[str, str]) -> uuid.UUID:
    return uuid.UUID((await client.get("/v1/me", headers=headers)).json()["tenant"]["id"])


async def _add(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    name: str,
    email: str,
    headline: str,
    skills: list[str],
    resume_text: str | None,
    **fields: Any,
) -> Candidate:
    await enter_tenant(session, tenant_id)
    candidate = Candidate(
        tenant_id=tenant_id,
        name=name,
        email=email,
        email_normalized=email.lower(),
        headline=headline,
        skills=skills,
        **fields,
    )
    session.add(candidate)
    await session.flush()
    if resume_text is not None:
        await _add_resume(session, candidate, resume_text)
    return candidate


async def _add_resume(session: AsyncSession, candidate: Candidate, text: str) -> Resume:
    resume = Resume(
        tenant_id=candidate.tenant_id,
        candidate_id=candidate.id,
        storage_key=f"resumes/{uuid.uuid4()}",
        filename="cv.pdf",
        content_type="application/pdf",
        size=len(text),
        sha256="0" * 64,
        parse_status="parsed",
        text=text,
    )
    session.add(resume)
    await session.flush()
    return resume


@pytest.fixture
async def acme(client: httpx.AsyncClient, db_session: AsyncSession) -> dict[str, Any]:
    """The corpus in one tenant, some candidates applied to a job, and a second tenant."""
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    job = await open_job(client, owner)
    tenant_id = await _me(client, owner)
    people = {}
    for name, email, headline, skills, resume_text, fields in CORPUS:
        people[name] = await _add(
            db_session, tenant_id, name, email, headline, skills, resume_text, **fields
        )
    erased = await _add(
        db_session, tenant_id, "Python Ghost", "ghost@example.com", "Python", ["Python"], None
    )
    erased.erased_at = datetime.now(UTC)
    stages = job["stages"]
    now = datetime.now(UTC)
    for name, stage, days_ago in (
        ("Ada Lovelace", stages[0]["id"], 1),
        ("Grace Hopper", stages[1]["id"], 5),
        ("Margaret Hamilton", stages[1]["id"], 40),
        ("Linus Torvalds", stages[0]["id"], 2),
    ):
        db_session.add(
            Application(
                tenant_id=tenant_id,
                job_id=uuid.UUID(job["id"]),
                candidate_id=people[name].id,
                stage_id=uuid.UUID(stage),
                consent_at=now,
                consent_text="yes",
                applied_at=now - timedelta(days=days_ago),
                status="rejected" if name == "Linus Torvalds" else "active",
            )
        )
    await db_session.flush()

    other = bearer((await sign_up(client, "globex", email="owner@globex.example"))["access_token"])
    other_tenant = await _me(client, other)
    await _add(
        db_session,
        other_tenant,
        "Ada Lovelace",
        "ada@globex.example",
        "Python programmer",
        ["Python"],
        "Analytical engine",
    )
    await db_session.flush()
    return {
        "headers": owner,
        "other": other,
        "job": job,
        "people": people,
        "tenant_id": tenant_id,
    }


async def _search(
    client: httpx.AsyncClient, headers: dict[str, str], **params: Any
) -> dict[str, Any]:
    response = await client.get("/v1/candidates/search", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _names(page: dict[str, Any]) -> list[str]:
    return [item["name"] for item in page["items"]]


# --- relevance -------------------------------------------------------------------------------


async def test_exact_name_ranks_the_person_first(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    page = await _search(client, acme["headers"], q="Grace Hopper")
    assert _names(page)[0] == "Grace Hopper"
    first = page["items"][0]
    assert 0 < first["relevance"] < 1
    assert first["match_score"] is None
    assert all(0 < item["relevance"] < 1 for item in page["items"])


async def test_name_and_headline_outrank_skills_and_skills_outrank_resume_text(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    page = await _search(client, acme["headers"], q="python")
    names = _names(page)
    # Headline (A) first; then the skill holders (B).
    assert names[0] == "Guido van Rossum"
    assert set(names) == {"Guido van Rossum", "Ada Lovelace", "Grace Hopper", "Margaret Hamilton"}
    assert "Python Ghost" not in names  # erased


async def test_skill_plus_text_finds_the_one_with_both(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    assert _names(await _search(client, acme["headers"], q="python compiler")) == ["Grace Hopper"]
    assert _names(await _search(client, acme["headers"], q="java payments")) == ["Jonathan Smith"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Katherin Jonson", "Katherine Johnson"),
        ("katherine.jonhson@nasa.example", "Katherine Johnson"),
        ("Margret Hamliton", "Margaret Hamilton"),
        ("Jonathon Smith", "Jonathan Smith"),
    ],
)
async def test_misspelt_names_and_emails_still_find_the_person(
    client: httpx.AsyncClient, acme: dict[str, Any], query: str, expected: str
) -> None:
    assert _names(await _search(client, acme["headers"], q=query))[0] == expected


async def test_exclusions_remove_candidates(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    names = _names(await _search(client, acme["headers"], q="python -java"))
    assert set(names) == {"Guido van Rossum", "Ada Lovelace", "Grace Hopper"}
    # A fuzzy name match honours exclusions too.
    assert _names(await _search(client, acme["headers"], q="Margret Hamliton -apollo")) == []


async def test_phrase_needs_the_words_together(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    # Barbara Liskov's résumé has "engineering of reliable software": both words, not the phrase.
    assert _names(await _search(client, acme["headers"], q='"software engineering"')) == [
        "Margaret Hamilton"
    ]
    both = set(_names(await _search(client, acme["headers"], q="software engineering")))
    assert both == {"Margaret Hamilton", "Barbara Liskov"}


async def test_or_and_prefix(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    names = set(_names(await _search(client, acme["headers"], q="fortran OR cobol")))
    assert names == {"Katherine Johnson", "Grace Hopper"}
    assert _names(await _search(client, acme["headers"], q="distrib*")) == ["Barbara Liskov"]


async def test_resume_text_is_searchable_and_follows_the_newest_resume(
    client: httpx.AsyncClient, acme: dict[str, Any], db_session: AsyncSession
) -> None:
    headers = acme["headers"]
    assert _names(await _search(client, headers, q="trajectories")) == ["Katherine Johnson"]
    katherine: Candidate = acme["people"]["Katherine Johnson"]
    newer = await _add_resume(db_session, katherine, "Wrote the Hampton wind tunnel reports.")
    newer.created_at = datetime.now(UTC) + timedelta(minutes=1)
    await db_session.flush()
    assert _names(await _search(client, headers, q="trajectories")) == []
    assert _names(await _search(client, headers, q="tunnel")) == ["Katherine Johnson"]
    await db_session.execute(delete(Resume).where(Resume.id == newer.id))
    assert _names(await _search(client, headers, q="trajectories")) == ["Katherine Johnson"]


async def test_edits_to_the_profile_are_searchable_at_once(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    linus: Candidate = acme["people"]["Linus Torvalds"]
    response = await client.patch(
        f"/v1/candidates/{linus.id}",
        json={"headline": "Rust evangelist"},
        headers=acme["headers"],
    )
    assert response.status_code == 200, response.text
    assert _names(await _search(client, acme["headers"], q="rust")) == ["Linus Torvalds"]


# --- highlights ------------------------------------------------------------------------------


async def test_highlights_mark_the_matches_and_escape_everything_else(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    page = await _search(client, acme["headers"], q="analytical machine")
    ada = page["items"][0]
    assert ada["name"] == "Ada Lovelace"
    by_field = {h["field"]: h for h in ada["highlights"]}
    assert (
        by_field["headline"]["html"]
        == "Mathematician &amp; <mark>analytical</mark> engine programmer (1 &lt; 2)"
    )
    resume = by_field["resume"]["html"]
    assert "<mark>analytical</mark>" in resume
    assert "<mark>machine</mark>" in resume
    assert "<b>" not in resume
    assert "<script>" not in resume
    assert resume.count("<mark>") == resume.count("</mark>") == 2
    assert "forged" not in "".join(f["text"] for f in by_field["resume"]["fragments"] if f["match"])
    assert {f["text"] for f in by_field["resume"]["fragments"] if f["match"]} == {
        "analytical",
        "machine",
    }


# --- filters ---------------------------------------------------------------------------------


async def test_profile_filters(client: httpx.AsyncClient, acme: dict[str, Any]) -> None:
    headers = acme["headers"]
    both = await _search(client, headers, skills=["java", "python"])  # any case, canonical
    assert _names(both) == ["Margaret Hamilton"]
    either = await _search(client, headers, skills=["Java", "Fortran"], skills_mode="any")
    assert set(_names(either)) == {
        "Katherine Johnson",
        "Margaret Hamilton",
        "Barbara Liskov",
        "Jonathan Smith",
    }
    assert set(_names(await _search(client, headers, location="boston"))) == {
        "Margaret Hamilton",
        "Barbara Liskov",
    }
    assert set(_names(await _search(client, headers, years_min=30, years_max=35))) == {
        "Linus Torvalds",
        "Guido van Rossum",
        "Katherine Johnson",
    }
    assert set(_names(await _search(client, headers, tags=["pioneer", "navy"]))) == {"Grace Hopper"}
    assert set(_names(await _search(client, headers, source="referral", q="java"))) == {
        "Jonathan Smith"
    }


async def test_several_locations_and_stages_widen_their_filter(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    headers, stages = acme["headers"], acme["job"]["stages"]
    two_places = await _search(client, headers, location=["boston", "London"])
    assert set(_names(two_places)) == {"Margaret Hamilton", "Barbara Liskov", "Ada Lovelace"}
    assert two_places["total"] == 3
    ranked = await _search(client, headers, q="python", location=["boston", "london"])
    assert set(_names(ranked)) == {"Margaret Hamilton", "Ada Lovelace"}
    both_stages = [stages[0]["id"], stages[1]["id"]]
    assert set(
        _names(await _search(client, headers, stage=both_stages, location=["boston", "portland"]))
    ) == {"Margaret Hamilton", "Linus Torvalds"}
    assert _names(
        await _search(client, headers, stage=stages[1]["id"], location=["boston", "london"])
    ) == ["Margaret Hamilton"]
    # One page at a time, newest first, the union cut in the same order.
    first = await _search(client, headers, location=["boston", "london"], limit=2)
    rest = await _search(
        client, headers, location=["boston", "london"], limit=2, cursor=first["next_cursor"]
    )
    assert len(_names(first)) == 2
    assert set(_names(first) + _names(rest)) == set(_names(two_places))


async def test_ticked_locations_and_stages_leave_the_others_on_offer(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    headers, stages = acme["headers"], acme["job"]["stages"]
    facets = (await _search(client, headers, location="boston", stage=stages[1]["id"]))["facets"]
    # Locations counted under the stage filter alone; stages under the location filter alone.
    assert {f["value"]: f["count"] for f in facets["location"]} == {
        "Boston, MA": 1,
        "New York, NY": 1,
    }
    assert {f["label"]: f["count"] for f in facets["stage"]} == {stages[1]["name"]: 1}
    assert {f["value"] for f in facets["skills"]} == {"Java", "Python"}


async def test_too_many_location_and_stage_pairs_are_refused(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    params = {
        "location": [f"place {n}" for n in range(7)],
        "stage": [str(uuid.uuid4()) for _ in range(6)],
    }
    response = await client.get("/v1/candidates/search", params=params, headers=acme["headers"])
    assert response.status_code == 422
    assert "at most 40" in response.json()["detail"]


async def test_application_filters_apply_to_one_application(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    headers, job = acme["headers"], acme["job"]
    assert set(_names(await _search(client, headers, job=job["id"]))) == {
        "Ada Lovelace",
        "Grace Hopper",
        "Margaret Hamilton",
        "Linus Torvalds",
    }
    second = job["stages"][1]["id"]
    assert set(_names(await _search(client, headers, job=job["id"], stage=second))) == {
        "Grace Hopper",
        "Margaret Hamilton",
    }
    assert _names(await _search(client, headers, job=job["id"], status="rejected")) == [
        "Linus Torvalds"
    ]
    recent = (datetime.now(UTC) - timedelta(days=10)).isoformat()
    assert set(
        _names(await _search(client, headers, q="python", job=job["id"], applied_from=recent))
    ) == {"Ada Lovelace", "Grace Hopper"}


# --- facets, totals and pages ----------------------------------------------------------------


async def test_facets_count_the_current_result(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    page = await _search(client, acme["headers"], q="python")
    assert page["total"] == 4
    assert page["total_is_exact"] is True
    facets = page["facets"]
    skills = {f["value"]: f["count"] for f in facets["skills"]}
    assert skills == {"Python": 4, "C": 1, "COBOL": 1, "Java": 1}
    assert facets["skills"][0] == {"value": "Python", "count": 4, "label": None, "job_id": None}
    locations = {f["value"]: f["count"] for f in facets["location"]}
    assert locations == {
        "London, UK": 1,
        "New York, NY": 1,
        "Boston, MA": 1,
        "Amsterdam, NL": 1,
    }
    stages = {f["label"]: f["count"] for f in facets["stage"]}
    job = acme["job"]
    assert stages == {job["stages"][0]["name"]: 1, job["stages"][1]["name"]: 2}
    assert {f["job_id"] for f in facets["stage"]} == {job["id"]}


def _rows_per_scan(plan: dict[str, Any], relation: str) -> float:
    """The most rows one scan (one loop) of `relation` in the plan looked at."""
    own = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)
    read = own if plan.get("Relation Name") == relation else 0
    return max([read, *(_rows_per_scan(child, relation) for child in plan.get("Plans", []))])


async def test_the_stage_facet_reads_only_the_applications_of_the_window(
    acme: dict[str, Any], db_session: AsyncSession
) -> None:
    tenant_id: uuid.UUID = acme["tenant_id"]
    job = acme["job"]
    now = datetime.now(UTC)
    # 300 other applicants of the job, none matching the query below.
    for number in range(300):
        other = await _add(
            db_session, tenant_id, f"Pastry Chef {number}", f"c{number}@example.com", "", [], None
        )
        db_session.add(
            Application(
                tenant_id=tenant_id,
                job_id=uuid.UUID(job["id"]),
                candidate_id=other.id,
                stage_id=uuid.UUID(job["stages"][0]["id"]),
                consent_at=now,
                consent_text="yes",
            )
        )
    await db_session.flush()
    # Statistics as a grown tenant has them (ANALYZE needs the owner; the app role comes back).
    role = (await db_session.execute(text("SELECT current_user"))).scalar_one()
    await db_session.execute(text("SET LOCAL ROLE NONE"))
    await db_session.execute(text("ANALYZE applications"))
    await db_session.execute(text(f'SET LOCAL ROLE "{role}"'))
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    connection = await db_session.connection()
    event.listen(connection.sync_connection, "before_cursor_execute", capture)
    try:
        page = await search_service.search(
            db_session,
            tenant_id,
            query=parse_query("compiler"),
            filters=SearchFilters(),
            sort=None,
            cursor=None,
            limit=20,
        )
    finally:
        event.remove(connection.sync_connection, "before_cursor_execute", capture)
    assert [hit.name for hit in page.items] == ["Grace Hopper"]
    assert page.facets is not None
    assert [(f.label, f.count) for f in page.facets.stage] == [(job["stages"][1]["name"], 1)]

    statement, parameters = next((s, p) for s, p in statements if "json_agg" in s)
    explained = await connection.exec_driver_sql(
        "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters
    )
    plan = explained.scalar_one()[0]["Plan"]
    # Grace Hopper's one application, not the job's 304.
    assert _rows_per_scan(plan, "applications") <= 1


async def test_pages_follow_the_ranking_without_gaps_or_repeats(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    headers = acme["headers"]
    for params in ({"q": "python OR java OR c"}, {"sort": "newest"}, {}):
        whole = await _search(client, headers, limit=100, **params)
        seen: list[str] = []
        page = await _search(client, headers, limit=2, **params)
        pages = 0
        while True:
            pages += 1
            seen.extend(_names(page))
            if page["next_cursor"] is None:
                break
            assert page["facets"] is None or pages == 1
            page = await _search(client, headers, limit=2, cursor=page["next_cursor"], **params)
            assert page["total"] is None
            assert page["facets"] is None
        assert seen == _names(whole)
        assert len(seen) == len(set(seen))
    newest = _names(await _search(client, headers, limit=100))
    assert newest[0] == "Jonathan Smith"
    assert len(newest) == len(CORPUS)


async def test_tenants_see_only_their_own_candidates(
    client: httpx.AsyncClient, acme: dict[str, Any], db_session: AsyncSession
) -> None:
    acme_page = await _search(client, acme["headers"], q="Ada Lovelace")
    assert next(i["email"] for i in acme_page["items"]) == "ada@example.com"
    assert all(i["email"] != "ada@globex.example" for i in acme_page["items"])
    globex_page = await _search(client, acme["other"], q="python")
    assert [i["email"] for i in globex_page["items"]] == ["ada@globex.example"]
    assert globex_page["facets"]["stage"] == []


async def test_searches_of_one_shape_share_a_statement_but_not_their_values(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    # Each pair is one shape (same kinds of terms, same filters set): the second reuses the
    # first's cached statement and must still get its own words, places, stages and tenant.
    headers, other, stages = acme["headers"], acme["other"], acme["job"]["stages"]
    reused = search_repository._page_statement.cache_info().hits
    assert _names(await _search(client, headers, q="compiler", location="new york")) == [
        "Grace Hopper"
    ]
    assert _names(await _search(client, headers, q="kernel", location="portland")) == [
        "Linus Torvalds"
    ]
    ours = await _search(client, headers, q="analytical")
    theirs = await _search(client, other, q="analytical")
    assert [item["email"] for item in ours["items"]] == ["ada@example.com"]
    assert [item["email"] for item in theirs["items"]] == ["ada@globex.example"]
    assert set(_names(await _search(client, headers, stage=stages[0]["id"]))) == {
        "Ada Lovelace",
        "Linus Torvalds",
    }
    assert set(_names(await _search(client, headers, stage=stages[1]["id"]))) == {
        "Grace Hopper",
        "Margaret Hamilton",
    }
    assert search_repository._page_statement.cache_info().hits >= reused + 3


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "-java"},
        {"q": "x" * 201},
        {"q": " ".join(["word"] * 13)},
        {"sort": "match"},
        {"years_min": 10, "years_max": 5},
        {"applied_from": "2026-02-01T00:00:00Z", "applied_to": "2026-01-01T00:00:00Z"},
        {"applied_to": "0.5"},
        {"applied_from": "1700000000"},
        {"limit": 0},
        {"limit": 101},
        {"skills_mode": "some"},
        {"job": "not-a-uuid"},
    ],
)
async def test_bad_input_is_a_422_problem(
    client: httpx.AsyncClient, acme: dict[str, Any], params: dict[str, Any]
) -> None:
    response = await client.get("/v1/candidates/search", params=params, headers=acme["headers"])
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def _score(db_session: AsyncSession, acme: dict[str, Any], scores: dict[str, float]) -> None:
    """Store match scores for some of the job's applicants, as the matching worker would."""
    people: dict[str, Candidate] = acme["people"]
    job_id = uuid.UUID(acme["job"]["id"])
    await enter_tenant(db_session, acme["tenant_id"])
    for name, score in scores.items():
        application_id = (
            await db_session.execute(
                select(Application.id).where(
                    Application.job_id == job_id, Application.candidate_id == people[name].id
                )
            )
        ).scalar_one()
        db_session.add(
            MatchScore(
                tenant_id=acme["tenant_id"],
                application_id=application_id,
                job_id=job_id,
                score=score,
                explanation={"score": score},
            )
        )
    await db_session.flush()


async def test_sort_by_match_ranks_a_jobs_applicants_by_their_scores_unscored_last(
    client: httpx.AsyncClient, acme: dict[str, Any], db_session: AsyncSession
) -> None:
    await _score(
        db_session, acme, {"Ada Lovelace": 40, "Grace Hopper": 90, "Margaret Hamilton": 65}
    )
    job = acme["job"]["id"]

    ranked = await _search(client, acme["headers"], sort="match", job=job)
    assert _names(ranked) == ["Grace Hopper", "Margaret Hamilton", "Ada Lovelace", "Linus Torvalds"]
    assert [item["match_score"] for item in ranked["items"]] == [90, 65, 40, None]
    assert {item["relevance"] for item in ranked["items"]} == {None}
    assert "score" not in ranked["items"][0]
    assert ranked["total"] == 4

    first = await _search(client, acme["headers"], sort="match", job=job, limit=2)
    assert _names(first) == ["Grace Hopper", "Margaret Hamilton"]
    rest = await _search(
        client, acme["headers"], sort="match", job=job, limit=2, cursor=first["next_cursor"]
    )
    assert _names(rest) == ["Ada Lovelace", "Linus Torvalds"]
    assert rest["next_cursor"] is None

    # The query and the other filters narrow whom the scores rank.
    python = await _search(client, acme["headers"], sort="match", job=job, q="python")
    assert _names(python) == ["Grace Hopper", "Margaret Hamilton", "Ada Lovelace"]
    pioneers = await _search(client, acme["headers"], sort="match", job=job, tags="pioneer")
    assert _names(pioneers) == ["Grace Hopper", "Ada Lovelace"]
    rejected = await _search(client, acme["headers"], sort="match", job=job, status="rejected")
    assert _names(rejected) == ["Linus Torvalds"]


async def test_a_cursor_of_another_sort_is_refused_by_match(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    newest = await _search(client, acme["headers"], limit=1)
    response = await client.get(
        "/v1/candidates/search",
        params={"sort": "match", "job": acme["job"]["id"], "cursor": newest["next_cursor"]},
        headers=acme["headers"],
    )
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("invalid cursor")


def _forged(*values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


ANY_ID = "01936b2e-0000-7000-8000-000000000000"


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "not-a-cursor"},
        {"cursor": _forged("newest")},
        {"q": "python", "cursor": _forged("newest", "x")},  # another sort's cursor
        {"q": "python", "cursor": _forged("relevance", float("nan"), ANY_ID)},
        {"q": "python", "cursor": _forged("relevance", "NaN", ANY_ID)},
        {"q": "python", "cursor": _forged("relevance", float("inf"), ANY_ID)},
        {"q": "python", "cursor": _forged("relevance", 1e300, ANY_ID)},
        {"q": "python", "cursor": _forged("relevance", "1e9", ANY_ID)},
        {"q": "python", "cursor": _forged("relevance", True, ANY_ID)},
        {"q": "python", "cursor": _forged("relevance", 0.5, "not-an-id")},
    ],
)
async def test_a_forged_cursor_is_a_400_not_the_first_page(
    client: httpx.AsyncClient, acme: dict[str, Any], params: dict[str, Any]
) -> None:
    response = await client.get("/v1/candidates/search", params=params, headers=acme["headers"])
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["loc"] == ["query", "cursor"]


async def test_search_needs_credentials(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/candidates/search", params={"q": "python"})
    assert response.status_code == 401


async def test_the_app_role_sees_search_columns_only_through_rls(
    acme: dict[str, Any], db_session: AsyncSession
) -> None:
    await enter_tenant(db_session, acme["tenant_id"])
    documents = (
        (
            await db_session.execute(
                select(Candidate.search_document).where(Candidate.name == "Ada Lovelace")
            )
        )
        .scalars()
        .all()
    )
    assert len(documents) == 1
    assert "'analyt':" in str(documents[0])


# --- the side table behind search (migration 0011) -------------------------------------------

_SEARCH_PYTHON = text(
    "SELECT candidate_id FROM hireline_search_candidates(to_tsquery('english', 'python'),"
    " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
    " false, NULL, 100)"
)


async def test_the_app_role_cannot_read_the_search_table(
    acme: dict[str, Any], db_session: AsyncSession
) -> None:
    await enter_tenant(db_session, acme["tenant_id"])
    with pytest.raises(ProgrammingError, match="permission denied"):
        async with db_session.begin_nested():
            await db_session.execute(text("SELECT count(*) FROM candidate_search"))


async def test_the_search_function_answers_for_the_session_tenant_only(
    client: httpx.AsyncClient, acme: dict[str, Any], db_session: AsyncSession
) -> None:
    people: dict[str, Candidate] = acme["people"]
    await enter_tenant(db_session, acme["tenant_id"])
    found = set((await db_session.execute(_SEARCH_PYTHON)).scalars())
    assert found == {
        people[name].id
        for name in ("Guido van Rossum", "Ada Lovelace", "Grace Hopper", "Margaret Hamilton")
    }  # and neither the erased "Python Ghost" nor the other tenant's Ada

    await enter_tenant(db_session, await _me(client, acme["other"]))
    found = set((await db_session.execute(_SEARCH_PYTHON)).scalars())
    other_ada = select(Candidate.id).where(Candidate.email == "ada@globex.example")
    assert found == set((await db_session.execute(other_ada)).scalars())
    assert len(found) == 1

    await db_session.execute(text("SELECT set_config('app.tenant_id', '', true)"))
    assert (await db_session.execute(_SEARCH_PYTHON)).all() == []


async def test_the_search_table_follows_erasure_and_deletion(
    client: httpx.AsyncClient, acme: dict[str, Any], db_session: AsyncSession
) -> None:
    people: dict[str, Candidate] = acme["people"]
    guido, ada = people["Guido van Rossum"], people["Ada Lovelace"]
    erased = await client.delete(f"/v1/candidates/{guido.id}", headers=acme["headers"])
    assert erased.status_code == 204, erased.text
    await db_session.execute(delete(Candidate).where(Candidate.id == ada.id))
    await enter_tenant(db_session, acme["tenant_id"])
    found = set((await db_session.execute(_SEARCH_PYTHON)).scalars())
    assert found == {people["Grace Hopper"].id, people["Margaret Hamilton"].id}
