from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_create_employment_type import JobCreateEmploymentType
from ..models.job_create_level_type_0 import JobCreateLevelType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.from_template import FromTemplate
    from ..models.job_create_skill_weights import JobCreateSkillWeights
    from ..models.job_location import JobLocation
    from ..models.salary_range import SalaryRange
    from ..models.team_member import TeamMember


T = TypeVar("T", bound="JobCreate")


@_attrs_define
class JobCreate:
    """A new job, created as a draft: from a template, or with a title and a description.

    Attributes:
        locations (list[JobLocation]):
        title (None | str | Unset): Defaults to the template's level title.
        department (None | str | Unset):
        employment_type (JobCreateEmploymentType | Unset):  Default: JobCreateEmploymentType.FULL_TIME.
        level (JobCreateLevelType0 | None | Unset): With from_template and no level: the template's mid level.
        salary (None | SalaryRange | Unset):
        description (None | str | Unset):
        from_template (FromTemplate | None | Unset):
        required_skills (list[str] | Unset):
        preferred_skills (list[str] | Unset):
        skill_weights (JobCreateSkillWeights | Unset): Skill -> weight in matching (1 if absent).
        min_years_experience (float | None | Unset):
        openings (int | Unset): People hired for it; the last accepted offer closes it. Default: 1.
        stages (list[str] | None | Unset):
        hiring_team (list[TeamMember] | Unset):
        valid_through (datetime.datetime | None | Unset):
    """

    locations: list[JobLocation]
    title: None | str | Unset = UNSET
    department: None | str | Unset = UNSET
    employment_type: JobCreateEmploymentType | Unset = JobCreateEmploymentType.FULL_TIME
    level: JobCreateLevelType0 | None | Unset = UNSET
    salary: None | SalaryRange | Unset = UNSET
    description: None | str | Unset = UNSET
    from_template: FromTemplate | None | Unset = UNSET
    required_skills: list[str] | Unset = UNSET
    preferred_skills: list[str] | Unset = UNSET
    skill_weights: JobCreateSkillWeights | Unset = UNSET
    min_years_experience: float | None | Unset = UNSET
    openings: int | Unset = 1
    stages: list[str] | None | Unset = UNSET
    hiring_team: list[TeamMember] | Unset = UNSET
    valid_through: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.from_template import FromTemplate  # noqa: PLC0415
        from ..models.salary_range import SalaryRange  # noqa: PLC0415

        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        employment_type: str | Unset = UNSET
        if not isinstance(self.employment_type, Unset):
            employment_type = self.employment_type.value

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, JobCreateLevelType0):
            level = self.level.value
        else:
            level = self.level

        salary: dict[str, Any] | None | Unset
        if isinstance(self.salary, Unset):
            salary = UNSET
        elif isinstance(self.salary, SalaryRange):
            salary = self.salary.to_dict()
        else:
            salary = self.salary

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        from_template: dict[str, Any] | None | Unset
        if isinstance(self.from_template, Unset):
            from_template = UNSET
        elif isinstance(self.from_template, FromTemplate):
            from_template = self.from_template.to_dict()
        else:
            from_template = self.from_template

        required_skills: list[str] | Unset = UNSET
        if not isinstance(self.required_skills, Unset):
            required_skills = self.required_skills

        preferred_skills: list[str] | Unset = UNSET
        if not isinstance(self.preferred_skills, Unset):
            preferred_skills = self.preferred_skills

        skill_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.skill_weights, Unset):
            skill_weights = self.skill_weights.to_dict()

        min_years_experience: float | None | Unset
        if isinstance(self.min_years_experience, Unset):
            min_years_experience = UNSET
        else:
            min_years_experience = self.min_years_experience

        openings = self.openings

        stages: list[str] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = self.stages

        else:
            stages = self.stages

        hiring_team: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hiring_team, Unset):
            hiring_team = []
            for hiring_team_item_data in self.hiring_team:
                hiring_team_item = hiring_team_item_data.to_dict()
                hiring_team.append(hiring_team_item)

        valid_through: None | str | Unset
        if isinstance(self.valid_through, Unset):
            valid_through = UNSET
        elif isinstance(self.valid_through, datetime.datetime):
            valid_through = self.valid_through.isoformat()
        else:
            valid_through = self.valid_through

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "locations": locations,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if department is not UNSET:
            field_dict["department"] = department
        if employment_type is not UNSET:
            field_dict["employment_type"] = employment_type
        if level is not UNSET:
            field_dict["level"] = level
        if salary is not UNSET:
            field_dict["salary"] = salary
        if description is not UNSET:
            field_dict["description"] = description
        if from_template is not UNSET:
            field_dict["from_template"] = from_template
        if required_skills is not UNSET:
            field_dict["required_skills"] = required_skills
        if preferred_skills is not UNSET:
            field_dict["preferred_skills"] = preferred_skills
        if skill_weights is not UNSET:
            field_dict["skill_weights"] = skill_weights
        if min_years_experience is not UNSET:
            field_dict["min_years_experience"] = min_years_experience
        if openings is not UNSET:
            field_dict["openings"] = openings
        if stages is not UNSET:
            field_dict["stages"] = stages
        if hiring_team is not UNSET:
            field_dict["hiring_team"] = hiring_team
        if valid_through is not UNSET:
            field_dict["valid_through"] = valid_through

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.from_template import FromTemplate  # noqa: PLC0415
        from ..models.job_create_skill_weights import JobCreateSkillWeights  # noqa: PLC0415
        from ..models.job_location import JobLocation  # noqa: PLC0415
        from ..models.salary_range import SalaryRange  # noqa: PLC0415
        from ..models.team_member import TeamMember  # noqa: PLC0415

        d = dict(src_dict)
        locations = []
        _locations = d.pop("locations")
        for locations_item_data in _locations:
            locations_item = JobLocation.from_dict(locations_item_data)

            locations.append(locations_item)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        _employment_type = d.pop("employment_type", UNSET)
        employment_type: JobCreateEmploymentType | Unset
        if isinstance(_employment_type, Unset):
            employment_type = UNSET
        else:
            employment_type = JobCreateEmploymentType(_employment_type)

        def _parse_level(data: object) -> JobCreateLevelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = JobCreateLevelType0(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobCreateLevelType0 | None | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_salary(data: object) -> None | SalaryRange | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                salary_type_0 = SalaryRange.from_dict(data)

                return salary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SalaryRange | Unset, data)

        salary = _parse_salary(d.pop("salary", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_from_template(data: object) -> FromTemplate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_template_type_0 = FromTemplate.from_dict(data)

                return from_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FromTemplate | None | Unset, data)

        from_template = _parse_from_template(d.pop("from_template", UNSET))

        required_skills = cast(list[str], d.pop("required_skills", UNSET))

        preferred_skills = cast(list[str], d.pop("preferred_skills", UNSET))

        _skill_weights = d.pop("skill_weights", UNSET)
        skill_weights: JobCreateSkillWeights | Unset
        if isinstance(_skill_weights, Unset):
            skill_weights = UNSET
        else:
            skill_weights = JobCreateSkillWeights.from_dict(_skill_weights)

        def _parse_min_years_experience(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_years_experience = _parse_min_years_experience(d.pop("min_years_experience", UNSET))

        openings = d.pop("openings", UNSET)

        def _parse_stages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = cast(list[str], data)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        _hiring_team = d.pop("hiring_team", UNSET)
        hiring_team: list[TeamMember] | Unset = UNSET
        if _hiring_team is not UNSET:
            hiring_team = []
            for hiring_team_item_data in _hiring_team:
                hiring_team_item = TeamMember.from_dict(hiring_team_item_data)

                hiring_team.append(hiring_team_item)

        def _parse_valid_through(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_through_type_0 = datetime.datetime.fromisoformat(data)

                return valid_through_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_through = _parse_valid_through(d.pop("valid_through", UNSET))

        job_create = cls(
            locations=locations,
            title=title,
            department=department,
            employment_type=employment_type,
            level=level,
            salary=salary,
            description=description,
            from_template=from_template,
            required_skills=required_skills,
            preferred_skills=preferred_skills,
            skill_weights=skill_weights,
            min_years_experience=min_years_experience,
            openings=openings,
            stages=stages,
            hiring_team=hiring_team,
            valid_through=valid_through,
        )

        return job_create
