from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_job_locations_item import PublicJobLocationsItem
    from ..models.public_salary import PublicSalary


T = TypeVar("T", bound="PublicJob")


@_attrs_define
class PublicJob:
    """An open job as candidates and aggregators see it.

    Attributes:
        id (UUID):
        title (str):
        department (None | str):
        locations (list[PublicJobLocationsItem]):
        employment_type (str):
        level (None | str):
        salary (None | PublicSalary):
        description (None | str):
        required_skills (list[str]):
        preferred_skills (list[str]):
        published_at (datetime.datetime | None):
        valid_through (datetime.datetime | None):
        apply_url (str):
        careers_url (str):
    """

    id: UUID
    title: str
    department: None | str
    locations: list[PublicJobLocationsItem]
    employment_type: str
    level: None | str
    salary: None | PublicSalary
    description: None | str
    required_skills: list[str]
    preferred_skills: list[str]
    published_at: datetime.datetime | None
    valid_through: datetime.datetime | None
    apply_url: str
    careers_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_salary import PublicSalary  # noqa: PLC0415

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
        if isinstance(self.salary, PublicSalary):
            salary = self.salary.to_dict()
        else:
            salary = self.salary

        description: None | str
        description = self.description

        required_skills = self.required_skills

        preferred_skills = self.preferred_skills

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        valid_through: None | str
        if isinstance(self.valid_through, datetime.datetime):
            valid_through = self.valid_through.isoformat()
        else:
            valid_through = self.valid_through

        apply_url = self.apply_url

        careers_url = self.careers_url

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
                "published_at": published_at,
                "valid_through": valid_through,
                "apply_url": apply_url,
                "careers_url": careers_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_job_locations_item import PublicJobLocationsItem  # noqa: PLC0415
        from ..models.public_salary import PublicSalary  # noqa: PLC0415

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
            locations_item = PublicJobLocationsItem.from_dict(locations_item_data)

            locations.append(locations_item)

        employment_type = d.pop("employment_type")

        def _parse_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level = _parse_level(d.pop("level"))

        def _parse_salary(data: object) -> None | PublicSalary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                salary_type_0 = PublicSalary.from_dict(data)

                return salary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicSalary, data)

        salary = _parse_salary(d.pop("salary"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        required_skills = cast(list[str], d.pop("required_skills"))

        preferred_skills = cast(list[str], d.pop("preferred_skills"))

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

        apply_url = d.pop("apply_url")

        careers_url = d.pop("careers_url")

        public_job = cls(
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
            published_at=published_at,
            valid_through=valid_through,
            apply_url=apply_url,
            careers_url=careers_url,
        )

        public_job.additional_properties = d
        return public_job

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
