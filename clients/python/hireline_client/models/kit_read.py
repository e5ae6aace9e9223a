from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attribute_read import AttributeRead
    from ..models.kit_question_read import KitQuestionRead
    from ..models.red_flag_read import RedFlagRead


T = TypeVar("T", bound="KitRead")


@_attrs_define
class KitRead:
    """
    Attributes:
        questions (list[KitQuestionRead]):
        attributes (list[AttributeRead]):
        evaluation_tips (list[str]):
        red_flags (list[RedFlagRead]):
    """

    questions: list[KitQuestionRead]
    attributes: list[AttributeRead]
    evaluation_tips: list[str]
    red_flags: list[RedFlagRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        attributes = []
        for attributes_item_data in self.attributes:
            attributes_item = attributes_item_data.to_dict()
            attributes.append(attributes_item)

        evaluation_tips = self.evaluation_tips

        red_flags = []
        for red_flags_item_data in self.red_flags:
            red_flags_item = red_flags_item_data.to_dict()
            red_flags.append(red_flags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "questions": questions,
                "attributes": attributes,
                "evaluation_tips": evaluation_tips,
                "red_flags": red_flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribute_read import AttributeRead  # noqa: PLC0415
        from ..models.kit_question_read import KitQuestionRead  # noqa: PLC0415
        from ..models.red_flag_read import RedFlagRead  # noqa: PLC0415

        d = dict(src_dict)
        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = KitQuestionRead.from_dict(questions_item_data)

            questions.append(questions_item)

        attributes = []
        _attributes = d.pop("attributes")
        for attributes_item_data in _attributes:
            attributes_item = AttributeRead.from_dict(attributes_item_data)

            attributes.append(attributes_item)

        evaluation_tips = cast(list[str], d.pop("evaluation_tips"))

        red_flags = []
        _red_flags = d.pop("red_flags")
        for red_flags_item_data in _red_flags:
            red_flags_item = RedFlagRead.from_dict(red_flags_item_data)

            red_flags.append(red_flags_item)

        kit_read = cls(
            questions=questions,
            attributes=attributes,
            evaluation_tips=evaluation_tips,
            red_flags=red_flags,
        )

        kit_read.additional_properties = d
        return kit_read

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
