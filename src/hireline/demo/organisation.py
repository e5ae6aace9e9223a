"""The demo organisation: a team, a job from every built-in template, and 90 days of hiring.

Everything goes through the product's own services (sign-up, invitations, jobs, applying,
the pipeline), so the demo shows what they really do: résumés are parsed, applicants scored
and hiring teams e-mailed by the worker, as for any organisation. Only the clock is the
seeder's: every row a service writes for a past moment (activity, domain events, the
application itself) is dated to that moment, so timelines and reports read as 90 days of work.
"""

from __future__ import annotations

import random
import secrets
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session, attributes

from hireline.candidates import applying, pipeline, rejection_reasons
from hireline.candidates.schemas import ApplicationForm
from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.core.tenancy import enter_tenant
from hireline.demo.documents import LAYOUTS, resume_file
from hireline.demo.history import Story, story
from hireline.demo.people import Person, person
from hireline.guides import questions, salaries
from hireline.guides import service as guides
from hireline.guides.builtin import load_builtin_templates
from hireline.guides.template_models import RoleTemplate
from hireline.identity import members, tokens
from hireline.identity.models import Tenant
from hireline.identity.permissions import ROLE_ACTIONS, Role
from hireline.identity.schemas import SignupRequest
from hireline.jobs import service as jobs
from hireline.jobs.models import Job
from hireline.jobs.schemas import JobCreate
from hireline.webhooks import service as webhooks
from hireline.webhooks.schemas import EndpointCreate

T = TypeVar("T")

DEMO_SLUG = "demo"
PYTHON = "python-backend-developer"
OWN_SUMMARY = (
    "Demo Robotics builds the software that keeps a fleet of warehouse robots moving: "
    "join the backend team that owns its APIs and data."
)
DEMO_PLAN = "demo"
ORGANISATION = "Demo Robotics"
APPLICANTS_PER_TRANSACTION = 50
FOUNDED = timedelta(days=100)  # the organisation's age: set up, then jobs opened 95 days ago
SOURCES = (("careers_page", 5), ("referral", 2), ("sourced", 2), ("job_board", 3))
# Timestamp columns a service fills with "now"; the seeder moves them to the story's moment.
_DATED = ("occurred_at", "applied_at", "consent_at", "created_at", "updated_at", "published_at")
_SET_LATER = frozenset({"published_at"})  # stays empty on a new row until the event happens
_CHANGED = ("updated_at", "published_at", "closed_at")


@dataclass(frozen=True)
class SignIn:
    role: Role
    name: str
    email: str
    password: str


@dataclass(frozen=True)
class Opening:
    """One demo job: its template, where and at what level, and who hires for it."""

    template: str
    level: str | None  # None: the template's default (mid)
    city: str
    region: str
    salary_location: str
    applicants: int
    hiring_manager: str
    interviewer: str
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    remote_too: bool = True
    # Set for the one job whose salary is deliberately off the benchmark, with the reason.
    out_of_band: str | None = None


TEAM = (
    (Role.OWNER, "Dana Whitaker", "owner@demo.hireline.dev"),
    (Role.RECRUITER, "Sam Ortiz", "sam.ortiz@demo.hireline.dev"),
    (Role.HIRING_MANAGER, "Priya Raman", "priya.raman@demo.hireline.dev"),
    (Role.HIRING_MANAGER, "Marcus Okafor", "marcus.okafor@demo.hireline.dev"),
    (Role.INTERVIEWER, "Lena Fischer", "lena.fischer@demo.hireline.dev"),
    (Role.INTERVIEWER, "Tomás Silva", "tomas.silva@demo.hireline.dev"),
)
OUT_OF_BAND_NOTE = (
    "The Frontend Engineer job is paid below its benchmark on purpose: its warning shows "
    "the salary check at work."
)
OPENINGS = (
    Opening(
        "python-backend-developer",
        "senior",
        "Austin",
        "TX",
        "austin-tx",
        64,
        "priya.raman@demo.hireline.dev",
        "lena.fischer@demo.hireline.dev",
        ("Python", "Django", "FastAPI", "PostgreSQL"),
        ("Redis", "Docker", "Kubernetes"),
    ),
    Opening(
        "data-engineer",
        None,
        "Seattle",
        "WA",
        "seattle-wa",
        44,
        "marcus.okafor@demo.hireline.dev",
        "tomas.silva@demo.hireline.dev",
        ("SQL", "Python", "Apache Spark", "Apache Airflow"),
        ("dbt", "Apache Kafka", "Snowflake"),
    ),
    Opening(
        "devops-sre-engineer",
        "senior",
        "Denver",
        "CO",
        "denver-co",
        44,
        "marcus.okafor@demo.hireline.dev",
        "lena.fischer@demo.hireline.dev",
        ("Linux", "Kubernetes", "Terraform", "Prometheus"),
        ("Go", "AWS", "Ansible"),
    ),
    Opening(
        "frontend-engineer",
        "mid",
        "New York",
        "NY",
        "new-york-ny",
        44,
        "priya.raman@demo.hireline.dev",
        "tomas.silva@demo.hireline.dev",
        ("TypeScript", "React", "CSS", "JavaScript"),
        ("Next.js", "GraphQL", "Jest"),
        remote_too=False,
        out_of_band=OUT_OF_BAND_NOTE,
    ),
)
MIN_YEARS = {"junior": 0.0, "mid": 2.0, "senior": 5.0, "staff": 8.0}


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


