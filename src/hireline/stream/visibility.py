"""Which events a principal's stream carries: those of records it may read.

An event's type names its record (`application.stage_changed` is about an application); the
principal needs that record's read permission. Members who see only their hiring teams' jobs
(hiring managers, interviewers) get only job and application events of those jobs: what else
they may read depends on rules (an interviewer's own interviews, scorecards after submitting
one's own) that an event's ids cannot answer, so the stream errs on the side of silence.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hireline.core.principal import Principal
from hireline.identity.permissions import Action
from hireline.webhooks.catalogue import EVENT_TYPES

# The permission that reading each kind of record needs (the event type's first word).
RECORD_ACTIONS: Mapping[str, Action] = {
    "job": Action.JOBS_READ,
    "application": Action.CANDIDATES_READ,
    "candidate": Action.CANDIDATES_READ,
    "resume": Action.CANDIDATES_READ,
    "interview": Action.INTERVIEWS_READ,
    "scorecard": Action.SCORECARDS_READ,
    "offer": Action.OFFERS_READ,
}
TEAM_RECORDS = frozenset({"job", "application"})


@dataclass(frozen=True, slots=True)
class Audience:
    """A connected principal and, for team-scoped members, the jobs it may see."""

    principal: Principal
    # None: every job of the organisation.
    visible_jobs: frozenset[uuid.UUID] | None

    def may_see(self, event_type: str, payload: Mapping[str, Any]) -> bool:
        # Internal events serve the system's own handlers; the stream offers the catalogue.
        if event_type not in EVENT_TYPES:
            return False
        record = event_type.partition(".")[0]
        action = RECORD_ACTIONS.get(record)
        if action is None or not self.principal.can(action):
            return False
        if self.visible_jobs is None:
            return True
        if record not in TEAM_RECORDS:
            return False
        job_id = payload.get("job_id")
        try:
            return job_id is not None and uuid.UUID(str(job_id)) in self.visible_jobs
        except ValueError:
            return False
