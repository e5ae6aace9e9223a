from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.related_skill import RelatedSkill
    from ..models.skills_part_skill_weights_type_0 import SkillsPartSkillWeightsType0


T = TypeVar("T", bound="SkillsPart")


@_attrs_define
class SkillsPart:
    """
    Attributes:
        weight (float): Points this part is worth for this job.
        fit (float): How much of it the candidate meets (0-1).
        points (float): weight x fit: this part's share of the score.
        matched (list[str]):
        related (list[RelatedSkill]):
        missing (list[str]):
        skill_weights (None | SkillsPartSkillWeightsType0 | Unset): Skills weighted other than 1, by name.
    """

    weight: float
    fit: float
    points: float
    matched: list[str]
    related: list[RelatedSkill]
    missing: list[str]
    skill_weights: None | SkillsPartSkillWeightsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.skills_part_skill_weights_type_0 import SkillsPartSkillWeightsType0  # noqa: PLC0415

        weight = self.weight

        fit = self.fit

        points = self.points

        matched = self.matched

        related = []
        for related_item_data in self.related:
            related_item = related_item_data.to_dict()
            related.append(related_item)

        missing = self.missing

        skill_weights: dict[str, Any] | None | Unset
        if isinstance(self.skill_weights, Unset):
            skill_weights = UNSET
        elif isinstance(self.skill_weights, SkillsPartSkillWeightsType0):
            skill_weights = self.skill_weights.to_dict()
        else:
            skill_weights = self.skill_weights

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "weight": weight,
                "fit": fit,
                "points": points,
                "matched": matched,
                "related": related,
                "missing": missing,
            }
        )
        if skill_weights is not UNSET:
            field_dict["skill_weights"] = skill_weights

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.related_skill import RelatedSkill  # noqa: PLC0415
        from ..models.skills_part_skill_weights_type_0 import SkillsPartSkillWeightsType0  # noqa: PLC0415

        d = dict(src_dict)
        weight = d.pop("weight")

        fit = d.pop("fit")

        points = d.pop("points")

        matched = cast(list[str], d.pop("matched"))

        related = []
        _related = d.pop("related")
        for related_item_data in _related:
            related_item = RelatedSkill.from_dict(related_item_data)

            related.append(related_item)

        missing = cast(list[str], d.pop("missing"))

        def _parse_skill_weights(data: object) -> None | SkillsPartSkillWeightsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                skill_weights_type_0 = SkillsPartSkillWeightsType0.from_dict(data)

                return skill_weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkillsPartSkillWeightsType0 | Unset, data)

        skill_weights = _parse_skill_weights(d.pop("skill_weights", UNSET))

        skills_part = cls(
            weight=weight,
            fit=fit,
            points=points,
            matched=matched,
            related=related,
            missing=missing,
            skill_weights=skill_weights,
        )

        skills_part.additional_properties = d
        return skills_part

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
