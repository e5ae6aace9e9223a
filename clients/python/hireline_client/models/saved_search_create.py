from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.saved_search_create_filters import SavedSearchCreateFilters


T = TypeVar("T", bound="SavedSearchCreate")


@_attrs_define
class SavedSearchCreate:
    """
    Attributes:
        name (str):
        query (str | Unset):  Default: ''.
        filters (SavedSearchCreateFilters | Unset): Search parameters by name (job, stage, status, skills, skills_mode,
            location, tags, source, years_min, years_max, sort), each a list of values.
    """

    name: str
    query: str | Unset = ""
    filters: SavedSearchCreateFilters | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        query = self.query

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if query is not UNSET:
            field_dict["query"] = query
        if filters is not UNSET:
            field_dict["filters"] = filters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saved_search_create_filters import SavedSearchCreateFilters  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        query = d.pop("query", UNSET)

        _filters = d.pop("filters", UNSET)
        filters: SavedSearchCreateFilters | Unset
        if isinstance(_filters, Unset):
            filters = UNSET
        else:
            filters = SavedSearchCreateFilters.from_dict(_filters)

        saved_search_create = cls(
            name=name,
            query=query,
            filters=filters,
        )

        return saved_search_create
