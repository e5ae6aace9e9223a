"""The demo organisation: jobs from every built-in template, applicants, a working sign-in."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from hireline import demo
from hireline.guides.builtin import load_builtin_templates
from tests.identity.helpers import bearer, password_token


async def test_demo_seed_creates_a_usable_organisation(
    app: FastAPI, committing_client: httpx.AsyncClient
) -> None:
    login = await demo.seed(
        app.state.sessions,
        app.state.token_issuer,
        app.state.storage,
        applications_per_job=3,
        password="demo password for tests",
    )
    templates = load_builtin_templates()
    assert login.applications == 3 * len(templates)

    board = (await committing_client.get("/v1/boards/demo/jobs")).json()
    assert len(board["items"]) == len(templates)
    token = await password_token(committing_client, login.email, login.password)
    assert token.status_code == 200
    headers = bearer(token.json()["access_token"])
    # One page holds every applicant: the page size is above the number of templates x 3.
    candidates = (
        await committing_client.get("/v1/candidates", params={"limit": 200}, headers=headers)
    ).json()
    assert len(candidates["items"]) == login.applications
    careers = await committing_client.get("/careers/demo")
    assert "Senior Python Backend Developer" in careers.text
