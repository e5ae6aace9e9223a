"""The hiring guide as plain data: what was asked for, and the titled sections it became.

Every output format (JSON, Markdown, HTML, PDF) is written from these, so they cannot differ.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from hireline.guides.templates.content import Industry, Level, RoleTemplate, WorkContext


@dataclass(frozen=True)
class GuideRequest:
    """What to render."""

    template: RoleTemplate
    version: int
    origin: str
    level: Level
    industry: Industry
    context: WorkContext
    location: str


@dataclass
class Table:
    """A captioned table; `highlight` is the index of the row the guide is about, if any."""

    caption: str
    columns: list[str]
    rows: list[list[str]]
    highlight: int | None = None


@dataclass
class Section:
    """A titled part of the guide: paragraphs, a table, bullet lists and sub-sections."""

    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    table: Table | None = None


@dataclass
class Guide:
    """The whole guide as data, in reading order."""

    title: str
    subtitle: str
    template: str
    template_version: int
    template_origin: str
    level: str
    industry: str
    context: str
    location: str
    salary: dict[str, Any]
    sections: list[Section]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
