from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_read_operation import ChangeReadOperation
from ..models.change_read_type import ChangeReadType

T = TypeVar("T", bound="ChangeRead")


@_attrs_define
class ChangeRead:
    """One change: read the record at its URL for its state; `delete` is a tombstone.

    Attributes:
        cursor (str): Send as `since` to continue after this change.
        type_ (ChangeReadType):
        id (UUID):
        operation (ChangeReadOperation):
        changed_at (datetime.datetime):
    """

    cursor: str
    type_: ChangeReadType
    id: UUID
    operation: ChangeReadOperation
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        type_ = self.type_.value

        id = str(self.id)

        operation = self.operation.value

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cursor": cursor,
                "type": type_,
                "id": id,
                "operation": operation,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cursor = d.pop("cursor")

        type_ = ChangeReadType(d.pop("type"))

        id = UUID(d.pop("id"))

        operation = ChangeReadOperation(d.pop("operation"))

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        change_read = cls(
            cursor=cursor,
            type_=type_,
            id=id,
            operation=operation,
            changed_at=changed_at,
        )

        change_read.additional_properties = d
        return change_read

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
