from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="StageMove")


@_attrs_define
class StageMove:
    """Where the applications of a stage being removed go: a stage of the job that stays.

    Attributes:
        stage_id (UUID): The stage being removed.
        to_stage_id (UUID): An existing stage that stays.
    """

    stage_id: UUID
    to_stage_id: UUID

    def to_dict(self) -> dict[str, Any]:
        stage_id = str(self.stage_id)

        to_stage_id = str(self.to_stage_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage_id": stage_id,
                "to_stage_id": to_stage_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage_id = UUID(d.pop("stage_id"))

        to_stage_id = UUID(d.pop("to_stage_id"))

        stage_move = cls(
            stage_id=stage_id,
            to_stage_id=to_stage_id,
        )

        return stage_move
