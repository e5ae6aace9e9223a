"""Request and response bodies of the interview question bank."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hireline.guides.templates.content import Level, QuestionCategory, Slug

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]


class QuestionRead(BaseModel):
    id: str
    origin: str = Field(description="built-in, tenant (from your forked template) or own")
    role: str | None
    category: str
    topic: str
    question: str
    strong_answer: str
    skills: list[str]
    levels: list[str]


class QuestionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: QuestionCategory
    topic: Label
    question: Text
    strong_answer: Text = Field(description="What a strong answer shows.")
    skills: list[Label] = Field(default_factory=list, max_length=30)
    levels: list[Level] = Field(min_length=1)
    role: Slug | None = None
