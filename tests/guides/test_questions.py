"""The question bank: built-in questions, filters, and a tenant's own additions."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up


async def test_built_in_questions_filter_by_role_category_and_level(
    client: httpx.AsyncClient,
) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    role = {"role": "python-backend-developer"}
    technical = await client.get(
        "/v1/questions", params=role | {"category": "technical"}, headers=headers
    )
    assert technical.status_code == 200
    assert len(technical.json()) == 8
    behavioral = await client.get(
        "/v1/questions", params=role | {"category": "behavioral"}, headers=headers
    )
    assert len(behavioral.json()) == 6
    culture = await client.get(
        "/v1/questions", params=role | {"category": "culture"}, headers=headers
    )
    assert len(culture.json()) == 4
    staff = await client.get("/v1/questions", params=role | {"level": "staff"}, headers=headers)
    assert all("staff" in q["levels"] for q in staff.json())
    assert (
        await client.get("/v1/questions", params={"category": "trivia"}, headers=headers)
    ).status_code == 422


async def test_own_questions_are_added_and_stay_private(client: httpx.AsyncClient) -> None:
    acme = bearer((await sign_up(client, "acme"))["access_token"])
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    created = await client.post(
        "/v1/questions",
        json={
            "category": "technical",
            "topic": "Idempotency",
            "question": "How would you make a payment endpoint safe to retry?",
            "strong_answer": "Idempotency keys stored with the response, and a unique constraint.",
            "skills": ["API design"],
            "levels": ["senior", "staff", "senior"],
        },
        headers=acme,
    )
    assert created.status_code == 201, created.text
    assert created.json()["levels"] == ["senior", "staff"]
    mine = await client.get("/v1/questions", params={"topic": "idempotency"}, headers=acme)
    assert [q["origin"] for q in mine.json()] == ["own"]
    theirs = await client.get("/v1/questions", params={"topic": "idempotency"}, headers=globex)
    assert theirs.json() == []
    invalid = await client.post(
        "/v1/questions",
        json={"category": "technical", "topic": "", "question": "?", "levels": []},
        headers=acme,
    )
    assert invalid.status_code == 422
    assert {e["loc"][-1] for e in invalid.json()["errors"]} >= {"topic", "levels", "strong_answer"}
