from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.facets import Facets
    from ..models.search_hit import SearchHit


T = TypeVar("T", bound="SearchPage")


@_attrs_define
class SearchPage:
    """
    Attributes:
        items (list[SearchHit]):
        next_cursor (None | str):
        total (int | None): Matching candidates (first page only); a lower bound when not exact.
        total_is_exact (bool | None): False when more candidates match than search examines for ranking and facets (see
            `window` in the docs); null on later pages.
        facets (Facets | None): Counts on the current result (first page only).
    """

    items: list[SearchHit]
    next_cursor: None | str
    total: int | None
    total_is_exact: bool | None
    facets: Facets | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.facets import Facets  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        total: int | None
        total = self.total

        total_is_exact: bool | None
        total_is_exact = self.total_is_exact

        facets: dict[str, Any] | None
        if isinstance(self.facets, Facets):
            facets = self.facets.to_dict()
        else:
            facets = self.facets

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
                "total": total,
                "total_is_exact": total_is_exact,
                "facets": facets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facets import Facets  # noqa: PLC0415
        from ..models.search_hit import SearchHit  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = SearchHit.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_total_is_exact(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        total_is_exact = _parse_total_is_exact(d.pop("total_is_exact"))

        def _parse_facets(data: object) -> Facets | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                facets_type_0 = Facets.from_dict(data)

                return facets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Facets | None, data)

        facets = _parse_facets(d.pop("facets"))

        search_page = cls(
            items=items,
            next_cursor=next_cursor,
            total=total,
            total_is_exact=total_is_exact,
            facets=facets,
        )

        search_page.additional_properties = d
        return search_page

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
