from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KitQuestionRead")


@_attrs_define
class KitQuestionRead:
    """
    Attributes:
        id (str):
        category (str):
        topic (str):
        question (str):
        strong_answer (str):
        probes (list[str]):
    """

    id: str
    category: str
    topic: str
    question: str
    strong_answer: str
    probes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        category = self.category

        topic = self.topic

        question = self.question

        strong_answer = self.strong_answer

        probes = self.probes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "category": category,
                "topic": topic,
                "question": question,
                "strong_answer": strong_answer,
                "probes": probes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        category = d.pop("category")

        topic = d.pop("topic")

        question = d.pop("question")

        strong_answer = d.pop("strong_answer")

        probes = cast(list[str], d.pop("probes"))

        kit_question_read = cls(
            id=id,
            category=category,
            topic=topic,
            question=question,
            strong_answer=strong_answer,
            probes=probes,
        )

        kit_question_read.additional_properties = d
        return kit_question_read

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
