"""What makes a password acceptable (long enough, not common, not the e-mail address), and
the one way a password is replaced.

Replacing a password, whoever asks (a reset link, the person signed in), ends every other
sign-in of the account: access tokens issued before are refused (each carries the account's
`credentials_version`, raised here), refresh tokens are revoked in every organisation, and
browser sessions end (each remembers a digest of the password hash it was started with).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from importlib import resources

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import ValidationFailed
from hireline.core.security import hash_password
from hireline.core.tenancy import NoTenantError, current_tenant, enter_tenant, enter_user
from hireline.identity.audit import service as audit
from hireline.identity.auth.repository import AuthRepository
from hireline.identity.models import User

MIN_LENGTH = 10
MAX_LENGTH = 128


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files("hireline.identity").joinpath("data/common_passwords.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_password(password: str, *, email: str, field: str = "password") -> None:
    """Raise ValidationFailed naming `field` unless `password` is acceptable."""
    problem: str | None = None
    if len(password) < MIN_LENGTH:
        problem = f"must be at least {MIN_LENGTH} characters long"
    elif len(password) > MAX_LENGTH:
        problem = f"must be at most {MAX_LENGTH} characters long"
    elif password.lower() in _common_passwords():
        problem = "is one of the most common passwords; choose another"
    elif len(local := email.split("@")[0].lower()) >= 4 and local in password.lower():
        problem = "must not contain your e-mail address"
    elif len(set(password)) < 4:
        problem = "uses too few different characters"
    if problem:
        raise ValidationFailed(
            f"The password {problem}.",
            errors=[{"loc": ["body", field], "msg": f"Password {problem}.", "type": "password"}],
        )


async def replace_password(
    session: AsyncSession,
    user: User,
    password: str,
    *,
    now: datetime,
    ip: str | None,
    action: str,
) -> int:
    """Give `user` the new (checked) `password` and end every sign-in made with the old one.

    `action` is the audit action written in each of the user's organisations
    (`auth.password_reset`, `auth.password_changed`). Returns how many refresh tokens were
    revoked. The transaction is left in the organisation it was in, if any.
    """
    check_password(password, email=user.email)
    try:
        entered = current_tenant(session)
    except NoTenantError:
        entered = None
    await enter_user(session, user.id)
    repository = AuthRepository(session)
    user.password_hash = hash_password(password)
    user.credentials_version += 1
    await repository.spend_reset_tokens(user.id, now)
    await session.flush()
    revoked = 0
    for tenant_id in await repository.tenant_ids_of(user.id):
        await enter_tenant(session, tenant_id)
        in_tenant = await repository.revoke_refresh_tokens_of(tenant_id, user.id, now)
        revoked += in_tenant
        await audit.record(
            session,
            tenant_id=tenant_id,
            action=action,
            actor_type="user",
            actor_id=str(user.id),
            ip=ip,
            details={"refresh_tokens_revoked": in_tenant},
        )
    if entered is not None:
        await enter_tenant(session, entered)
    return revoked
