"""A small tenant history with known answers: five applications to one job whose stage
histories include a move back, a rejection undone, a withdrawal and a hire, plus an
interview and two offers. The expected figures are worked out by hand in the tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Activity, Application, Candidate
from hireline.interviews.models import Interview, InterviewPanelist
from hireline.offers.models import Offer

# A Monday: application days are T0 + whole days.
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
# When the summaries are rebuilt: 20 days after T0 (staleness is measured from here).
NOW = T0 + timedelta(days=20)
STAGES = ["Applied", "Screen", "Interview", "Offer"]


@dataclass
class History:
    """One application: when it arrived, from where, and its steps (hours after arrival)."""

    name: str
    day: int
    source: str
    steps: list[tuple[float, str, dict[str, Any]]]
    status: str
    stage: str
    rejection_reason: str | None = None


HISTORIES = [
    # A: moved forward, back to Screen, forward again, offered and hired.
    History(
        "a", 0, "careers_page",
        [(2, "moved", {"to": "Screen"}), (30, "moved", {"to": "Interview"}),
         (50, "moved", {"to": "Screen"}), (60, "moved", {"to": "Interview"}),
         (80, "moved", {"to": "Offer"}), (100, "hired", {})],
        "hired", "Offer",
    ),
    # B: rejected in Screen, the rejection undone, moved on to Interview (still there).
    History(
        "b", 1, "referral",
        [(5, "moved", {"to": "Screen"}), (20, "rejected", {"reason": "not_qualified"}),
         (30, "reopened", {"reason": "not_qualified"}), (40, "moved", {"to": "Interview"})],
        "active", "Interview",
    ),
    # C: rejected straight from Applied.
    History(
        "c", 0, "careers_page", [(3, "rejected", {"reason": "location"})],
        "rejected", "Applied", "location",
    ),
    # D: screened, then withdrew.
    History(
        "d", 2, "referral",
        [(10, "moved", {"to": "Screen"}), (12, "withdrawn", {})], "withdrawn", "Screen",
    ),
    # E: arrived ten days later, untouched since.
    History("e", 10, "careers_page", [], "active", "Applied"),
]  # fmt: skip


async def load(
    session: AsyncSession, tenant_id: uuid.UUID, job: dict[str, Any], user_id: uuid.UUID
) -> dict[str, uuid.UUID]:
    """Write the histories into the tenant (its session must be in the tenant); returns the
    application ids by name."""
    job_id = uuid.UUID(job["id"])
    stage_ids = {s["name"]: uuid.UUID(s["id"]) for s in job["stages"]}
    ids: dict[str, uuid.UUID] = {}
    for history in HISTORIES:
        applied_at = T0 + timedelta(days=history.day)
        candidate = Candidate(
            tenant_id=tenant_id, email=f"{history.name}@example.com",
            email_normalized=f"{history.name}@example.com", name=history.name.upper(),
        )  # fmt: skip
        session.add(candidate)
        await session.flush()
        application = Application(
            tenant_id=tenant_id, job_id=job_id, candidate_id=candidate.id,
            stage_id=stage_ids[history.stage], status=history.status, source=history.source,
            consent_at=applied_at, consent_text="yes", applied_at=applied_at,
            rejection_reason=history.rejection_reason,
        )  # fmt: skip
        session.add(application)
        await session.flush()
        ids[history.name] = application.id

        def activity(
            kind: str,
            at: datetime,
            actor: str,
            details: dict[str, Any],
            candidate_id: uuid.UUID = candidate.id,
            application_id: uuid.UUID = application.id,
        ) -> Activity:
            return Activity(
                tenant_id=tenant_id, candidate_id=candidate_id, application_id=application_id,
                actor_type=actor, actor_id=str(user_id), kind=kind, details=details,
                occurred_at=at,
            )  # fmt: skip

        session.add(activity("application.created", applied_at, "candidate", {}))
        current = stage_ids["Applied"]
        for hours, kind, facts in history.steps:
            details: dict[str, Any] = {k: v for k, v in facts.items() if k != "to"}
            if kind == "moved":
                target = stage_ids[facts["to"]]
                details = {"from_stage_id": str(current), "to_stage_id": str(target)}
                current = target
            at = applied_at + timedelta(hours=hours)
            actor = "candidate" if kind == "withdrawn" else "user"
            session.add(activity(f"application.{kind}", at, actor, details))
            await session.flush()
    await _interviews_and_offers(session, tenant_id, job_id, ids, user_id)
    return ids


async def _interviews_and_offers(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    job_id: uuid.UUID,
    ids: dict[str, uuid.UUID],
    user_id: uuid.UUID,
) -> None:
    candidates = {
        name: (await session.get(Application, (tenant_id, app_id))).candidate_id  # type: ignore[union-attr]
        for name, app_id in ids.items()
    }

    def interview(name: str, status: str, hours: float) -> Interview:
        starts = T0 + timedelta(hours=hours)
        return Interview(
            tenant_id=tenant_id, application_id=ids[name], job_id=job_id,
            candidate_id=candidates[name], name="Technical", starts_at=starts,
            kit={"questions": [], "attributes": [], "evaluation_tips": [], "red_flags": []},
            ends_at=starts + timedelta(hours=1), time_zone="UTC", ical_uid=f"{name}@test",
            status=status,
        )  # fmt: skip

    held = interview("a", "scheduled", 40)
    session.add_all([held, interview("b", "cancelled", 70)])
    await session.flush()
    # A's interviewer never handed in a scorecard.
    session.add(InterviewPanelist(tenant_id=tenant_id, interview_id=held.id, user_id=user_id))

    def offer(name: str, status: str, sent_h: float, decided_h: float, in_band: bool) -> Offer:
        return Offer(
            tenant_id=tenant_id, application_id=ids[name], job_id=job_id,
            candidate_id=candidates[name], status=status, base_salary=100_000, currency="USD",
            start_date=date(2027, 1, 4), expires_at=NOW, template_key="standard",
            within_band=in_band, sent_at=T0 + timedelta(hours=sent_h),
            decided_at=T0 + timedelta(hours=decided_h),
        )  # fmt: skip

    # A's offer: sent 85 h after A applied, accepted 10 h later, within the band.
    # B's: declined, outside the band.
    session.add_all(
        [offer("a", "accepted", 85, 95, True), offer("b", "declined", 24 + 45, 24 + 50, False)]
    )
    await session.flush()
