"""Every role against every action of the routes that exist, in two tenants."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.security import hash_password
from hireline.core.tenancy import enter_tenant
from hireline.identity.dependencies import Require
from hireline.identity.models import Membership, User
from hireline.identity.permissions import ROLE_ACTIONS, Action, Role
from tests.identity.helpers import PASSWORD, bearer, password_token, sign_up
from tests.identity.test_route_guards import _guards, api_routes

Probe = Callable[[httpx.AsyncClient, dict[str, str]], Awaitable[httpx.Response]]


@dataclass(frozen=True)
class Case:
    action: Action
    probe: Probe


def _get(path: str, **params: str) -> Probe:
    async def call(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
        return await client.get(path, params=params, headers=headers)

    return call


def _post_json(path: str, body: dict[str, object]) -> Probe:
    async def call(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
        return await client.post(path, json=body, headers=headers)

    return call


def _put_json(path: str, body: dict[str, object]) -> Probe:
    async def call(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
        return await client.put(path, json=body, headers=headers)

    return call


def _post_file(path: str, content: bytes) -> Probe:
    async def call(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
        return await client.post(path, files={"file": ("s.csv", content)}, headers=headers)

    return call


_NOBODY = "00000000-0000-0000-0000-000000000000"
CASES = [
    Case(Action.PROFILE_READ, _get("/v1/me")),
    Case(Action.JOBS_READ, _get("/v1/jobs")),
    Case(Action.CANDIDATES_READ, _get("/v1/candidates")),
    Case(
        Action.CANDIDATES_WRITE,
        _get("/v1/candidates/00000000-0000-0000-0000-000000000000/export"),
    ),
    Case(
        Action.JOBS_WRITE,
        _post_json(
            "/v1/jobs",
            {"title": "Matrix", "description": "x", "locations": [{"mode": "remote"}]},
        ),
    ),
    Case(Action.AUDIT_READ, _get("/v1/audit-log")),
    Case(Action.USAGE_READ, _get("/v1/usage")),
    Case(Action.MEMBERS_READ, _get("/v1/members")),
    Case(
        Action.MEMBERS_MANAGE,
        _post_json("/v1/members", {"email": "matrix@example.com", "role": "interviewer"}),
    ),
    Case(Action.API_KEYS_MANAGE, _get("/v1/api-keys")),
    Case(Action.OAUTH_CLIENTS_MANAGE, _get("/v1/oauth-clients")),
    Case(Action.PROFILE_READ, _get("/v1/organization/settings")),
    Case(
        Action.ORGANIZATION_MANAGE,
        _put_json("/v1/organization/settings", {"default_country": "DE"}),
    ),
    Case(Action.WEBHOOKS_MANAGE, _get("/v1/webhooks/endpoints")),
    Case(Action.WEBHOOKS_MANAGE, _get("/v1/webhooks/deliveries")),
    Case(Action.GUIDES_READ, _get("/v1/guides/templates")),
    Case(Action.GUIDES_READ, _get("/v1/questions", category="culture")),
    Case(
        Action.GUIDES_WRITE,
        _post_json(
            "/v1/questions",
            {
                "category": "culture",
                "topic": "Feedback",
                "question": "Tell us about feedback you acted on.",
                "strong_answer": "A specific change they made.",
                "levels": ["mid"],
            },
        ),
    ),
    Case(
        Action.GUIDES_WRITE,
        _post_json("/v1/guides/templates/data-engineer/fork", {"new_key": "matrix-fork"}),
    ),
    Case(
        Action.SALARIES_READ,
        _get("/v1/salaries", role="python-backend-developer", level="mid"),
    ),
    Case(Action.INTERVIEWS_READ, _get("/v1/me/interviews")),
    Case(
        Action.INTERVIEWS_MANAGE,
        _put_json(f"/v1/jobs/{_NOBODY}/interview-plan", {"interviews": []}),
    ),
    Case(Action.SCORECARDS_READ, _get(f"/v1/applications/{_NOBODY}/scorecards")),
    Case(
        Action.SCORECARDS_WRITE,
        _post_json(
            f"/v1/interviews/{_NOBODY}/scorecards", {"ratings": {}, "recommendation": "yes"}
        ),
    ),
    Case(
        Action.SALARIES_IMPORT,
        _post_file(
            "/v1/salaries/imports",
            b"role,level,location,currency,min,max\nx-role,mid,austin-tx,USD,1000,2000\n",
        ),
    ),
    Case(Action.OFFERS_APPROVE, _get("/v1/offers")),
    Case(Action.ANALYTICS_READ, _get("/v1/analytics/funnel")),
    Case(Action.OFFERS_READ, _get("/v1/offer-templates")),
    Case(
        Action.OFFERS_WRITE,
        _put_json(
            "/v1/offer-templates/matrix", {"name": "Matrix", "body": "Dear {{ candidate_name }}"}
        ),
    ),
]


async def _member(
    client: httpx.AsyncClient,
    db_session: AsyncSession,
    tenant: dict[str, object],
    slug: str,
    role: Role,
) -> dict[str, str]:
    tenant_id = uuid.UUID(str(tenant["tenant"]["id"]))  # type: ignore[index]
    email = f"{role.value}@{slug}.example"
    user = User(email=email, name=role.value, password_hash=hash_password(PASSWORD))
    db_session.add(user)
    await db_session.flush()
    await enter_tenant(db_session, tenant_id)
    db_session.add(Membership(tenant_id=tenant_id, user_id=user.id, role=role.value))
    await db_session.flush()
    token = await password_token(client, email)
    assert token.status_code == 200, token.text
    return bearer(token.json()["access_token"])


@pytest.mark.parametrize("role", list(Role))
async def test_role_can_do_exactly_what_the_table_allows(
    client: httpx.AsyncClient, db_session: AsyncSession, role: Role
) -> None:
    for slug in ("acme", "globex"):
        tenant = await sign_up(client, slug)
        headers = (
            bearer(str(tenant["access_token"]))
            if role == Role.OWNER
            else await _member(client, db_session, tenant, slug, role)
        )
        for case in CASES:
            response = await case.probe(client, headers)
            allowed = case.action in ROLE_ACTIONS[role]
            if allowed:
                # Allowed means past the guard: success, or the route's own 404 for a probe id.
                assert response.status_code < 400 or response.status_code == 404, (
                    role,
                    case.action,
                    response.text,
                )
            else:
                assert response.status_code == 403, (role, case.action, response.text)
                assert response.json()["type"] == "/problems/permission-denied"


def test_the_matrix_covers_every_action_that_has_a_route(app: FastAPI) -> None:
    routed = {
        guard.action
        for route in api_routes(app.routes)
        for guard in _guards(route.dependant)
        if isinstance(guard, Require)
    }
    missing = routed - {case.action for case in CASES}
    assert not missing, f"add a probe for {sorted(missing)} to CASES"
