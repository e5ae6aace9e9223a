"""HTTP layer of guide rendering."""

from __future__ import annotations

from typing import Annotated

import anyio
import orjson
from fastapi import APIRouter
from starlette.responses import Response

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.guides.rendering import pdf, render, service
from hireline.guides.rendering.schemas import RenderRequest
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1/guides", tags=["guides"])

MEDIA_TYPES = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


@router.post(
    "/render",
    summary="A complete hiring guide for a role, level, industry, context and location",
    response_class=Response,
    responses={
        200: {
            "description": "The guide in the requested format (`format=json`: a Guide)",
            "model": render.Guide,
            "content": {
                MEDIA_TYPES["json"]: {},  # filled from `model`
                MEDIA_TYPES["markdown"]: {"schema": {"type": "string"}},
                MEDIA_TYPES["html"]: {"schema": {"type": "string"}},
                MEDIA_TYPES["pdf"]: {"schema": {"type": "string", "format": "binary"}},
            },
        },
    },
)
async def render_guide(
    body: RenderRequest,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_READ)],
) -> Response:
    guide = await service.render_guide(
        session,
        principal.tenant_id,
        body.template,
        version=body.version,
        level=body.level,
        industry=body.industry,
        context=body.context,
        location=body.location,
    )
    headers = {
        "Content-Disposition": f'inline; filename="{guide.template}-{guide.level}.{body.format}"'
    }
    if body.format == "markdown":
        content: bytes = render.to_markdown(guide).encode()
    elif body.format == "html":
        content = render.to_html(guide).encode()
    elif body.format == "pdf":
        # Drawing a PDF is CPU work; keep it off the event loop.
        content = await anyio.to_thread.run_sync(pdf.to_pdf, guide)
    else:
        content = orjson.dumps(guide.as_dict())
        headers = {}
    return Response(content, media_type=MEDIA_TYPES[body.format], headers=headers)
