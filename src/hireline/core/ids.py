"""Time-ordered identifiers (UUID version 7, RFC 9562)."""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from datetime import datetime

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> uuid.UUID:
    """A UUIDv7: sorts by creation time, and within one millisecond by creation order here.

    Keyset pagination and B-tree inserts both benefit from ids that grow over time.
    """
    global _last_ms, _counter
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms > _last_ms:
            _last_ms = now_ms
            # Start each millisecond at a random point in the lower half, leaving room to count.
            _counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        else:
            _counter += 1
            if _counter > 0xFFF:  # more than ~2k ids in one millisecond: borrow the next one
                _last_ms += 1
                _counter = 0
        timestamp, counter = _last_ms, _counter
    random_tail = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (timestamp & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | counter << 64 | 0b10 << 62 | random_tail
    return uuid.UUID(int=value)


def derived_uuid7(at: datetime, *parts: str) -> uuid.UUID:
    """A UUIDv7 that is the same every time for the same `parts`, sorting by `at`.

    For a record that must exist once per combination of other records, whoever creates
    it: every creator, a re-run job included, names it alike.
    """
    digest = int.from_bytes(hashlib.sha256("\0".join(parts).encode()).digest()[:10], "big")
    timestamp = int(at.timestamp() * 1000) & ((1 << 48) - 1)
    counter = digest >> 68  # 12 bits
    tail = digest & ((1 << 62) - 1)
    return uuid.UUID(int=timestamp << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | tail)
