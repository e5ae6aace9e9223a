from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.retention_policy_write import RetentionPolicyWrite


T = TypeVar("T", bound="RetentionPoliciesUpdate")


@_attrs_define
class RetentionPoliciesUpdate:
    """
    Attributes:
        policies (list[RetentionPolicyWrite]): The organisation's policies; an empty list keeps everyone.
    """

    policies: list[RetentionPolicyWrite]

    def to_dict(self) -> dict[str, Any]:
        policies = []
        for policies_item_data in self.policies:
            policies_item = policies_item_data.to_dict()
            policies.append(policies_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "policies": policies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retention_policy_write import RetentionPolicyWrite  # noqa: PLC0415

        d = dict(src_dict)
        policies = []
        _policies = d.pop("policies")
        for policies_item_data in _policies:
            policies_item = RetentionPolicyWrite.from_dict(policies_item_data)

            policies.append(policies_item)

        retention_policies_update = cls(
            policies=policies,
        )

        return retention_policies_update
