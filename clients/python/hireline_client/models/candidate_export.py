from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate_export_activity_item import CandidateExportActivityItem
    from ..models.candidate_export_applications_item import CandidateExportApplicationsItem
    from ..models.candidate_export_candidate import CandidateExportCandidate
    from ..models.candidate_export_notes_item import CandidateExportNotesItem
    from ..models.candidate_export_resumes_item import CandidateExportResumesItem


T = TypeVar("T", bound="CandidateExport")


@_attrs_define
class CandidateExport:
    """Every record held on a person (a data subject access request), as stored.

    Each record is the row's columns by name: the export shows what is kept, including
    columns added later, rather than a curated view.

        Attributes:
            candidate (CandidateExportCandidate):
            applications (list[CandidateExportApplicationsItem]):
            resumes (list[CandidateExportResumesItem]):
            activity (list[CandidateExportActivityItem]):
            exported_at (datetime.datetime):
            notes (list[CandidateExportNotesItem] | Unset):
    """

    candidate: CandidateExportCandidate
    applications: list[CandidateExportApplicationsItem]
    resumes: list[CandidateExportResumesItem]
    activity: list[CandidateExportActivityItem]
    exported_at: datetime.datetime
    notes: list[CandidateExportNotesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        candidate = self.candidate.to_dict()

        applications = []
        for applications_item_data in self.applications:
            applications_item = applications_item_data.to_dict()
            applications.append(applications_item)

        resumes = []
        for resumes_item_data in self.resumes:
            resumes_item = resumes_item_data.to_dict()
            resumes.append(resumes_item)

        activity = []
        for activity_item_data in self.activity:
            activity_item = activity_item_data.to_dict()
            activity.append(activity_item)

        exported_at = self.exported_at.isoformat()

        notes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = []
            for notes_item_data in self.notes:
                notes_item = notes_item_data.to_dict()
                notes.append(notes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "candidate": candidate,
                "applications": applications,
                "resumes": resumes,
                "activity": activity,
                "exported_at": exported_at,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate_export_activity_item import CandidateExportActivityItem  # noqa: PLC0415
        from ..models.candidate_export_applications_item import CandidateExportApplicationsItem  # noqa: PLC0415
        from ..models.candidate_export_candidate import CandidateExportCandidate  # noqa: PLC0415
        from ..models.candidate_export_notes_item import CandidateExportNotesItem  # noqa: PLC0415
        from ..models.candidate_export_resumes_item import CandidateExportResumesItem  # noqa: PLC0415

        d = dict(src_dict)
        candidate = CandidateExportCandidate.from_dict(d.pop("candidate"))

        applications = []
        _applications = d.pop("applications")
        for applications_item_data in _applications:
            applications_item = CandidateExportApplicationsItem.from_dict(applications_item_data)

            applications.append(applications_item)

        resumes = []
        _resumes = d.pop("resumes")
        for resumes_item_data in _resumes:
            resumes_item = CandidateExportResumesItem.from_dict(resumes_item_data)

            resumes.append(resumes_item)

        activity = []
        _activity = d.pop("activity")
        for activity_item_data in _activity:
            activity_item = CandidateExportActivityItem.from_dict(activity_item_data)

            activity.append(activity_item)

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        _notes = d.pop("notes", UNSET)
        notes: list[CandidateExportNotesItem] | Unset = UNSET
        if _notes is not UNSET:
            notes = []
            for notes_item_data in _notes:
                notes_item = CandidateExportNotesItem.from_dict(notes_item_data)

                notes.append(notes_item)

        candidate_export = cls(
            candidate=candidate,
            applications=applications,
            resumes=resumes,
            activity=activity,
            exported_at=exported_at,
            notes=notes,
        )

        candidate_export.additional_properties = d
        return candidate_export

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
