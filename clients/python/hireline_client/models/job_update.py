from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_update_employment_type import JobUpdateEmploymentType
from ..models.job_update_level_type_0 import JobUpdateLevelType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_location import JobLocation
    from ..models.job_update_skill_weights_type_0 import JobUpdateSkillWeightsType0
    from ..models.salary_range import SalaryRange
    from ..models.stage_edit import StageEdit
    from ..models.stage_move import StageMove
    from ..models.team_member import TeamMember


T = TypeVar("T", bound="JobUpdate")


@_attrs_define
class JobUpdate:
    """Fields to change; omitted fields stay as they are.

    Attributes:
        title (str | Unset):
        department (None | str | Unset):
        locations (list[JobLocation] | None | Unset):
        employment_type (JobUpdateEmploymentType | Unset):
        level (JobUpdateLevelType0 | None | Unset):
        salary (None | SalaryRange | Unset):
        description (str | Unset):
        required_skills (list[str] | None | Unset):
        preferred_skills (list[str] | None | Unset):
        skill_weights (JobUpdateSkillWeightsType0 | None | Unset):
        min_years_experience (float | None | Unset):
        openings (int | Unset): People hired for it; the last accepted offer closes it.
        stages (list[StageEdit | str] | None | Unset): The whole pipeline in order. A name alone keeps the stage of that
            name or adds one; {id, name} keeps that stage under a new name. A stage left out is removed: one holding
            applications needs a stage_moves entry (409 otherwise).
        stage_moves (list[StageMove] | None | Unset): Where the applications of each removed stage go, with `stages`.
        hiring_team (list[TeamMember] | None | Unset):
        valid_through (datetime.datetime | None | Unset):
    """

    title: str | Unset = UNSET
    department: None | str | Unset = UNSET
    locations: list[JobLocation] | None | Unset = UNSET
    employment_type: JobUpdateEmploymentType | Unset = UNSET
    level: JobUpdateLevelType0 | None | Unset = UNSET
    salary: None | SalaryRange | Unset = UNSET
    description: str | Unset = UNSET
    required_skills: list[str] | None | Unset = UNSET
    preferred_skills: list[str] | None | Unset = UNSET
    skill_weights: JobUpdateSkillWeightsType0 | None | Unset = UNSET
    min_years_experience: float | None | Unset = UNSET
    openings: int | Unset = UNSET
    stages: list[StageEdit | str] | None | Unset = UNSET
    stage_moves: list[StageMove] | None | Unset = UNSET
    hiring_team: list[TeamMember] | None | Unset = UNSET
    valid_through: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_update_skill_weights_type_0 import JobUpdateSkillWeightsType0  # noqa: PLC0415
        from ..models.salary_range import SalaryRange  # noqa: PLC0415
        from ..models.stage_edit import StageEdit  # noqa: PLC0415

        title = self.title

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        locations: list[dict[str, Any]] | None | Unset
        if isinstance(self.locations, Unset):
            locations = UNSET
        elif isinstance(self.locations, list):
            locations = []
            for locations_type_0_item_data in self.locations:
                locations_type_0_item = locations_type_0_item_data.to_dict()
                locations.append(locations_type_0_item)

        else:
            locations = self.locations

        employment_type: str | Unset = UNSET
        if not isinstance(self.employment_type, Unset):
            employment_type = self.employment_type.value

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, JobUpdateLevelType0):
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

        description = self.description

        required_skills: list[str] | None | Unset
        if isinstance(self.required_skills, Unset):
            required_skills = UNSET
        elif isinstance(self.required_skills, list):
            required_skills = self.required_skills

        else:
            required_skills = self.required_skills

        preferred_skills: list[str] | None | Unset
        if isinstance(self.preferred_skills, Unset):
            preferred_skills = UNSET
        elif isinstance(self.preferred_skills, list):
            preferred_skills = self.preferred_skills

        else:
            preferred_skills = self.preferred_skills

        skill_weights: dict[str, Any] | None | Unset
        if isinstance(self.skill_weights, Unset):
            skill_weights = UNSET
        elif isinstance(self.skill_weights, JobUpdateSkillWeightsType0):
            skill_weights = self.skill_weights.to_dict()
        else:
            skill_weights = self.skill_weights

        min_years_experience: float | None | Unset
        if isinstance(self.min_years_experience, Unset):
            min_years_experience = UNSET
        else:
            min_years_experience = self.min_years_experience

        openings = self.openings

        stages: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = []
            for stages_type_0_item_data in self.stages:
                stages_type_0_item: dict[str, Any] | str
                if isinstance(stages_type_0_item_data, StageEdit):
                    stages_type_0_item = stages_type_0_item_data.to_dict()
                else:
                    stages_type_0_item = stages_type_0_item_data
                stages.append(stages_type_0_item)

        else:
            stages = self.stages

        stage_moves: list[dict[str, Any]] | None | Unset
        if isinstance(self.stage_moves, Unset):
            stage_moves = UNSET
        elif isinstance(self.stage_moves, list):
            stage_moves = []
            for stage_moves_type_0_item_data in self.stage_moves:
                stage_moves_type_0_item = stage_moves_type_0_item_data.to_dict()
                stage_moves.append(stage_moves_type_0_item)

        else:
            stage_moves = self.stage_moves

        hiring_team: list[dict[str, Any]] | None | Unset
        if isinstance(self.hiring_team, Unset):
            hiring_team = UNSET
        elif isinstance(self.hiring_team, list):
            hiring_team = []
            for hiring_team_type_0_item_data in self.hiring_team:
                hiring_team_type_0_item = hiring_team_type_0_item_data.to_dict()
                hiring_team.append(hiring_team_type_0_item)

        else:
            hiring_team = self.hiring_team

        valid_through: None | str | Unset
        if isinstance(self.valid_through, Unset):
            valid_through = UNSET
        elif isinstance(self.valid_through, datetime.datetime):
            valid_through = self.valid_through.isoformat()
        else:
            valid_through = self.valid_through

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if department is not UNSET:
            field_dict["department"] = department
        if locations is not UNSET:
            field_dict["locations"] = locations
        if employment_type is not UNSET:
            field_dict["employment_type"] = employment_type
        if level is not UNSET:
            field_dict["level"] = level
        if salary is not UNSET:
            field_dict["salary"] = salary
        if description is not UNSET:
            field_dict["description"] = description
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
        if stage_moves is not UNSET:
            field_dict["stage_moves"] = stage_moves
        if hiring_team is not UNSET:
            field_dict["hiring_team"] = hiring_team
        if valid_through is not UNSET:
            field_dict["valid_through"] = valid_through

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_location import JobLocation  # noqa: PLC0415
        from ..models.job_update_skill_weights_type_0 import JobUpdateSkillWeightsType0  # noqa: PLC0415
        from ..models.salary_range import SalaryRange  # noqa: PLC0415
        from ..models.stage_edit import StageEdit  # noqa: PLC0415
        from ..models.stage_move import StageMove  # noqa: PLC0415
        from ..models.team_member import TeamMember  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        def _parse_locations(data: object) -> list[JobLocation] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                locations_type_0 = []
                _locations_type_0 = data
                for locations_type_0_item_data in _locations_type_0:
                    locations_type_0_item = JobLocation.from_dict(locations_type_0_item_data)

                    locations_type_0.append(locations_type_0_item)

                return locations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[JobLocation] | None | Unset, data)

        locations = _parse_locations(d.pop("locations", UNSET))

        _employment_type = d.pop("employment_type", UNSET)
        employment_type: JobUpdateEmploymentType | Unset
        if isinstance(_employment_type, Unset):
            employment_type = UNSET
        else:
            employment_type = JobUpdateEmploymentType(_employment_type)

        def _parse_level(data: object) -> JobUpdateLevelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = JobUpdateLevelType0(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobUpdateLevelType0 | None | Unset, data)

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

        description = d.pop("description", UNSET)

        def _parse_required_skills(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                required_skills_type_0 = cast(list[str], data)

                return required_skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        required_skills = _parse_required_skills(d.pop("required_skills", UNSET))

        def _parse_preferred_skills(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                preferred_skills_type_0 = cast(list[str], data)

                return preferred_skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        preferred_skills = _parse_preferred_skills(d.pop("preferred_skills", UNSET))

        def _parse_skill_weights(data: object) -> JobUpdateSkillWeightsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                skill_weights_type_0 = JobUpdateSkillWeightsType0.from_dict(data)

                return skill_weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobUpdateSkillWeightsType0 | None | Unset, data)

        skill_weights = _parse_skill_weights(d.pop("skill_weights", UNSET))

        def _parse_min_years_experience(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_years_experience = _parse_min_years_experience(d.pop("min_years_experience", UNSET))

        openings = d.pop("openings", UNSET)

        def _parse_stages(data: object) -> list[StageEdit | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = []
                _stages_type_0 = data
                for stages_type_0_item_data in _stages_type_0:

                    def _parse_stages_type_0_item(data: object) -> StageEdit | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            stages_type_0_item_type_1 = StageEdit.from_dict(data)

                            return stages_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(StageEdit | str, data)

                    stages_type_0_item = _parse_stages_type_0_item(stages_type_0_item_data)

                    stages_type_0.append(stages_type_0_item)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StageEdit | str] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        def _parse_stage_moves(data: object) -> list[StageMove] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stage_moves_type_0 = []
                _stage_moves_type_0 = data
                for stage_moves_type_0_item_data in _stage_moves_type_0:
                    stage_moves_type_0_item = StageMove.from_dict(stage_moves_type_0_item_data)

                    stage_moves_type_0.append(stage_moves_type_0_item)

                return stage_moves_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StageMove] | None | Unset, data)

        stage_moves = _parse_stage_moves(d.pop("stage_moves", UNSET))

        def _parse_hiring_team(data: object) -> list[TeamMember] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hiring_team_type_0 = []
                _hiring_team_type_0 = data
                for hiring_team_type_0_item_data in _hiring_team_type_0:
                    hiring_team_type_0_item = TeamMember.from_dict(hiring_team_type_0_item_data)

                    hiring_team_type_0.append(hiring_team_type_0_item)

                return hiring_team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TeamMember] | None | Unset, data)

        hiring_team = _parse_hiring_team(d.pop("hiring_team", UNSET))

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

        job_update = cls(
            title=title,
            department=department,
            locations=locations,
            employment_type=employment_type,
            level=level,
            salary=salary,
            description=description,
            required_skills=required_skills,
            preferred_skills=preferred_skills,
            skill_weights=skill_weights,
            min_years_experience=min_years_experience,
            openings=openings,
            stages=stages,
            stage_moves=stage_moves,
            hiring_team=hiring_team,
            valid_through=valid_through,
        )

        return job_update
