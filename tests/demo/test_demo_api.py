"""The demo organisation as a newcomer meets it: sign-ins for the whole team, jobs with their
teams and salary checks, applicants from several sources, and a rebuild on request."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline import demo
from hireline.demo.openings import OPENINGS
from hireline.demo.team import TEAM
from hireline.guides.templates.builtin import load_builtin_templates
from hireline.settings import Settings
from tests.identity.helpers import bearer, password_token

PASSWORD = "demo password for tests"


async def _seed_small(app: FastAPI) -> demo.DemoLogin:
    return await demo.seed(
        app.state.sessions, app.state.token_issuer, app.state.storage, scale=0.05, password=PASSWORD
    )


async def test_every_demo_user_signs_in_with_the_printed_password(
    app: FastAPI, committing_client: httpx.AsyncClient
) -> None:
    login = await _seed_small(app)
    assert [(s.role, s.name, s.email) for s in login.sign_ins] == list(TEAM)
    assert all(PASSWORD in line for line in demo.login_lines(login))
    for sign_in in login.sign_ins:
        token = await password_token(committing_client, sign_in.email, sign_in.password)
        assert token.status_code == 200, (sign_in.email, token.text)
    owner = bearer(
        (await password_token(committing_client, login.email, PASSWORD)).json()["access_token"]
    )
    members = (await committing_client.get("/v1/members", headers=owner)).json()
    assert {m["role"] for m in members["members"]} == {role.value for role, _, _ in TEAM}
    assert members["invitations"] == []  # every invitation was accepted
    careers = await committing_client.get("/careers/demo")
    assert "Senior Python Backend Developer" in careers.text


async def test_demo_jobs_have_a_team_and_in_band_salaries_but_one(
    app: FastAPI, committing_client: httpx.AsyncClient
) -> None:
    login = await _seed_small(app)
    owner = bearer(
        (await password_token(committing_client, login.email, PASSWORD)).json()["access_token"]
    )
    jobs = (await committing_client.get("/v1/jobs", headers=owner)).json()["items"]
    assert len(jobs) == len(OPENINGS)
    templates = [opening.template for opening in OPENINGS]
    assert len(set(templates)) == len(templates)
    assert set(templates) <= set(load_builtin_templates())
    out_of_band = {o.template for o in OPENINGS if o.out_of_band}
    assert len(out_of_band) == 1
    for listed in jobs:
        # Warnings come with the job itself (the list leaves them out).
        job = (await committing_client.get(f"/v1/jobs/{listed['id']}", headers=owner)).json()
        assert job["status"] == "open"
        assert {m["role"] for m in job["hiring_team"]} == {
            "hiring_manager",
            "interviewer",
            "recruiter",
        }
        if job["template"]["key"] in out_of_band:
            assert job["warnings"], job["title"]
            assert all("outside" in warning for warning in job["warnings"])
        else:
            assert job["warnings"] == [], (job["title"], job["warnings"])
    assert any("below its benchmark" in note for note in login.notes)
    # The job made without a level took the template's mid level.
    assert {job["level"] for job in jobs} >= {"mid", "senior"}


async def test_seeding_is_idempotent_and_reset_rebuilds(
    settings: Settings, engine: AsyncEngine, committing_client: httpx.AsyncClient
) -> None:
    assert settings.database_url is not None
    url = settings.database_url.get_secret_value()
    first = await demo.seed_if_empty(url, settings, scale=0.05)
    assert first is not None
    assert (settings.data_dir / demo.LOGIN_FILE).read_text().count("@demo.hireline.dev") == len(
        TEAM
    )
    assert await demo.seed_if_empty(url, settings, force=True, scale=0.05) is None

    async def counts() -> tuple[object, ...]:
        async with engine.connect() as connection:
            row = (
                await connection.execute(
                    text(
                        "SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM users), "
                        "(SELECT count(*) FROM applications), (SELECT count(*) FROM resumes), "
                        "(SELECT count(*) FROM domain_events)"
                    )
                )
            ).one()
            # The same seed invents the same people with the same stories.
            people = (
                await connection.execute(
                    text(
                        "SELECT c.email, a.source, a.status, a.rejection_reason FROM candidates c "
                        "JOIN applications a ON a.candidate_id = c.id ORDER BY a.id"
                    )
                )
            ).all()
            return (*row, [tuple(person) for person in people])

    before = await counts()
    again = await demo.seed_if_empty(url, settings, reset=True, scale=0.05)
    assert again is not None
    assert again.password != first.password  # new sign-ins, printed again
    assert await counts() == before
    token = await password_token(committing_client, again.email, again.password)
    assert token.status_code == 200
    assert (await password_token(committing_client, first.email, first.password)).status_code == 400
