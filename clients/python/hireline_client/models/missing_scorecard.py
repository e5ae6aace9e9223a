from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MissingScorecard")


@_attrs_define
class MissingScorecard:
    """
    Attributes:
        interview_id (UUID):
        interview_name (str):
        interviewer_id (UUID):
        interviewer_name (None | str):
    """

    interview_id: UUID
    interview_name: str
    interviewer_id: UUID
    interviewer_name: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        interview_id = str(self.interview_id)

        interview_name = self.interview_name

        interviewer_id = str(self.interviewer_id)

        interviewer_name: None | str
        interviewer_name = self.interviewer_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "interview_id": interview_id,
                "interview_name": interview_name,
                "interviewer_id": interviewer_id,
                "interviewer_name": interviewer_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        interview_id = UUID(d.pop("interview_id"))

        interview_name = d.pop("interview_name")

        interviewer_id = UUID(d.pop("interviewer_id"))

        def _parse_interviewer_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interviewer_name = _parse_interviewer_name(d.pop("interviewer_name"))

        missing_scorecard = cls(
            interview_id=interview_id,
            interview_name=interview_name,
            interviewer_id=interviewer_id,
            interviewer_name=interviewer_name,
        )

        missing_scorecard.additional_properties = d
        return missing_scorecard

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
