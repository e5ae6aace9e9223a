from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retention_policy_read_scope import RetentionPolicyReadScope

T = TypeVar("T", bound="RetentionPolicyRead")


@_attrs_define
class RetentionPolicyRead:
    """
    Attributes:
        id (UUID):
        scope (RetentionPolicyReadScope):
        erase_after_months (int):
        notice_days (int):
        updated_at (datetime.datetime):
    """

    id: UUID
    scope: RetentionPolicyReadScope
    erase_after_months: int
    notice_days: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        scope = self.scope.value

        erase_after_months = self.erase_after_months

        notice_days = self.notice_days

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "scope": scope,
                "erase_after_months": erase_after_months,
                "notice_days": notice_days,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        scope = RetentionPolicyReadScope(d.pop("scope"))

        erase_after_months = d.pop("erase_after_months")

        notice_days = d.pop("notice_days")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        retention_policy_read = cls(
            id=id,
            scope=scope,
            erase_after_months=erase_after_months,
            notice_days=notice_days,
            updated_at=updated_at,
        )

        retention_policy_read.additional_properties = d
        return retention_policy_read

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
