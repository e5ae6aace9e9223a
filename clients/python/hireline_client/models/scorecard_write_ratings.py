from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scorecard_write_ratings_additional_property_type_0 import ScorecardWriteRatingsAdditionalPropertyType0

T = TypeVar("T", bound="ScorecardWriteRatings")


@_attrs_define
class ScorecardWriteRatings:
    additional_properties: dict[str, Literal["no_evidence"] | ScorecardWriteRatingsAdditionalPropertyType0] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, ScorecardWriteRatingsAdditionalPropertyType0):
                field_dict[prop_name] = prop.value
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scorecard_write_ratings = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> Literal["no_evidence"] | ScorecardWriteRatingsAdditionalPropertyType0:
                try:
                    if not isinstance(data, int):
                        raise TypeError()
                    additional_property_type_0 = ScorecardWriteRatingsAdditionalPropertyType0(data)

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                additional_property_type_1 = cast(Literal["no_evidence"], data)
                if additional_property_type_1 != "no_evidence":
                    raise ValueError(
                        f"AdditionalProperty_type_1 must match const 'no_evidence', got '{additional_property_type_1}'"
                    )
                return additional_property_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        scorecard_write_ratings.additional_properties = additional_properties
        return scorecard_write_ratings

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Literal["no_evidence"] | ScorecardWriteRatingsAdditionalPropertyType0:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: Literal["no_evidence"] | ScorecardWriteRatingsAdditionalPropertyType0
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
