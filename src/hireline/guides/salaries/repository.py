"""The queries of salary benchmarks: a tenant's own figures, and their bulk load."""

from __future__ import annotations

from sqlalchemy import select, text

from hireline.core.repositories import Repository
from hireline.guides.salaries.importing import Progress, Row
from hireline.guides.salaries.models import SalaryBenchmark


def _copy_text(rows: list[Row]) -> bytes:
    # COPY's text format: tabs and newlines in values must be escaped; only `source` can hold them.
    def clean(value: str) -> str:
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )

    return "".join(
        f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[5]}\t{clean(r[6])}\t{r[7]}\n" for r in rows
    ).encode()


# Updating changed rows and then inserting absent ones is several times faster than
# INSERT .. ON CONFLICT for bulk loads; the advisory lock keeps concurrent imports of one
# tenant from racing between the two statements.
_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended('salary_import:' || :tenant_id, 0))")
_UPDATE_CHANGED = text(
    """
    UPDATE salary_benchmarks AS current SET
        min_salary = incoming.min_salary,
        max_salary = incoming.max_salary,
        source = incoming.source,
        as_of = incoming.as_of,
        updated_at = now()
    FROM salary_import AS incoming
    WHERE current.tenant_id = :tenant_id
      AND (current.role, current.level, current.location, current.currency)
        = (incoming.role, incoming.level, incoming.location, incoming.currency)
      AND (current.min_salary, current.max_salary, current.source, current.as_of)
        IS DISTINCT FROM (incoming.min_salary, incoming.max_salary, incoming.source,
                          incoming.as_of)
    """
)
_INSERT_NEW = text(
    """
    INSERT INTO salary_benchmarks
        (tenant_id, role, level, location, currency, min_salary, max_salary, source, as_of)
    SELECT :tenant_id, role, level, location, currency, min_salary, max_salary, source, as_of
    FROM salary_import AS incoming
    WHERE NOT EXISTS (
        SELECT FROM salary_benchmarks AS current
        WHERE current.tenant_id = :tenant_id
          AND (current.role, current.level, current.location, current.currency)
            = (incoming.role, incoming.level, incoming.location, incoming.currency)
    )
    """
)


class SalaryRepository(Repository):
    """The session's tenant's salary benchmarks."""

    async def for_level(self, role: str, level: str) -> list[SalaryBenchmark]:
        """The tenant's figures for a role and level in every location, by location."""
        query = (
            self.owned(SalaryBenchmark)
            .where(SalaryBenchmark.role == role, SalaryBenchmark.level == level)
            .order_by(SalaryBenchmark.location)
        )
        return list((await self.session.execute(query)).scalars())

    async def locations(self, role: str) -> list[str]:
        """The locations the tenant has figures for, for a role."""
        query = (
            select(SalaryBenchmark.location)
            .where(SalaryBenchmark.tenant_id == self.tenant_id, SalaryBenchmark.role == role)
            .distinct()
        )
        return list((await self.session.execute(query)).scalars())

    async def benchmark(self, role: str, level: str, location: str) -> SalaryBenchmark | None:
        """The tenant's figure for a role and level in one location."""
        query = self.owned(SalaryBenchmark).where(
            SalaryBenchmark.role == role,
            SalaryBenchmark.level == level,
            SalaryBenchmark.location == location,
        )
        return (await self.session.execute(query)).scalar_one_or_none()

    async def upsert(self, rows: list[Row], progress: Progress | None = None) -> tuple[int, int]:
        """Load `rows` in the session's transaction; returns (inserted, updated).

        Identical rows are left alone.
        """
        if not rows:
            return 0, 0
        connection = await self.session.connection()
        await connection.execute(
            text(
                "CREATE TEMPORARY TABLE IF NOT EXISTS salary_import ("
                "role text, level text, location text, currency text, min_salary int, "
                "max_salary int, source text, as_of date) ON COMMIT DELETE ROWS"
            )
        )
        await connection.execute(text("TRUNCATE salary_import"))
        raw = (await connection.get_raw_connection()).driver_connection
        assert raw is not None
        chunk = 20_000
        async with (
            raw.cursor() as cursor,
            cursor.copy(
                "COPY salary_import (role, level, location, currency, min_salary, max_salary, "
                "source, as_of) FROM STDIN"
            ) as copy,
        ):
            for start in range(0, len(rows), chunk):
                await copy.write(_copy_text(rows[start : start + chunk]))
                if progress:
                    progress("copied", min(start + chunk, len(rows)))
        parameters = {"tenant_id": self.tenant_id}
        await connection.execute(_LOCK, {"tenant_id": str(self.tenant_id)})
        updated = (await connection.execute(_UPDATE_CHANGED, parameters)).rowcount
        inserted = (await connection.execute(_INSERT_NEW, parameters)).rowcount
        if progress:
            progress("loaded", len(rows))
        return inserted, updated
