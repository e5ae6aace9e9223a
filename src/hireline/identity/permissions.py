"""The permission table: what each role and each scope may do. The only one in Hireline."""

from __future__ import annotations

from collections.abc import Iterable
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
    INTERVIEWS_READ = "interviews:read"
    INTERVIEWS_MANAGE = "interviews:manage"
    SCORECARDS_READ = "scorecards:read"
    SCORECARDS_WRITE = "scorecards:write"
    # Offers: every offer (recruiters, admins); deciding in one's turn as an approver, and
    # seeing the offers one is asked to approve (every role).
    OFFERS_READ = "offers:read"
    OFFERS_WRITE = "offers:write"
    OFFERS_APPROVE = "offers:approve"
    # Hiring analytics across the organisation (every job's figures): owners, admins,
    # recruiters; hiring managers see their own jobs' pipelines instead.
    ANALYTICS_READ = "analytics:read"


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
        Action.INTERVIEWS_READ,
        Action.SCORECARDS_READ,
    }
)

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.OWNER: _EVERYTHING,
    Role.ADMIN: _EVERYTHING,
    Role.RECRUITER: _EVERYTHING - _ADMINISTRATION,
    Role.HIRING_MANAGER: _READ_WORK
    | {
        Action.CANDIDATES_WRITE,
        Action.INTERVIEWS_MANAGE,
        Action.SCORECARDS_WRITE,
        Action.OFFERS_APPROVE,
    },
    # Interviewers see their own interviews only, and others' scorecards once they have
    # submitted theirs (`hireline.interviews`).
    Role.INTERVIEWER: frozenset(
        {
            Action.PROFILE_READ,
            Action.JOBS_READ,
            Action.CANDIDATES_READ,
            Action.GUIDES_READ,
            Action.INTERVIEWS_READ,
            Action.SCORECARDS_READ,
            Action.SCORECARDS_WRITE,
            Action.OFFERS_APPROVE,
        }
    ),
}


class Scope(StrEnum):
    """A permission granted to an API key or OAuth client (an enum in the API document)."""

    JOBS_READ = "jobs:read"
    JOBS_WRITE = "jobs:write"
    CANDIDATES_READ = "candidates:read"
    CANDIDATES_WRITE = "candidates:write"
    GUIDES_READ = "guides:read"
    GUIDES_WRITE = "guides:write"
    SALARIES_READ = "salaries:read"
    SALARIES_IMPORT = "salaries:import"
    MEMBERS_READ = "members:read"
    WEBHOOKS_MANAGE = "webhooks:manage"
    USAGE_READ = "usage:read"
    AUDIT_READ = "audit:read"
    INTERVIEWS_READ = "interviews:read"
    INTERVIEWS_WRITE = "interviews:write"
    OFFERS_READ = "offers:read"
    OFFERS_WRITE = "offers:write"
    ANALYTICS_READ = "analytics:read"


# Scopes granted to API keys and OAuth clients; a write scope includes its read.
SCOPE_ACTIONS: dict[str, frozenset[Action]] = {
    Scope.JOBS_READ: frozenset({Action.JOBS_READ}),
    Scope.JOBS_WRITE: frozenset({Action.JOBS_READ, Action.JOBS_WRITE}),
    Scope.CANDIDATES_READ: frozenset({Action.CANDIDATES_READ}),
    Scope.CANDIDATES_WRITE: frozenset({Action.CANDIDATES_READ, Action.CANDIDATES_WRITE}),
    Scope.GUIDES_READ: frozenset({Action.GUIDES_READ}),
    Scope.GUIDES_WRITE: frozenset({Action.GUIDES_READ, Action.GUIDES_WRITE}),
    Scope.SALARIES_READ: frozenset({Action.SALARIES_READ}),
    Scope.SALARIES_IMPORT: frozenset({Action.SALARIES_READ, Action.SALARIES_IMPORT}),
    Scope.MEMBERS_READ: frozenset({Action.MEMBERS_READ}),
    Scope.WEBHOOKS_MANAGE: frozenset({Action.WEBHOOKS_MANAGE}),
    Scope.USAGE_READ: frozenset({Action.USAGE_READ}),
    Scope.AUDIT_READ: frozenset({Action.AUDIT_READ}),
    Scope.INTERVIEWS_READ: frozenset({Action.INTERVIEWS_READ, Action.SCORECARDS_READ}),
    Scope.INTERVIEWS_WRITE: frozenset(
        {Action.INTERVIEWS_READ, Action.INTERVIEWS_MANAGE, Action.SCORECARDS_READ}
    ),
    # Reading offers passes the approvers' door too; a key is never in an approval chain.
    Scope.OFFERS_READ: frozenset({Action.OFFERS_READ, Action.OFFERS_APPROVE}),
    Scope.OFFERS_WRITE: frozenset({Action.OFFERS_READ, Action.OFFERS_APPROVE, Action.OFFERS_WRITE}),
    Scope.ANALYTICS_READ: frozenset({Action.ANALYTICS_READ}),
}


def narrowest_scope(action: Action) -> Scope | None:
    """The scope granting `action` with the fewest other powers; None when keys never may."""
    granting = [Scope(scope) for scope, actions in SCOPE_ACTIONS.items() if action in actions]
    return min(granting, key=lambda scope: len(SCOPE_ACTIONS[scope]), default=None)


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


def scopes_within(scopes: Iterable[str], actions: frozenset[str]) -> bool:
    """Whether every scope grants only actions that `actions` already includes.

    Stops a member from minting a key more powerful than themselves.
    """
    return all(SCOPE_ACTIONS[scope] <= actions for scope in scopes if scope in SCOPE_ACTIONS)


def can_assign_role(assigner_role: str, role: str) -> bool:
    """Only owners make owners; admins manage every other role."""
    if assigner_role == Role.OWNER:
        return True
    return assigner_role == Role.ADMIN and role != Role.OWNER


# Roles that work on particular jobs: a member with one of them sees only the jobs whose
# hiring team they are on, with those jobs' applications and candidates. Keys and clients
# act for the organisation and are bounded by their scopes instead.
TEAM_SCOPED_ROLES = frozenset({Role.HIRING_MANAGER, Role.INTERVIEWER})


def sees_only_own_jobs(kind: str, role: str | None) -> bool:
    """Whether a principal of this kind and role is limited to its hiring teams' jobs."""
    return kind == "user" and role in TEAM_SCOPED_ROLES
