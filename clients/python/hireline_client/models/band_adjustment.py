from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BandAdjustment")


@_attrs_define
class BandAdjustment:
    """
    Attributes:
        label (str):
        min_delta (int):
        max_delta (int):
        explanation (str):
    """

    label: str
    min_delta: int
    max_delta: int
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        min_delta = self.min_delta

        max_delta = self.max_delta

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "min_delta": min_delta,
                "max_delta": max_delta,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        min_delta = d.pop("min_delta")

        max_delta = d.pop("max_delta")

        explanation = d.pop("explanation")

        band_adjustment = cls(
            label=label,
            min_delta=min_delta,
            max_delta=max_delta,
            explanation=explanation,
        )

        band_adjustment.additional_properties = d
        return band_adjustment

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
