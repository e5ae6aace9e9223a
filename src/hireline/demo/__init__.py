"""The demo organisation `make run` seeds: see `organisation` for what it holds.

This module is the door the CLI uses: seed when the database has no organisation (or on
request), rebuild with `reset`, and keep the sign-ins in the data dir so that later runs can
print them again.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.db import create_app_engine, create_engine, create_sessionmaker, unit_of_work
from hireline.core.signing_key import signing_key
from hireline.core.storage import FileStorage, storage_for
from hireline.demo.organisation import DemoLogin, seed
from hireline.demo.repository import delete_demo
from hireline.demo.team import DEMO_SLUG, TEAM, SignIn
from hireline.identity import service as identity
from hireline.identity.organization import service as organization
from hireline.settings import Settings

__all__ = [
    "DEMO_SLUG",
    "LOGIN_FILE",
    "DemoLogin",
    "SignIn",
    "login_lines",
    "remembered_login",
    "seed",
    "seed_if_empty",
]

LOGIN_FILE = "demo-login.txt"


async def has_tenants(session: AsyncSession) -> bool:
    return await organization.any_exists(session)


def remembered_login(settings: Settings) -> str | None:
    """The demo sign-ins kept in the data dir by the run that seeded it, if any."""
    path = settings.data_dir / LOGIN_FILE
    return path.read_text().strip() if path.exists() else None


def login_lines(login: DemoLogin) -> list[str]:
    """One line per demo user: role, name, e-mail and password."""
    width = max(len(s.role.value) for s in login.sign_ins)
    return [
        f"{s.role.value.replace('_', ' '):<{width}}  {s.email} / {s.password}  ({s.name})"
        for s in login.sign_ins
    ]


def _remember(settings: Settings, login: DemoLogin) -> None:
    path = settings.data_dir / LOGIN_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*login_lines(login), *login.notes]) + "\n")
    path.chmod(0o600)


async def remove_demo(url: str, storage: FileStorage) -> bool:
    """Delete the demo organisation, its files and its team's accounts; False if none.

    Runs as the schema owner (row-level security would hide rows from the app role).
    """
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.begin() as connection:
            stored = await delete_demo(connection, DEMO_SLUG, [email for _, _, email in TEAM])
    finally:
        await engine.dispose()
    if stored is None:
        return False
    for key in stored:
        await storage.delete(key)
    return True


async def seed_if_empty(
    url: str, settings: Settings, *, force: bool = False, reset: bool = False, scale: float = 1.0
) -> DemoLogin | None:
    """Seed the demo organisation when the database has none (or always, with `force`);
    `reset` deletes an existing demo organisation first. Never seeds it twice."""
    storage = storage_for(settings.storage_url, settings.s3_endpoint_url, settings.data_dir)
    if reset:
        await remove_demo(url, storage)
    engine = create_app_engine(settings, url, pool_size=2)
    sessions = create_sessionmaker(engine)
    try:
        async with unit_of_work(sessions) as session:
            taken = await organization.slug_taken(session, DEMO_SLUG)
            empty = not await has_tenants(session)
        if taken or not (empty or force or reset):
            return None
        issuer = identity.TokenIssuer(
            key=signing_key(settings),
            access_ttl=timedelta(seconds=settings.access_token_ttl_seconds),
            refresh_ttl=timedelta(days=settings.refresh_token_ttl_days),
        )
        login = await seed(sessions, issuer, storage, scale=scale)
        _remember(settings, login)
        return login
    finally:
        await engine.dispose()
