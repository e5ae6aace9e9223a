from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_read_status import JobReadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_location import JobLocation
    from ..models.job_read_skill_weights import JobReadSkillWeights
    from ..models.salary_range import SalaryRange
    from ..models.stage_read import StageRead
    from ..models.team_member import TeamMember
    from ..models.template_ref import TemplateRef


T = TypeVar("T", bound="JobRead")


@_attrs_define
class JobRead:
    """A job as recruiters see it, with warnings about its salary.

    Attributes:
        id (UUID):
        title (str):
        department (None | str):
        locations (list[JobLocation]):
        employment_type (str):
        level (None | str):
        salary (None | SalaryRange):
        description (str):
        required_skills (list[str]):
        preferred_skills (list[str]):
        status (JobReadStatus):
        template (None | TemplateRef):
        stages (list[StageRead]):
        hiring_team (list[TeamMember]):
        published_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        valid_through (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        skill_weights (JobReadSkillWeights | Unset):
        min_years_experience (float | None | Unset):
        openings (int | Unset):  Default: 1.
        warnings (list[str] | Unset):
    """

    id: UUID
    title: str
    department: None | str
    locations: list[JobLocation]
    employment_type: str
    level: None | str
    salary: None | SalaryRange
    description: str
    required_skills: list[str]
    preferred_skills: list[str]
    status: JobReadStatus
    template: None | TemplateRef
    stages: list[StageRead]
    hiring_team: list[TeamMember]
    published_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    valid_through: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    skill_weights: JobReadSkillWeights | Unset = UNSET
    min_years_experience: float | None | Unset = UNSET
    openings: int | Unset = 1
    warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.salary_range import SalaryRange  # noqa: PLC0415
        from ..models.template_ref import TemplateRef  # noqa: PLC0415

        id = str(self.id)

        title = self.title

        department: None | str
        department = self.department

        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)

        employment_type = self.employment_type

        level: None | str
        level = self.level

        salary: dict[str, Any] | None
        if isinstance(self.salary, SalaryRange):
            salary = self.salary.to_dict()
        else:
            salary = self.salary

        description = self.description

        required_skills = self.required_skills

        preferred_skills = self.preferred_skills

        status = self.status.value

        template: dict[str, Any] | None
        if isinstance(self.template, TemplateRef):
            template = self.template.to_dict()
        else:
            template = self.template

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        hiring_team = []
        for hiring_team_item_data in self.hiring_team:
            hiring_team_item = hiring_team_item_data.to_dict()
            hiring_team.append(hiring_team_item)

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        valid_through: None | str
        if isinstance(self.valid_through, datetime.datetime):
            valid_through = self.valid_through.isoformat()
        else:
            valid_through = self.valid_through

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        skill_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.skill_weights, Unset):
            skill_weights = self.skill_weights.to_dict()

        min_years_experience: float | None | Unset
        if isinstance(self.min_years_experience, Unset):
            min_years_experience = UNSET
        else:
            min_years_experience = self.min_years_experience

        openings = self.openings

        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "department": department,
                "locations": locations,
                "employment_type": employment_type,
                "level": level,
                "salary": salary,
                "description": description,
                "required_skills": required_skills,
                "preferred_skills": preferred_skills,
                "status": status,
                "template": template,
                "stages": stages,
                "hiring_team": hiring_team,
                "published_at": published_at,
                "closed_at": closed_at,
                "valid_through": valid_through,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if skill_weights is not UNSET:
            field_dict["skill_weights"] = skill_weights
        if min_years_experience is not UNSET:
            field_dict["min_years_experience"] = min_years_experience
        if openings is not UNSET:
            field_dict["openings"] = openings
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_location import JobLocation  # noqa: PLC0415
        from ..models.job_read_skill_weights import JobReadSkillWeights  # noqa: PLC0415
        from ..models.salary_range import SalaryRange  # noqa: PLC0415
        from ..models.stage_read import StageRead  # noqa: PLC0415
        from ..models.team_member import TeamMember  # noqa: PLC0415
        from ..models.template_ref import TemplateRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        locations = []
        _locations = d.pop("locations")
        for locations_item_data in _locations:
            locations_item = JobLocation.from_dict(locations_item_data)

            locations.append(locations_item)

        employment_type = d.pop("employment_type")

        def _parse_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level = _parse_level(d.pop("level"))

        def _parse_salary(data: object) -> None | SalaryRange:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                salary_type_0 = SalaryRange.from_dict(data)

                return salary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SalaryRange, data)

        salary = _parse_salary(d.pop("salary"))

        description = d.pop("description")

        required_skills = cast(list[str], d.pop("required_skills"))

        preferred_skills = cast(list[str], d.pop("preferred_skills"))

        status = JobReadStatus(d.pop("status"))

        def _parse_template(data: object) -> None | TemplateRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                template_type_0 = TemplateRef.from_dict(data)

                return template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TemplateRef, data)

        template = _parse_template(d.pop("template"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StageRead.from_dict(stages_item_data)

            stages.append(stages_item)

        hiring_team = []
        _hiring_team = d.pop("hiring_team")
        for hiring_team_item_data in _hiring_team:
            hiring_team_item = TeamMember.from_dict(hiring_team_item_data)

            hiring_team.append(hiring_team_item)

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_valid_through(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_through_type_0 = datetime.datetime.fromisoformat(data)

                return valid_through_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_through = _parse_valid_through(d.pop("valid_through"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _skill_weights = d.pop("skill_weights", UNSET)
        skill_weights: JobReadSkillWeights | Unset
        if isinstance(_skill_weights, Unset):
            skill_weights = UNSET
        else:
            skill_weights = JobReadSkillWeights.from_dict(_skill_weights)

        def _parse_min_years_experience(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_years_experience = _parse_min_years_experience(d.pop("min_years_experience", UNSET))

        openings = d.pop("openings", UNSET)

        warnings = cast(list[str], d.pop("warnings", UNSET))

        job_read = cls(
            id=id,
            title=title,
            department=department,
            locations=locations,
            employment_type=employment_type,
            level=level,
            salary=salary,
            description=description,
            required_skills=required_skills,
            preferred_skills=preferred_skills,
            status=status,
            template=template,
            stages=stages,
            hiring_team=hiring_team,
            published_at=published_at,
            closed_at=closed_at,
            valid_through=valid_through,
            created_at=created_at,
            updated_at=updated_at,
            skill_weights=skill_weights,
            min_years_experience=min_years_experience,
            openings=openings,
            warnings=warnings,
        )

        job_read.additional_properties = d
        return job_read

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
