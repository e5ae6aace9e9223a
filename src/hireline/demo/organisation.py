"""The demo organisation: a team, four jobs from built-in templates, and 90 days of hiring.

Everything goes through the product's own services (sign-up, invitations, jobs, applying,
the pipeline), so the demo shows what they really do: résumés are parsed, applicants scored
and hiring teams e-mailed by the worker, as for any organisation. Only the clock is the
seeder's: every row a service writes for a past moment (activity, domain events, the
application itself) is dated to that moment, so timelines and reports read as 90 days of work.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.board import syndication
from hireline.candidates import applying, pipeline, rejection_reasons
from hireline.candidates.schemas import ApplicationForm
from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.core.tenancy import enter_tenant
from hireline.demo import appearance
from hireline.demo.clock import Clock
from hireline.demo.collaboration import annotate
from hireline.demo.documents import LAYOUTS, resume_file
from hireline.demo.history import Story, story
from hireline.demo.interviews import Panel, seed_interviews
from hireline.demo.offers import seed_offers
from hireline.demo.openings import OPENINGS, Opening, job_body
from hireline.demo.people import Person, person
from hireline.demo.team import DEMO_SLUG, SignIn, create_team, principal
from hireline.guides.questions import service as questions
from hireline.guides.templates import service as guides
from hireline.guides.templates.builtin import load_builtin_templates
from hireline.identity import service as identity
from hireline.identity.organization import service as organization
from hireline.identity.permissions import Role
from hireline.jobs import service as jobs
from hireline.jobs.schemas import JobCreate
from hireline.retention import service as retention
from hireline.retention.schemas import RetentionPolicyWrite
from hireline.webhooks import service as webhooks
from hireline.webhooks.schemas import EndpointCreate

PYTHON = "python-backend-developer"
OWN_SUMMARY = (
    "Demo Robotics builds the software that keeps a fleet of warehouse robots moving: "
    "join the backend team that owns its APIs and data."
)
APPLICANTS_PER_TRANSACTION = 50
FOUNDED = timedelta(days=100)  # the organisation's age: set up, then jobs opened 95 days ago
SOURCES = (("careers_page", 5), ("referral", 2), ("sourced", 2), ("job_board", 3))


@dataclass(frozen=True)
class DemoLogin:
    """What the seeding made and how to sign in to it."""

    slug: str
    sign_ins: tuple[SignIn, ...]
    applications: int
    notes: tuple[str, ...] = ()

    @property
    def email(self) -> str:
        return self.sign_ins[0].email

    @property
    def password(self) -> str:
        return self.sign_ins[0].password


async def _settings_of_the_organisation(
    sessions: async_sessionmaker[AsyncSession], owner: Principal, now: datetime
) -> None:
    """What an organisation sets up before hiring: its own wording of a template, a question
    of its own, a webhook endpoint (off until pointed at a real receiver) and how long it
    keeps rejected candidates."""
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, owner.tenant_id)
        clock = Clock(session)
        settled = now - FOUNDED + timedelta(days=2)
        await clock.at(settled, guides.fork(session, owner, PYTHON, new_key=None))
        await clock.at(
            settled,
            guides.edit(
                session,
                owner,
                PYTHON,
                {"summary": OWN_SUMMARY},
                note="Our own summary for the careers page",
                expected_version=1,
            ),
        )
        await clock.at(
            settled,
            questions.add(
                session,
                owner,
                category="technical",
                topic="Robot fleet telemetry",
                question=(
                    "Our robots report their position every second. How would you store a "
                    "year of it so that the last hour of one robot loads in milliseconds?"
                ),
                strong_answer=(
                    "Partitions by time, an index leading with the robot, old partitions "
                    "compressed or rolled up; measures before and after."
                ),
                skills=["PostgreSQL", "Python"],
                levels=["senior", "staff"],
                role=PYTHON,
            ),
        )
        await clock.at(
            settled,
            webhooks.create_endpoint(
                session,
                owner,
                EndpointCreate(
                    url="https://hooks.example.com/hireline",
                    event_types=["application.created", "candidate.hired"],
                    description="Example receiver: point it at your own URL, then enable it",
                    enabled=False,
                ),
                allow_private=False,
            ),
        )
        # Longer than the demo's history: a visitor sees the policy, nobody is erased.
        await clock.at(
            settled,
            retention.replace_policies(
                session,
                owner,
                [RetentionPolicyWrite(scope="rejected", erase_after_months=12, notice_days=14)],
            ),
        )


async def _play(
    clock: Clock,
    actor: Principal,
    application_id: uuid.UUID,
    plot: Story,
    stage_ids: list[uuid.UUID],
    reasons: dict[str, str],
) -> None:
    """Move the application through its story, each step at its own moment."""
    for move in plot.moves:
        await clock.at(
            move.at,
            pipeline.move(clock.session, actor, application_id, stage_ids[move.stage_index]),
        )
    ending = plot.ending
    if ending is None:
        return
    details: dict[str, Any] | None = None
    if ending.outcome == "rejected":
        assert ending.reason is not None
        details = {
            "reason": ending.reason,
            "reason_label": reasons[ending.reason],
            "notify_candidate": False,
        }
    await clock.at(
        ending.at, pipeline.finish(clock.session, actor, application_id, ending.outcome, details)
    )


@dataclass(frozen=True)
class _OpenJob:
    """A demo job as its applicants need it."""

    opening: Opening
    job_id: uuid.UUID
    stage_ids: list[uuid.UUID]
    wanted: list[str]  # required and preferred skills
    related: list[str]  # the template's other technologies
    others: list[str]  # other trades' skills
    actors: list[Principal]  # who moves its applications: the recruiter, the hiring manager


@dataclass(frozen=True)
class _Applicant:
    job: _OpenJob
    person: Person
    plot: Story
    source: str
    layout: str


async def _open_jobs(
    sessions: async_sessionmaker[AsyncSession],
    owner: Principal,
    bodies: list[tuple[Opening, JobCreate, list[Principal]]],
    now: datetime,
) -> list[_OpenJob]:
    """Every demo job, created and published 95 days ago."""
    templates = load_builtin_templates()
    opened = now - timedelta(days=95)
    found = []
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, owner.tenant_id)
        clock = Clock(session)
        for opening, body, actors in bodies:
            job = await clock.at(opened, jobs.create(session, owner, body))
            await clock.at(opened, jobs.transition(session, owner, job.id, "publish"))
            wanted = [*job.required_skills, *job.preferred_skills]
            found.append(
                _OpenJob(
                    opening=opening,
                    job_id=job.id,
                    stage_ids=[stage.id for stage in await jobs.stages_of(session, job)],
                    wanted=wanted,
                    related=[
                        name
                        for group in templates[opening.template].technologies
                        for name in group.names
                        if name not in wanted
                    ],
                    others=[
                        name
                        for key, other in templates.items()
                        if key != opening.template
                        for group in other.technologies
                        for name in group.names
                    ],
                    actors=actors,
                )
            )
    return found


def _cast(
    rng: random.Random, open_jobs: list[_OpenJob], now: datetime, scale: float
) -> list[_Applicant]:
    """Everyone who applies, with their stories, in the order they applied."""
    cast: list[_Applicant] = []
    layouts = list(LAYOUTS)
    for open_job in open_jobs:
        hires = 0
        title = load_builtin_templates()[open_job.opening.template].title
        for _ in range(max(3, round(open_job.opening.applicants * scale))):
            applicant = person(
                rng,
                len(cast),
                role=title,
                wanted=open_job.wanted,
                related=open_job.related,
                others=open_job.others,
                today=now.date(),
            )
            plot = story(rng, now, len(open_job.stage_ids), may_hire=hires < 2)
            hires += plot.ending is not None and plot.ending.outcome == "hired"
            source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
            cast.append(_Applicant(open_job, applicant, plot, source, layouts[len(cast) % 5]))
    # Applied in date order, so that ids (UUIDv7, "newest first" lists) follow the dates.
    return sorted(cast, key=lambda applicant: applicant.plot.applied_at)


async def _apply_all(
    sessions: async_sessionmaker[AsyncSession],
    storage: FileStorage,
    tenant_id: uuid.UUID,
    cast: list[_Applicant],
    rng: random.Random,
) -> None:
    """Each applicant applies, then lives their story, each step dated to its moment."""
    for first in range(0, len(cast), APPLICANTS_PER_TRANSACTION):
        async with unit_of_work(sessions) as session:
            await enter_tenant(session, tenant_id)
            tenant = await organization.get(session, tenant_id)
            reasons = (await rejection_reasons.reasons_of(session, tenant_id)).labels
            clock = Clock(session)
            for applicant in cast[first : first + APPLICANTS_PER_TRANSACTION]:
                who, plot = applicant.person, applicant.plot
                applied = await clock.at(
                    plot.applied_at,
                    applying.apply(
                        session,
                        storage,
                        tenant,
                        applicant.job.job_id,
                        ApplicationForm(name=who.name, email=who.email, consent=True),
                        resume_file(who, applicant.layout),
                        source=applicant.source,
                    ),
                )
                # The candidate row is written by an INSERT of its own: dated here.
                applied.candidate.created_at = applied.candidate.updated_at = plot.applied_at
                await _play(
                    clock,
                    rng.choice(applicant.job.actors),
                    applied.application.id,
                    plot,
                    applicant.job.stage_ids,
                    reasons,
                )


async def seed(
    sessions: async_sessionmaker[AsyncSession],
    issuer: identity.TokenIssuer,
    storage: FileStorage,
    *,
    scale: float = 1.0,
    password: str | None = None,
    rng_seed: int = 7,
    now: datetime | None = None,
) -> DemoLogin:
    """Create the demo organisation; the same `rng_seed` gives the same people and stories.

    `scale` multiplies the number of applicants per job (tests use less than 1).
    """
    rng = random.Random(rng_seed)  # noqa: S311  (invented data, not security)
    now = now or datetime.now(UTC)
    tenant, ids, sign_ins = await create_team(sessions, issuer, password, now - FOUNDED)
    roles = {sign_in.email: sign_in.role for sign_in in sign_ins}
    owner = principal(tenant.id, ids[sign_ins[0].email], Role.OWNER)
    recruiter = next(s for s in sign_ins if s.role == Role.RECRUITER)
    templates = load_builtin_templates()
    await _settings_of_the_organisation(sessions, owner, now)
    await appearance.present(sessions, owner)
    bodies = [
        (
            opening,
            job_body(templates[opening.template], opening, ids, ids[recruiter.email]),
            [
                principal(tenant.id, ids[email], roles[email])
                for email in (recruiter.email, opening.hiring_manager)
            ],
        )
        for opening in OPENINGS
    ]
    open_jobs = await _open_jobs(sessions, owner, bodies, now)
    # One job stays on the careers pages but out of the aggregator feed (jobs.xml).
    unlisted = open_jobs[-1]
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, tenant.id)
        await syndication.set_syndicated(session, tenant.id, unlisted.job_id, syndicated=False)
    cast = _cast(rng, open_jobs, now, scale)
    await _apply_all(sessions, storage, tenant.id, cast, rng)
    notes = (
        *(o.out_of_band for o in OPENINGS if o.out_of_band),
        f"The {templates[unlisted.opening.template].title} job is kept out of the aggregator"
        f" feed (/careers/{DEMO_SLUG}/jobs.xml) to show the per-job opt-out.",
    )
    await seed_interviews(
        sessions,
        owner,
        [
            Panel(
                job.job_id,
                principal(tenant.id, ids[job.opening.hiring_manager], Role.HIRING_MANAGER),
                principal(tenant.id, ids[job.opening.interviewer], Role.INTERVIEWER),
            )
            for job in open_jobs[:2]
        ],
        now,
        rng,
    )
    await seed_offers(sessions, tenant.id, ids, sign_ins, now)
    await annotate(sessions, tenant.id, principal(tenant.id, ids[recruiter.email], Role.RECRUITER))
    return DemoLogin(DEMO_SLUG, sign_ins, len(cast), notes)
