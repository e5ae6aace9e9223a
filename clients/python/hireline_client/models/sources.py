from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.freshness import Freshness
    from ..models.source_figures import SourceFigures
    from ..models.source_month import SourceMonth


T = TypeVar("T", bound="Sources")


@_attrs_define
class Sources:
    """
    Attributes:
        freshness (Freshness): When the summaries behind a report were rebuilt; a periodic job rebuilds them.
        sources (list[SourceFigures]):
        monthly (list[SourceMonth]):
    """

    freshness: Freshness
    sources: list[SourceFigures]
    monthly: list[SourceMonth]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        freshness = self.freshness.to_dict()

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        monthly = []
        for monthly_item_data in self.monthly:
            monthly_item = monthly_item_data.to_dict()
            monthly.append(monthly_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "freshness": freshness,
                "sources": sources,
                "monthly": monthly,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.freshness import Freshness  # noqa: PLC0415
        from ..models.source_figures import SourceFigures  # noqa: PLC0415
        from ..models.source_month import SourceMonth  # noqa: PLC0415

        d = dict(src_dict)
        freshness = Freshness.from_dict(d.pop("freshness"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceFigures.from_dict(sources_item_data)

            sources.append(sources_item)

        monthly = []
        _monthly = d.pop("monthly")
        for monthly_item_data in _monthly:
            monthly_item = SourceMonth.from_dict(monthly_item_data)

            monthly.append(monthly_item)

        sources = cls(
            freshness=freshness,
            sources=sources,
            monthly=monthly,
        )

        sources.additional_properties = d
        return sources

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
