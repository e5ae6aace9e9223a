from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.given_rating_rating_type_0 import GivenRatingRatingType0

T = TypeVar("T", bound="GivenRating")


@_attrs_define
class GivenRating:
    """
    Attributes:
        interviewer_id (UUID):
        interviewer_name (None | str):
        interview_name (str):
        rating (GivenRatingRatingType0 | Literal['no_evidence']):
    """

    interviewer_id: UUID
    interviewer_name: None | str
    interview_name: str
    rating: GivenRatingRatingType0 | Literal["no_evidence"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        interviewer_id = str(self.interviewer_id)

        interviewer_name: None | str
        interviewer_name = self.interviewer_name

        interview_name = self.interview_name

        rating: int | Literal["no_evidence"]
        if isinstance(self.rating, GivenRatingRatingType0):
            rating = self.rating.value
        else:
            rating = self.rating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "interviewer_id": interviewer_id,
                "interviewer_name": interviewer_name,
                "interview_name": interview_name,
                "rating": rating,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        interviewer_id = UUID(d.pop("interviewer_id"))

        def _parse_interviewer_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interviewer_name = _parse_interviewer_name(d.pop("interviewer_name"))

        interview_name = d.pop("interview_name")

        def _parse_rating(data: object) -> GivenRatingRatingType0 | Literal["no_evidence"]:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                rating_type_0 = GivenRatingRatingType0(data)

                return rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            rating_type_1 = cast(Literal["no_evidence"], data)
            if rating_type_1 != "no_evidence":
                raise ValueError(f"rating_type_1 must match const 'no_evidence', got '{rating_type_1}'")
            return rating_type_1

        rating = _parse_rating(d.pop("rating"))

        given_rating = cls(
            interviewer_id=interviewer_id,
            interviewer_name=interviewer_name,
            interview_name=interview_name,
            rating=rating,
        )

        given_rating.additional_properties = d
        return given_rating

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
