"""Domain events: a record of each change, written in the same transaction as the change.

Recording an event also enqueues its dispatch in that transaction, so its handlers
(webhooks, notifications, real-time pushes, ...) run in a worker for exactly the changes
that committed. The dispatch job runs every handler itself, each in a savepoint of its own:
a handler that fails has its changes rolled back and is queued as a job of its own, retried
alone, without repeating the others' work. Handlers therefore do database work only (their
outside effects, such as e-mails and webhook calls, are jobs they defer), so that what they
did commits or vanishes with the dispatch. An event recorded by a worker's job needs no
dispatch job: its handlers run the same way at the end of that job, before it commits. One
job per change rather than one per event and handler: a queue job costs several statements
and round trips, about as much as a handler's work (see `bench/resume_burst.py`).
Handlers live in a domain's `tasks` module::

    @events.on(CandidateEvent.APPLICATION_CREATED)
    async def notify_hiring_team(event: DomainEvent, session: AsyncSession) -> None: ...

Event types are members of one `EventType` enum per domain, in its `events` module; each says
what it means and whether it is internal (the webhook catalogue offers all the others).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any, Literal, Self

import structlog
from procrastinate import JobContext
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.event_signal import announce_after_commit
from hireline.core.models import DomainEvent as DomainEvent
from hireline.core.queue import (
    DEFAULT_RETRY,
    before_job_commit,
    defer,
    job_unit_of_work,
    queue,
)
from hireline.core.repository import EventRepository
from hireline.core.tenancy import NoTenantError

logger = structlog.get_logger(__name__)

ANY_EVENT: Literal["*"] = "*"
EVENTS_QUEUE = "events"


class EventType(StrEnum):
    """The base of each domain's event types: a member is its wire name (`job.published`),
    with what it means and whether it is internal.

    Internal types serve the system's own handlers (re-scoring, e-mails) and are never offered
    to webhook endpoints; every other type is in the webhook catalogue, described by its
    `description`. Declare a member as `NAME = "room.what", "What happened."`, or as
    `NAME = internal("room.what", "What happened.")`.
    """

    _value_: str
    description: str
    internal: bool

    def __new__(cls, value: str, description: str, internal: bool = False) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        member.internal = internal
        return member


def internal(value: str, description: str) -> tuple[str, str, bool]:
    """An `EventType` member's definition, marked internal (no webhook endpoint receives it)."""
    return value, description, True


Handler = Callable[["DomainEvent", AsyncSession], Awaitable[None]]
"""Runs in a worker, in a unit of work of its own scoped to the event's tenant."""

Condition = Callable[["DomainEvent", AsyncSession], Awaitable[bool]]
"""Asked when the event is dispatched: False spares the handler's job (nothing to do)."""


class HandlerRegistry:
    """Event handlers by name (a name is what a queued job refers to) and by event type."""

    def __init__(self) -> None:
        self._by_name: dict[str, Handler] = {}
        self._names_by_type: dict[str, list[str]] = {}
        self._conditions: dict[str, Condition] = {}

    def register(
        self,
        event_type: str,
        handler: Handler,
        *,
        name: str | None = None,
        when: Condition | None = None,
    ) -> str:
        """Run `handler` for each event of `event_type` (`*`: every type); returns its name.

        With `when`, only for events it says yes to when they are dispatched.
        """
        name = name or f"{handler.__module__}.{handler.__qualname__}"
        known = self._by_name.get(name)
        if known is not None and known is not handler:
            raise ValueError(f"another event handler is already named {name!r}")
        self._by_name[name] = handler
        if when is not None:
            self._conditions[name] = when
        names = self._names_by_type.setdefault(event_type, [])
        if name not in names:
            names.append(name)
        return name

    def unregister(self, name: str) -> None:
        """Forget a handler (tests; a handler module that is not loaded runs nothing)."""
        self._by_name.pop(name, None)
        self._conditions.pop(name, None)
        for names in self._names_by_type.values():
            if name in names:
                names.remove(name)

    def names_for(self, event_type: str) -> list[str]:
        """The handlers an event of `event_type` goes to, the wildcard ones last."""
        exact = self._names_by_type.get(event_type, [])
        return [*exact, *(n for n in self._names_by_type.get(ANY_EVENT, []) if n not in exact)]

    def get(self, name: str) -> Handler | None:
        return self._by_name.get(name)

    def condition(self, name: str) -> Condition | None:
        return self._conditions.get(name)


handlers = HandlerRegistry()


def register_handler(
    event_type: EventType | Literal["*"],
    handler: Handler,
    *,
    name: str | None = None,
    when: Condition | None = None,
) -> str:
    """Run `handler` in a worker for each committed event of `event_type` (`*`: all)."""
    return handlers.register(str(event_type), handler, name=name, when=when)


