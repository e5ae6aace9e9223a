"""Imports asked for through the API: the upload is stored, a worker runs the import (as
`hireline import` does) and keeps its report on the run."""

from __future__ import annotations

import io
import tempfile
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import UploadFile
from procrastinate import JobContext
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed
from hireline.core.ids import uuid7
from hireline.core.pagination import cut_page, id_after
from hireline.core.principal import Principal
from hireline.core.queue import defer, job_unit_of_work, queue, worker_state
from hireline.core.storage import FileStorage, save_with_transaction
from hireline.identity.audit import service as audit
from hireline.imports import spreadsheet
from hireline.imports.export import Export, ExportUnreadable, SourceSystem
from hireline.imports.models import ImportRun
from hireline.imports.reading import read_export
from hireline.imports.report import Report
from hireline.imports.repository import ImportRunRepository
from hireline.imports.service import run_in_own_transaction

MAX_EXPORT_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 4 * MAX_EXPORT_BYTES
_CHUNK = 1024 * 1024


async def read_upload(upload: UploadFile, what: str) -> bytes:
    """An uploaded file's bytes, within the size limit."""
    chunks, total = [], 0
    while chunk := await upload.read(_CHUNK):
        total += len(chunk)
        if total > MAX_EXPORT_BYTES:
            raise PayloadTooLarge(f"The {what} is larger than {MAX_EXPORT_BYTES // 2**20} MB.")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        raise ValidationFailed(
            f"The {what} is empty.",
            errors=[{"loc": ["body", what], "msg": "empty file", "type": "file"}],
        )
    return data


def _is_zip(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))


async def queue_import(
    session: AsyncSession,
    principal: Principal,
    storage: FileStorage,
    *,
    system: SourceSystem,
    export: bytes,
    export_name: str,
    mapping: bytes | None,
    mapping_name: str,
    dry_run: bool,
) -> ImportRun:
    """Store the export and queue its import; what cannot be an export is refused now."""
    parsed_mapping: dict[str, Any] | None = None
    if system == "csv":
        if mapping is None:
            raise ValidationFailed(
                "A CSV import needs a mapping (TOML or JSON).",
                errors=[{"loc": ["body", "mapping"], "msg": "missing", "type": "missing"}],
            )
        try:
            parsed_mapping = spreadsheet.parse_mapping(mapping, mapping_name)
        except ExportUnreadable as exc:
            raise ValidationFailed(
                str(exc), errors=[{"loc": ["body", "mapping"], "msg": str(exc), "type": "mapping"}]
            ) from None
    zipped = _is_zip(export)
    if system != "csv" and not zipped:
        raise UnsupportedMediaType(f"A {system} export is uploaded as a .zip of its files.")
    run = ImportRun(
        tenant_id=principal.tenant_id,
        id=uuid7(),
        source_system=system,
        dry_run=dry_run,
        status="queued",
        export_name=Path(export_name or "export").name[:200],
        mapping=parsed_mapping,
        requested_by=principal.id,
    )
    run.export_key = f"{principal.tenant_id}/imports/{run.id}/export.{'zip' if zipped else 'csv'}"
    await save_with_transaction(session, storage, run.export_key, export)
    await ImportRunRepository(session).add(run)
    await defer(session, run_queued_import, tenant_id=str(principal.tenant_id), run_id=str(run.id))
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="import.queued",
        target_type="import",
        target_id=run.id,
        details={"system": system, "dry_run": dry_run},
    )
    return run


async def page(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[ImportRun], str | None]:
    """The organisation's imports, newest first, and the cursor of the next page."""
    runs = await ImportRunRepository(session).newest(before=id_after(cursor), limit=limit + 1)
    return cut_page(runs, limit, lambda run: run.id)


async def get(session: AsyncSession, run_id: uuid.UUID) -> ImportRun:
    """The organisation's import; NotFound for another's or a missing one."""
    run = await ImportRunRepository(session).get(run_id)
    if run is None:
        raise NotFound("No import with this id.")
    return run


def _unpack(run: ImportRun, data: bytes, folder: Path) -> Export:
    """The stored upload as records (a CSV may come zipped with its résumé files)."""
    system: SourceSystem = run.source_system  # type: ignore[assignment]
    if system != "csv":
        archive = folder / "export.zip"
        archive.write_bytes(data)
        return read_export(system, archive, None)
    assert run.mapping is not None
    if not _is_zip(data):
        sheet = folder / "export.csv"
        sheet.write_bytes(data)
        return spreadsheet.read(sheet, run.mapping)
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        # A small upload may unpack to a great deal: refuse before writing any of it.
        if sum(info.file_size for info in bundle.infolist()) > MAX_UNPACKED_BYTES:
            raise ExportUnreadable(
                f"the .zip unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB"
            )
        # extractall drops absolute paths and `..` from member names.
        bundle.extractall(folder)
    sheets = sorted(folder.rglob("*.csv"))
    if len(sheets) != 1:
        raise ExportUnreadable(f"the .zip must hold one .csv file, not {len(sheets)}")
    return spreadsheet.read(sheets[0], run.mapping)


@queue.task(name="imports.run", pass_context=True)
async def run_queued_import(context: JobContext, tenant_id: str, run_id: str) -> None:
    """Run a queued import in a transaction of its own, then keep its report on the run."""
    state = worker_state(context)
    tenant = uuid.UUID(tenant_id)
    async with job_unit_of_work(context, tenant_id=tenant) as session:
        run = await ImportRunRepository(session).get(uuid.UUID(run_id), for_update=True)
        if run is None or run.status != "queued":
            return
        run.status = "running"
    principal = Principal(
        kind="user", id=run.requested_by, tenant_id=tenant, actions=frozenset(), role=None
    )
    report: Report | None = None
    error: str | None = None
    try:
        data = await state.storage.read(run.export_key)
        with tempfile.TemporaryDirectory() as folder:
            export = _unpack(run, data, Path(folder))
            report = await run_in_own_transaction(
                state.sessions, principal, state.storage, export, dry_run=run.dry_run
            )
    except (ExportUnreadable, FileNotFoundError) as exc:
        error = str(exc)
    async with job_unit_of_work(context, tenant_id=tenant) as session:
        finished = await ImportRunRepository(session).get(run.id, for_update=True)
        if finished is None:
            return
        finished.status = "failed" if error or (report and report.errors) else "completed"
        finished.report = report.read().model_dump(mode="json") if report else None
        finished.error = error
        finished.finished_at = datetime.now(UTC)
