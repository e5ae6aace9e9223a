from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.durations import Durations
    from ..models.freshness import Freshness


T = TypeVar("T", bound="Offers")


@_attrs_define
class Offers:
    """
    Attributes:
        freshness (Freshness): When the summaries behind a report were rebuilt; a periodic job rebuilds them.
        sent (int):
        accepted (int):
        declined (int):
        acceptance_rate (float | None): Accepted among the offers answered.
        time_to_accept (Durations): Percentiles of a duration, each the upper bound (hours) of the histogram bucket that
            holds it; null when nothing was measured or the value lies beyond the last bound.
        in_band_share (float | None): Share of sent offers within their salary band, among those with a band.
    """

    freshness: Freshness
    sent: int
    accepted: int
    declined: int
    acceptance_rate: float | None
    time_to_accept: Durations
    in_band_share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        freshness = self.freshness.to_dict()

        sent = self.sent

        accepted = self.accepted

        declined = self.declined

        acceptance_rate: float | None
        acceptance_rate = self.acceptance_rate

        time_to_accept = self.time_to_accept.to_dict()

        in_band_share: float | None
        in_band_share = self.in_band_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "freshness": freshness,
                "sent": sent,
                "accepted": accepted,
                "declined": declined,
                "acceptance_rate": acceptance_rate,
                "time_to_accept": time_to_accept,
                "in_band_share": in_band_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.durations import Durations  # noqa: PLC0415
        from ..models.freshness import Freshness  # noqa: PLC0415

        d = dict(src_dict)
        freshness = Freshness.from_dict(d.pop("freshness"))

        sent = d.pop("sent")

        accepted = d.pop("accepted")

        declined = d.pop("declined")

        def _parse_acceptance_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        acceptance_rate = _parse_acceptance_rate(d.pop("acceptance_rate"))

        time_to_accept = Durations.from_dict(d.pop("time_to_accept"))

        def _parse_in_band_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        in_band_share = _parse_in_band_share(d.pop("in_band_share"))

        offers = cls(
            freshness=freshness,
            sent=sent,
            accepted=accepted,
            declined=declined,
            acceptance_rate=acceptance_rate,
            time_to_accept=time_to_accept,
            in_band_share=in_band_share,
        )

        offers.additional_properties = d
        return offers

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
