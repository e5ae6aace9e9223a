from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_patch_patch import TemplatePatchPatch


T = TypeVar("T", bound="TemplatePatch")


@_attrs_define
class TemplatePatch:
    """A JSON merge patch (RFC 7386) of the template content, kept as a new version.

    Attributes:
        patch (TemplatePatchPatch):
        note (None | str | Unset): Why this version was made.
    """

    patch: TemplatePatchPatch
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patch = self.patch.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patch": patch,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_patch_patch import TemplatePatchPatch  # noqa: PLC0415

        d = dict(src_dict)
        patch = TemplatePatchPatch.from_dict(d.pop("patch"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        template_patch = cls(
            patch=patch,
            note=note,
        )

        return template_patch
