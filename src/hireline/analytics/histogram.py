"""Durations as bucket counts: they add up across days, jobs and sources, and percentiles
are read from the sums (to the bucket, which is what a report needs)."""

from __future__ import annotations

from collections.abc import Sequence

# Upper bounds of the buckets in hours; the last bucket holds everything longer. Fine where
# hiring decisions are (hours and days), coarse where they are not (months).
BOUNDS_HOURS: tuple[int, ...] = (
    1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160,
)  # fmt: skip
BUCKETS = len(BOUNDS_HOURS) + 1


def columns(prefix: str) -> list[str]:
    """The names of a histogram's columns (`stay_0` ... `stay_19`)."""
    return [f"{prefix}_{i}" for i in range(BUCKETS)]


def percentile(counts: Sequence[int], share: float) -> int | None:
    """The upper bound (hours) of the bucket holding the `share` percentile, by nearest rank;
    None when nothing was counted, or when it lies in the open last bucket."""
    total = sum(counts)
    if total == 0:
        return None
    # Nearest rank: the smallest value with at least `share` of the values at or below it.
    rank = max(1, -int(-share * total // 1))
    seen = 0
    for index, count in enumerate(counts):
        seen += count
        if seen >= rank:
            return BOUNDS_HOURS[index] if index < len(BOUNDS_HOURS) else None
    return None  # unreachable: the counts add up to total
