from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_read_source import ImportReadSource
from ..models.import_read_status import ImportReadStatus

if TYPE_CHECKING:
    from ..models.import_report import ImportReport


T = TypeVar("T", bound="ImportRead")


@_attrs_define
class ImportRead:
    """
    Attributes:
        id (UUID):
        source (ImportReadSource):
        dry_run (bool):
        status (ImportReadStatus):
        export_name (str):
        report (ImportReport | None): Once the import has run.
        error (None | str): Why the export could not be read at all.
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: UUID
    source: ImportReadSource
    dry_run: bool
    status: ImportReadStatus
    export_name: str
    report: ImportReport | None
    error: None | str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_report import ImportReport  # noqa: PLC0415

        id = str(self.id)

        source = self.source.value

        dry_run = self.dry_run

        status = self.status.value

        export_name = self.export_name

        report: dict[str, Any] | None
        if isinstance(self.report, ImportReport):
            report = self.report.to_dict()
        else:
            report = self.report

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source": source,
                "dry_run": dry_run,
                "status": status,
                "export_name": export_name,
                "report": report,
                "error": error,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_report import ImportReport  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        source = ImportReadSource(d.pop("source"))

        dry_run = d.pop("dry_run")

        status = ImportReadStatus(d.pop("status"))

        export_name = d.pop("export_name")

        def _parse_report(data: object) -> ImportReport | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = ImportReport.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportReport | None, data)

        report = _parse_report(d.pop("report"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        import_read = cls(
            id=id,
            source=source,
            dry_run=dry_run,
            status=status,
            export_name=export_name,
            report=report,
            error=error,
            created_at=created_at,
            finished_at=finished_at,
        )

        import_read.additional_properties = d
        return import_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
