from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_board_organization import PublicBoardOrganization
    from ..models.public_job import PublicJob


T = TypeVar("T", bound="PublicBoard")


@_attrs_define
class PublicBoard:
    """
    Attributes:
        organization (PublicBoardOrganization):
        items (list[PublicJob]):
        next_cursor (None | str):
    """

    organization: PublicBoardOrganization
    items: list[PublicJob]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization = self.organization.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization": organization,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_board_organization import PublicBoardOrganization  # noqa: PLC0415
        from ..models.public_job import PublicJob  # noqa: PLC0415

        d = dict(src_dict)
        organization = PublicBoardOrganization.from_dict(d.pop("organization"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PublicJob.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        public_board = cls(
            organization=organization,
            items=items,
            next_cursor=next_cursor,
        )

        public_board.additional_properties = d
        return public_board

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
