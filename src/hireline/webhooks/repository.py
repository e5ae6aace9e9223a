"""The webhooks domain's queries, every one starting from the session's tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Select, or_, select, update
from sqlalchemy.dialects.postgresql import insert

from hireline.core.repositories import Repository
from hireline.webhooks.catalogue import ALL_EVENTS
from hireline.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


class WebhookRepository(Repository):
    """Endpoints, their deliveries and the attempts at each, in the session's tenant."""

    async def add(self, row: WebhookEndpoint | WebhookDelivery | WebhookAttempt) -> None:
        """Store a new row; its id and defaults are known on return."""
        self.session.add(row)
        await self.session.flush()

    async def reread(self, row: WebhookEndpoint | WebhookDelivery) -> None:
        """Read a row again, with what the database set on it."""
        await self.session.refresh(row)

    # Endpoints

    async def endpoints(self) -> list[WebhookEndpoint]:
        rows = await self.session.execute(self.owned(WebhookEndpoint).order_by(WebhookEndpoint.id))
        return list(rows.scalars())

    async def endpoint(
        self, endpoint_id: uuid.UUID, *, for_update: bool = False
    ) -> WebhookEndpoint | None:
        return await self.session.get(
            WebhookEndpoint, (self.tenant_id, endpoint_id), with_for_update=for_update or None
        )

    async def remove(self, endpoint: WebhookEndpoint) -> None:
        await self.session.delete(endpoint)
        await self.session.flush()

    # An event names its tenant, and its handlers may run at the end of a job that has entered
    # another one since (`before_job_commit`): the subscription queries filter on the event's.

    def _subscribed(self, tenant_id: uuid.UUID, event_type: str) -> Select[WebhookEndpoint]:
        return select(WebhookEndpoint).where(
            WebhookEndpoint.tenant_id == tenant_id,
            WebhookEndpoint.enabled.is_(True),
            or_(
                WebhookEndpoint.event_types.contains([event_type]),
                WebhookEndpoint.event_types.contains([ALL_EVENTS]),
            ),
        )

    async def has_subscribers(self, tenant_id: uuid.UUID, event_type: str) -> bool:
        """Whether an enabled endpoint subscribed to this type (or to every event)."""
        query = select(self._subscribed(tenant_id, event_type).exists())
        return bool((await self.session.execute(query)).scalar())

    async def subscriber_ids(self, tenant_id: uuid.UUID, event_type: str) -> Sequence[uuid.UUID]:
        """The enabled endpoints subscribed to this type (or to every event), by id."""
        query = (
            self._subscribed(tenant_id, event_type)
            .with_only_columns(WebhookEndpoint.id)
            .order_by(WebhookEndpoint.id)
        )
        return (await self.session.scalars(query)).all()

    # Deliveries

    async def insert_new_deliveries(self, rows: list[dict[str, object]]) -> list[WebhookDelivery]:
        """Insert deliveries, skipping those of an (endpoint, event) pair that exist; the new."""
        made = await self.session.scalars(
            insert(WebhookDelivery)
            .values(rows)
            .on_conflict_do_nothing(
                index_elements=[
                    WebhookDelivery.tenant_id,
                    WebhookDelivery.endpoint_id,
                    WebhookDelivery.event_id,
                ]
            )
            .returning(WebhookDelivery),
            execution_options={"populate_existing": True},
        )
        return list(made.all())

    async def delivery(
        self, delivery_id: uuid.UUID, *, for_update: bool = False
    ) -> WebhookDelivery | None:
        return await self.session.get(
            WebhookDelivery, (self.tenant_id, delivery_id), with_for_update=for_update or None
        )

    async def lock(self, delivery: WebhookDelivery) -> None:
        """Read the delivery again under a row lock (against a concurrent attempt)."""
        await self.session.refresh(delivery, with_for_update=True)

    async def deliveries(
        self,
        *,
        endpoint_id: uuid.UUID | None,
        event_type: str | None,
        status: str | None,
        before: uuid.UUID | None,
        limit: int,
    ) -> list[WebhookDelivery]:
        """Deliveries newest first, filtered, older than `before` when given."""
        query = self.owned(WebhookDelivery)
        if endpoint_id is not None:
            query = query.where(WebhookDelivery.endpoint_id == endpoint_id)
        if event_type is not None:
            query = query.where(WebhookDelivery.event_type == event_type)
        if status is not None:
            query = query.where(WebhookDelivery.status == status)
        if before is not None:
            query = query.where(WebhookDelivery.id < before)
        rows = await self.session.execute(query.order_by(WebhookDelivery.id.desc()).limit(limit))
        return list(rows.scalars())

    async def deliveries_of_events(self, event_ids: list[int]) -> list[WebhookDelivery]:
        query = self.owned(WebhookDelivery).where(WebhookDelivery.event_id.in_(event_ids))
        return list((await self.session.execute(query)).scalars())

    # Attempts

    async def attempts_of(self, delivery: WebhookDelivery) -> list[WebhookAttempt]:
        rows = await self.session.execute(
            self.owned(WebhookAttempt)
            .where(WebhookAttempt.delivery_id == delivery.id)
            .order_by(WebhookAttempt.number, WebhookAttempt.id)
        )
        return list(rows.scalars())

    async def forget_responses(self, delivery: WebhookDelivery) -> None:
        """Drop what receivers answered to the delivery's attempts."""
        await self.session.execute(
            update(WebhookAttempt)
            .where(
                WebhookAttempt.tenant_id == self.tenant_id,
                WebhookAttempt.delivery_id == delivery.id,
            )
            .values(response_body=None)
        )
