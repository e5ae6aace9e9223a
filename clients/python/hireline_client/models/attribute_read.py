from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.anchor_read import AnchorRead


T = TypeVar("T", bound="AttributeRead")


@_attrs_define
class AttributeRead:
    """
    Attributes:
        key (str):
        name (str):
        kind (str):
        question_ids (list[str]):
        levels (list[AnchorRead]):
        tip (None | str | Unset):
    """

    key: str
    name: str
    kind: str
    question_ids: list[str]
    levels: list[AnchorRead]
    tip: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        kind = self.kind

        question_ids = self.question_ids

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

        tip: None | str | Unset
        if isinstance(self.tip, Unset):
            tip = UNSET
        else:
            tip = self.tip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "kind": kind,
                "question_ids": question_ids,
                "levels": levels,
            }
        )
        if tip is not UNSET:
            field_dict["tip"] = tip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.anchor_read import AnchorRead  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        kind = d.pop("kind")

        question_ids = cast(list[str], d.pop("question_ids"))

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = AnchorRead.from_dict(levels_item_data)

            levels.append(levels_item)

        def _parse_tip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tip = _parse_tip(d.pop("tip", UNSET))

        attribute_read = cls(
            key=key,
            name=name,
            kind=kind,
            question_ids=question_ids,
            levels=levels,
            tip=tip,
        )

        attribute_read.additional_properties = d
        return attribute_read

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
