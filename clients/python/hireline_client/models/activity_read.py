from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_read_details import ActivityReadDetails


T = TypeVar("T", bound="ActivityRead")


@_attrs_define
class ActivityRead:
    """
    Attributes:
        id (int):
        application_id (None | UUID):
        actor_type (str):
        actor_id (None | str):
        kind (str):
        details (ActivityReadDetails):
        occurred_at (datetime.datetime):
    """

    id: int
    application_id: None | UUID
    actor_type: str
    actor_id: None | str
    kind: str
    details: ActivityReadDetails
    occurred_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        application_id: None | str
        if isinstance(self.application_id, UUID):
            application_id = str(self.application_id)
        else:
            application_id = self.application_id

        actor_type = self.actor_type

        actor_id: None | str
        actor_id = self.actor_id

        kind = self.kind

        details = self.details.to_dict()

        occurred_at = self.occurred_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "actor_type": actor_type,
                "actor_id": actor_id,
                "kind": kind,
                "details": details,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_read_details import ActivityReadDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_application_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                application_id_type_0 = UUID(data)

                return application_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        application_id = _parse_application_id(d.pop("application_id"))

        actor_type = d.pop("actor_type")

        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        kind = d.pop("kind")

        details = ActivityReadDetails.from_dict(d.pop("details"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        activity_read = cls(
            id=id,
            application_id=application_id,
            actor_type=actor_type,
            actor_id=actor_id,
            kind=kind,
            details=details,
            occurred_at=occurred_at,
        )

        activity_read.additional_properties = d
        return activity_read

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
