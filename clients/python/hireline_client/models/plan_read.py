from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_interview_read import PlanInterviewRead
    from ..models.requirement_read import RequirementRead


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        job_id (UUID):
        interviews (list[PlanInterviewRead]):
        requirements (list[RequirementRead]):
        uncovered (list[RequirementRead]):
    """

    job_id: UUID
    interviews: list[PlanInterviewRead]
    requirements: list[RequirementRead]
    uncovered: list[RequirementRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        interviews = []
        for interviews_item_data in self.interviews:
            interviews_item = interviews_item_data.to_dict()
            interviews.append(interviews_item)

        requirements = []
        for requirements_item_data in self.requirements:
            requirements_item = requirements_item_data.to_dict()
            requirements.append(requirements_item)

        uncovered = []
        for uncovered_item_data in self.uncovered:
            uncovered_item = uncovered_item_data.to_dict()
            uncovered.append(uncovered_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "interviews": interviews,
                "requirements": requirements,
                "uncovered": uncovered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_interview_read import PlanInterviewRead  # noqa: PLC0415
        from ..models.requirement_read import RequirementRead  # noqa: PLC0415

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        interviews = []
        _interviews = d.pop("interviews")
        for interviews_item_data in _interviews:
            interviews_item = PlanInterviewRead.from_dict(interviews_item_data)

            interviews.append(interviews_item)

        requirements = []
        _requirements = d.pop("requirements")
        for requirements_item_data in _requirements:
            requirements_item = RequirementRead.from_dict(requirements_item_data)

            requirements.append(requirements_item)

        uncovered = []
        _uncovered = d.pop("uncovered")
        for uncovered_item_data in _uncovered:
            uncovered_item = RequirementRead.from_dict(uncovered_item_data)

            uncovered.append(uncovered_item)

        plan_read = cls(
            job_id=job_id,
            interviews=interviews,
            requirements=requirements,
            uncovered=uncovered,
        )

        plan_read.additional_properties = d
        return plan_read

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
