from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.saved_search_read_filters import SavedSearchReadFilters


T = TypeVar("T", bound="SavedSearchRead")


@_attrs_define
class SavedSearchRead:
    """
    Attributes:
        id (UUID):
        name (str):
        query (str):
        filters (SavedSearchReadFilters):
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    query: str
    filters: SavedSearchReadFilters
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        query = self.query

        filters = self.filters.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "query": query,
                "filters": filters,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saved_search_read_filters import SavedSearchReadFilters  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        query = d.pop("query")

        filters = SavedSearchReadFilters.from_dict(d.pop("filters"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        saved_search_read = cls(
            id=id,
            name=name,
            query=query,
            filters=filters,
            created_at=created_at,
        )

        saved_search_read.additional_properties = d
        return saved_search_read

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
