from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.retention_policy_write_scope import RetentionPolicyWriteScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="RetentionPolicyWrite")


@_attrs_define
class RetentionPolicyWrite:
    """
    Attributes:
        scope (RetentionPolicyWriteScope): `rejected`: every application was rejected; `not_hired`: every application
            was rejected or withdrawn.
        erase_after_months (int): Erase this many months after the candidate's last activity.
        notice_days (int | Unset): Tell the candidate this many days before. Default: 14.
    """

    scope: RetentionPolicyWriteScope
    erase_after_months: int
    notice_days: int | Unset = 14

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope.value

        erase_after_months = self.erase_after_months

        notice_days = self.notice_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scope": scope,
                "erase_after_months": erase_after_months,
            }
        )
        if notice_days is not UNSET:
            field_dict["notice_days"] = notice_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = RetentionPolicyWriteScope(d.pop("scope"))

        erase_after_months = d.pop("erase_after_months")

        notice_days = d.pop("notice_days", UNSET)

        retention_policy_write = cls(
            scope=scope,
            erase_after_months=erase_after_months,
            notice_days=notice_days,
        )

        return retention_policy_write
