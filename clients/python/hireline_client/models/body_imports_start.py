from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.body_imports_start_source import BodyImportsStartSource
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="BodyImportsStart")


@_attrs_define
class BodyImportsStart:
    """
    Attributes:
        source (BodyImportsStartSource):
        export (File): The export: a .zip, or a .csv file
        mapping (File | Unset): For a CSV: which column holds what
        dry_run (bool | Unset):  Default: False.
    """

    source: BodyImportsStartSource
    export: File
    mapping: File | Unset = UNSET
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        export = self.export.to_tuple()

        mapping: FileTypes | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = self.mapping.to_tuple()

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "export": export,
            }
        )
        if mapping is not UNSET:
            field_dict["mapping"] = mapping
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("source", (None, str(self.source.value).encode(), "text/plain")))

        files.append(("export", self.export.to_tuple()))

        if not isinstance(self.mapping, Unset):
            files.append(("mapping", self.mapping.to_tuple()))

        if not isinstance(self.dry_run, Unset):
            files.append(("dry_run", (None, str(self.dry_run).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = BodyImportsStartSource(d.pop("source"))

        export = File(payload=BytesIO(d.pop("export")))

        _mapping = d.pop("mapping", UNSET)
        mapping: File | Unset
        if isinstance(_mapping, Unset):
            mapping = UNSET
        else:
            mapping = File(payload=BytesIO(_mapping))

        dry_run = d.pop("dry_run", UNSET)

        body_imports_start = cls(
            source=source,
            export=export,
            mapping=mapping,
            dry_run=dry_run,
        )

        body_imports_start.additional_properties = d
        return body_imports_start

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
