from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnchorRead")


@_attrs_define
class AnchorRead:
    """
    Attributes:
        rating (int):
        label (str):
        sounds_like (str):
    """

    rating: int
    label: str
    sounds_like: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rating = self.rating

        label = self.label

        sounds_like = self.sounds_like

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rating": rating,
                "label": label,
                "sounds_like": sounds_like,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rating = d.pop("rating")

        label = d.pop("label")

        sounds_like = d.pop("sounds_like")

        anchor_read = cls(
            rating=rating,
            label=label,
            sounds_like=sounds_like,
        )

        anchor_read.additional_properties = d
        return anchor_read

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
