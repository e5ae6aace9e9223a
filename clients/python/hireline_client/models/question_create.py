from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.question_create_category import QuestionCreateCategory
from ..models.question_create_levels_item import QuestionCreateLevelsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuestionCreate")


@_attrs_define
class QuestionCreate:
    """
    Attributes:
        category (QuestionCreateCategory):
        topic (str):
        question (str):
        strong_answer (str): What a strong answer shows.
        levels (list[QuestionCreateLevelsItem]):
        skills (list[str] | Unset):
        role (None | str | Unset):
    """

    category: QuestionCreateCategory
    topic: str
    question: str
    strong_answer: str
    levels: list[QuestionCreateLevelsItem]
    skills: list[str] | Unset = UNSET
    role: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        topic = self.topic

        question = self.question

        strong_answer = self.strong_answer

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.value
            levels.append(levels_item)

        skills: list[str] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = self.skills

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "topic": topic,
                "question": question,
                "strong_answer": strong_answer,
                "levels": levels,
            }
        )
        if skills is not UNSET:
            field_dict["skills"] = skills
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = QuestionCreateCategory(d.pop("category"))

        topic = d.pop("topic")

        question = d.pop("question")

        strong_answer = d.pop("strong_answer")

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = QuestionCreateLevelsItem(levels_item_data)

            levels.append(levels_item)

        skills = cast(list[str], d.pop("skills", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        question_create = cls(
            category=category,
            topic=topic,
            question=question,
            strong_answer=strong_answer,
            levels=levels,
            skills=skills,
            role=role,
        )

        return question_create
