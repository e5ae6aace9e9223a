"""The demo's interviews: each job's plan from its template, a few panels scheduled in the
past and the days ahead, interviewers' weekly hours, and scorecards (one left missing, so
that a hiring manager's dashboard has something to score)."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.candidates import service as candidates
from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.interviews import service as interviews
from hireline.interviews.schemas import (
    AvailabilityWrite,
    InterviewCreate,
    InterviewRead,
    ScorecardWrite,
    WeeklyWindow,
)

INTERVIEWED_PER_JOB = 3
RECOMMENDATION_BY_AVERAGE = ((3.5, "strong_yes"), (2.75, "yes"), (2.0, "no"))


@dataclass(frozen=True)
class Panel:
    """One demo job and the two people who interview for it."""

    job_id: uuid.UUID
    hiring_manager: Principal
    interviewer: Principal


def _at(day: datetime, hour: int) -> datetime:
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


async def _score(
    session: AsyncSession, who: Principal, interview: InterviewRead, rng: random.Random
) -> None:
    ratings: dict[str, int | str] = {
        a.key: rng.choice([2, 3, 3, 4]) for a in interview.kit.attributes
    }
    if interview.kit.attributes:
        ratings[interview.kit.attributes[-1].key] = "no_evidence"
    given = [r for r in ratings.values() if isinstance(r, int)]
    average = sum(given) / len(given) if given else 2.5
    recommendation = next(
        (r for low, r in RECOMMENDATION_BY_AVERAGE if average >= low), "strong_no"
    )
    notes = {
        q.id: f"{q.topic}: answered with a concrete example." for q in interview.kit.questions[:2]
    }
    await interviews.submit_scorecard(
        session,
        who,
        interview.id,
        ScorecardWrite.model_validate(
            {
                "ratings": ratings,
                "notes": notes,
                "summary": "Clear thinking; see the notes per question.",
                "recommendation": recommendation,
            }
        ),
    )


async def seed_interviews(
    sessions: async_sessionmaker[AsyncSession],
    owner: Principal,
    panels: list[Panel],
    now: datetime,
    rng: random.Random,
) -> int:
    """Plans, interviews, hours and scorecards for the demo's jobs; returns the interviews."""
    scheduled = 0
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, owner.tenant_id)
        for panel in panels:
            for who, zone in ((panel.interviewer, "Europe/Berlin"), (panel.hiring_manager, "UTC")):
                await interviews.set_my_hours(
                    session,
                    who,
                    AvailabilityWrite(
                        time_zone=zone,
                        windows=[
                            WeeklyWindow(weekday=day, starts=time(9), ends=time(16))
                            for day in range(1, 6)
                        ],
                    ),
                )
            plan = await interviews.get_plan(session, owner, panel.job_id)
            screen, technical = plan.interviews[0], plan.interviews[1]
            rows, _ = await candidates.applications_of_job(
                session,
                owner.tenant_id,
                panel.job_id,
                stage_id=None,
                status="active",
                applied_from=None,
                applied_to=None,
                cursor=None,
                limit=INTERVIEWED_PER_JOB,
            )
            team = [uuid.UUID(panel.interviewer.id), uuid.UUID(panel.hiring_manager.id)]
            moments = [
                (technical.id, _at(now - timedelta(days=4), 10), team),
                (technical.id, _at(now - timedelta(days=2), 14), team),
                (screen.id, _at(now + timedelta(days=2), 11), team[1:]),
            ]
            for (application, *_), (planned, starts, people) in zip(rows, moments, strict=False):
                interview = await interviews.schedule(
                    session,
                    owner,
                    application.id,
                    InterviewCreate.model_validate(
                        {
                            "plan_interview_id": planned,
                            "interviewer_ids": people,
                            "starts_at": starts,
                            "time_zone": "UTC",
                            "video_url": "https://meet.example/demo-robotics",
                            "force": True,
                        }
                    ),
                )
                scheduled += 1
                if starts > now:
                    continue
                await _score(session, panel.interviewer, interview, rng)
                # The second past interview still waits for the hiring manager's scorecard.
                if scheduled % 3 == 1:
                    await _score(session, panel.hiring_manager, interview, rng)
    return scheduled
