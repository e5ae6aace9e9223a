from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.plan_interview_write import PlanInterviewWrite


T = TypeVar("T", bound="PlanWrite")


@_attrs_define
class PlanWrite:
    """
    Attributes:
        interviews (list[PlanInterviewWrite]):
    """

    interviews: list[PlanInterviewWrite]

    def to_dict(self) -> dict[str, Any]:
        interviews = []
        for interviews_item_data in self.interviews:
            interviews_item = interviews_item_data.to_dict()
            interviews.append(interviews_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "interviews": interviews,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_interview_write import PlanInterviewWrite  # noqa: PLC0415

        d = dict(src_dict)
        interviews = []
        _interviews = d.pop("interviews")
        for interviews_item_data in _interviews:
            interviews_item = PlanInterviewWrite.from_dict(interviews_item_data)

            interviews.append(interviews_item)

        plan_write = cls(
            interviews=interviews,
        )

        return plan_write
