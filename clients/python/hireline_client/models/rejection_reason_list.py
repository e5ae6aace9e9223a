from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rejection_reason_item import RejectionReasonItem


T = TypeVar("T", bound="RejectionReasonList")


@_attrs_define
class RejectionReasonList:
    """
    Attributes:
        reasons (list[RejectionReasonItem]):
        customised (bool): False while the built-in list is in use.
    """

    reasons: list[RejectionReasonItem]
    customised: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        customised = self.customised

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reasons": reasons,
                "customised": customised,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rejection_reason_item import RejectionReasonItem  # noqa: PLC0415

        d = dict(src_dict)
        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = RejectionReasonItem.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        customised = d.pop("customised")

        rejection_reason_list = cls(
            reasons=reasons,
            customised=customised,
        )

        rejection_reason_list.additional_properties = d
        return rejection_reason_list

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
