"""HTTP layer of salary benchmarks: bands with explained adjustments, and imports."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, UploadFile, status

from hireline.core.db import DbSession
from hireline.core.errors import PayloadTooLarge
from hireline.core.principal import Principal
from hireline.guides.salaries import service as salaries
from hireline.guides.salaries.schemas import (
    AdjustmentRead,
    Band,
    ImportReportRead,
    SalaryBandRead,
)
from hireline.guides.templates.content import Level
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1/salaries", tags=["salaries"])

MAX_IMPORT_BYTES = 10 * 1024 * 1024
_READ_CHUNK = 1024 * 1024


@router.get(
    "",
    summary="The salary band for a role, level and location, with adjustments",
    responses={422: {"description": "An unknown location or industry (with close matches)"}},
)
async def get_band(
    session: DbSession,
    principal: Annotated[Principal, require(Action.SALARIES_READ)],
    role: Annotated[str, Query(min_length=1, max_length=80)],
    level: Level,
    location: Annotated[
        str, Query(min_length=1, max_length=80, description='A key or name, e.g. "Austin, TX"')
    ] = "us-national",
    industry: Annotated[
        str | None, Query(max_length=40, description="e.g. fintech, e-commerce, healthcare")
    ] = None,
    certifications: Annotated[
        str | None, Query(max_length=200, description="Comma-separated, e.g. aws,gcp")
    ] = None,
    company_stage: salaries.CompanyStage | None = None,
    framework_expertise: bool = False,
) -> SalaryBandRead:
    query = await salaries.resolve_query(
        session,
        principal.tenant_id,
        role=role.strip().lower(),
        level=level,
        location=location,
        industry=industry,
        certifications=tuple(c for c in (certifications or "").split(",") if c.strip()),
        company_stage=company_stage,
        framework_expertise=framework_expertise,
    )
    result = await salaries.band(session, principal.tenant_id, query)
    return SalaryBandRead(
        role=result.role,
        level=result.level,
        location=result.location,
        location_name=result.location_name,
        currency=result.currency,
        base=Band(min=result.base_min, max=result.base_max),
        origin=result.origin,
        source=result.source,
        as_of=result.as_of,
        basis=result.basis,
        adjustments=[
            AdjustmentRead.model_validate(a, from_attributes=True) for a in result.adjustments
        ],
        adjusted=Band(min=result.adjusted_min, max=result.adjusted_max),
        notes=result.notes,
    )


async def _read_limited(upload: UploadFile) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(_READ_CHUNK):
        size += len(chunk)
        if size > MAX_IMPORT_BYTES:
            raise PayloadTooLarge(
                f"Salary imports are limited to {MAX_IMPORT_BYTES // (1024 * 1024)} MB; "
                "split the file."
            )
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/imports",
    status_code=status.HTTP_200_OK,
    summary="Import salary benchmarks from CSV or JSON (admins); your figures override ours",
    responses={413: {"description": "File over 10 MB"}, 422: {"description": "Unreadable file"}},
)
async def import_salaries(
    session: DbSession,
    principal: Annotated[Principal, require(Action.SALARIES_IMPORT)],
    file: Annotated[UploadFile, File(description="CSV with a header row, or JSON rows")],
    format: Annotated[Literal["csv", "json"] | None, Form()] = None,
    source: Annotated[str, Form(max_length=200)] = "Imported benchmark",
) -> ImportReportRead:
    report = await salaries.import_upload(
        session,
        principal,
        await _read_limited(file),
        file_name=file.filename,
        declared_format=format,
        source=source,
    )
    return ImportReportRead.model_validate(report, from_attributes=True)