class _Clock:
    """Dates the rows service calls write to the moment of the story they play.

    Services stamp what they write with "now" (in Python or by column defaults); while
    `at(when, ...)` runs, every row about to be inserted, and every changed row's change time,
    is set to `when` just before the flush sends it.
    """

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.when: datetime | None = None
        event.listen(session.sync_session, "before_flush", self._stamp)

    def _stamp(self, session: Session, _context: object, _instances: object) -> None:
        when = self.when
        if when is None:
            return
        for obj in session.new:
            columns = sa_inspect(type(obj)).columns
            for name in _DATED:
                if name in columns and not (name in _SET_LATER and getattr(obj, name) is None):
                    setattr(obj, name, when)
        for obj in session.dirty:
            columns = sa_inspect(type(obj)).columns
            for name in _CHANGED:
                if name in columns and attributes.get_history(obj, name).has_changes():
                    setattr(obj, name, when)

    async def at(self, when: datetime, call: Awaitable[T]) -> T:
        self.when = when
        try:
            result = await call
            await self.session.flush()
        finally:
            self.when = None
        return result


def _band_for(template: RoleTemplate, level: str, location: str) -> tuple[int, int]:
    band = salaries.built_in_band(
        template,
        salaries.BandQuery(role=template.key, level=level, location=location),  # type: ignore[arg-type]
    )
    return band.base_min, band.base_max


def _salary(template: RoleTemplate, level: str, opening: Opening) -> dict[str, int]:
    """A salary inside every benchmark band the job is checked against, or (for the one job
    meant to show the warning) clearly under them."""
    locations = [opening.salary_location] + (["us-national"] if opening.remote_too else [])
    bands = [_band_for(template, level, location) for location in locations]
    low, high = max(b[0] for b in bands), min(b[1] for b in bands)
    if opening.out_of_band:
        return {"min": _thousands(low * 0.7), "max": _thousands(low * 0.85)}
    width = high - low
    return {"min": _thousands(low + width * 0.2), "max": _thousands(high - width * 0.1)}


def _thousands(amount: float) -> int:
    return int(round(amount, -3))


def _job_body(
    template: RoleTemplate, opening: Opening, team: dict[str, uuid.UUID], recruiter: uuid.UUID
) -> JobCreate:
    level = opening.level or jobs.DEFAULT_LEVEL
    required = list(opening.required)
    locations: list[dict[str, Any]] = [
        {
            "mode": "hybrid",
            "city": opening.city,
            "region": opening.region,
            "salary_location": opening.salary_location,
        }
    ]
    if opening.remote_too:
        locations.append({"mode": "remote", "region": "United States"})
    body: dict[str, Any] = {
        "department": template.family.replace("-", " ").title(),
        "locations": locations,
        "salary": _salary(template, level, opening),
        "from_template": {"template": template.key, "industry": "saas", "context": "startup"},
        "required_skills": required,
        "preferred_skills": list(opening.preferred),
        # The first required skill matters most; the scores show the weight.
        "skill_weights": {required[0]: 2.0},
        "min_years_experience": MIN_YEARS[level],
        "hiring_team": [
            {"user_id": str(team[opening.hiring_manager]), "role": "hiring_manager"},
            {"user_id": str(team[opening.interviewer]), "role": "interviewer"},
            {"user_id": str(recruiter), "role": "recruiter"},
        ],
    }
    if opening.level is not None:
        body["level"] = opening.level
    return JobCreate.model_validate(body)