def on(
    event_type: EventType | Literal["*"],
    *,
    name: str | None = None,
    when: Condition | None = None,
) -> Callable[[Handler], Handler]:
    """Decorator form of `register_handler`."""

    def decorate(handler: Handler) -> Handler:
        handlers.register(str(event_type), handler, name=name, when=when)
        return handler

    return decorate


async def record(
    session: AsyncSession,
    *,
    type: EventType,
    payload: dict[str, Any],
    tenant_id: uuid.UUID | None,
) -> DomainEvent:
    """Write an event and enqueue its dispatch; both exist only if the transaction commits."""
    event = DomainEvent(tenant_id=tenant_id, type=str(type), payload=payload)
    session.add(event)
    await session.flush()
    announce_after_commit(session, tenant_id)
    # Recorded by a worker's job: its handlers run at the end of that job, in its
    # transaction, as the dispatch job would run them (a job fewer per event).
    if not before_job_commit(
        session, tenant_id, functools.partial(_run_handlers, session, event, _text(tenant_id))
    ):
        await defer(session, dispatch_event, event_id=event.id, tenant_id=_text(tenant_id))
    return event


# The handlers are looked up in the worker, not where the event is recorded: the API need not
# import every domain's handlers, and a worker's code decides what its jobs do.
@queue.task(name="events.dispatch", pass_context=True, retry=DEFAULT_RETRY, queue=EVENTS_QUEUE)
async def dispatch_event(context: JobContext, event_id: int, tenant_id: str | None) -> None:
    """Run the event's handlers in one transaction; queue a job for each one that fails."""
    async with job_unit_of_work(context, tenant_id=_uuid(tenant_id)) as session:
        event = await _load(session, event_id)
        if event is None:
            return
        await _run_handlers(session, event, tenant_id)


async def _run_handlers(session: AsyncSession, event: DomainEvent, tenant_id: str | None) -> None:
    """Each handler of `event` in a savepoint; one that fails is queued as a job of its own."""
    event_id = event.id
    for name in handlers.names_for(event.type):
        condition = handlers.condition(name)
        if condition is not None and not await condition(event, session):
            continue  # nothing to do
        run = handlers.get(name)
        assert run is not None  # names_for lists registered handlers only
        try:
            async with session.begin_nested():
                await run(event, session)
        except Exception as exc:  # any handler bug or outage: retried alone, with backoff
            logger.warning(
                "event_handler_deferred", event_id=event_id, handler=name, error=repr(exc)
            )
            await defer(session, handle_event, event_id=event_id, tenant_id=tenant_id, handler=name)


@queue.task(name="events.handle", pass_context=True, retry=DEFAULT_RETRY, queue=EVENTS_QUEUE)
async def handle_event(
    context: JobContext, event_id: int, tenant_id: str | None, handler: str
) -> None:
    """Run one handler of an event in its own unit of work (retried alone on failure)."""
    run = handlers.get(handler)
    if run is None:
        # Renamed or removed since the job was queued: nothing is left to do it.
        logger.warning("event_handler_unknown", event_id=event_id, handler=handler)
        return
    async with job_unit_of_work(context, tenant_id=_uuid(tenant_id)) as session:
        event = await _load(session, event_id)
        if event is not None:
            await run(event, session)


async def scrub_payloads(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    about: tuple[str, str],
    keep: Callable[[str], bool],
) -> list[int]:
    """Reduce the payload of each of the tenant's events whose `about[0]` key holds
    `about[1]` to the keys `keep` accepts (erasure: ids and codes stay, so the history and
    its statistics survive without the person). Returns the events' ids."""
    scrubbed = []
    for event in await events_about(session, tenant_id, *about):
        kept = {name: item for name, item in event.payload.items() if keep(name)}
        if kept != event.payload:
            event.payload = kept
        scrubbed.append(event.id)
    await session.flush()
    return scrubbed


async def events_about(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, value: str
) -> list[DomainEvent]:
    """The tenant's events whose payload's `key` holds `value`, oldest first.

    `tenant_id` must be the unit of work's tenant: the repository reads it from there.
    """
    events = EventRepository(session)
    if events.tenant_id != tenant_id:
        raise NoTenantError(f"the session works for another tenant than {tenant_id}")
    return await events.about(key, value)


async def _load(session: AsyncSession, event_id: int) -> DomainEvent | None:
    event = await EventRepository(session).load(event_id)
    if event is None:  # deleted since (a tenant's erasure, say)
        logger.warning("event_missing", event_id=event_id)
    return event


def _text(tenant_id: uuid.UUID | None) -> str | None:
    return None if tenant_id is None else str(tenant_id)


def _uuid(tenant_id: str | None) -> uuid.UUID | None:
    return None if tenant_id is None else uuid.UUID(tenant_id)
