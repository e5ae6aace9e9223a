from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.match_parts import MatchParts
    from ..models.match_read_base_weights import MatchReadBaseWeights


T = TypeVar("T", bound="MatchRead")


@_attrs_define
class MatchRead:
    """How well the application's candidate fits the job, and why.

    Attributes:
        application_id (UUID):
        job_id (UUID):
        candidate_id (UUID):
        score (float):
        computed_at (datetime.datetime | None): When it was stored; null when computed for this read (not scored yet).
        parts (MatchParts): The parts the job asks for; a part it does not ask for is absent.
        base_weights (MatchReadBaseWeights | Unset): Each part's weight before scaling to the parts this job asks for
            (`semantic` only when the score has that part).
    """

    application_id: UUID
    job_id: UUID
    candidate_id: UUID
    score: float
    computed_at: datetime.datetime | None
    parts: MatchParts
    base_weights: MatchReadBaseWeights | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        job_id = str(self.job_id)

        candidate_id = str(self.candidate_id)

        score = self.score

        computed_at: None | str
        if isinstance(self.computed_at, datetime.datetime):
            computed_at = self.computed_at.isoformat()
        else:
            computed_at = self.computed_at

        parts = self.parts.to_dict()

        base_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.base_weights, Unset):
            base_weights = self.base_weights.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "job_id": job_id,
                "candidate_id": candidate_id,
                "score": score,
                "computed_at": computed_at,
                "parts": parts,
            }
        )
        if base_weights is not UNSET:
            field_dict["base_weights"] = base_weights

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_parts import MatchParts  # noqa: PLC0415
        from ..models.match_read_base_weights import MatchReadBaseWeights  # noqa: PLC0415

        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        job_id = UUID(d.pop("job_id"))

        candidate_id = UUID(d.pop("candidate_id"))

        score = d.pop("score")

        def _parse_computed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                computed_at_type_0 = datetime.datetime.fromisoformat(data)

                return computed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        computed_at = _parse_computed_at(d.pop("computed_at"))

        parts = MatchParts.from_dict(d.pop("parts"))

        _base_weights = d.pop("base_weights", UNSET)
        base_weights: MatchReadBaseWeights | Unset
        if isinstance(_base_weights, Unset):
            base_weights = UNSET
        else:
            base_weights = MatchReadBaseWeights.from_dict(_base_weights)

        match_read = cls(
            application_id=application_id,
            job_id=job_id,
            candidate_id=candidate_id,
            score=score,
            computed_at=computed_at,
            parts=parts,
            base_weights=base_weights,
        )

        match_read.additional_properties = d
        return match_read

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
