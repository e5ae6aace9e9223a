from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.from_template_context import FromTemplateContext
from ..models.from_template_industry import FromTemplateIndustry
from ..types import UNSET, Unset

T = TypeVar("T", bound="FromTemplate")


@_attrs_define
class FromTemplate:
    """Write the description from a role template (your own version or a built-in).

    Attributes:
        template (str):
        version (int | None | Unset):
        industry (FromTemplateIndustry | Unset):  Default: FromTemplateIndustry.SAAS.
        context (FromTemplateContext | Unset):  Default: FromTemplateContext.CORPORATE.
    """

    template: str
    version: int | None | Unset = UNSET
    industry: FromTemplateIndustry | Unset = FromTemplateIndustry.SAAS
    context: FromTemplateContext | Unset = FromTemplateContext.CORPORATE

    def to_dict(self) -> dict[str, Any]:
        template = self.template

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        industry: str | Unset = UNSET
        if not isinstance(self.industry, Unset):
            industry = self.industry.value

        context: str | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template": template,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if industry is not UNSET:
            field_dict["industry"] = industry
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template = d.pop("template")

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        _industry = d.pop("industry", UNSET)
        industry: FromTemplateIndustry | Unset
        if isinstance(_industry, Unset):
            industry = UNSET
        else:
            industry = FromTemplateIndustry(_industry)

        _context = d.pop("context", UNSET)
        context: FromTemplateContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = FromTemplateContext(_context)

        from_template = cls(
            template=template,
            version=version,
            industry=industry,
            context=context,
        )

        return from_template
