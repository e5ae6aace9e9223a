"""Sending one attempt of a delivery, and when to try again.

Success is any 2xx. Network errors, timeouts, 5xx and 429 are worth another attempt, on a
schedule close to Svix's: eight attempts over about 27 hours, each delay stretched or shrunk
by up to 20% so that receivers coming back up are not hit by every sender at once. A
`Retry-After` from the receiver is honoured when it asks for more patience than that. Other
answers (3xx, since redirects are not followed, and 4xx) fail the delivery at once.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import anyio
import httpx

from hireline.webhooks.ssrf import BlockedAddress

# Seconds to wait after attempt 1, 2, ... 7; attempt 8 is the last.
RETRY_DELAYS = (5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
MAX_RETRY_AFTER = 24 * 3600
JITTER = 0.2
RESPONSE_BODY_LIMIT = 2048
_RETRYABLE_STATUS = {408, 429}


@dataclass(frozen=True)
class AttemptResult:
    """What one POST to a receiver gave."""

    status_code: int | None
    latency_ms: int
    error: str | None = None
    response_body: str | None = None
    retry_after: float | None = None
    blocked: bool = False

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def retryable(self) -> bool:
        if self.blocked:
            return False
        if self.status_code is None:
            return True
        return self.status_code >= 500 or self.status_code in _RETRYABLE_STATUS


def retry_delay(
    attempt_number: int, retry_after: float | None = None, rng: random.Random | None = None
) -> float | None:
    """Seconds before the next attempt after attempt `attempt_number` failed; None if none."""
    if attempt_number >= MAX_ATTEMPTS:
        return None
    base = RETRY_DELAYS[attempt_number - 1]
    delay = base * (rng or random).uniform(1 - JITTER, 1 + JITTER)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


async def post(
    client: httpx.AsyncClient, url: str, body: bytes, headers: dict[str, str], *, seconds: float
) -> AttemptResult:
    """POST once, within `seconds` in all (connecting, sending and reading the answer)."""
    started = time.perf_counter()

    def elapsed() -> int:
        return int((time.perf_counter() - started) * 1000)

    try:
        with anyio.fail_after(seconds):
            async with client.stream(
                "POST",
                url,
                content=body,
                headers={**headers, "content-type": "application/json"},
            ) as response:
                received = await _read_some(response)
    except BlockedAddress as exc:
        return AttemptResult(None, elapsed(), error=str(exc), blocked=True)
    except TimeoutError:
        return AttemptResult(None, elapsed(), error=f"no answer within {seconds:g} s")
    except httpx.HTTPError as exc:
        return AttemptResult(None, elapsed(), error=f"{type(exc).__name__}: {exc}"[:500])
    return AttemptResult(
        response.status_code,
        elapsed(),
        error=None if response.is_success else f"HTTP {response.status_code}",
        response_body=received,
        retry_after=parse_retry_after(response.headers.get("retry-after")),
    )


async def _read_some(response: httpx.Response) -> str:
    """The start of the answer, for the attempt log; the rest is not read."""
    kept = b""
    async for chunk in response.aiter_bytes():
        kept += chunk
        if len(kept) >= RESPONSE_BODY_LIMIT:
            break
    return kept[:RESPONSE_BODY_LIMIT].decode("utf-8", "replace")
