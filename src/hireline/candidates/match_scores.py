"""The match scores that applicant lists rank by, plugged in by the matching room.

Matching sits above candidates (it scores applications), yet a job's applicants are listed
best match first in one statement. So candidates declares what it needs, a table of scores
by application and a way to put a score's explanation in words, and `matching.service`
plugs its own in when it is imported (the API, the worker and the CLI all import it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hireline.candidates.schemas import MatchSummary


@dataclass(frozen=True)
class MatchScores:
    """`model`: a mapped class with `tenant_id`, `job_id`, `application_id`, `score` and
    `explanation`; `summary`: a score and its explanation in brief."""

    model: Any
    summary: Callable[[float, Mapping[str, Any]], MatchSummary]


_plugged: list[MatchScores] = []


def plug(scores: MatchScores) -> None:
    """Make `scores` the ones applicant lists rank by (the last plugged in wins)."""
    _plugged[:] = [scores]


def plugged() -> MatchScores:
    if not _plugged:
        raise RuntimeError("hireline.matching.service must be imported to rank applicants")
    return _plugged[0]
