from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.rejection_reason_item import RejectionReasonItem


T = TypeVar("T", bound="RejectionReasonsUpdate")


@_attrs_define
class RejectionReasonsUpdate:
    """The whole list, in the order recruiters should see it.

    Attributes:
        reasons (list[RejectionReasonItem]):
    """

    reasons: list[RejectionReasonItem]

    def to_dict(self) -> dict[str, Any]:
        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reasons": reasons,
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

        rejection_reasons_update = cls(
            reasons=reasons,
        )

        return rejection_reasons_update
