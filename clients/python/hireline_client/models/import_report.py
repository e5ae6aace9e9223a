from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_report_counts import ImportReportCounts
    from ..models.record_problem import RecordProblem
    from ..models.unmapped_reason import UnmappedReason
    from ..models.unmapped_stage import UnmappedStage


T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """What the import did, or (in a dry run, or with errors) would have done.

    Attributes:
        stored (bool): False for a dry run, and when any record failed.
        dry_run (bool):
        counts (ImportReportCounts): Per kind of record: job, candidate, application, attachment.
        resumes_queued (int):
        duplicates (list[str]):
        unmapped_stages (list[UnmappedStage]):
        unmapped_rejection_reasons (list[UnmappedReason]):
        unmapped_fields (list[str]): CSV columns no field is mapped to.
        left_out (list[RecordProblem]): Values dropped from imported records.
        errors (list[RecordProblem]):
    """

    stored: bool
    dry_run: bool
    counts: ImportReportCounts
    resumes_queued: int
    duplicates: list[str]
    unmapped_stages: list[UnmappedStage]
    unmapped_rejection_reasons: list[UnmappedReason]
    unmapped_fields: list[str]
    left_out: list[RecordProblem]
    errors: list[RecordProblem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stored = self.stored

        dry_run = self.dry_run

        counts = self.counts.to_dict()

        resumes_queued = self.resumes_queued

        duplicates = self.duplicates

        unmapped_stages = []
        for unmapped_stages_item_data in self.unmapped_stages:
            unmapped_stages_item = unmapped_stages_item_data.to_dict()
            unmapped_stages.append(unmapped_stages_item)

        unmapped_rejection_reasons = []
        for unmapped_rejection_reasons_item_data in self.unmapped_rejection_reasons:
            unmapped_rejection_reasons_item = unmapped_rejection_reasons_item_data.to_dict()
            unmapped_rejection_reasons.append(unmapped_rejection_reasons_item)

        unmapped_fields = self.unmapped_fields

        left_out = []
        for left_out_item_data in self.left_out:
            left_out_item = left_out_item_data.to_dict()
            left_out.append(left_out_item)

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stored": stored,
                "dry_run": dry_run,
                "counts": counts,
                "resumes_queued": resumes_queued,
                "duplicates": duplicates,
                "unmapped_stages": unmapped_stages,
                "unmapped_rejection_reasons": unmapped_rejection_reasons,
                "unmapped_fields": unmapped_fields,
                "left_out": left_out,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_report_counts import ImportReportCounts  # noqa: PLC0415
        from ..models.record_problem import RecordProblem  # noqa: PLC0415
        from ..models.unmapped_reason import UnmappedReason  # noqa: PLC0415
        from ..models.unmapped_stage import UnmappedStage  # noqa: PLC0415

        d = dict(src_dict)
        stored = d.pop("stored")

        dry_run = d.pop("dry_run")

        counts = ImportReportCounts.from_dict(d.pop("counts"))

        resumes_queued = d.pop("resumes_queued")

        duplicates = cast(list[str], d.pop("duplicates"))

        unmapped_stages = []
        _unmapped_stages = d.pop("unmapped_stages")
        for unmapped_stages_item_data in _unmapped_stages:
            unmapped_stages_item = UnmappedStage.from_dict(unmapped_stages_item_data)

            unmapped_stages.append(unmapped_stages_item)

        unmapped_rejection_reasons = []
        _unmapped_rejection_reasons = d.pop("unmapped_rejection_reasons")
        for unmapped_rejection_reasons_item_data in _unmapped_rejection_reasons:
            unmapped_rejection_reasons_item = UnmappedReason.from_dict(unmapped_rejection_reasons_item_data)

            unmapped_rejection_reasons.append(unmapped_rejection_reasons_item)

        unmapped_fields = cast(list[str], d.pop("unmapped_fields"))

        left_out = []
        _left_out = d.pop("left_out")
        for left_out_item_data in _left_out:
            left_out_item = RecordProblem.from_dict(left_out_item_data)

            left_out.append(left_out_item)

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = RecordProblem.from_dict(errors_item_data)

            errors.append(errors_item)

        import_report = cls(
            stored=stored,
            dry_run=dry_run,
            counts=counts,
            resumes_queued=resumes_queued,
            duplicates=duplicates,
            unmapped_stages=unmapped_stages,
            unmapped_rejection_reasons=unmapped_rejection_reasons,
            unmapped_fields=unmapped_fields,
            left_out=left_out,
            errors=errors,
        )

        import_report.additional_properties = d
        return import_report

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
