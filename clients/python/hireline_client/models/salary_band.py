from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.band_adjustment import BandAdjustment


T = TypeVar("T", bound="SalaryBand")


@_attrs_define
class SalaryBand:
    """The job's band, explained as the hiring guide explains it.

    Attributes:
        available (bool):
        reason (None | str | Unset):
        role (None | str | Unset):
        level (None | str | Unset):
        location (None | str | Unset):
        location_name (None | str | Unset):
        currency (None | str | Unset):
        min_ (int | None | Unset):
        max_ (int | None | Unset):
        origin (None | str | Unset):
        source (None | str | Unset):
        as_of (None | str | Unset):
        basis (None | str | Unset):
        adjustments (list[BandAdjustment] | Unset):
        notes (list[str] | Unset):
    """

    available: bool
    reason: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    level: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    location_name: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    min_: int | None | Unset = UNSET
    max_: int | None | Unset = UNSET
    origin: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    as_of: None | str | Unset = UNSET
    basis: None | str | Unset = UNSET
    adjustments: list[BandAdjustment] | Unset = UNSET
    notes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        location_name: None | str | Unset
        if isinstance(self.location_name, Unset):
            location_name = UNSET
        else:
            location_name = self.location_name

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        min_: int | None | Unset
        if isinstance(self.min_, Unset):
            min_ = UNSET
        else:
            min_ = self.min_

        max_: int | None | Unset
        if isinstance(self.max_, Unset):
            max_ = UNSET
        else:
            max_ = self.max_

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        else:
            as_of = self.as_of

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        else:
            basis = self.basis

        adjustments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adjustments, Unset):
            adjustments = []
            for adjustments_item_data in self.adjustments:
                adjustments_item = adjustments_item_data.to_dict()
                adjustments.append(adjustments_item)

        notes: list[str] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if role is not UNSET:
            field_dict["role"] = role
        if level is not UNSET:
            field_dict["level"] = level
        if location is not UNSET:
            field_dict["location"] = location
        if location_name is not UNSET:
            field_dict["location_name"] = location_name
        if currency is not UNSET:
            field_dict["currency"] = currency
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if origin is not UNSET:
            field_dict["origin"] = origin
        if source is not UNSET:
            field_dict["source"] = source
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if basis is not UNSET:
            field_dict["basis"] = basis
        if adjustments is not UNSET:
            field_dict["adjustments"] = adjustments
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band_adjustment import BandAdjustment  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_location_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_name = _parse_location_name(d.pop("location_name", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_min_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_ = _parse_min_(d.pop("min", UNSET))

        def _parse_max_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_ = _parse_max_(d.pop("max", UNSET))

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_as_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        _adjustments = d.pop("adjustments", UNSET)
        adjustments: list[BandAdjustment] | Unset = UNSET
        if _adjustments is not UNSET:
            adjustments = []
            for adjustments_item_data in _adjustments:
                adjustments_item = BandAdjustment.from_dict(adjustments_item_data)

                adjustments.append(adjustments_item)

        notes = cast(list[str], d.pop("notes", UNSET))

        salary_band = cls(
            available=available,
            reason=reason,
            role=role,
            level=level,
            location=location,
            location_name=location_name,
            currency=currency,
            min_=min_,
            max_=max_,
            origin=origin,
            source=source,
            as_of=as_of,
            basis=basis,
            adjustments=adjustments,
            notes=notes,
        )

        salary_band.additional_properties = d
        return salary_band

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
