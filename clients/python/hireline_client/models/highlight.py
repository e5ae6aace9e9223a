from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.highlight_field import HighlightField

if TYPE_CHECKING:
    from ..models.fragment import Fragment


T = TypeVar("T", bound="Highlight")


@_attrs_define
class Highlight:
    """Where the query matched in one field, as an excerpt.

    Attributes:
        field (HighlightField):
        fragments (list[Fragment]): The excerpt in order, matched terms flagged; for clients that render it.
        html (str): The same excerpt HTML-escaped, matched terms wrapped in <mark></mark>.
    """

    field: HighlightField
    fragments: list[Fragment]
    html: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        fragments = []
        for fragments_item_data in self.fragments:
            fragments_item = fragments_item_data.to_dict()
            fragments.append(fragments_item)

        html = self.html

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "fragments": fragments,
                "html": html,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fragment import Fragment  # noqa: PLC0415

        d = dict(src_dict)
        field = HighlightField(d.pop("field"))

        fragments = []
        _fragments = d.pop("fragments")
        for fragments_item_data in _fragments:
            fragments_item = Fragment.from_dict(fragments_item_data)

            fragments.append(fragments_item)

        html = d.pop("html")

        highlight = cls(
            field=field,
            fragments=fragments,
            html=html,
        )

        highlight.additional_properties = d
        return highlight

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
