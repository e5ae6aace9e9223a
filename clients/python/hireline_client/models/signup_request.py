from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SignupRequest")


@_attrs_define
class SignupRequest:
    """A new organisation and its first owner.

    Attributes:
        organization_name (str):
        slug (str): Lower-case letters, digits and hyphens; names the careers URL.
        name (str): The owner's full name.
        email (str):
        password (str):
    """

    organization_name: str
    slug: str
    name: str
    email: str
    password: str

    def to_dict(self) -> dict[str, Any]:
        organization_name = self.organization_name

        slug = self.slug

        name = self.name

        email = self.email

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organization_name": organization_name,
                "slug": slug,
                "name": name,
                "email": email,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organization_name = d.pop("organization_name")

        slug = d.pop("slug")

        name = d.pop("name")

        email = d.pop("email")

        password = d.pop("password")

        signup_request = cls(
            organization_name=organization_name,
            slug=slug,
            name=name,
            email=email,
            password=password,
        )

        return signup_request
