from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_location_mode import JobLocationMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobLocation")


@_attrs_define
class JobLocation:
    """Where the work happens; remote locations may name the region applicants must be in.

    Attributes:
        mode (JobLocationMode):
        city (None | str | Unset):
        region (None | str | Unset):
        country (str | Unset):  Default: 'US'.
        salary_location (None | str | Unset): Benchmark location key used for the salary check, e.g. austin-tx.
    """

    mode: JobLocationMode
    city: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    country: str | Unset = "US"
    salary_location: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        country = self.country

        salary_location: None | str | Unset
        if isinstance(self.salary_location, Unset):
            salary_location = UNSET
        else:
            salary_location = self.salary_location

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mode": mode,
            }
        )
        if city is not UNSET:
            field_dict["city"] = city
        if region is not UNSET:
            field_dict["region"] = region
        if country is not UNSET:
            field_dict["country"] = country
        if salary_location is not UNSET:
            field_dict["salary_location"] = salary_location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mode = JobLocationMode(d.pop("mode"))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        country = d.pop("country", UNSET)

        def _parse_salary_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        salary_location = _parse_salary_location(d.pop("salary_location", UNSET))

        job_location = cls(
            mode=mode,
            city=city,
            region=region,
            country=country,
            salary_location=salary_location,
        )

        return job_location
