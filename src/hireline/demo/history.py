"""Ninety days of hiring: when each demo application arrived and what happened to it since.

A plan per application (arrival, stage moves, and an ending: rejected with a reason, hired,
withdrawn, or still active), drawn from one `random.Random` and played through the real
pipeline services by the seeder, which then dates every row those services wrote.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

HISTORY_DAYS = 90
Outcome = Literal["active", "rejected", "hired", "withdrawn"]
# Why applications end at each depth of the pipeline, with how often.
EARLY_REASONS = (("not_qualified", 5), ("more_qualified_candidates", 4), ("location", 2))
LATE_REASONS = (
    ("more_qualified_candidates", 4),
    ("salary_expectations", 2),
    ("culture_add", 1),
    ("no_show", 1),
)


@dataclass(frozen=True)
class Move:
    stage_index: int
    at: datetime


@dataclass(frozen=True)
class Ending:
    outcome: Outcome
    at: datetime
    reason: str | None = None


@dataclass(frozen=True)
class Story:
    """What happens to one application, in order."""

    applied_at: datetime
    moves: list[Move] = field(default_factory=list)
    ending: Ending | None = None


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([key for key, _ in weighted], weights=[w for _, w in weighted])[0]


def story(rng: random.Random, now: datetime, stages: int, *, may_hire: bool) -> Story:
    """An application's history over the last `HISTORY_DAYS` days, ending before `now`.

    Older applications have had time to move further, as in a real pipeline; one that
    reaches the last stage (the offer) may be hired when `may_hire`.
    """
    applied_at = now - timedelta(days=rng.uniform(0.1, HISTORY_DAYS - 0.5))
    clock = applied_at
    moves: list[Move] = []
    index = 0
    while index < stages - 1 and rng.random() < 0.6:
        step = clock + timedelta(days=rng.uniform(1.0, 8.0), hours=rng.uniform(0, 8))
        if step >= now:
            break
        index += 1
        clock = step
        moves.append(Move(index, clock))
    later = clock + timedelta(days=rng.uniform(0.5, 6.0))
    if later >= now:
        return Story(applied_at, moves)
    if index == stages - 1 and may_hire and rng.random() < 0.7:
        return Story(applied_at, moves, Ending("hired", later))
    roll = rng.random()
    if roll < 0.45:
        reasons = EARLY_REASONS if index <= 1 else LATE_REASONS
        return Story(applied_at, moves, Ending("rejected", later, _pick(rng, reasons)))
    if roll < 0.5:
        return Story(applied_at, moves, Ending("withdrawn", later))
    return Story(applied_at, moves)
