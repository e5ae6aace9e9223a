from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.render_request_context import RenderRequestContext
from ..models.render_request_format import RenderRequestFormat
from ..models.render_request_industry import RenderRequestIndustry
from ..models.render_request_level import RenderRequestLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="RenderRequest")


@_attrs_define
class RenderRequest:
    """Which guide to produce, and in which format.

    Attributes:
        template (str):
        level (RenderRequestLevel):
        industry (RenderRequestIndustry):
        context (RenderRequestContext):
        version (int | None | Unset): Of your own template; default latest.
        location (str | Unset): A location key or name; an unknown one is a 422 listing close matches. Default: 'us-
            national'.
        format_ (RenderRequestFormat | Unset):  Default: RenderRequestFormat.JSON.
    """

    template: str
    level: RenderRequestLevel
    industry: RenderRequestIndustry
    context: RenderRequestContext
    version: int | None | Unset = UNSET
    location: str | Unset = "us-national"
    format_: RenderRequestFormat | Unset = RenderRequestFormat.JSON

    def to_dict(self) -> dict[str, Any]:
        template = self.template

        level = self.level.value

        industry = self.industry.value

        context = self.context.value

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        location = self.location

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template": template,
                "level": level,
                "industry": industry,
                "context": context,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if location is not UNSET:
            field_dict["location"] = location
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template = d.pop("template")

        level = RenderRequestLevel(d.pop("level"))

        industry = RenderRequestIndustry(d.pop("industry"))

        context = RenderRequestContext(d.pop("context"))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        location = d.pop("location", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: RenderRequestFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = RenderRequestFormat(_format_)

        render_request = cls(
            template=template,
            level=level,
            industry=industry,
            context=context,
            version=version,
            location=location,
            format_=format_,
        )

        return render_request