async def _settings_of_the_organisation(
    sessions: async_sessionmaker[AsyncSession], owner: Principal, now: datetime
) -> None:
    """What an organisation sets up before hiring: its own wording of a template, a question
    of its own, and a webhook endpoint (off until pointed at a real receiver)."""
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, owner.tenant_id)
        clock = _Clock(session)
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
            ),
        )


def _principal(tenant_id: uuid.UUID, user_id: uuid.UUID, role: Role) -> Principal:
    return Principal(
        kind="user",
        id=str(user_id),
        tenant_id=tenant_id,
        actions=frozenset(ROLE_ACTIONS[role]),
        role=role,
    )


async def _team(
    sessions: async_sessionmaker[AsyncSession],
    issuer: tokens.TokenIssuer,
    password: str | None,
    founded: datetime,
) -> tuple[Tenant, dict[str, uuid.UUID], tuple[SignIn, ...]]:
    """The organisation on the demo plan, its owner, and the rest of the team invited in,
    all on the day it was `founded`."""
    sign_ins = tuple(
        SignIn(role, name, email, password or f"demo-{secrets.token_urlsafe(9)}")
        for role, name, email in TEAM
    )
    owner = sign_ins[0]
    async with unit_of_work(sessions) as session:
        clock = _Clock(session)
        tenant, user, _ = await clock.at(
            founded,
            tokens.signup(
                session,
                issuer,
                SignupRequest(
                    organization_name=ORGANISATION,
                    slug=DEMO_SLUG,
                    name=owner.name,
                    email=owner.email,
                    password=owner.password,
                ),
                ip=None,
            ),
        )
        tenant.plan = DEMO_PLAN
        principal = _principal(tenant.id, user.id, Role.OWNER)
        invitations = [
            (
                sign_in,
                (
                    await clock.at(
                        founded,
                        members.invite(session, principal, email=sign_in.email, role=sign_in.role),
                    )
                )[1],
            )
            for sign_in in sign_ins[1:]
        ]
    ids = {owner.email: user.id}
    for sign_in, token in invitations:
        async with unit_of_work(sessions) as session:
            await _Clock(session).at(
                founded,
                members.accept(
                    session, issuer, token, name=sign_in.name, password=sign_in.password, ip=None
                ),
            )
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, tenant.id)
        for member in await members.list_members(session, tenant.id):
            ids[member.email] = member.user_id
    return tenant, ids, sign_ins


async def _play(
    clock: _Clock,
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
        clock = _Clock(session)
        for opening, body, actors in bodies:
            job: Job = await clock.at(opened, jobs.create(session, owner, body))
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
            tenant = await session.get(Tenant, tenant_id)
            assert tenant is not None
            reasons = (await rejection_reasons.reasons_of(session, tenant_id)).labels
            clock = _Clock(session)
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
    issuer: tokens.TokenIssuer,
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
    tenant, ids, sign_ins = await _team(sessions, issuer, password, now - FOUNDED)
    roles = {sign_in.email: sign_in.role for sign_in in sign_ins}
    owner = _principal(tenant.id, ids[sign_ins[0].email], Role.OWNER)
    recruiter = next(s for s in sign_ins if s.role == Role.RECRUITER)
    templates = load_builtin_templates()
    await _settings_of_the_organisation(sessions, owner, now)
    bodies = [
        (
            opening,
            _job_body(templates[opening.template], opening, ids, ids[recruiter.email]),
            [
                _principal(tenant.id, ids[email], roles[email])
                for email in (recruiter.email, opening.hiring_manager)
            ],
        )
        for opening in OPENINGS
    ]
    open_jobs = await _open_jobs(sessions, owner, bodies, now)
    cast = _cast(rng, open_jobs, now, scale)
    await _apply_all(sessions, storage, tenant.id, cast, rng)
    notes = tuple(o.out_of_band for o in OPENINGS if o.out_of_band)
    return DemoLogin(DEMO_SLUG, sign_ins, len(cast), notes)
