from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change_read import ChangeRead


T = TypeVar("T", bound="ChangePage")


@_attrs_define
class ChangePage:
    """Changes in commit order, and where to continue.

    Attributes:
        items (list[ChangeRead]):
        next_cursor (str): Send as `since` next time; it stays put when there is nothing new.
        has_more (bool): More changes are ready: ask again at once.
        pending (bool): Changes have committed that an older running transaction still holds back (to keep the order);
            they appear once it ends.
    """

    items: list[ChangeRead]
    next_cursor: str
    has_more: bool
    pending: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor = self.next_cursor

        has_more = self.has_more

        pending = self.pending

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
                "has_more": has_more,
                "pending": pending,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_read import ChangeRead  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ChangeRead.from_dict(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("next_cursor")

        has_more = d.pop("has_more")

        pending = d.pop("pending")

        change_page = cls(
            items=items,
            next_cursor=next_cursor,
            has_more=has_more,
            pending=pending,
        )

        change_page.additional_properties = d
        return change_page

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
