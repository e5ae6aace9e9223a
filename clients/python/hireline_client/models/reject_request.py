from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RejectRequest")


@_attrs_define
class RejectRequest:
    """
    Attributes:
        reason (str): A key from the organisation's list (GET /v1/rejection-reasons).
        notify_candidate (bool | Unset):  Default: False.
        note (None | str | Unset):
    """

    reason: str
    notify_candidate: bool | Unset = False
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        notify_candidate = self.notify_candidate

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if notify_candidate is not UNSET:
            field_dict["notify_candidate"] = notify_candidate
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        notify_candidate = d.pop("notify_candidate", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        reject_request = cls(
            reason=reason,
            notify_candidate=notify_candidate,
            note=note,
        )

        return reject_request
