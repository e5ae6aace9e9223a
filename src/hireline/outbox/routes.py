"""`GET /asyncapi.json`: the events a broker receives, for code generators and humans."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from hireline.outbox.asyncapi import document

router = APIRouter()


# Public like /openapi.json: it describes the contract, not anyone's data.
@router.get("/asyncapi.json", include_in_schema=False)
async def asyncapi_document() -> dict[str, Any]:
    return document()
