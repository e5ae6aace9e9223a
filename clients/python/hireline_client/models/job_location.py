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
        country (None | str | Unset): ISO 3166 code. Onsite and hybrid default to US; a remote location without one (and
            without a region or time zones) is open to applicants anywhere.
        utc_offset_min (float | None | Unset): Remote only: the westernmost UTC offset, in hours.
        utc_offset_max (float | None | Unset): Remote only: the easternmost UTC offset, in hours.
        salary_location (None | str | Unset): Benchmark location key used for the salary check, e.g. austin-tx.
    """

    mode: JobLocationMode
    city: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    utc_offset_min: float | None | Unset = UNSET
    utc_offset_max: float | None | Unset = UNSET
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

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        utc_offset_min: float | None | Unset
        if isinstance(self.utc_offset_min, Unset):
            utc_offset_min = UNSET
        else:
            utc_offset_min = self.utc_offset_min

        utc_offset_max: float | None | Unset
        if isinstance(self.utc_offset_max, Unset):
            utc_offset_max = UNSET
        else:
            utc_offset_max = self.utc_offset_max

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
        if utc_offset_min is not UNSET:
            field_dict["utc_offset_min"] = utc_offset_min
        if utc_offset_max is not UNSET:
            field_dict["utc_offset_max"] = utc_offset_max
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

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_utc_offset_min(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        utc_offset_min = _parse_utc_offset_min(d.pop("utc_offset_min", UNSET))

        def _parse_utc_offset_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        utc_offset_max = _parse_utc_offset_max(d.pop("utc_offset_max", UNSET))

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
            utc_offset_min=utc_offset_min,
            utc_offset_max=utc_offset_max,
            salary_location=salary_location,
        )

        return job_location
