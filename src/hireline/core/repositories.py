"""The base of every domain's repository: queries start from the unit of work's tenant.

A repository is the only place a domain builds SQL. It is made from the request's (or job's)
session, and reads the tenant that `enter_tenant` recorded on that session, so no caller passes
`tenant_id` by hand and no query forgets the filter. Row-level security still applies
underneath; the explicit filter lets PostgreSQL use the tenant-leading indexes.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from hireline.core.tenancy import current_tenant


class TenantOwned(Protocol):
    """A mapped class with a `tenant_id` column."""

    tenant_id: InstrumentedAttribute[uuid.UUID]


Owned = TypeVar("Owned", bound=Any)


class Repository:
    """Holds the session and the tenant it works for."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def tenant_id(self) -> uuid.UUID:
        """The tenant of the session's transaction (`enter_tenant` must have run)."""
        return current_tenant(self.session)

    def owned(self, model: type[Owned]) -> Select[Owned]:
        """`SELECT model WHERE model.tenant_id = <the session's tenant>`."""
        tenant_column: InstrumentedAttribute[uuid.UUID] = model.tenant_id
        return select(model).where(tenant_column == self.tenant_id)
