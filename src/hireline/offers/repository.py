"""Queries of the offers domain, each starting from the session's tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select

from hireline.core.repositories import Repository
from hireline.offers.models import Offer, OfferApproval, OfferLetterTemplate


class _Tenanted(Repository):
    # `Repository.owned` is typed for SQLAlchemy 2.0's `Select[tuple[...]]`; 2.1 types a
    # one-entity select as `Select[Entity]`, which is what scalars() needs to know.
    def _owned(self, model: Any) -> Select[Any]:
        return select(model).where(model.tenant_id == self.tenant_id)

    def _offers(self) -> Select[Offer]:
        return select(Offer).where(Offer.tenant_id == self.tenant_id)


class OfferRepository(_Tenanted):
    async def get(self, offer_id: uuid.UUID, *, for_update: bool = False) -> Offer | None:
        query = self._offers().where(Offer.id == offer_id)
        if for_update:
            # Two approvers (or an approver and the candidate) answering at once take turns.
            query = query.with_for_update()
        return (await self.session.execute(query)).scalar_one_or_none()

    async def of_applications(
        self, application_ids: list[uuid.UUID], *, approver: uuid.UUID | None = None
    ) -> list[Offer]:
        """The offers of several applications, newest first (only those `approver` is in the
        chain of, when given)."""
        if not application_ids:
            return []
        query = self._offers().where(Offer.application_id.in_(application_ids))
        if approver is not None:
            query = query.where(Offer.id.in_(self._approved_by(approver)))
        return list((await self.session.execute(query.order_by(Offer.id.desc()))).scalars())

    async def listed(
        self, *, status: str | None, awaiting: uuid.UUID | None, approver: uuid.UUID | None
    ) -> list[Offer]:
        """Newest first; `awaiting`: those whose next approver is that user; `approver`: only
        those the user is in the chain of."""
        query = self._offers()
        if status is not None:
            query = query.where(Offer.status == status)
        if approver is not None:
            query = query.where(Offer.id.in_(self._approved_by(approver)))
        if awaiting is not None:
            query = query.where(
                Offer.status == "awaiting_approval",
                Offer.id.in_(self._approved_by(awaiting, pending=True)),
            )
        rows = await self.session.execute(query.order_by(Offer.id.desc()).limit(200))
        offers = list(rows.scalars())
        if awaiting is None:
            return offers
        chains = await self.approvals_of([offer.id for offer in offers])
        return [
            offer
            for offer in offers
            if (turn := next_pending(chains.get(offer.id, []))) and turn.user_id == awaiting
        ]

    def _approved_by(self, user_id: uuid.UUID, *, pending: bool = False) -> Select[Any]:
        query = select(OfferApproval.offer_id).where(
            OfferApproval.tenant_id == self.tenant_id, OfferApproval.user_id == user_id
        )
        if pending:
            query = query.where(OfferApproval.status == "pending")
        return query

    async def approvals_of(
        self, offer_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[OfferApproval]]:
        if not offer_ids:
            return {}
        rows = await self.session.execute(
            self._owned(OfferApproval)
            .where(OfferApproval.offer_id.in_(offer_ids))
            .order_by(OfferApproval.offer_id, OfferApproval.position)
        )
        grouped: dict[uuid.UUID, list[OfferApproval]] = {}
        for approval in rows.scalars():
            grouped.setdefault(approval.offer_id, []).append(approval)
        return grouped

    async def open_offers_of(self, application_id: uuid.UUID) -> list[Offer]:
        """Offers of the application still under way (not answered, not refused)."""
        rows = await self.session.execute(
            self._offers().where(
                Offer.application_id == application_id,
                Offer.status.in_(("awaiting_approval", "approved", "sent")),
            )
        )
        return list(rows.scalars())

    async def reread(self, offer: Offer) -> None:
        """Read the offer's row again (a savepoint rolled back changes made to it)."""
        await self.session.refresh(offer)


class LetterTemplateRepository(_Tenanted):
    async def get(self, key: str) -> OfferLetterTemplate | None:
        query = select(OfferLetterTemplate).where(
            OfferLetterTemplate.tenant_id == self.tenant_id, OfferLetterTemplate.key == key
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def all(self) -> list[OfferLetterTemplate]:
        rows = await self.session.execute(
            self._owned(OfferLetterTemplate).order_by(OfferLetterTemplate.key)
        )
        return list(rows.scalars())


def next_pending(chain: list[OfferApproval]) -> OfferApproval | None:
    """Whose turn it is: the first approver in order who has not answered."""
    return next((approval for approval in chain if approval.status == "pending"), None)
