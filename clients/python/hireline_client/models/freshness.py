from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Freshness")


@_attrs_define
class Freshness:
    """When the summaries behind a report were rebuilt; a periodic job rebuilds them.

    Attributes:
        refreshed_at (datetime.datetime | None): When the figures were computed; null until the first rebuild.
        age_seconds (int | None):
    """

    refreshed_at: datetime.datetime | None
    age_seconds: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refreshed_at: None | str
        if isinstance(self.refreshed_at, datetime.datetime):
            refreshed_at = self.refreshed_at.isoformat()
        else:
            refreshed_at = self.refreshed_at

        age_seconds: int | None
        age_seconds = self.age_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refreshed_at": refreshed_at,
                "age_seconds": age_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_refreshed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refreshed_at_type_0 = datetime.datetime.fromisoformat(data)

                return refreshed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        refreshed_at = _parse_refreshed_at(d.pop("refreshed_at"))

        def _parse_age_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_seconds = _parse_age_seconds(d.pop("age_seconds"))

        freshness = cls(
            refreshed_at=refreshed_at,
            age_seconds=age_seconds,
        )

        freshness.additional_properties = d
        return freshness

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
