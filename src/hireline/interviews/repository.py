"""The interviews domain's queries, every one starting from the session's tenant."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Select, delete, exists, select, update
from sqlalchemy.dialects.postgresql import insert

from hireline.core.repositories import Repository
from hireline.interviews.models import (
    AvailabilityWindow,
    Interview,
    InterviewPanelist,
    InterviewPlan,
    PlanInterview,
    Scorecard,
    ScorecardVersion,
)

_Owned = TypeVar(
    "_Owned",
    InterviewPlan,
    PlanInterview,
    Interview,
    InterviewPanelist,
    Scorecard,
    ScorecardVersion,
    AvailabilityWindow,
)


class InterviewRepository(Repository):
    """Plans, interviews, panels, scorecards and hours of the session's tenant."""

    def _owned(self, model: type[_Owned]) -> Select[_Owned]:
        """`SELECT model WHERE tenant_id = <the session's tenant>` (typed for one entity)."""
        return select(model).where(model.tenant_id == self.tenant_id)

    # Plans

    async def claim_plan(self, job_id: uuid.UUID, by: str | None) -> bool:
        """Create the job's plan row; False when it exists (made by another request too)."""
        inserted = await self.session.execute(
            insert(InterviewPlan)
            .values(tenant_id=self.tenant_id, job_id=job_id, updated_by=by)
            .on_conflict_do_nothing()
            .returning(InterviewPlan.job_id)
        )
        return inserted.first() is not None

    async def plan(self, job_id: uuid.UUID) -> InterviewPlan | None:
        return (
            await self.session.execute(
                self._owned(InterviewPlan).where(InterviewPlan.job_id == job_id)
            )
        ).scalar_one_or_none()

    async def plan_interviews(self, job_id: uuid.UUID) -> list[PlanInterview]:
        rows = await self.session.execute(
            self._owned(PlanInterview)
            .where(PlanInterview.job_id == job_id)
            .order_by(PlanInterview.position)
        )
        return list(rows.scalars())

    async def plan_interview(self, plan_interview_id: uuid.UUID) -> PlanInterview | None:
        return (
            await self.session.execute(
                self._owned(PlanInterview).where(PlanInterview.id == plan_interview_id)
            )
        ).scalar_one_or_none()

    async def remove_plan_interviews(self, job_id: uuid.UUID, keep: set[uuid.UUID]) -> None:
        await self.session.execute(
            delete(PlanInterview).where(
                PlanInterview.tenant_id == self.tenant_id,
                PlanInterview.job_id == job_id,
                PlanInterview.id.not_in(keep) if keep else PlanInterview.id.is_not(None),
            )
        )

    # Interviews and panels

    async def unlink_stages(self, stage_ids: set[uuid.UUID]) -> None:
        """Plan interviews in any of the stages are left in none."""
        await self.session.execute(
            update(PlanInterview)
            .where(PlanInterview.tenant_id == self.tenant_id, PlanInterview.stage_id.in_(stage_ids))
            .values(stage_id=None)
        )

    async def interviews_of_application(self, application_id: uuid.UUID) -> list[Interview]:
        return await self.interviews_of_applications([application_id])

    async def interviews_of_applications(self, application_ids: list[uuid.UUID]) -> list[Interview]:
        """The interviews of several applications, each application's in start order."""
        if not application_ids:
            return []
        rows = await self.session.execute(
            self._owned(Interview)
            .where(Interview.application_id.in_(application_ids))
            .order_by(Interview.application_id, Interview.starts_at)
        )
        return list(rows.scalars())

    async def interviews(self, interview_ids: list[uuid.UUID]) -> list[Interview]:
        if not interview_ids:
            return []
        rows = await self.session.execute(
            self._owned(Interview).where(Interview.id.in_(interview_ids))
        )
        return list(rows.scalars())

    async def interviews_of_user(
        self, user_id: uuid.UUID, *, since: datetime | None, limit: int
    ) -> list[Interview]:
        query = self._owned(Interview).where(
            exists().where(
                InterviewPanelist.tenant_id == Interview.tenant_id,
                InterviewPanelist.interview_id == Interview.id,
                InterviewPanelist.user_id == user_id,
            )
        )
        if since is not None:
            query = query.where(Interview.ends_at >= since)
        rows = await self.session.execute(query.order_by(Interview.starts_at).limit(limit))
        return list(rows.scalars())

    async def panels(self, interview_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        ids = list(interview_ids)
        grouped: dict[uuid.UUID, list[uuid.UUID]] = {i: [] for i in ids}
        if not ids:
            return grouped
        rows = await self.session.execute(
            self._owned(InterviewPanelist)
            .where(InterviewPanelist.interview_id.in_(ids))
            .order_by(InterviewPanelist.user_id)
        )
        for panelist in rows.scalars():
            grouped[panelist.interview_id].append(panelist.user_id)
        return grouped

    async def set_panel(self, interview_id: uuid.UUID, user_ids: list[uuid.UUID]) -> None:
        await self.session.execute(
            delete(InterviewPanelist).where(
                InterviewPanelist.tenant_id == self.tenant_id,
                InterviewPanelist.interview_id == interview_id,
                InterviewPanelist.user_id.not_in(user_ids),
            )
        )
        if user_ids:
            await self.session.execute(
                insert(InterviewPanelist)
                .values(
                    [
                        {"tenant_id": self.tenant_id, "interview_id": interview_id, "user_id": u}
                        for u in user_ids
                    ]
                )
                .on_conflict_do_nothing()
            )

    async def busy(
        self,
        user_ids: list[uuid.UUID],
        starts_at: datetime,
        ends_at: datetime,
        *,
        excluding: uuid.UUID | None = None,
    ) -> list[tuple[Interview, uuid.UUID]]:
        """Scheduled interviews of these users overlapping [starts_at, ends_at)."""
        query = (
            select(Interview, InterviewPanelist.user_id)
            .join(
                InterviewPanelist,
                (InterviewPanelist.tenant_id == Interview.tenant_id)
                & (InterviewPanelist.interview_id == Interview.id),
            )
            .where(
                Interview.tenant_id == self.tenant_id,
                Interview.status == "scheduled",
                InterviewPanelist.user_id.in_(user_ids),
                Interview.starts_at < ends_at,
                Interview.ends_at > starts_at,
            )
            .order_by(Interview.starts_at)
        )
        if excluding is not None:
            query = query.where(Interview.id != excluding)
        return [(row[0], row[1]) for row in await self.session.execute(query)]

    async def on_panels(
        self, application_ids: list[uuid.UUID], user_id: uuid.UUID
    ) -> set[uuid.UUID]:
        """Those of the applications the user interviews (or interviewed), cancellations
        aside."""
        if not application_ids:
            return set()
        found = await self.session.execute(
            select(Interview.application_id)
            .distinct()
            .where(
                Interview.tenant_id == self.tenant_id,
                Interview.application_id.in_(application_ids),
                Interview.status == "scheduled",
                exists().where(
                    InterviewPanelist.tenant_id == Interview.tenant_id,
                    InterviewPanelist.interview_id == Interview.id,
                    InterviewPanelist.user_id == user_id,
                ),
            )
        )
        return set(found.scalars())

    async def awaiting_scorecards(
        self, ended_before: datetime, *, user_id: uuid.UUID | None = None, limit: int = 200
    ) -> list[tuple[Interview, InterviewPanelist]]:
        """Past scheduled interviews whose panelist has not submitted a scorecard."""
        query = (
            select(Interview, InterviewPanelist)
            .join(
                InterviewPanelist,
                (InterviewPanelist.tenant_id == Interview.tenant_id)
                & (InterviewPanelist.interview_id == Interview.id),
            )
            .where(
                Interview.tenant_id == self.tenant_id,
                Interview.status == "scheduled",
                Interview.ends_at <= ended_before,
                ~exists().where(
                    Scorecard.tenant_id == Interview.tenant_id,
                    Scorecard.interview_id == Interview.id,
                    Scorecard.interviewer_id == InterviewPanelist.user_id,
                ),
            )
            .order_by(Interview.ends_at)
            .limit(limit)
        )
        if user_id is not None:
            query = query.where(InterviewPanelist.user_id == user_id)
        return [(row[0], row[1]) for row in await self.session.execute(query)]

    # Scorecards

    async def scorecard(self, interview_id: uuid.UUID, user_id: uuid.UUID) -> Scorecard | None:
        return (
            await self.session.execute(
                self._owned(Scorecard).where(
                    Scorecard.interview_id == interview_id, Scorecard.interviewer_id == user_id
                )
            )
        ).scalar_one_or_none()

    async def scorecards_of_application(self, application_id: uuid.UUID) -> list[Scorecard]:
        return await self.scorecards_of_applications([application_id])

    async def scorecards_of_applications(self, application_ids: list[uuid.UUID]) -> list[Scorecard]:
        """The scorecards of several applications, in the order they were submitted."""
        if not application_ids:
            return []
        rows = await self.session.execute(
            self._owned(Scorecard)
            .where(Scorecard.application_id.in_(application_ids))
            .order_by(Scorecard.submitted_at)
        )
        return list(rows.scalars())

    async def submitted_for(
        self, application_ids: list[uuid.UUID], user_id: uuid.UUID
    ) -> set[uuid.UUID]:
        """Those of the applications the user has submitted a scorecard for."""
        if not application_ids:
            return set()
        found = await self.session.execute(
            select(Scorecard.application_id)
            .distinct()
            .where(
                Scorecard.tenant_id == self.tenant_id,
                Scorecard.application_id.in_(application_ids),
                Scorecard.interviewer_id == user_id,
            )
        )
        return set(found.scalars())

    async def scored_by(self, interview_ids: list[uuid.UUID], user_id: uuid.UUID) -> set[uuid.UUID]:
        """Those of the interviews the user has submitted a scorecard for."""
        if not interview_ids:
            return set()
        found = await self.session.execute(
            select(Scorecard.interview_id).where(
                Scorecard.tenant_id == self.tenant_id,
                Scorecard.interview_id.in_(interview_ids),
                Scorecard.interviewer_id == user_id,
            )
        )
        return set(found.scalars())

    async def scorecard_by_id(self, scorecard_id: uuid.UUID) -> Scorecard | None:
        return (
            await self.session.execute(self._owned(Scorecard).where(Scorecard.id == scorecard_id))
        ).scalar_one_or_none()

    async def versions(self, scorecard_id: uuid.UUID) -> list[ScorecardVersion]:
        rows = await self.session.execute(
            self._owned(ScorecardVersion)
            .where(ScorecardVersion.scorecard_id == scorecard_id)
            .order_by(ScorecardVersion.version)
        )
        return list(rows.scalars())

    async def forget_candidate(self, candidate_id: uuid.UUID) -> int:
        """Clear what interviewers wrote about a candidate (notes, summaries, every version)
        and where they met; ratings and recommendations stay, as numbers. Returns the
        scorecards cleared."""
        interview_ids = select(Interview.id).where(
            Interview.tenant_id == self.tenant_id, Interview.candidate_id == candidate_id
        )
        await self.session.execute(
            update(Interview)
            .where(Interview.tenant_id == self.tenant_id, Interview.candidate_id == candidate_id)
            .values(location=None, video_url=None)
        )
        cleared = await self.session.execute(
            update(Scorecard)
            .where(Scorecard.tenant_id == self.tenant_id, Scorecard.interview_id.in_(interview_ids))
            .values(notes={}, summary=None)
            .returning(Scorecard.id)
        )
        ids = list(cleared.scalars())
        if ids:
            await self.session.execute(
                update(ScorecardVersion)
                .where(
                    ScorecardVersion.tenant_id == self.tenant_id,
                    ScorecardVersion.scorecard_id.in_(ids),
                )
                .values(notes={}, summary=None)
            )
        return len(ids)

    # Weekly hours

    async def availability(self, user_ids: list[uuid.UUID]) -> list[AvailabilityWindow]:
        rows = await self.session.execute(
            self._owned(AvailabilityWindow)
            .where(AvailabilityWindow.user_id.in_(user_ids))
            .order_by(AvailabilityWindow.weekday, AvailabilityWindow.starts)
        )
        return list(rows.scalars())

    async def clear_availability(self, user_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(AvailabilityWindow).where(
                AvailabilityWindow.tenant_id == self.tenant_id,
                AvailabilityWindow.user_id == user_id,
            )
        )

    async def reread(self, card: Scorecard) -> None:
        """Read a scorecard's row again, with what the database set on it (timestamps)."""
        await self.session.refresh(card)
