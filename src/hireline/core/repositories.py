"""The base of every domain's repository: queries start from the unit of work's tenant.

A repository is the only place a domain builds SQL. It is made from the request's (or job's)
session, and reads the tenant that `enter_tenant` recorded on that session, so no caller passes
`tenant_id` by hand and no query forgets the filter. Row-level security still applies
underneath; the explicit filter lets PostgreSQL use the tenant-leading indexes.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol, Self, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from hireline.core.tenancy import NoTenantError, current_tenant


class TenantOwned(Protocol):
    """A mapped class with a `tenant_id` column."""

    tenant_id: InstrumentedAttribute[uuid.UUID]


Owned = TypeVar("Owned", bound=Any)


class Repository:
    """Holds the session and the tenant it works for."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def working_for(cls, session: AsyncSession, tenant_id: uuid.UUID) -> Self:
        """The repository of `session`, for services whose callers name their tenant: it
        must be the one the unit of work entered (anything else is a programming error)."""
        repository = cls(session)
        if repository.tenant_id != tenant_id:
            raise NoTenantError(f"the unit of work is not scoped to tenant {tenant_id}")
        return repository

    @property
    def tenant_id(self) -> uuid.UUID:
        """The tenant of the session's transaction (`enter_tenant` must have run)."""
        return current_tenant(self.session)

    def owned(self, model: type[Owned]) -> Select[Owned]:
        """`SELECT model WHERE model.tenant_id = <the session's tenant>`."""
        tenant_column: InstrumentedAttribute[uuid.UUID] = model.tenant_id
        return select(model).where(tenant_column == self.tenant_id)
