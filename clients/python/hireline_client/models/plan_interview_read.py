from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kit_read import KitRead


T = TypeVar("T", bound="PlanInterviewRead")


@_attrs_define
class PlanInterviewRead:
    """
    Attributes:
        id (UUID):
        name (str):
        stage_id (None | UUID):
        position (int):
        duration_minutes (int):
        interviewer_ids (list[UUID]):
        kit (KitRead):
    """

    id: UUID
    name: str
    stage_id: None | UUID
    position: int
    duration_minutes: int
    interviewer_ids: list[UUID]
    kit: KitRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        stage_id: None | str
        if isinstance(self.stage_id, UUID):
            stage_id = str(self.stage_id)
        else:
            stage_id = self.stage_id

        position = self.position

        duration_minutes = self.duration_minutes

        interviewer_ids = []
        for interviewer_ids_item_data in self.interviewer_ids:
            interviewer_ids_item = str(interviewer_ids_item_data)
            interviewer_ids.append(interviewer_ids_item)

        kit = self.kit.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "stage_id": stage_id,
                "position": position,
                "duration_minutes": duration_minutes,
                "interviewer_ids": interviewer_ids,
                "kit": kit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_read import KitRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_stage_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_id_type_0 = UUID(data)

                return stage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        stage_id = _parse_stage_id(d.pop("stage_id"))

        position = d.pop("position")

        duration_minutes = d.pop("duration_minutes")

        interviewer_ids = []
        _interviewer_ids = d.pop("interviewer_ids")
        for interviewer_ids_item_data in _interviewer_ids:
            interviewer_ids_item = UUID(interviewer_ids_item_data)

            interviewer_ids.append(interviewer_ids_item)

        kit = KitRead.from_dict(d.pop("kit"))

        plan_interview_read = cls(
            id=id,
            name=name,
            stage_id=stage_id,
            position=position,
            duration_minutes=duration_minutes,
            interviewer_ids=interviewer_ids,
            kit=kit,
        )

        plan_interview_read.additional_properties = d
        return plan_interview_read

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
