from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.salary_band_read_origin import SalaryBandReadOrigin

if TYPE_CHECKING:
    from ..models.adjustment_read import AdjustmentRead
    from ..models.band import Band


T = TypeVar("T", bound="SalaryBandRead")


@_attrs_define
class SalaryBandRead:
    """A salary band: the base figure, its origin, and what each adjustment added.

    Attributes:
        role (str):
        level (str):
        location (str):
        location_name (str):
        currency (str):
        base (Band):
        origin (SalaryBandReadOrigin):
        source (str):
        as_of (str):
        basis (str):
        adjustments (list[AdjustmentRead]):
        adjusted (Band):
        notes (list[str]):
    """

    role: str
    level: str
    location: str
    location_name: str
    currency: str
    base: Band
    origin: SalaryBandReadOrigin
    source: str
    as_of: str
    basis: str
    adjustments: list[AdjustmentRead]
    adjusted: Band
    notes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        level = self.level

        location = self.location

        location_name = self.location_name

        currency = self.currency

        base = self.base.to_dict()

        origin = self.origin.value

        source = self.source

        as_of = self.as_of

        basis = self.basis

        adjustments = []
        for adjustments_item_data in self.adjustments:
            adjustments_item = adjustments_item_data.to_dict()
            adjustments.append(adjustments_item)

        adjusted = self.adjusted.to_dict()

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "level": level,
                "location": location,
                "location_name": location_name,
                "currency": currency,
                "base": base,
                "origin": origin,
                "source": source,
                "as_of": as_of,
                "basis": basis,
                "adjustments": adjustments,
                "adjusted": adjusted,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_read import AdjustmentRead  # noqa: PLC0415
        from ..models.band import Band  # noqa: PLC0415

        d = dict(src_dict)
        role = d.pop("role")

        level = d.pop("level")

        location = d.pop("location")

        location_name = d.pop("location_name")

        currency = d.pop("currency")

        base = Band.from_dict(d.pop("base"))

        origin = SalaryBandReadOrigin(d.pop("origin"))

        source = d.pop("source")

        as_of = d.pop("as_of")

        basis = d.pop("basis")

        adjustments = []
        _adjustments = d.pop("adjustments")
        for adjustments_item_data in _adjustments:
            adjustments_item = AdjustmentRead.from_dict(adjustments_item_data)

            adjustments.append(adjustments_item)

        adjusted = Band.from_dict(d.pop("adjusted"))

        notes = cast(list[str], d.pop("notes"))

        salary_band_read = cls(
            role=role,
            level=level,
            location=location,
            location_name=location_name,
            currency=currency,
            base=base,
            origin=origin,
            source=source,
            as_of=as_of,
            basis=basis,
            adjustments=adjustments,
            adjusted=adjusted,
            notes=notes,
        )

        salary_band_read.additional_properties = d
        return salary_band_read

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
