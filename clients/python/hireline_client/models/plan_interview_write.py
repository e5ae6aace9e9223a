from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanInterviewWrite")


@_attrs_define
class PlanInterviewWrite:
    """One interview of the plan; its kit is built from the bank questions named.

    Attributes:
        name (str):
        id (None | Unset | UUID): Keep an existing interview (its id).
        stage_id (None | Unset | UUID):
        duration_minutes (int | Unset):  Default: 60.
        interviewer_ids (list[UUID] | Unset):
        question_ids (list[str] | Unset):
    """

    name: str
    id: None | Unset | UUID = UNSET
    stage_id: None | Unset | UUID = UNSET
    duration_minutes: int | Unset = 60
    interviewer_ids: list[UUID] | Unset = UNSET
    question_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        stage_id: None | str | Unset
        if isinstance(self.stage_id, Unset):
            stage_id = UNSET
        elif isinstance(self.stage_id, UUID):
            stage_id = str(self.stage_id)
        else:
            stage_id = self.stage_id

        duration_minutes = self.duration_minutes

        interviewer_ids: list[str] | Unset = UNSET
        if not isinstance(self.interviewer_ids, Unset):
            interviewer_ids = []
            for interviewer_ids_item_data in self.interviewer_ids:
                interviewer_ids_item = str(interviewer_ids_item_data)
                interviewer_ids.append(interviewer_ids_item)

        question_ids: list[str] | Unset = UNSET
        if not isinstance(self.question_ids, Unset):
            question_ids = self.question_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if stage_id is not UNSET:
            field_dict["stage_id"] = stage_id
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if interviewer_ids is not UNSET:
            field_dict["interviewer_ids"] = interviewer_ids
        if question_ids is not UNSET:
            field_dict["question_ids"] = question_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_stage_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_id_type_0 = UUID(data)

                return stage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        stage_id = _parse_stage_id(d.pop("stage_id", UNSET))

        duration_minutes = d.pop("duration_minutes", UNSET)

        _interviewer_ids = d.pop("interviewer_ids", UNSET)
        interviewer_ids: list[UUID] | Unset = UNSET
        if _interviewer_ids is not UNSET:
            interviewer_ids = []
            for interviewer_ids_item_data in _interviewer_ids:
                interviewer_ids_item = UUID(interviewer_ids_item_data)

                interviewer_ids.append(interviewer_ids_item)

        question_ids = cast(list[str], d.pop("question_ids", UNSET))

        plan_interview_write = cls(
            name=name,
            id=id,
            stage_id=stage_id,
            duration_minutes=duration_minutes,
            interviewer_ids=interviewer_ids,
            question_ids=question_ids,
        )

        return plan_interview_write
