from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.guide_salary import GuideSalary
    from ..models.section import Section


T = TypeVar("T", bound="Guide")


@_attrs_define
class Guide:
    """The whole guide as data, in reading order.

    Attributes:
        title (str):
        subtitle (str):
        template (str):
        template_version (int):
        template_origin (str):
        level (str):
        industry (str):
        context (str):
        location (str):
        salary (GuideSalary):
        sections (list[Section]):
    """

    title: str
    subtitle: str
    template: str
    template_version: int
    template_origin: str
    level: str
    industry: str
    context: str
    location: str
    salary: GuideSalary
    sections: list[Section]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        subtitle = self.subtitle

        template = self.template

        template_version = self.template_version

        template_origin = self.template_origin

        level = self.level

        industry = self.industry

        context = self.context

        location = self.location

        salary = self.salary.to_dict()

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "subtitle": subtitle,
                "template": template,
                "template_version": template_version,
                "template_origin": template_origin,
                "level": level,
                "industry": industry,
                "context": context,
                "location": location,
                "salary": salary,
                "sections": sections,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guide_salary import GuideSalary  # noqa: PLC0415
        from ..models.section import Section  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        subtitle = d.pop("subtitle")

        template = d.pop("template")

        template_version = d.pop("template_version")

        template_origin = d.pop("template_origin")

        level = d.pop("level")

        industry = d.pop("industry")

        context = d.pop("context")

        location = d.pop("location")

        salary = GuideSalary.from_dict(d.pop("salary"))

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = Section.from_dict(sections_item_data)

            sections.append(sections_item)

        guide = cls(
            title=title,
            subtitle=subtitle,
            template=template,
            template_version=template_version,
            template_origin=template_origin,
            level=level,
            industry=industry,
            context=context,
            location=location,
            salary=salary,
            sections=sections,
        )

        guide.additional_properties = d
        return guide

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
