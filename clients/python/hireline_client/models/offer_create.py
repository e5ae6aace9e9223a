from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferCreate")


@_attrs_define
class OfferCreate:
    """The terms, and the members who must approve them, in order.

    Attributes:
        base_salary (int): Yearly, in `currency`.
        start_date (datetime.date):
        expires_at (datetime.datetime): After this the candidate's link stops working.
        approvers (list[UUID]): Members who approve, in this order.
        currency (str | Unset):  Default: 'USD'.
        bonus (int | None | Unset):
        equity (None | str | Unset):
        template (str | Unset):  Default: 'standard'.
        out_of_band_reason (None | str | Unset): Required when the salary is outside the job's band; shown to approvers.
    """

    base_salary: int
    start_date: datetime.date
    expires_at: datetime.datetime
    approvers: list[UUID]
    currency: str | Unset = "USD"
    bonus: int | None | Unset = UNSET
    equity: None | str | Unset = UNSET
    template: str | Unset = "standard"
    out_of_band_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        base_salary = self.base_salary

        start_date = self.start_date.isoformat()

        expires_at = self.expires_at.isoformat()

        approvers = []
        for approvers_item_data in self.approvers:
            approvers_item = str(approvers_item_data)
            approvers.append(approvers_item)

        currency = self.currency

        bonus: int | None | Unset
        if isinstance(self.bonus, Unset):
            bonus = UNSET
        else:
            bonus = self.bonus

        equity: None | str | Unset
        if isinstance(self.equity, Unset):
            equity = UNSET
        else:
            equity = self.equity

        template = self.template

        out_of_band_reason: None | str | Unset
        if isinstance(self.out_of_band_reason, Unset):
            out_of_band_reason = UNSET
        else:
            out_of_band_reason = self.out_of_band_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "base_salary": base_salary,
                "start_date": start_date,
                "expires_at": expires_at,
                "approvers": approvers,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if bonus is not UNSET:
            field_dict["bonus"] = bonus
        if equity is not UNSET:
            field_dict["equity"] = equity
        if template is not UNSET:
            field_dict["template"] = template
        if out_of_band_reason is not UNSET:
            field_dict["out_of_band_reason"] = out_of_band_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_salary = d.pop("base_salary")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        approvers = []
        _approvers = d.pop("approvers")
        for approvers_item_data in _approvers:
            approvers_item = UUID(approvers_item_data)

            approvers.append(approvers_item)

        currency = d.pop("currency", UNSET)

        def _parse_bonus(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bonus = _parse_bonus(d.pop("bonus", UNSET))

        def _parse_equity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        equity = _parse_equity(d.pop("equity", UNSET))

        template = d.pop("template", UNSET)

        def _parse_out_of_band_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        out_of_band_reason = _parse_out_of_band_reason(d.pop("out_of_band_reason", UNSET))

        offer_create = cls(
            base_salary=base_salary,
            start_date=start_date,
            expires_at=expires_at,
            approvers=approvers,
            currency=currency,
            bonus=bonus,
            equity=equity,
            template=template,
            out_of_band_reason=out_of_band_reason,
        )

        return offer_create
