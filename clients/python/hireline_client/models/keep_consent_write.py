from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeepConsentWrite")


@_attrs_define
class KeepConsentWrite:
    """
    Attributes:
        consented (bool): Whether the candidate agreed to be kept.
    """

    consented: bool

    def to_dict(self) -> dict[str, Any]:
        consented = self.consented

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consented": consented,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consented = d.pop("consented")

        keep_consent_write = cls(
            consented=consented,
        )

        return keep_consent_write
