from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Syndication")


@_attrs_define
class Syndication:
    """Whether a job is offered to job aggregators through the XML feed.

    Attributes:
        syndicated (bool):
    """

    syndicated: bool

    def to_dict(self) -> dict[str, Any]:
        syndicated = self.syndicated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "syndicated": syndicated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        syndicated = d.pop("syndicated")

        syndication = cls(
            syndicated=syndicated,
        )

        return syndication
