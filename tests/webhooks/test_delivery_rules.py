"""When a failed delivery is tried again, and what counts as failed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from hireline.webhooks.delivery import (
    JITTER,
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    AttemptResult,
    parse_retry_after,
    retry_delay,
)


def test_eight_attempts_over_about_a_day() -> None:
    assert MAX_ATTEMPTS == 8
    total = sum(RETRY_DELAYS)
    assert timedelta(hours=20) < timedelta(seconds=total) < timedelta(hours=32)
    assert retry_delay(MAX_ATTEMPTS) is None


def test_delays_grow_and_carry_jitter() -> None:
    rng = random.Random(7)
    for attempt, base in enumerate(RETRY_DELAYS, start=1):
        delays = {retry_delay(attempt, rng=rng) for _ in range(20)}
        assert all(
            d is not None and base * (1 - JITTER) <= d <= base * (1 + JITTER) for d in delays
        )
        assert len(delays) > 1  # not all receivers retried in lockstep


def test_retry_after_asks_for_more_patience_not_less() -> None:
    assert retry_delay(1, retry_after=600) == 600
    delay = retry_delay(4, retry_after=1)
    assert delay is not None
    assert delay > 3600
    assert retry_delay(1, retry_after=10**9) == 24 * 3600


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 25 Nov 2026 12:02:00 GMT", now) == 120
    assert parse_retry_after("Wed, 25 Nov 2026 11:00:00 GMT", now) == 0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


@pytest.mark.parametrize(
    ("status", "error", "succeeded", "retryable"),
    [
        (200, None, True, False),
        (204, None, True, False),
        (301, "HTTP 301", False, False),
        (400, "HTTP 400", False, False),
        (410, "HTTP 410", False, False),
        (408, "HTTP 408", False, True),
        (429, "HTTP 429", False, True),
        (500, "HTTP 500", False, True),
        (503, "HTTP 503", False, True),
        (None, "ConnectError", False, True),
    ],
)
def test_what_is_retried(
    status: int | None, error: str | None, succeeded: bool, retryable: bool
) -> None:
    result = AttemptResult(status, 5, error=error)
    assert result.succeeded is succeeded
    assert result.retryable is retryable


def test_a_blocked_address_is_never_retried() -> None:
    assert AttemptResult(None, 1, error="blocked", blocked=True).retryable is False
