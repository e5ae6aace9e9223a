from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApplicationCreated")


@_attrs_define
class ApplicationCreated:
    """
    Attributes:
        id (UUID):
        candidate_id (UUID):
        job_id (UUID):
        status (str):
        applied_at (datetime.datetime):
    """

    id: UUID
    candidate_id: UUID
    job_id: UUID
    status: str
    applied_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        candidate_id = str(self.candidate_id)

        job_id = str(self.job_id)

        status = self.status

        applied_at = self.applied_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "candidate_id": candidate_id,
                "job_id": job_id,
                "status": status,
                "applied_at": applied_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        candidate_id = UUID(d.pop("candidate_id"))

        job_id = UUID(d.pop("job_id"))

        status = d.pop("status")

        applied_at = datetime.datetime.fromisoformat(d.pop("applied_at"))

        application_created = cls(
            id=id,
            candidate_id=candidate_id,
            job_id=job_id,
            status=status,
            applied_at=applied_at,
        )

        application_created.additional_properties = d
        return application_created

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
