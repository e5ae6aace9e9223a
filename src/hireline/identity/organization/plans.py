"""What each tenant plan allows."""

from __future__ import annotations

# Requests per minute per principal.
# `demo` is the demo organisation's: one person clicking through it and scripting against its
# API at the same time never meets the limit.
PLAN_LIMITS: dict[str, int] = {"free": 60, "team": 600, "business": 3000, "demo": 100_000}
DEFAULT_PLAN = "free"


def limit_for(plan: str, override: int | None = None) -> int:
    """The per-minute request limit of a tenant: its own override, else its plan's."""
    if override is not None:
        return override
    return PLAN_LIMITS.get(plan, PLAN_LIMITS[DEFAULT_PLAN])
