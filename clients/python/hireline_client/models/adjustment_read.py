from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjustment_read_unit import AdjustmentReadUnit

T = TypeVar("T", bound="AdjustmentRead")


@_attrs_define
class AdjustmentRead:
    """
    Attributes:
        key (str):
        label (str):
        kind (str):
        unit (AdjustmentReadUnit):
        low (int):
        high (int):
        min_delta (int):
        max_delta (int):
        basis (str):
        explanation (str):
    """

    key: str
    label: str
    kind: str
    unit: AdjustmentReadUnit
    low: int
    high: int
    min_delta: int
    max_delta: int
    basis: str
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        kind = self.kind

        unit = self.unit.value

        low = self.low

        high = self.high

        min_delta = self.min_delta

        max_delta = self.max_delta

        basis = self.basis

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "kind": kind,
                "unit": unit,
                "low": low,
                "high": high,
                "min_delta": min_delta,
                "max_delta": max_delta,
                "basis": basis,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        kind = d.pop("kind")

        unit = AdjustmentReadUnit(d.pop("unit"))

        low = d.pop("low")

        high = d.pop("high")

        min_delta = d.pop("min_delta")

        max_delta = d.pop("max_delta")

        basis = d.pop("basis")

        explanation = d.pop("explanation")

        adjustment_read = cls(
            key=key,
            label=label,
            kind=kind,
            unit=unit,
            low=low,
            high=high,
            min_delta=min_delta,
            max_delta=max_delta,
            basis=basis,
            explanation=explanation,
        )

        adjustment_read.additional_properties = d
        return adjustment_read

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
