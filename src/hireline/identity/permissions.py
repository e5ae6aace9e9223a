"""The permission table: what each role and each scope may do. The only one in Hireline."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A member's role in a tenant, from most to least powerful."""

    OWNER = "owner"
    ADMIN = "admin"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"


class Action(StrEnum):
    """Something a route does; every non-public route under /v1 names exactly one."""

    PROFILE_READ = "profile:read"
    MEMBERS_READ = "members:read"
    MEMBERS_MANAGE = "members:manage"
    API_KEYS_MANAGE = "api_keys:manage"
    OAUTH_CLIENTS_MANAGE = "oauth_clients:manage"
    AUDIT_READ = "audit:read"
    USAGE_READ = "usage:read"
    JOBS_READ = "jobs:read"
    JOBS_WRITE = "jobs:write"
    CANDIDATES_READ = "candidates:read"
    CANDIDATES_WRITE = "candidates:write"
    GUIDES_READ = "guides:read"
    GUIDES_WRITE = "guides:write"
    SALARIES_READ = "salaries:read"
    SALARIES_IMPORT = "salaries:import"
    WEBHOOKS_MANAGE = "webhooks:manage"
    ORGANIZATION_MANAGE = "organization:manage"


_EVERYTHING = frozenset(Action)
_ADMINISTRATION = frozenset(
    {
        Action.MEMBERS_MANAGE,
        Action.API_KEYS_MANAGE,
        Action.OAUTH_CLIENTS_MANAGE,
        Action.AUDIT_READ,
        Action.USAGE_READ,
        Action.SALARIES_IMPORT,
        Action.WEBHOOKS_MANAGE,
        Action.ORGANIZATION_MANAGE,
    }
)
_READ_WORK = frozenset(
    {
        Action.PROFILE_READ,
        Action.MEMBERS_READ,
        Action.JOBS_READ,
        Action.CANDIDATES_READ,
        Action.GUIDES_READ,
        Action.SALARIES_READ,
    }
)

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.OWNER: _EVERYTHING,
    Role.ADMIN: _EVERYTHING,
    Role.RECRUITER: _EVERYTHING - _ADMINISTRATION,
    Role.HIRING_MANAGER: _READ_WORK | {Action.CANDIDATES_WRITE},
    Role.INTERVIEWER: frozenset(
        {Action.PROFILE_READ, Action.JOBS_READ, Action.CANDIDATES_READ, Action.GUIDES_READ}
    ),
}

# Scopes granted to API keys and OAuth clients; a write scope includes its read.
SCOPE_ACTIONS: dict[str, frozenset[Action]] = {
    "jobs:read": frozenset({Action.JOBS_READ}),
    "jobs:write": frozenset({Action.JOBS_READ, Action.JOBS_WRITE}),
    "candidates:read": frozenset({Action.CANDIDATES_READ}),
    "candidates:write": frozenset({Action.CANDIDATES_READ, Action.CANDIDATES_WRITE}),
    "guides:read": frozenset({Action.GUIDES_READ}),
    "guides:write": frozenset({Action.GUIDES_READ, Action.GUIDES_WRITE}),
    "salaries:read": frozenset({Action.SALARIES_READ}),
    "salaries:import": frozenset({Action.SALARIES_READ, Action.SALARIES_IMPORT}),
    "members:read": frozenset({Action.MEMBERS_READ}),
    "webhooks:manage": frozenset({Action.WEBHOOKS_MANAGE}),
    "usage:read": frozenset({Action.USAGE_READ}),
    "audit:read": frozenset({Action.AUDIT_READ}),
}


def actions_for_role(role: str) -> frozenset[str]:
    """What a member with `role` may do (nothing for an unknown role)."""
    try:
        return frozenset(ROLE_ACTIONS[Role(role)])
    except ValueError:
        return frozenset()


def actions_for_scopes(scopes: tuple[str, ...] | list[str]) -> frozenset[str]:
    """What a key or client holding `scopes` may do (and always: ask who it is)."""
    granted: set[str] = {Action.PROFILE_READ}
    for scope in scopes:
        granted |= SCOPE_ACTIONS.get(scope, frozenset())
    return frozenset(granted)


def scopes_within(scopes: list[str], actions: frozenset[str]) -> bool:
    """Whether every scope grants only actions that `actions` already includes.

    Stops a member from minting a key more powerful than themselves.
    """
    return all(SCOPE_ACTIONS[scope] <= actions for scope in scopes if scope in SCOPE_ACTIONS)


def can_assign_role(assigner_role: str, role: str) -> bool:
    """Only owners make owners; admins manage every other role."""
    if assigner_role == Role.OWNER:
        return True
    return assigner_role == Role.ADMIN and role != Role.OWNER
