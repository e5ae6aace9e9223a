from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.facet_value import FacetValue


T = TypeVar("T", bound="Facets")


@_attrs_define
class Facets:
    """
    Attributes:
        stage (list[FacetValue]):
        skills (list[FacetValue]):
        location (list[FacetValue]):
    """

    stage: list[FacetValue]
    skills: list[FacetValue]
    location: list[FacetValue]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = []
        for stage_item_data in self.stage:
            stage_item = stage_item_data.to_dict()
            stage.append(stage_item)

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        location = []
        for location_item_data in self.location:
            location_item = location_item_data.to_dict()
            location.append(location_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "skills": skills,
                "location": location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet_value import FacetValue  # noqa: PLC0415

        d = dict(src_dict)
        stage = []
        _stage = d.pop("stage")
        for stage_item_data in _stage:
            stage_item = FacetValue.from_dict(stage_item_data)

            stage.append(stage_item)

        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = FacetValue.from_dict(skills_item_data)

            skills.append(skills_item)

        location = []
        _location = d.pop("location")
        for location_item_data in _location:
            location_item = FacetValue.from_dict(location_item_data)

            location.append(location_item)

        facets = cls(
            stage=stage,
            skills=skills,
            location=location,
        )

        facets.additional_properties = d
        return facets

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
