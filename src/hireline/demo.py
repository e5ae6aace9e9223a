"""A demo organisation to explore: jobs from the built-in templates and a few hundred applicants."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from fpdf import FPDF
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.candidates import applying, pipeline
from hireline.candidates.schemas import ApplicationForm
from hireline.candidates.uploads import PDF, CheckedFile
from hireline.core.db import create_engine, create_sessionmaker, unit_of_work
from hireline.core.principal import Principal
from hireline.core.signing_key import signing_key
from hireline.core.storage import FileStorage, storage_for
from hireline.core.tenancy import enter_tenant
from hireline.guides.builtin import load_builtin_templates
from hireline.identity import tokens
from hireline.identity.models import Tenant
from hireline.identity.permissions import ROLE_ACTIONS, Role
from hireline.identity.schemas import SignupRequest
from hireline.jobs import service as jobs
from hireline.jobs.schemas import JobCreate
from hireline.settings import Settings

DEMO_SLUG = "demo"
DEMO_EMAIL = "owner@demo.hireline.dev"
FIRST_NAMES = [
    "Ada",
    "Grace",
    "Alan",
    "Linus",
    "Margaret",
    "Guido",
    "Barbara",
    "Ken",
    "Radia",
    "Edsger",
    "Frances",
    "Dennis",
    "Katherine",
    "Tim",
    "Hedy",
    "Donald",
    "Annie",
    "John",
]
LAST_NAMES = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Torvalds",
    "Hamilton",
    "Rossum",
    "Liskov",
    "Thompson",
    "Perlman",
    "Dijkstra",
    "Allen",
    "Ritchie",
    "Johnson",
    "Berners-Lee",
    "Lamarr",
    "Knuth",
    "Easley",
    "Backus",
]
LOCATIONS = [
    ("Austin", "TX", "austin-tx"),
    ("Seattle", "WA", "seattle-wa"),
    ("New York", "NY", "new-york-ny"),
    ("Denver", "CO", "denver-co"),
]


@dataclass(frozen=True)
class DemoLogin:
    slug: str
    email: str
    password: str
    applications: int


def _resume_pdf(name: str, skills: list[str], years: int) -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", style="B", size=16)
    document.cell(0, 10, name, new_x="LMARGIN", new_y="NEXT")
    document.set_font("Helvetica", size=11)
    document.multi_cell(
        0,
        6,
        f"{years} years of professional experience.\nSkills: {', '.join(skills)}.\n"
        "Built and ran production services; mentored colleagues; wrote tests first.",
    )
    return bytes(document.output())


async def has_tenants(session: AsyncSession) -> bool:
    return bool((await session.execute(select(func.count()).select_from(Tenant))).scalar())


async def seed(
    sessions: async_sessionmaker[AsyncSession],
    issuer: tokens.TokenIssuer,
    storage: FileStorage,
    *,
    applications_per_job: int = 60,
    password: str | None = None,
    rng_seed: int = 7,
) -> DemoLogin:
    """Create the demo organisation; each job gets a share of generated applicants."""
    rng = random.Random(rng_seed)  # noqa: S311  (demo data, not security)
    password = password or f"demo-{uuid.uuid4().hex[:12]}"
    async with unit_of_work(sessions) as session:
        tenant, user, _ = await tokens.signup(
            session,
            issuer,
            SignupRequest(
                organization_name="Demo Robotics",
                slug=DEMO_SLUG,
                name="Dana Demo",
                email=DEMO_EMAIL,
                password=password,
            ),
            ip=None,
        )
    owner = Principal(
        kind="user",
        id=str(user.id),
        tenant_id=tenant.id,
        actions=frozenset(ROLE_ACTIONS[Role.OWNER]),
        role=Role.OWNER,
    )
    total = 0
    for index, (key, template) in enumerate(sorted(load_builtin_templates().items())):
        city, region, salary_location = LOCATIONS[index % len(LOCATIONS)]
        band = template.compensation.band("senior", salary_location)
        async with unit_of_work(sessions) as session:
            await enter_tenant(session, tenant.id)
            job = await jobs.create(
                session,
                owner,
                JobCreate.model_validate(
                    {
                        "level": "senior",
                        "department": template.family.replace("-", " ").title(),
                        "locations": [
                            {
                                "mode": "hybrid",
                                "city": city,
                                "region": region,
                                "salary_location": salary_location,
                            },
                            {"mode": "remote", "region": "United States"},
                        ],
                        "salary": {"min": band.min, "max": band.max},
                        "from_template": {"template": key, "industry": "saas"},
                        "required_skills": list(template.technologies[0].names[:3]),
                        "preferred_skills": list(template.technologies[-1].names[:2]),
                    }
                ),
            )
            await jobs.transition(session, owner, job.id, "publish")
            stages = await jobs.stages_of(session, job)
        skills = [name for group in template.technologies for name in group.names]
        for number in range(applications_per_job):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            email = f"{name.lower().replace(' ', '.')}.{index}{number}@example.com"
            picked = rng.sample(skills, k=min(6, len(skills)))
            data = _resume_pdf(name, picked, rng.randint(1, 15))
            async with unit_of_work(sessions) as session:
                tenant_row = await session.get(Tenant, tenant.id)
                assert tenant_row is not None
                await enter_tenant(session, tenant.id)
                applied = await applying.apply(
                    session,
                    storage,
                    tenant_row,
                    job.id,
                    ApplicationForm(name=name, email=email, consent=True),
                    CheckedFile(data, PDF, "pdf", f"{name.replace(' ', '_')}.pdf"),
                    source=rng.choice(["careers_page", "linkedin", "referral"]),
                )
                step = rng.randrange(len(stages))
                if step:
                    await pipeline.move(session, owner, applied.application.id, stages[step].id)
                if rng.random() < 0.15:
                    await pipeline.finish(
                        session,
                        owner,
                        applied.application.id,
                        "rejected",
                        {"reason": "more_qualified_candidates"},
                    )
            total += 1
    return DemoLogin(DEMO_SLUG, DEMO_EMAIL, password, total)


LOGIN_FILE = "demo-login.txt"


def remembered_login(settings: Settings) -> str | None:
    """The demo sign-in kept in the data dir by the run that seeded it, if any."""
    path = settings.data_dir / LOGIN_FILE
    return path.read_text().strip() if path.exists() else None


def _remember(settings: Settings, login: DemoLogin) -> None:
    path = settings.data_dir / LOGIN_FILE
    path.write_text(f"{login.email} / {login.password}\n")
    path.chmod(0o600)


async def seed_if_empty(url: str, settings: Settings, *, force: bool = False) -> DemoLogin | None:
    """Seed the demo organisation when the database has none (or always, with `force`)."""
    engine = create_engine(url, pool_size=2, role=settings.database_app_role)
    sessions = create_sessionmaker(engine)
    try:
        async with unit_of_work(sessions) as session:
            taken = (
                await session.execute(select(Tenant.id).where(Tenant.slug == DEMO_SLUG))
            ).scalar_one_or_none()
            empty = not await has_tenants(session)
        if taken is not None or not (empty or force):
            return None
        issuer = tokens.TokenIssuer(
            key=signing_key(settings),
            access_ttl=timedelta(seconds=settings.access_token_ttl_seconds),
            refresh_ttl=timedelta(days=settings.refresh_token_ttl_days),
        )
        login = await seed(
            sessions,
            issuer,
            storage_for(settings.storage_url, settings.s3_endpoint_url, settings.data_dir),
        )
        _remember(settings, login)
        return login
    finally:
        await engine.dispose()
