"""Reading rows in commit order without ever skipping one that commits late.

A sequence number alone is not enough: a transaction that took number 7 may commit after
another one took 8 and was read, and a reader past 8 would never see 7. Each row therefore
carries its writing transaction's id (`hireline_current_xid()`, migration 0029), and readers
take only rows whose transaction is older than every transaction still running
(`hireline_visible_xid()`). Those transactions have ended, and any later commit has a larger
transaction id, so a cursor of (xid, seq) over such rows only ever moves past what is final.
The price: a long-running writing transaction anywhere in the cluster holds readers back
until it ends (ADR 0028).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, tuple_

from hireline.core.pagination import decode_cursor, encode_cursor, invalid_cursor


@dataclass(frozen=True, order=True, slots=True)
class Position:
    """A place in a tenant's history: the last row read, by transaction then sequence."""

    xid: int
    seq: int

    def token(self) -> str:
        """The opaque cursor a client sends back (`since=`, `after=`)."""
        return encode_cursor(self.xid, self.seq)


START = Position(0, 0)


def parse(token: str | None) -> Position:
    """The position a client's cursor names (the start when none); 422 when tampered with."""
    if not token:
        return START
    xid, seq = decode_cursor(token, 2)
    if not all(type(n) is int and 0 <= n < 2**63 for n in (xid, seq)):
        raise invalid_cursor()
    return Position(xid, seq)


def after(xid: Any, seq: Any, position: Position) -> ColumnElement[bool]:
    """Rows past `position` whose transaction has ended (safe to hand out and move past)."""
    return and_(
        tuple_(xid, seq) > tuple_(position.xid, position.seq),
        xid < func.hireline_visible_xid(),
    )


def held_back(xid: Any, seq: Any, position: Position) -> ColumnElement[bool]:
    """Rows past `position` that a running transaction still hides the order of."""
    return and_(
        tuple_(xid, seq) > tuple_(position.xid, position.seq),
        xid >= func.hireline_visible_xid(),
    )
