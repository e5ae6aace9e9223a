from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reason import Reason


T = TypeVar("T", bound="FunnelStage")


@_attrs_define
class FunnelStage:
    """
    Attributes:
        position (int):
        name (str):
        applications (int): Applications that got this far (moving back later does not undo it).
        conversion_to_next (float | None): Share of these that reached the next stage; null for the last stage.
        rejected (int): Applications rejected while in this stage.
        withdrawn (int):
        reasons (list[Reason]):
    """

    position: int
    name: str
    applications: int
    conversion_to_next: float | None
    rejected: int
    withdrawn: int
    reasons: list[Reason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position

        name = self.name

        applications = self.applications

        conversion_to_next: float | None
        conversion_to_next = self.conversion_to_next

        rejected = self.rejected

        withdrawn = self.withdrawn

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "name": name,
                "applications": applications,
                "conversion_to_next": conversion_to_next,
                "rejected": rejected,
                "withdrawn": withdrawn,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        position = d.pop("position")

        name = d.pop("name")

        applications = d.pop("applications")

        def _parse_conversion_to_next(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion_to_next = _parse_conversion_to_next(d.pop("conversion_to_next"))

        rejected = d.pop("rejected")

        withdrawn = d.pop("withdrawn")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        funnel_stage = cls(
            position=position,
            name=name,
            applications=applications,
            conversion_to_next=conversion_to_next,
            rejected=rejected,
            withdrawn=withdrawn,
            reasons=reasons,
        )

        funnel_stage.additional_properties = d
        return funnel_stage

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
