from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retention_preview_item_action import RetentionPreviewItemAction

T = TypeVar("T", bound="RetentionPreviewItem")


@_attrs_define
class RetentionPreviewItem:
    """
    Attributes:
        candidate_id (UUID):
        name (None | str):
        action (RetentionPreviewItemAction): What the next run would do: tell the candidate, erase them, or withdraw a
            notice (new activity, consent, or the policy no longer applies).
        policy_id (None | UUID):
        last_activity (datetime.datetime | None):
        erase_after (datetime.datetime | None):
    """

    candidate_id: UUID
    name: None | str
    action: RetentionPreviewItemAction
    policy_id: None | UUID
    last_activity: datetime.datetime | None
    erase_after: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        candidate_id = str(self.candidate_id)

        name: None | str
        name = self.name

        action = self.action.value

        policy_id: None | str
        if isinstance(self.policy_id, UUID):
            policy_id = str(self.policy_id)
        else:
            policy_id = self.policy_id

        last_activity: None | str
        if isinstance(self.last_activity, datetime.datetime):
            last_activity = self.last_activity.isoformat()
        else:
            last_activity = self.last_activity

        erase_after: None | str
        if isinstance(self.erase_after, datetime.datetime):
            erase_after = self.erase_after.isoformat()
        else:
            erase_after = self.erase_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "candidate_id": candidate_id,
                "name": name,
                "action": action,
                "policy_id": policy_id,
                "last_activity": last_activity,
                "erase_after": erase_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidate_id = UUID(d.pop("candidate_id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        action = RetentionPreviewItemAction(d.pop("action"))

        def _parse_policy_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_id_type_0 = UUID(data)

                return policy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        policy_id = _parse_policy_id(d.pop("policy_id"))

        def _parse_last_activity(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_type_0 = datetime.datetime.fromisoformat(data)

                return last_activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity = _parse_last_activity(d.pop("last_activity"))

        def _parse_erase_after(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                erase_after_type_0 = datetime.datetime.fromisoformat(data)

                return erase_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        erase_after = _parse_erase_after(d.pop("erase_after"))

        retention_preview_item = cls(
            candidate_id=candidate_id,
            name=name,
            action=action,
            policy_id=policy_id,
            last_activity=last_activity,
            erase_after=erase_after,
        )

        retention_preview_item.additional_properties = d
        return retention_preview_item

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
