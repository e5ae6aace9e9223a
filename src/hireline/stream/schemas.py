"""Bodies of the live stream: the ticket that opens it and the messages it carries."""

from __future__ import annotations

from pydantic import BaseModel, Field


class TicketRead(BaseModel):
    """A short-lived, single-purpose credential for opening the stream."""

    ticket: str = Field(description="Send as `?ticket=` or as the first message.")
    expires_in: int = Field(description="Seconds the ticket is valid for opening the stream.")
    url: str = Field(description="The stream's path (`GET` with a WebSocket upgrade).")
