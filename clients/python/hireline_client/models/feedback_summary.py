from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attribute_summary import AttributeSummary
    from ..models.feedback_summary_recommendations import FeedbackSummaryRecommendations
    from ..models.missing_scorecard import MissingScorecard
    from ..models.requirement_read import RequirementRead


T = TypeVar("T", bound="FeedbackSummary")


@_attrs_define
class FeedbackSummary:
    """
    Attributes:
        application_id (UUID):
        attributes (list[AttributeSummary]):
        recommendations (FeedbackSummaryRecommendations):
        no_evidence_yet (list[RequirementRead]):
        missing (list[MissingScorecard]):
    """

    application_id: UUID
    attributes: list[AttributeSummary]
    recommendations: FeedbackSummaryRecommendations
    no_evidence_yet: list[RequirementRead]
    missing: list[MissingScorecard]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        attributes = []
        for attributes_item_data in self.attributes:
            attributes_item = attributes_item_data.to_dict()
            attributes.append(attributes_item)

        recommendations = self.recommendations.to_dict()

        no_evidence_yet = []
        for no_evidence_yet_item_data in self.no_evidence_yet:
            no_evidence_yet_item = no_evidence_yet_item_data.to_dict()
            no_evidence_yet.append(no_evidence_yet_item)

        missing = []
        for missing_item_data in self.missing:
            missing_item = missing_item_data.to_dict()
            missing.append(missing_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "attributes": attributes,
                "recommendations": recommendations,
                "no_evidence_yet": no_evidence_yet,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribute_summary import AttributeSummary  # noqa: PLC0415
        from ..models.feedback_summary_recommendations import FeedbackSummaryRecommendations  # noqa: PLC0415
        from ..models.missing_scorecard import MissingScorecard  # noqa: PLC0415
        from ..models.requirement_read import RequirementRead  # noqa: PLC0415

        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        attributes = []
        _attributes = d.pop("attributes")
        for attributes_item_data in _attributes:
            attributes_item = AttributeSummary.from_dict(attributes_item_data)

            attributes.append(attributes_item)

        recommendations = FeedbackSummaryRecommendations.from_dict(d.pop("recommendations"))

        no_evidence_yet = []
        _no_evidence_yet = d.pop("no_evidence_yet")
        for no_evidence_yet_item_data in _no_evidence_yet:
            no_evidence_yet_item = RequirementRead.from_dict(no_evidence_yet_item_data)

            no_evidence_yet.append(no_evidence_yet_item)

        missing = []
        _missing = d.pop("missing")
        for missing_item_data in _missing:
            missing_item = MissingScorecard.from_dict(missing_item_data)

            missing.append(missing_item)

        feedback_summary = cls(
            application_id=application_id,
            attributes=attributes,
            recommendations=recommendations,
            no_evidence_yet=no_evidence_yet,
            missing=missing,
        )

        feedback_summary.additional_properties = d
        return feedback_summary

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
