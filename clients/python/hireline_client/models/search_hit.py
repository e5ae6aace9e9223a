from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.highlight import Highlight


T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """
    Attributes:
        id (UUID):
        name (None | str):
        email (None | str):
        headline (None | str):
        location (None | str):
        skills (list[str]):
        tags (list[str]):
        years_experience (float | None):
        source (str):
        created_at (datetime.datetime):
        relevance (float | None): How well the candidate matches `q`, from 0 to 1 (higher is better; comparable within
            one query only). Null without `q` and with `sort=newest` or `sort=match`.
        match_score (float | None): With `sort=match`: the stored match score of the candidate's application to `job`,
            0-100 (see GET /v1/applications/{id}/match); null until it is computed, and null with the other sorts.
        highlights (list[Highlight]):
    """

    id: UUID
    name: None | str
    email: None | str
    headline: None | str
    location: None | str
    skills: list[str]
    tags: list[str]
    years_experience: float | None
    source: str
    created_at: datetime.datetime
    relevance: float | None
    match_score: float | None
    highlights: list[Highlight]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name: None | str
        name = self.name

        email: None | str
        email = self.email

        headline: None | str
        headline = self.headline

        location: None | str
        location = self.location

        skills = self.skills

        tags = self.tags

        years_experience: float | None
        years_experience = self.years_experience

        source = self.source

        created_at = self.created_at.isoformat()

        relevance: float | None
        relevance = self.relevance

        match_score: float | None
        match_score = self.match_score

        highlights = []
        for highlights_item_data in self.highlights:
            highlights_item = highlights_item_data.to_dict()
            highlights.append(highlights_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "headline": headline,
                "location": location,
                "skills": skills,
                "tags": tags,
                "years_experience": years_experience,
                "source": source,
                "created_at": created_at,
                "relevance": relevance,
                "match_score": match_score,
                "highlights": highlights,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.highlight import Highlight  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_headline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        headline = _parse_headline(d.pop("headline"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        skills = cast(list[str], d.pop("skills"))

        tags = cast(list[str], d.pop("tags"))

        def _parse_years_experience(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        years_experience = _parse_years_experience(d.pop("years_experience"))

        source = d.pop("source")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_relevance(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        relevance = _parse_relevance(d.pop("relevance"))

        def _parse_match_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        match_score = _parse_match_score(d.pop("match_score"))

        highlights = []
        _highlights = d.pop("highlights")
        for highlights_item_data in _highlights:
            highlights_item = Highlight.from_dict(highlights_item_data)

            highlights.append(highlights_item)

        search_hit = cls(
            id=id,
            name=name,
            email=email,
            headline=headline,
            location=location,
            skills=skills,
            tags=tags,
            years_experience=years_experience,
            source=source,
            created_at=created_at,
            relevance=relevance,
            match_score=match_score,
            highlights=highlights,
        )

        search_hit.additional_properties = d
        return search_hit

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
