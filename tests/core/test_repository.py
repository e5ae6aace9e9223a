"""Repositories take the tenant from the unit of work, and refuse to guess one."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.repositories import Repository
from hireline.core.tenancy import NoTenantError, enter_tenant
from hireline.jobs.models import Job


async def test_owned_statements_filter_on_the_entered_tenant(db_session: AsyncSession) -> None:
    tenant_id = uuid.uuid4()
    await enter_tenant(db_session, tenant_id)
    statement = Repository(db_session).owned(Job)
    compiled = statement.compile()
    assert "jobs.tenant_id = " in str(compiled)
    assert tenant_id in compiled.params.values()


async def test_a_query_before_entering_a_tenant_is_a_programming_error(
    db_session: AsyncSession,
) -> None:
    with pytest.raises(NoTenantError):
        Repository(db_session).owned(Job)
