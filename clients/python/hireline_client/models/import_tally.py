from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImportTally")


@_attrs_define
class ImportTally:
    """
    Attributes:
        created (int):
        already_imported (int): Brought in by an earlier import: left alone.
        matched (int): Matched to what Hireline held (a person by e-mail).
        skipped (int): Left out on purpose (attachments that are no résumé).
    """

    created: int
    already_imported: int
    matched: int
    skipped: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        already_imported = self.already_imported

        matched = self.matched

        skipped = self.skipped

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "already_imported": already_imported,
                "matched": matched,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        already_imported = d.pop("already_imported")

        matched = d.pop("matched")

        skipped = d.pop("skipped")

        import_tally = cls(
            created=created,
            already_imported=already_imported,
            matched=matched,
            skipped=skipped,
        )

        import_tally.additional_properties = d
        return import_tally

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
