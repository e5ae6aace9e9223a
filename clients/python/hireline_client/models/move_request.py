from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MoveRequest")


@_attrs_define
class MoveRequest:
    """
    Attributes:
        stage_id (UUID):
    """

    stage_id: UUID

    def to_dict(self) -> dict[str, Any]:
        stage_id = str(self.stage_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage_id": stage_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage_id = UUID(d.pop("stage_id"))

        move_request = cls(
            stage_id=stage_id,
        )

        return move_request
