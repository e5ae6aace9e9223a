"""Request bodies of guide rendering."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from hireline.guides.rendering import render
from hireline.guides.templates import variants
from hireline.guides.templates.content import Industry, Level, Slug, WorkContext


class RenderRequest(BaseModel):
    """Which guide to produce, and in which format."""

    model_config = ConfigDict(extra="forbid")

    template: Slug = Field(examples=["python-backend-developer"])
    version: int | None = Field(None, ge=1, description="Of your own template; default latest.")
    # Common spellings ("Senior", "e-commerce", "remote-hybrid") resolve as the CLI resolves them.
    level: Annotated[Level, BeforeValidator(variants.pydantic_resolver(variants.resolve_level))]
    industry: Annotated[
        Industry, BeforeValidator(variants.pydantic_resolver(variants.resolve_industry))
    ]
    context: Annotated[
        WorkContext, BeforeValidator(variants.pydantic_resolver(variants.resolve_context))
    ]
    location: str = Field(
        "us-national",
        min_length=1,
        max_length=80,
        examples=["austin-tx", "Austin, TX"],
        description="A location key or name; an unknown one is a 422 listing close matches.",
    )
    format: render.GuideFormat = "json"
