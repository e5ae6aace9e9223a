"""HTTP layer of interviews: plans, scheduling, scorecards, weekly hours."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.core.timestamps import Timestamp
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.interviews import service
from hireline.interviews.schemas import (
    AvailabilityRead,
    AvailabilityWrite,
    FeedbackSummary,
    InterviewCreate,
    InterviewList,
    InterviewRead,
    InterviewUpdate,
    PlanRead,
    PlanWrite,
    ScorecardHistory,
    ScorecardList,
    ScorecardRead,
    ScorecardWrite,
    SlotList,
)

router = APIRouter(prefix="/v1", tags=["interviews"])
Reader = Annotated[Principal, require(Action.INTERVIEWS_READ)]
Manager = Annotated[Principal, require(Action.INTERVIEWS_MANAGE)]
Scorer = Annotated[Principal, require(Action.SCORECARDS_WRITE)]
FeedbackReader = Annotated[Principal, require(Action.SCORECARDS_READ)]


@router.get("/jobs/{job_id}/interview-plan", summary="The job's interview plan and kits")
async def get_interview_plan(job_id: uuid.UUID, session: DbSession, principal: Reader) -> PlanRead:
    return await service.get_plan(session, principal, job_id)


@router.put("/jobs/{job_id}/interview-plan", summary="Replace the job's interview plan")
async def replace_interview_plan(
    job_id: uuid.UUID, body: PlanWrite, session: DbSession, principal: Manager
) -> PlanRead:
    return await service.replace_plan(session, principal, job_id, body)


@router.post(
    "/applications/{application_id}/interviews",
    status_code=status.HTTP_201_CREATED,
    summary="Schedule an interview; the panel and the candidate get an invitation",
)
async def schedule_interview(
    application_id: uuid.UUID, body: InterviewCreate, session: DbSession, principal: Manager
) -> InterviewRead:
    return await service.schedule(session, principal, application_id, body)


@router.get("/applications/{application_id}/interviews", summary="The application's interviews")
async def application_interviews(
    application_id: uuid.UUID, session: DbSession, principal: Reader
) -> InterviewList:
    return InterviewList(
        items=await service.interviews_of_application(session, principal, application_id)
    )


@router.get(
    "/applications/{application_id}/interview-slots",
    summary="The next slots when the whole panel is free",
)
async def interview_slots(
    application_id: uuid.UUID,
    session: DbSession,
    principal: Manager,
    plan_interview_id: uuid.UUID | None = None,
    interviewer_ids: Annotated[list[uuid.UUID], Query(max_length=12)] = [],  # noqa: B006
    duration_minutes: Annotated[int | None, Query(ge=10, le=480)] = None,
    after: Timestamp | None = None,
    count: Annotated[int, Query(ge=1, le=20)] = 5,
) -> SlotList:
    return SlotList(
        items=await service.free_slots(
            session,
            principal,
            application_id,
            plan_interview_id=plan_interview_id,
            interviewer_ids=interviewer_ids,
            minutes=duration_minutes,
            after=after,
            count=count,
        )
    )


@router.get("/me/interviews", summary="Your interviews, from a week ago on")
async def my_interviews(
    session: DbSession, principal: Reader, include_past: bool = False
) -> InterviewList:
    return InterviewList(
        items=await service.my_interviews(session, principal, include_past=include_past)
    )


@router.get("/interviews/{interview_id}", summary="One interview with its kit")
async def get_interview(
    interview_id: uuid.UUID, session: DbSession, principal: Reader
) -> InterviewRead:
    return await service.get_interview(session, principal, interview_id)


@router.patch(
    "/interviews/{interview_id}",
    summary="Reschedule or change the panel; everyone gets an update",
)
async def reschedule_interview(
    interview_id: uuid.UUID, body: InterviewUpdate, session: DbSession, principal: Manager
) -> InterviewRead:
    return await service.reschedule(session, principal, interview_id, body)


@router.post("/interviews/{interview_id}/cancel", summary="Cancel; everyone gets a cancellation")
async def cancel_interview(
    interview_id: uuid.UUID, session: DbSession, principal: Manager
) -> InterviewRead:
    return await service.cancel(session, principal, interview_id)


@router.post(
    "/interviews/{interview_id}/scorecards",
    status_code=status.HTTP_201_CREATED,
    summary="Submit (or revise) your scorecard",
)
async def submit_scorecard(
    interview_id: uuid.UUID, body: ScorecardWrite, session: DbSession, principal: Scorer
) -> ScorecardRead:
    return await service.submit_scorecard(session, principal, interview_id, body)


@router.get(
    "/interviews/{interview_id}/scorecards",
    summary="The interview's scorecards (hidden from its panel until they submit theirs)",
)
async def interview_scorecards(
    interview_id: uuid.UUID, session: DbSession, principal: FeedbackReader
) -> ScorecardList:
    return ScorecardList(
        items=await service.scorecards_of_interview(session, principal, interview_id)
    )


@router.get(
    "/applications/{application_id}/scorecards",
    summary="The application's scorecards (hidden from its panel until they submit theirs)",
)
async def application_scorecards(
    application_id: uuid.UUID, session: DbSession, principal: FeedbackReader
) -> ScorecardList:
    return ScorecardList(
        items=await service.scorecards_of_application(session, principal, application_id)
    )


@router.get(
    "/scorecards/{scorecard_id}/versions",
    summary="Every submitted version of a scorecard (edits after submission are kept)",
)
async def scorecard_versions(
    scorecard_id: uuid.UUID, session: DbSession, principal: FeedbackReader
) -> ScorecardHistory:
    return await service.scorecard_history(session, principal, scorecard_id)


@router.get(
    "/applications/{application_id}/feedback-summary",
    summary="Ratings per attribute, the recommendation spread and what lacks evidence",
)
async def feedback_summary(
    application_id: uuid.UUID, session: DbSession, principal: FeedbackReader
) -> FeedbackSummary:
    return await service.feedback_summary(session, principal, application_id)


@router.get("/me/availability", summary="Your weekly interviewing hours")
async def my_availability(session: DbSession, principal: Reader) -> AvailabilityRead:
    return await service.my_hours(session, principal)


@router.put("/me/availability", summary="Replace your weekly interviewing hours")
async def replace_my_availability(
    body: AvailabilityWrite, session: DbSession, principal: Reader
) -> AvailabilityRead:
    return await service.set_my_hours(session, principal, body)
