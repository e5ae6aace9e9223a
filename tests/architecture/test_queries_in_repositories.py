"""Only repositories build and run queries: the rest of the code calls them."""

from __future__ import annotations

from pathlib import Path

from tests.architecture.queries import queries_outside_repositories, query_calls

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "hireline"

# Plumbing that runs SQL which belongs to no domain and fits no repository, for good.
INFRASTRUCTURE = {
    "core/tenancy.py": "sets the transaction's tenant (`set_config`), which RLS reads",
    "core/change_feed.py": "LISTEN/NOTIFY on a connection of its own, not a query on a table",
    "core/system_routes.py": "the readiness probe's `SELECT 1` and schema check",
    "core/rls.py": "the DDL pattern revisions copy, run on Alembic's connection",
    "core/backup.py": "checks that a restore's target is empty, and creates roles, as the owner",
    "maintenance/purge.py": "the daily purge, as the role `hireline_purger`, across tenants",
    "outbox/relay.py": "the outbox relay, as the role `hireline_relay`, across tenants",
}

# Modules allowed to query for a while, one per line, each with its reason; empty since the
# repository refactor of issue 18 (a test fails on a stale entry).
NOT_YET_IN_A_REPOSITORY: set[str] = set()


def _package_sources() -> dict[str, str]:
    return {
        path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
    }


def test_only_repositories_run_queries() -> None:
    found = queries_outside_repositories(_package_sources())
    unexpected = {
        path: [f"l.{call.line} {call.call}" for call in calls]
        for path, calls in found.items()
        if path not in INFRASTRUCTURE and path not in NOT_YET_IN_A_REPOSITORY
    }
    assert not unexpected, f"move these queries into the room's repository.py: {unexpected}"


def test_the_allowlists_name_only_modules_that_still_query() -> None:
    found = queries_outside_repositories(_package_sources())
    stale = sorted((set(INFRASTRUCTURE) | NOT_YET_IN_A_REPOSITORY) - set(found))
    assert not stale, f"remove these from the allowlists: {stale}"


def test_a_query_outside_a_repository_is_caught() -> None:
    service = (
        "async def get(session, db_session, self):\n"
        "    row = (await session.execute(select(Job))).scalars().first()\n"
        "    await self.session.get(Job, 1)\n"
        "    await db_session.scalar(select(Job.id))\n"
        "    return {}.get('not a session')\n"
    )
    found = queries_outside_repositories(
        {"jobs/service.py": service, "jobs/repository.py": service}
    )
    assert list(found) == ["jobs/service.py"]
    assert [call.call for call in found["jobs/service.py"]] == [
        "session.execute",
        "self.session.get",
        "db_session.scalar",
    ]


def test_a_connection_is_a_session_too() -> None:
    calls = query_calls("async def f(connection):\n    await connection.exec_driver_sql('x')\n")
    assert [call.call for call in calls] == ["connection.exec_driver_sql"]
