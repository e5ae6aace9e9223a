"""The demo organisation `make run` seeds: see `organisation` for what it holds.

This module is the door the CLI uses: seed when the database has no organisation (or on
request), rebuild with `reset`, and keep the sign-ins in the data dir so that later runs can
print them again.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.db import create_app_engine, create_engine, create_sessionmaker, unit_of_work
from hireline.core.signing_key import signing_key
from hireline.core.storage import FileStorage, storage_for
from hireline.demo.organisation import DemoLogin, seed
from hireline.demo.team import DEMO_SLUG, TEAM, SignIn
from hireline.identity.auth import tokens
from hireline.identity.models import Tenant
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
    return bool((await session.execute(select(func.count()).select_from(Tenant))).scalar())


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


# Tables whose rows belong to a tenant but hang from no foreign key to it (events, files'
# bookkeeping, ...): found by their `tenant_id` column, emptied of the demo's rows by hand.
_TENANT_TABLES = """
SELECT c.table_name FROM information_schema.columns c
  JOIN information_schema.tables t USING (table_schema, table_name)
 WHERE c.column_name = 'tenant_id' AND c.table_schema = current_schema()
   AND t.table_type = 'BASE TABLE'
"""


async def remove_demo(url: str, storage: FileStorage) -> bool:
    """Delete the demo organisation, its files and its team's accounts; False if none.

    Runs as the schema owner (row-level security would hide rows from the app role).
    """
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.begin() as connection:
            tenant_id = (
                await connection.execute(
                    text("SELECT id FROM tenants WHERE slug = :slug"), {"slug": DEMO_SLUG}
                )
            ).scalar_one_or_none()
            if tenant_id is None:
                return False
            keys = (
                await connection.execute(
                    text("SELECT storage_key FROM resumes WHERE tenant_id = :id"), {"id": tenant_id}
                )
            ).scalars()
            stored = list(keys)
            await connection.execute(text("DELETE FROM tenants WHERE id = :id"), {"id": tenant_id})
            for table in (await connection.execute(text(_TENANT_TABLES))).scalars().all():
                # The table names come from the catalogue, not from input.
                delete = text(f'DELETE FROM "{table}" WHERE tenant_id = :id')  # noqa: S608
                await connection.execute(delete, {"id": tenant_id})
            # The team's accounts, unless they also belong to a real organisation.
            await connection.execute(
                text(
                    "DELETE FROM users u WHERE u.email = ANY(:emails) AND NOT EXISTS "
                    "(SELECT 1 FROM memberships m WHERE m.user_id = u.id)"
                ),
                {"emails": [email for _, _, email in TEAM]},
            )
    finally:
        await engine.dispose()
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
            taken = (
                await session.execute(select(Tenant.id).where(Tenant.slug == DEMO_SLUG))
            ).scalar_one_or_none()
            empty = not await has_tenants(session)
        if taken is not None or not (empty or force or reset):
            return None
        issuer = tokens.TokenIssuer(
            key=signing_key(settings),
            access_ttl=timedelta(seconds=settings.access_token_ttl_seconds),
            refresh_ttl=timedelta(days=settings.refresh_token_ttl_days),
        )
        login = await seed(sessions, issuer, storage, scale=scale)
        _remember(settings, login)
        return login
    finally:
        await engine.dispose()
