from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ForkRequest")


@_attrs_define
class ForkRequest:
    """
    Attributes:
        new_key (None | str | Unset): Key of the copy; defaults to the source's key, replacing it for you.
    """

    new_key: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        new_key: None | str | Unset
        if isinstance(self.new_key, Unset):
            new_key = UNSET
        else:
            new_key = self.new_key

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if new_key is not UNSET:
            field_dict["new_key"] = new_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_new_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_key = _parse_new_key(d.pop("new_key", UNSET))

        fork_request = cls(
            new_key=new_key,
        )

        return fork_request
