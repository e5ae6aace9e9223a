from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuestionRead")


@_attrs_define
class QuestionRead:
    """
    Attributes:
        id (str):
        origin (str): built-in, tenant (from your forked template) or own
        role (None | str):
        category (str):
        topic (str):
        question (str):
        strong_answer (str):
        skills (list[str]):
        levels (list[str]):
    """

    id: str
    origin: str
    role: None | str
    category: str
    topic: str
    question: str
    strong_answer: str
    skills: list[str]
    levels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        origin = self.origin

        role: None | str
        role = self.role

        category = self.category

        topic = self.topic

        question = self.question

        strong_answer = self.strong_answer

        skills = self.skills

        levels = self.levels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "origin": origin,
                "role": role,
                "category": category,
                "topic": topic,
                "question": question,
                "strong_answer": strong_answer,
                "skills": skills,
                "levels": levels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        origin = d.pop("origin")

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))

        category = d.pop("category")

        topic = d.pop("topic")

        question = d.pop("question")

        strong_answer = d.pop("strong_answer")

        skills = cast(list[str], d.pop("skills"))

        levels = cast(list[str], d.pop("levels"))

        question_read = cls(
            id=id,
            origin=origin,
            role=role,
            category=category,
            topic=topic,
            question=question,
            strong_answer=strong_answer,
            skills=skills,
            levels=levels,
        )

        question_read.additional_properties = d
        return question_read

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
