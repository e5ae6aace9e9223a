"""A nested query costs a bounded number of SQL statements, whatever the number of jobs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.graphql_api.helpers import HIRING, NESTED, data, seed_hiring, seed_jobs


@contextmanager
def counting_statements(app: FastAPI, connection: AsyncConnection) -> Iterator[list[str]]:
    """The statements run on the test's connection (the requests' sessions are bound to it;
    the usage recorder flushing in the background is not)."""
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if conn is connection.sync_connection:
            statements.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def test_nested_query_over_50_jobs_runs_a_bounded_number_of_statements(
    app: FastAPI,
    client: httpx.AsyncClient,
    connection: AsyncConnection,
    acme: dict[str, Any],
) -> None:
    await seed_jobs(connection, acme["tenant_id"], jobs=50, applications=4)
    variables = {"jobs": 50, "applications": 10}
    with counting_statements(app, connection) as statements:
        found = await data(client, acme["headers"], NESTED, variables)
    jobs = found["jobs"]["items"]
    assert len(jobs) == 50
    assert all(len(job["applications"]["items"]) == 4 for job in jobs)
    assert all(len(job["stages"]) == 5 for job in jobs)
    first = jobs[0]["applications"]["items"][0]
    assert first["candidate"]["email"].endswith("@example.com")
    assert first["match"]["score"] >= 50
    # Authentication, the jobs page, then one statement per relation (stages, applications
    # with their candidates and scores): never one per job.
    assert len(statements) <= 12, "\n".join(statements)


async def test_the_statement_count_does_not_grow_with_the_jobs(
    app: FastAPI,
    client: httpx.AsyncClient,
    connection: AsyncConnection,
    acme: dict[str, Any],
) -> None:
    await seed_jobs(connection, acme["tenant_id"], jobs=3, applications=2)
    with counting_statements(app, connection) as few:
        await data(client, acme["headers"], NESTED, {"jobs": 50, "applications": 10})
    await seed_jobs(connection, acme["tenant_id"], jobs=40, applications=3)
    with counting_statements(app, connection) as many:
        found = await data(client, acme["headers"], NESTED, {"jobs": 50, "applications": 10})
    assert len(found["jobs"]["items"]) == 43
    assert len(many) == len(few)


async def test_a_nested_page_continues_from_its_cursor(
    client: httpx.AsyncClient, connection: AsyncConnection, acme: dict[str, Any]
) -> None:
    [job_id] = await seed_jobs(connection, acme["tenant_id"], jobs=1, applications=5)
    query = """query ($id: UUID!, $after: String) {
      job(id: $id) { applications(first: 2, after: $after) { items { id } nextCursor } }
    }"""
    seen: list[str] = []
    after = None
    for _ in range(5):
        page = (await data(client, acme["headers"], query, {"id": str(job_id), "after": after}))[
            "job"
        ]["applications"]
        seen += [item["id"] for item in page["items"]]
        after = page["nextCursor"]
        if after is None:
            break
    assert len(seen) == 5
    assert len(set(seen)) == 5


async def test_interviews_scorecards_and_offers_cost_the_same_for_3_jobs_as_for_40(
    app: FastAPI,
    client: httpx.AsyncClient,
    connection: AsyncConnection,
    acme: dict[str, Any],
) -> None:
    me = (await client.get("/v1/me", headers=acme["headers"])).json()
    user_id = uuid.UUID(me["user"]["id"])
    few_jobs = await seed_jobs(connection, acme["tenant_id"], jobs=3, applications=2)
    await seed_hiring(connection, acme["tenant_id"], user_id, few_jobs)
    variables = {"jobs": 50, "applications": 10}
    with counting_statements(app, connection) as few:
        found = await data(client, acme["headers"], HIRING, variables)
    applications = [a for job in found["jobs"]["items"] for a in job["applications"]["items"]]
    assert len(applications) == 6
    for application in applications:
        [interview] = application["interviews"]
        assert interview["interviewerIds"] == [str(user_id)]
        assert interview["scorecardSubmitted"] is True
        assert [card["recommendation"] for card in interview["scorecards"]] == ["yes"]
        assert [card["interviewerName"] for card in application["scorecards"]] == [
            me["user"]["name"]
        ]
        assert [offer["status"] for offer in application["offers"]] == ["awaiting_approval"]

    many_jobs = await seed_jobs(connection, acme["tenant_id"], jobs=37, applications=3)
    await seed_hiring(connection, acme["tenant_id"], user_id, many_jobs)
    with counting_statements(app, connection) as many:
        found = await data(client, acme["headers"], HIRING, variables)
    applications = [a for job in found["jobs"]["items"] for a in job["applications"]["items"]]
    assert len(found["jobs"]["items"]) == 40
    assert len(applications) == 6 + 37 * 3
    assert all(len(a["interviews"][0]["scorecards"]) == 1 for a in applications)
    assert all(len(a["offers"]) == 1 for a in applications)
    # One statement (or a fixed few, for the visibility rules) per relation, never one per
    # job or application.
    assert len(many) == len(few), "\n".join(many)
    assert len(many) <= 30, "\n".join(many)
