from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_read_status import OfferReadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval_read import ApprovalRead
    from ..models.salary_band import SalaryBand


T = TypeVar("T", bound="OfferRead")


@_attrs_define
class OfferRead:
    """
    Attributes:
        id (UUID):
        application_id (UUID):
        job_id (UUID):
        candidate_id (UUID):
        status (OfferReadStatus):
        base_salary (int):
        currency (str):
        bonus (int | None):
        equity (None | str):
        start_date (datetime.date):
        expires_at (datetime.datetime):
        template (str):
        band (SalaryBand): The job's band, explained as the hiring guide explains it.
        within_band (bool | None):
        out_of_band_reason (None | str):
        approvals (list[ApprovalRead]):
        decided_by (None | str):
        decision_note (None | str):
        created_at (datetime.datetime):
        sent_at (datetime.datetime | None):
        decided_at (datetime.datetime | None):
        next_approver (None | Unset | UUID):
        job_closed (bool | None | Unset):
        remaining_applications (int | None | Unset):
    """

    id: UUID
    application_id: UUID
    job_id: UUID
    candidate_id: UUID
    status: OfferReadStatus
    base_salary: int
    currency: str
    bonus: int | None
    equity: None | str
    start_date: datetime.date
    expires_at: datetime.datetime
    template: str
    band: SalaryBand
    within_band: bool | None
    out_of_band_reason: None | str
    approvals: list[ApprovalRead]
    decided_by: None | str
    decision_note: None | str
    created_at: datetime.datetime
    sent_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    next_approver: None | Unset | UUID = UNSET
    job_closed: bool | None | Unset = UNSET
    remaining_applications: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        application_id = str(self.application_id)

        job_id = str(self.job_id)

        candidate_id = str(self.candidate_id)

        status = self.status.value

        base_salary = self.base_salary

        currency = self.currency

        bonus: int | None
        bonus = self.bonus

        equity: None | str
        equity = self.equity

        start_date = self.start_date.isoformat()

        expires_at = self.expires_at.isoformat()

        template = self.template

        band = self.band.to_dict()

        within_band: bool | None
        within_band = self.within_band

        out_of_band_reason: None | str
        out_of_band_reason = self.out_of_band_reason

        approvals = []
        for approvals_item_data in self.approvals:
            approvals_item = approvals_item_data.to_dict()
            approvals.append(approvals_item)

        decided_by: None | str
        decided_by = self.decided_by

        decision_note: None | str
        decision_note = self.decision_note

        created_at = self.created_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        next_approver: None | str | Unset
        if isinstance(self.next_approver, Unset):
            next_approver = UNSET
        elif isinstance(self.next_approver, UUID):
            next_approver = str(self.next_approver)
        else:
            next_approver = self.next_approver

        job_closed: bool | None | Unset
        if isinstance(self.job_closed, Unset):
            job_closed = UNSET
        else:
            job_closed = self.job_closed

        remaining_applications: int | None | Unset
        if isinstance(self.remaining_applications, Unset):
            remaining_applications = UNSET
        else:
            remaining_applications = self.remaining_applications

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "job_id": job_id,
                "candidate_id": candidate_id,
                "status": status,
                "base_salary": base_salary,
                "currency": currency,
                "bonus": bonus,
                "equity": equity,
                "start_date": start_date,
                "expires_at": expires_at,
                "template": template,
                "band": band,
                "within_band": within_band,
                "out_of_band_reason": out_of_band_reason,
                "approvals": approvals,
                "decided_by": decided_by,
                "decision_note": decision_note,
                "created_at": created_at,
                "sent_at": sent_at,
                "decided_at": decided_at,
            }
        )
        if next_approver is not UNSET:
            field_dict["next_approver"] = next_approver
        if job_closed is not UNSET:
            field_dict["job_closed"] = job_closed
        if remaining_applications is not UNSET:
            field_dict["remaining_applications"] = remaining_applications

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_read import ApprovalRead  # noqa: PLC0415
        from ..models.salary_band import SalaryBand  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        application_id = UUID(d.pop("application_id"))

        job_id = UUID(d.pop("job_id"))

        candidate_id = UUID(d.pop("candidate_id"))

        status = OfferReadStatus(d.pop("status"))

        base_salary = d.pop("base_salary")

        currency = d.pop("currency")

        def _parse_bonus(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bonus = _parse_bonus(d.pop("bonus"))

        def _parse_equity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        equity = _parse_equity(d.pop("equity"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        template = d.pop("template")

        band = SalaryBand.from_dict(d.pop("band"))

        def _parse_within_band(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        within_band = _parse_within_band(d.pop("within_band"))

        def _parse_out_of_band_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        out_of_band_reason = _parse_out_of_band_reason(d.pop("out_of_band_reason"))

        approvals = []
        _approvals = d.pop("approvals")
        for approvals_item_data in _approvals:
            approvals_item = ApprovalRead.from_dict(approvals_item_data)

            approvals.append(approvals_item)

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_next_approver(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_approver_type_0 = UUID(data)

                return next_approver_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        next_approver = _parse_next_approver(d.pop("next_approver", UNSET))

        def _parse_job_closed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        job_closed = _parse_job_closed(d.pop("job_closed", UNSET))

        def _parse_remaining_applications(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        remaining_applications = _parse_remaining_applications(d.pop("remaining_applications", UNSET))

        offer_read = cls(
            id=id,
            application_id=application_id,
            job_id=job_id,
            candidate_id=candidate_id,
            status=status,
            base_salary=base_salary,
            currency=currency,
            bonus=bonus,
            equity=equity,
            start_date=start_date,
            expires_at=expires_at,
            template=template,
            band=band,
            within_band=within_band,
            out_of_band_reason=out_of_band_reason,
            approvals=approvals,
            decided_by=decided_by,
            decision_note=decision_note,
            created_at=created_at,
            sent_at=sent_at,
            decided_at=decided_at,
            next_approver=next_approver,
            job_closed=job_closed,
            remaining_applications=remaining_applications,
        )

        offer_read.additional_properties = d
        return offer_read

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
