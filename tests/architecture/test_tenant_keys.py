"""Every key of a tenant's table leads with `tenant_id`, read from the migrated database.

That is what lets the tables be distributed by tenant (Citus, ADR 0029): a primary key or a
unique constraint without the distribution column cannot be enforced across nodes, and a
foreign key between two distributed tables must join on it. Checked on the catalogue the
migrations built, not on the models, since the migrations are what production runs.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

# Tables that keep a key without `tenant_id`, with the reason; an entry that no longer
# matches a violation fails the test (the list only shrinks).
EXCEPTIONS: dict[str, str] = {
    # Events of no tenant (tenant_id NULL: system events) share the table, and a primary key
    # cannot hold a NULL column; the relay and the handlers read events by id across tenants.
    "domain_events": "tenant-less events; see ADR 0029 for the split into a reference table",
    # A browser's session is found by its cookie's digest before any organisation is known,
    # and has none until a member of several picks one: it belongs to a user, not a tenant.
    "web_sessions": "a user's sign-in, found before the tenant is known (ADR 0029)",
}

# Tables that are the tenants themselves, or belong to no tenant (procrastinate's queue).
NOT_TENANT_TABLES = ("tenants",)

VIOLATIONS = """
WITH tenant_tables AS (
    SELECT c.oid, c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND c.relname NOT LIKE 'procrastinate%' AND c.relname <> ALL(:excluded)
),
keys AS (
    SELECT t.relname AS table_name, k.conname, k.contype, k.conkey, k.confrelid, k.confkey,
           (SELECT attnum FROM pg_attribute WHERE attrelid = t.oid AND attname = 'tenant_id')
               AS tenant_attnum,
           (SELECT attnum FROM pg_attribute WHERE attrelid = k.confrelid
                AND attname = 'tenant_id') AS referenced_tenant_attnum
    FROM tenant_tables t JOIN pg_constraint k ON k.conrelid = t.oid
    WHERE k.contype IN ('p', 'u', 'f')
)
SELECT table_name, conname FROM keys
WHERE (contype IN ('p', 'u') AND NOT tenant_attnum = ANY(conkey))
   OR (contype = 'f' AND confrelid IN (SELECT oid FROM tenant_tables) AND NOT EXISTS (
        SELECT FROM unnest(conkey, confkey) AS pair(mine, theirs)
        WHERE mine = tenant_attnum AND theirs = referenced_tenant_attnum))
UNION ALL
-- Unique indexes that are not constraints (CREATE UNIQUE INDEX) count as unique keys too.
SELECT t.relname, i.relname FROM tenant_tables t
JOIN pg_index x ON x.indrelid = t.oid AND x.indisunique
JOIN pg_class i ON i.oid = x.indexrelid
WHERE NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = x.indexrelid)
  AND NOT (SELECT attnum FROM pg_attribute WHERE attrelid = t.oid AND attname = 'tenant_id')
      = ANY(x.indkey::smallint[])
ORDER BY 1, 2
"""


async def _violations_on(connection: AsyncConnection) -> dict[str, list[str]]:
    rows = await connection.execute(text(VIOLATIONS), {"excluded": list(NOT_TENANT_TABLES)})
    found: dict[str, list[str]] = {}
    for table, constraint in rows:
        found.setdefault(table, []).append(constraint)
    return found


async def _violations(engine: AsyncEngine) -> dict[str, list[str]]:
    async with engine.connect() as connection:
        return await _violations_on(connection)


async def test_every_tenant_key_includes_tenant_id(engine: AsyncEngine) -> None:
    found = await _violations(engine)
    unexpected = {table: keys for table, keys in found.items() if table not in EXCEPTIONS}
    assert not unexpected, f"keys without tenant_id (ADR 0029): {unexpected}"


async def test_the_exceptions_name_only_tables_that_still_break_the_rule(
    engine: AsyncEngine,
) -> None:
    stale = sorted(set(EXCEPTIONS) - set(await _violations(engine)))
    assert not stale, f"remove these from EXCEPTIONS: {stale}"


async def test_a_key_without_tenant_id_is_caught(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(
            text(
                "CREATE TABLE tenant_keys_probe (tenant_id uuid NOT NULL, id uuid PRIMARY KEY,"
                " code text UNIQUE, candidate_id uuid, FOREIGN KEY (tenant_id, candidate_id)"
                " REFERENCES candidates (tenant_id, id))"
            )
        )
        found = await _violations_on(connection)
        await connection.rollback()  # the probe table was never committed
    assert found.get("tenant_keys_probe") == [
        "tenant_keys_probe_code_key",
        "tenant_keys_probe_pkey",
    ]
