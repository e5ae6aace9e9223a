"""Time-ordered identifiers (UUID version 7, RFC 9562)."""

from __future__ import annotations

import os
import threading
import time
import uuid

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
