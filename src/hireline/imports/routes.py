"""HTTP layer of imports: upload an export, then follow its queued import."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile, status

from hireline.core.db import DbSession
from hireline.core.pagination import MAX_PAGE_SIZE
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.imports import runs
from hireline.imports.export import SourceSystem
from hireline.imports.schemas import ImportPage, ImportRead

router = APIRouter(prefix="/v1", tags=["imports"])

# Bringing a whole history in is the organisation's business: owners and admins.
Manager = Annotated[Principal, require(Action.ORGANIZATION_MANAGE)]


@router.post(
    "/imports",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Import an export of another tracking system (Greenhouse, Lever, CSV), queued",
    description="Greenhouse and Lever exports are uploaded as a .zip of the API's JSON files "
    "with an `attachments/` folder; a CSV file (or a .zip of one with its résumé files) comes "
    "with a `mapping` (TOML or JSON). With `dry_run`, the report says what the import would "
    "do and nothing is stored. Follow the import at `GET /v1/imports/{id}`.",
    responses={
        413: {"description": "Export over 200 MB"},
        415: {"description": "A Greenhouse or Lever export that is not a .zip"},
    },
)
async def start_import(
    request: Request,
    session: DbSession,
    principal: Manager,
    source: Annotated[SourceSystem, Form()],
    export: Annotated[UploadFile, File(description="The export: a .zip, or a .csv file")],
    mapping: Annotated[
        UploadFile | None, File(description="For a CSV: which column holds what")
    ] = None,
    dry_run: Annotated[bool, Form()] = False,
) -> ImportRead:
    data = await runs.read_upload(export, "export")
    mapping_data = await runs.read_upload(mapping, "mapping") if mapping is not None else None
    run = await runs.queue_import(
        session,
        principal,
        request.app.state.storage,
        system=source,
        export=data,
        export_name=export.filename or "export",
        mapping=mapping_data,
        mapping_name=(mapping.filename or "mapping.toml") if mapping is not None else "",
        dry_run=dry_run,
    )
    return ImportRead.model_validate(run)


@router.get("/imports", summary="The organisation's imports, newest first")
async def list_imports(
    session: DbSession,
    principal: Manager,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
) -> ImportPage:
    runs_, next_cursor = await runs.page(session, cursor=cursor, limit=limit)
    return ImportPage(
        items=[ImportRead.model_validate(run) for run in runs_], next_cursor=next_cursor
    )


@router.get("/imports/{import_id}", summary="An import: its status and report")
async def get_import(import_id: uuid.UUID, session: DbSession, principal: Manager) -> ImportRead:
    return ImportRead.model_validate(await runs.get(session, import_id))
