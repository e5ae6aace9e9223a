"""A date-time input is ISO 8601 text: a number is a 422, never a date in 1970."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from hireline.core.timestamps import Timestamp
from tests.jobs.helpers import TEMPLATE_JOB, open_job

ADAPTER: TypeAdapter[datetime] = TypeAdapter(Timestamp)


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_and_numeric_text_are_not_timestamps(value: float) -> None:
    for candidate in (value, str(value)):
        with pytest.raises(ValidationError):
            ADAPTER.validate_python(candidate)


def test_iso_text_is_a_timestamp() -> None:
    assert (
        ADAPTER.validate_python("2026-01-31T09:00:00Z").isoformat() == "2026-01-31T09:00:00+00:00"
    )
    assert ADAPTER.validate_python("2026-01-31").year == 2026


async def test_every_timestamp_input_refuses_a_number(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    answers = {
        ("query", "applied_to"): await client.get(
            f"/v1/jobs/{job['id']}/applications", params={"applied_to": "0.5"}, headers=owner
        ),
        ("query", "applied_from"): await client.get(
            "/v1/candidates/search", params={"applied_from": "1700000000"}, headers=owner
        ),
        ("body", "expires_at"): await client.post(
            "/v1/api-keys",
            json={"name": "sync", "scopes": ["jobs:read"], "expires_at": 0.5},
            headers=owner,
        ),
        ("body", "valid_through"): await client.post(
            "/v1/jobs", json=TEMPLATE_JOB | {"valid_through": 1900000000}, headers=owner
        ),
    }
    for loc, response in answers.items():
        assert response.status_code == 422, (loc, response.text)
        assert list(loc) in [error["loc"] for error in response.json()["errors"]], loc
