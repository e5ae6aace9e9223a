from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrganizationSettings")


@_attrs_define
class OrganizationSettings:
    """An organisation's own settings.

    Attributes:
        default_country (str): ISO 3166 alpha-2 country where phone numbers written without a country code are read when
            neither the candidate's location nor the job names one. Until set, the country of the organisation's first job,
            else US.
    """

    default_country: str

    def to_dict(self) -> dict[str, Any]:
        default_country = self.default_country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "default_country": default_country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        default_country = d.pop("default_country")

        organization_settings = cls(
            default_country=default_country,
        )

        return organization_settings
