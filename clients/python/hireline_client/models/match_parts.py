from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_part import LevelPart
    from ..models.location_part import LocationPart
    from ..models.points import Points
    from ..models.skills_part import SkillsPart
    from ..models.years_part import YearsPart


T = TypeVar("T", bound="MatchParts")


@_attrs_define
class MatchParts:
    """The parts the job asks for; a part it does not ask for is absent.

    Attributes:
        required_skills (None | SkillsPart | Unset):
        preferred_skills (None | SkillsPart | Unset):
        years (None | Unset | YearsPart):
        level (LevelPart | None | Unset):
        location (LocationPart | None | Unset):
        semantic (None | Points | Unset): Semantic similarity of résumé and job (HIRELINE_SEMANTIC_MATCHING): fit is the
            cosine similarity of their sentence embeddings, 0 when negative.
    """

    required_skills: None | SkillsPart | Unset = UNSET
    preferred_skills: None | SkillsPart | Unset = UNSET
    years: None | Unset | YearsPart = UNSET
    level: LevelPart | None | Unset = UNSET
    location: LocationPart | None | Unset = UNSET
    semantic: None | Points | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_part import LevelPart  # noqa: PLC0415
        from ..models.location_part import LocationPart  # noqa: PLC0415
        from ..models.points import Points  # noqa: PLC0415
        from ..models.skills_part import SkillsPart  # noqa: PLC0415
        from ..models.years_part import YearsPart  # noqa: PLC0415

        required_skills: dict[str, Any] | None | Unset
        if isinstance(self.required_skills, Unset):
            required_skills = UNSET
        elif isinstance(self.required_skills, SkillsPart):
            required_skills = self.required_skills.to_dict()
        else:
            required_skills = self.required_skills

        preferred_skills: dict[str, Any] | None | Unset
        if isinstance(self.preferred_skills, Unset):
            preferred_skills = UNSET
        elif isinstance(self.preferred_skills, SkillsPart):
            preferred_skills = self.preferred_skills.to_dict()
        else:
            preferred_skills = self.preferred_skills

        years: dict[str, Any] | None | Unset
        if isinstance(self.years, Unset):
            years = UNSET
        elif isinstance(self.years, YearsPart):
            years = self.years.to_dict()
        else:
            years = self.years

        level: dict[str, Any] | None | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, LevelPart):
            level = self.level.to_dict()
        else:
            level = self.level

        location: dict[str, Any] | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, LocationPart):
            location = self.location.to_dict()
        else:
            location = self.location

        semantic: dict[str, Any] | None | Unset
        if isinstance(self.semantic, Unset):
            semantic = UNSET
        elif isinstance(self.semantic, Points):
            semantic = self.semantic.to_dict()
        else:
            semantic = self.semantic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if required_skills is not UNSET:
            field_dict["required_skills"] = required_skills
        if preferred_skills is not UNSET:
            field_dict["preferred_skills"] = preferred_skills
        if years is not UNSET:
            field_dict["years"] = years
        if level is not UNSET:
            field_dict["level"] = level
        if location is not UNSET:
            field_dict["location"] = location
        if semantic is not UNSET:
            field_dict["semantic"] = semantic

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_part import LevelPart  # noqa: PLC0415
        from ..models.location_part import LocationPart  # noqa: PLC0415
        from ..models.points import Points  # noqa: PLC0415
        from ..models.skills_part import SkillsPart  # noqa: PLC0415
        from ..models.years_part import YearsPart  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_required_skills(data: object) -> None | SkillsPart | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                required_skills_type_0 = SkillsPart.from_dict(data)

                return required_skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkillsPart | Unset, data)

        required_skills = _parse_required_skills(d.pop("required_skills", UNSET))

        def _parse_preferred_skills(data: object) -> None | SkillsPart | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preferred_skills_type_0 = SkillsPart.from_dict(data)

                return preferred_skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkillsPart | Unset, data)

        preferred_skills = _parse_preferred_skills(d.pop("preferred_skills", UNSET))

        def _parse_years(data: object) -> None | Unset | YearsPart:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                years_type_0 = YearsPart.from_dict(data)

                return years_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | YearsPart, data)

        years = _parse_years(d.pop("years", UNSET))

        def _parse_level(data: object) -> LevelPart | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                level_type_0 = LevelPart.from_dict(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelPart | None | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_location(data: object) -> LocationPart | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_0 = LocationPart.from_dict(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocationPart | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_semantic(data: object) -> None | Points | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                semantic_type_0 = Points.from_dict(data)

                return semantic_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Points | Unset, data)

        semantic = _parse_semantic(d.pop("semantic", UNSET))

        match_parts = cls(
            required_skills=required_skills,
            preferred_skills=preferred_skills,
            years=years,
            level=level,
            location=location,
            semantic=semantic,
        )

        match_parts.additional_properties = d
        return match_parts

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
