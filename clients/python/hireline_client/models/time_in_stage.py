from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.freshness import Freshness
    from ..models.stage_time import StageTime


T = TypeVar("T", bound="TimeInStage")


@_attrs_define
class TimeInStage:
    """
    Attributes:
        freshness (Freshness): When the summaries behind a report were rebuilt; a periodic job rebuilds them.
        stages (list[StageTime]):
    """

    freshness: Freshness
    stages: list[StageTime]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        freshness = self.freshness.to_dict()

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "freshness": freshness,
                "stages": stages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.freshness import Freshness  # noqa: PLC0415
        from ..models.stage_time import StageTime  # noqa: PLC0415

        d = dict(src_dict)
        freshness = Freshness.from_dict(d.pop("freshness"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StageTime.from_dict(stages_item_data)

            stages.append(stages_item)

        time_in_stage = cls(
            freshness=freshness,
            stages=stages,
        )

        time_in_stage.additional_properties = d
        return time_in_stage

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
