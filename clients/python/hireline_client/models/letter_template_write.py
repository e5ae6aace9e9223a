from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LetterTemplateWrite")


@_attrs_define
class LetterTemplateWrite:
    """
    Attributes:
        name (str):
        body (str): Plain text with {{ field }} placeholders; see `fields`.
    """

    name: str
    body: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        body = self.body

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        body = d.pop("body")

        letter_template_write = cls(
            name=name,
            body=body,
        )

        return letter_template_write
