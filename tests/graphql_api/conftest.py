"""An organisation to ask /graphql about."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.identity.helpers import bearer, sign_up


async def organisation(client: httpx.AsyncClient, slug: str) -> dict[str, Any]:
    """A new organisation: its owner's headers and its tenant id."""
    signed_up = await sign_up(client, slug)
    return {
        "headers": bearer(signed_up["access_token"]),
        "tenant_id": uuid.UUID(signed_up["tenant"]["id"]),
    }


@pytest.fixture
async def acme(client: httpx.AsyncClient) -> dict[str, Any]:
    return await organisation(client, "acme")
