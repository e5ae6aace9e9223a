"""The demo's own SQL: deleting the demo organisation whole, as the schema owner.

Row-level security would hide the rows from the app role, and the demo's rows span every
domain's tables, so this works on the catalogue rather than through the domains' services.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

# Tables whose rows belong to a tenant but hang from no foreign key to it (events, files'
# bookkeeping, ...): found by their `tenant_id` column, emptied of the demo's rows by hand.
_TENANT_TABLES = """
SELECT c.table_name FROM information_schema.columns c
  JOIN information_schema.tables t USING (table_schema, table_name)
 WHERE c.column_name = 'tenant_id' AND c.table_schema = current_schema()
   AND t.table_type = 'BASE TABLE'
"""


async def delete_demo(
    connection: AsyncConnection, slug: str, emails: list[str]
) -> list[str] | None:
    """Delete the organisation `slug` and its team's accounts; the storage keys of its files
    (for the caller to delete), or None when there is no such organisation."""
    tenant_id = (
        await connection.execute(text("SELECT id FROM tenants WHERE slug = :slug"), {"slug": slug})
    ).scalar_one_or_none()
    if tenant_id is None:
        return None
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
        {"emails": emails},
    )
    return stored
