"""The pipeline moves through /graphql: atomic per field, replayed under an Idempotency-Key."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.graphql_api.helpers import ask, data, errors, seed_jobs

APPLICATION = """query ($id: UUID!) {
  application(id: $id) { id status rejectionReason stage { id name } }
}"""
REJECT = """mutation ($id: UUID!, $reason: String!) {
  rejectApplication(applicationId: $id, reason: $reason, note: "Too far away") {
    id status rejectionReason
  }
}"""


@pytest.fixture
async def applicant(
    client: httpx.AsyncClient, connection: AsyncConnection, acme: dict[str, Any]
) -> dict[str, Any]:
    """An active application in the first stage of a five-stage job, and those stages."""
    [job_id] = await seed_jobs(connection, acme["tenant_id"], jobs=1, applications=1)
    query = """query ($id: UUID!) {
      job(id: $id) { stages { id name } applications { items { id stage { id } } } }
    }"""
    job = (await data(client, acme["headers"], query, {"id": str(job_id)}))["job"]
    return {"id": job["applications"]["items"][0]["id"], "stages": job["stages"]}


async def _current(
    client: httpx.AsyncClient, acme: dict[str, Any], applicant: dict[str, Any]
) -> dict[str, Any]:
    found = await data(client, acme["headers"], APPLICATION, {"id": applicant["id"]})
    return dict(found["application"])


async def test_reject_then_reopen_returns_the_application_to_its_stage(
    client: httpx.AsyncClient, acme: dict[str, Any], applicant: dict[str, Any]
) -> None:
    rejected = await data(
        client, acme["headers"], REJECT, {"id": applicant["id"], "reason": "location"}
    )
    assert rejected["rejectApplication"]["status"] == "rejected"
    assert rejected["rejectApplication"]["rejectionReason"] == "location"
    reopen = (
        "mutation ($id: UUID!) { reopenApplication(applicationId: $id) { status stage { id } } }"
    )
    reopened = await data(client, acme["headers"], reopen, {"id": applicant["id"]})
    assert reopened["reopenApplication"] == {
        "status": "active",
        "stage": {"id": applicant["stages"][0]["id"]},
    }


async def test_a_failed_field_leaves_nothing_while_the_others_stand(
    client: httpx.AsyncClient, acme: dict[str, Any], applicant: dict[str, Any]
) -> None:
    both = """mutation ($id: UUID!, $stage: UUID!) {
      moved: moveApplication(applicationId: $id, stageId: $stage) { stage { id } }
      rejected: rejectApplication(applicationId: $id, reason: "no-such-reason") { status }
    }"""
    target = applicant["stages"][2]["id"]
    response = await ask(client, acme["headers"], both, {"id": applicant["id"], "stage": target})
    body = response.json()
    assert body["data"] == {"moved": {"stage": {"id": target}}, "rejected": None}
    [error] = errors(response)
    assert error["message"] == "That rejection reason is not on your organisation's list."
    assert error["extensions"]["code"] == "validation-failed"
    assert error["extensions"]["errors"][0]["msg"].startswith("unknown reason; use one of")
    current = await _current(client, acme, applicant)
    assert current["status"] == "active"
    assert current["stage"]["id"] == target


async def test_bad_input_is_refused_by_the_rest_schemas_rules(
    client: httpx.AsyncClient, acme: dict[str, Any], applicant: dict[str, Any]
) -> None:
    response = await ask(client, acme["headers"], REJECT, {"id": applicant["id"], "reason": "A B"})
    [error] = errors(response)
    assert error["message"].startswith("The input is invalid: reason: String should match")
    assert error["extensions"]["code"] == "validation-failed"
    assert (await _current(client, acme, applicant))["status"] == "active"


async def test_a_keyed_move_is_replayed_and_a_changed_body_is_422(
    client: httpx.AsyncClient, acme: dict[str, Any], applicant: dict[str, Any]
) -> None:
    keyed = {"Idempotency-Key": "reject-1"}
    variables = {"id": applicant["id"], "reason": "location"}
    first = await ask(client, acme["headers"], REJECT, variables, **keyed)
    assert first.json()["data"]["rejectApplication"]["status"] == "rejected"
    # Run again, the rejection would be refused (it is no longer active): it is replayed.
    replay = await ask(client, acme["headers"], REJECT, variables, **keyed)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()
    changed = await ask(client, acme["headers"], REJECT, variables | {"reason": "other"}, **keyed)
    assert changed.status_code == 422
    assert changed.headers["content-type"] == "application/problem+json"


async def test_a_keyed_mutation_that_changed_nothing_is_not_kept(
    client: httpx.AsyncClient, acme: dict[str, Any], applicant: dict[str, Any]
) -> None:
    keyed = {"Idempotency-Key": "reject-2"}
    refused = await ask(
        client, acme["headers"], REJECT, {"id": applicant["id"], "reason": "nope"}, **keyed
    )
    assert errors(refused)[0]["extensions"]["code"] == "validation-failed"
    # As a REST 4xx, nothing was kept: the key's retry (corrected) runs.
    retried = await ask(
        client, acme["headers"], REJECT, {"id": applicant["id"], "reason": "location"}, **keyed
    )
    assert "idempotent-replayed" not in retried.headers
    assert retried.json()["data"]["rejectApplication"]["status"] == "rejected"
