from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RejectRemaining")


@_attrs_define
class RejectRemaining:
    """Close the rest of a filled job: every active application gets this reason.

    Attributes:
        reason (str): A key from the organisation's list (GET /v1/rejection-reasons).
        notify_candidates (bool | Unset):  Default: False.
        note (None | str | Unset):
    """

    reason: str
    notify_candidates: bool | Unset = False
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        notify_candidates = self.notify_candidates

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
        if notify_candidates is not UNSET:
            field_dict["notify_candidates"] = notify_candidates
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        notify_candidates = d.pop("notify_candidates", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        reject_remaining = cls(
            reason=reason,
            notify_candidates=notify_candidates,
            note=note,
        )

        return reject_remaining
