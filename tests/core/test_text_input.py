"""A NUL character anywhere in what a route reads is a 422 naming the place, never a 500."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Resume
from hireline.candidates.profile import record_parse
from hireline.core.tenancy import enter_tenant
from hireline.core.text_input import NUL_ERROR_TYPE, nul_character_errors
from tests.candidates.test_applications import apply
from tests.identity.helpers import PASSWORD
from tests.jobs.helpers import open_job


def assert_nul_refused(response: httpx.Response, *loc: str | int) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/problems/validation-failed"
    assert {"loc": list(loc), "type": NUL_ERROR_TYPE} in [
        {"loc": error["loc"], "type": error["type"]} for error in body["errors"]
    ]


async def test_public_board_search_with_nul(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await open_job(client, owner)
    assert_nul_refused(await client.get("/v1/boards/acme/jobs?q=a%00b"), "query", "q")


async def test_candidate_search_with_nul(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    response = await client.get("/v1/candidates/search?q=%00", headers=owner)
    assert_nul_refused(response, "query", "q")


async def test_password_grant_with_nul(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    for field, value in (("password", "pass\x00word"), ("username", "owner@acme.example\x00")):
        form = {"grant_type": "password", "username": "owner@acme.example", "password": PASSWORD}
        response = await client.post("/v1/auth/token", data=form | {field: value})
        assert_nul_refused(response, "body", field)


async def test_apply_form_with_nul_in_a_field_or_inside_the_answers(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    raw = await apply(client, job, fields={"answers": '{"why": "a\x00b"}'})
    assert_nul_refused(raw, "body", "answers")
    escaped = await apply(client, job, fields={"answers": '{"why": "a\\u0000b"}'})
    assert_nul_refused(escaped, "body", "answers", "why")
    applications = await client.get(f"/v1/jobs/{job['id']}/applications", headers=owner)
    assert applications.json()["items"] == []


async def test_candidate_notes_with_nul(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    job = await open_job(client, owner)
    candidate_id = (await apply(client, job)).json()["candidate_id"]
    response = await client.patch(
        f"/v1/candidates/{candidate_id}", json={"notes": "call\u0000back"}, headers=owner
    )
    assert_nul_refused(response, "body", "notes")
    candidate = (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).json()
    assert candidate["notes"] is None


async def test_rejection_reason_label_with_nul(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    reasons = [{"key": "visa", "label": "Needs a \u0000 visa"}]
    response = await client.put("/v1/rejection-reasons", json={"reasons": reasons}, headers=owner)
    assert_nul_refused(response, "body", "reasons", "0", "label")


async def test_nul_in_a_json_key_a_header_and_a_path_parameter(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    candidate_id = (await apply(client, job)).json()["candidate_id"]
    keyed = await client.patch(
        f"/v1/candidates/{candidate_id}", json={"no\u0000tes": "x"}, headers=owner
    )
    assert_nul_refused(keyed, "body", "no\\u0000tes")
    header = await client.get("/v1/me", headers=owner | {"X-Request-ID": "a\x00b"})
    assert_nul_refused(header, "header", "x-request-id")
    assert_nul_refused(await client.get("/v1/boards/ac%00me/jobs"), "path", "slug")


def _fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "00000000-0000-4000-8000-000000000000", path)


async def test_every_operation_refuses_a_nul_before_doing_anything(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    operations = [
        (method, route.original_route.path)
        for route in iter_route_contexts(app.routes)
        if isinstance(route.original_route, APIRoute)
        for method in sorted(route.methods or ())
    ]
    assert len(operations) > 50
    for method, path in operations:
        response = await client.request(method, _fill(path) + "?probe=a%00b")
        assert_nul_refused(response, "query", "probe")


@given(
    st.recursive(
        st.text(), lambda children: st.lists(children) | st.dictionaries(st.text(), children)
    )
)
def test_errors_point_at_exactly_the_strings_holding_a_nul(value: Any) -> None:
    errors = nul_character_errors(value, ("body",))

    def count(item: Any) -> int:
        if isinstance(item, str):
            return int("\x00" in item)
        if isinstance(item, dict):
            return sum(int("\x00" in key) + count(child) for key, child in item.items())
        return sum(count(child) for child in item)

    assert len(errors) == count(value)
    assert all(error["loc"][0] == "body" for error in errors)


async def test_text_a_resume_yields_with_nuls_is_stored_without_them(
    client: httpx.AsyncClient, owner: dict[str, str], db_session: AsyncSession
) -> None:
    job = await open_job(client, owner)
    created = (await apply(client, job)).json()
    tenant_id = uuid.UUID((await client.get("/v1/me", headers=owner)).json()["tenant"]["id"])
    await enter_tenant(db_session, tenant_id)
    resume = (
        await db_session.execute(
            select(Resume).where(Resume.candidate_id == uuid.UUID(created["candidate_id"]))
        )
    ).scalar_one()

    parsed = {"text": "Ada\x00 Lovelace", "name": "Ada\x00", "skills": ["Py\x00thon"]}
    await record_parse(db_session, resume, parsed=parsed, error=None)
    await db_session.flush()

    assert resume.text == "Ada Lovelace"
    assert resume.parsed == {"name": "Ada", "skills": ["Python"]}
