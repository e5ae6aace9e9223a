"""`POST /v1/events/tickets` and `GET /v1/events/stream` (WebSocket): the live stream."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response, WebSocket, WebSocketDisconnect, status
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core import commit_order
from hireline.core.commit_order import Position
from hireline.core.db import DbSession, unit_of_work
from hireline.core.errors import ValidationFailed
from hireline.core.principal import Principal
from hireline.core.signing_key import signing_key
from hireline.core.tenancy import enter_tenant
from hireline.identity.dependencies import NO_STORE, require
from hireline.identity.permissions import Action
from hireline.settings import Settings
from hireline.stream import service, tickets
from hireline.stream.hub import Connection, Dropped, StreamHub
from hireline.stream.schemas import TicketRead

router = APIRouter(prefix="/v1/events", tags=["events"])
# Every principal may listen; the stream carries only the events it may read.
Listener = Annotated[Principal, require(Action.PROFILE_READ, replayable=False)]

# Close codes, after HTTP's: the client must authenticate again, or fix its request.
UNAUTHENTICATED = 4401
BAD_REQUEST = 4400
FIRST_MESSAGE_SECONDS = 10.0


@router.post(
    "/tickets",
    status_code=status.HTTP_201_CREATED,
    summary="A ticket for opening the live event stream (valid 30 seconds)",
)
async def create_ticket(
    request: Request, response: Response, session: DbSession, principal: Listener
) -> TicketRead:
    response.headers.update(NO_STORE)
    return await service.ticket_for(session, principal, request.app.state.settings)


class Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


async def _ticket(websocket: WebSocket) -> str:
    """From the query (`?ticket=`) or the first message (`{"ticket": ...}`)."""
    ticket = websocket.query_params.get("ticket")
    if ticket:
        return ticket
    try:
        first = await asyncio.wait_for(websocket.receive_text(), FIRST_MESSAGE_SECONDS)
        sent: Any = json.loads(first)
    except (TimeoutError, ValueError):
        sent = None
    if not isinstance(sent, dict) or not isinstance(sent.get("ticket"), str):
        raise Refused(UNAUTHENTICATED, 'Send a ticket: ?ticket= or a first message {"ticket": ...}')
    return str(sent["ticket"])


async def _start(websocket: WebSocket, session: AsyncSession, ticket: tickets.Ticket) -> Position:
    """Where a reconnecting client left off (`after`: the cursor of the last message it got;
    or `last_event_id`: that message's `id`), else where its ticket was issued."""
    after = websocket.query_params.get("after") or None
    last_event_id = websocket.query_params.get("last_event_id") or None
    if after is not None and last_event_id is not None:
        raise Refused(BAD_REQUEST, "Resume with `after` or with `last_event_id`, not both.")
    if last_event_id is not None:
        if not last_event_id.isdigit() or int(last_event_id) >= 2**63:
            raise Refused(BAD_REQUEST, "`last_event_id` must be the `id` of a message.")
        start = await service.after_event(session, int(last_event_id))
        if start is None:
            raise Refused(BAD_REQUEST, "No event of yours has that `last_event_id`.")
        return start
    if after is None:
        return ticket.start
    try:
        return commit_order.parse(after)
    except ValidationFailed:
        message = "`after` must be the cursor of a message you received."
        raise Refused(BAD_REQUEST, message) from None


async def _open(websocket: WebSocket) -> Connection:
    """Authenticate the client and place it in its tenant's history."""
    settings: Settings = websocket.app.state.settings
    try:
        ticket = tickets.read(await _ticket(websocket), key=signing_key(settings))
    except tickets.InvalidTicket as exc:
        raise Refused(UNAUTHENTICATED, str(exc)[:120]) from None
    async with unit_of_work(websocket.app.state.sessions) as session:
        await enter_tenant(session, ticket.principal.tenant_id)
        start = await _start(websocket, session, ticket)
        audience = await service.audience_for(session, ticket.principal)
    return Connection(audience, start, settings.stream_queue_size)


@router.websocket("/stream", name="event_stream")
async def event_stream(websocket: WebSocket) -> None:
    """Each committed event the principal may read, as JSON text messages, in commit order."""
    await websocket.accept()
    try:
        connection = await _open(websocket)
    except Refused as refused:
        await websocket.close(refused.code, refused.reason)
        return
    hub: StreamHub = websocket.app.state.stream_hub
    hub.join(connection)
    # The client sends nothing more; reading notices when it leaves.
    leaving = asyncio.create_task(_until_closed(websocket))
    try:
        while True:
            waiting = asyncio.create_task(connection.queue.get())
            done, _ = await asyncio.wait({waiting, leaving}, return_when=asyncio.FIRST_COMPLETED)
            if waiting not in done:
                waiting.cancel()
                return
            item = waiting.result()
            if isinstance(item, Dropped):
                await websocket.close(item.code, item.reason)
                return
            await websocket.send_text(json.dumps(item, separators=(",", ":")))
    except (WebSocketDisconnect, RuntimeError):
        return  # the client went away mid-send
    finally:
        hub.leave(connection)
        leaving.cancel()
        with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
            await leaving


async def _until_closed(websocket: WebSocket) -> None:
    while (await websocket.receive())["type"] != "websocket.disconnect":
        pass
