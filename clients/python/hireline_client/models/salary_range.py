from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SalaryRange")


@_attrs_define
class SalaryRange:
    """
    Attributes:
        min_ (int):
        max_ (int):
        currency (str | Unset):  Default: 'USD'.
    """

    min_: int
    max_: int
    currency: str | Unset = "USD"

    def to_dict(self) -> dict[str, Any]:
        min_ = self.min_

        max_ = self.max_

        currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min": min_,
                "max": max_,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_ = d.pop("min")

        max_ = d.pop("max")

        currency = d.pop("currency", UNSET)

        salary_range = cls(
            min_=min_,
            max_=max_,
            currency=currency,
        )

        return salary_range
