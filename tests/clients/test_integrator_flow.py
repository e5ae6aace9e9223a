"""An integration written only against the generated Python client (clients/python).

It does what an integrator does, from signing up to reading each kind of error as a typed
`Problem`: if the document and the server disagree anywhere on this path, the generated
code raises or returns the wrong type here.
"""

from __future__ import annotations

import io
import uuid

import httpx
import pytest
from hireline_client import AuthenticatedClient, Client
from hireline_client.api.board import board_apply, board_list
from hireline_client.api.candidates import applications_list, applications_move
from hireline_client.api.identity import api_keys_create, auth_signup, auth_token, me_get
from hireline_client.api.jobs import jobs_create, jobs_get, jobs_publish
from hireline_client.api.search import candidates_search
from hireline_client.api.webhooks import webhook_endpoints_create
from hireline_client.models import (
    ApiKeyCreate,
    ApplicationCreated,
    ApplicationPage,
    BodyAuthToken,
    BodyBoardApply,
    EndpointCreate,
    EndpointCreateEventTypesItem,
    EndpointWithSecret,
    FromTemplate,
    JobCreate,
    JobCreateLevelType0,
    JobLocation,
    JobLocationMode,
    JobRead,
    MoveRequest,
    Problem,
    PublicBoard,
    Scope,
    SearchPage,
    SignupRequest,
    SignupResponse,
    TokenResponse,
)
from hireline_client.types import File
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.candidates.files import pdf_resume

BASE_URL = "http://testserver"
PASSWORD = "a long and unusual passphrase"


@pytest.fixture
def transport(client: httpx.AsyncClient) -> httpx.AsyncBaseTransport:
    """The app as the generated client reaches it (requests rolled back after the test)."""
    return client._transport


def _anonymous(transport: httpx.AsyncBaseTransport) -> Client:
    api = Client(base_url=BASE_URL, raise_on_unexpected_status=True)
    api.set_async_httpx_client(httpx.AsyncClient(transport=transport, base_url=BASE_URL))
    return api


def _authenticated(transport: httpx.AsyncBaseTransport, token: str) -> AuthenticatedClient:
    api = AuthenticatedClient(base_url=BASE_URL, token=token, raise_on_unexpected_status=True)
    api.set_async_httpx_client(
        httpx.AsyncClient(
            transport=transport, base_url=BASE_URL, headers={"Authorization": f"Bearer {token}"}
        )
    )
    return api


def _application(name: str, email: str) -> BodyBoardApply:
    resume = File(
        payload=io.BytesIO(pdf_resume(name)), file_name="cv.pdf", mime_type="application/pdf"
    )
    return BodyBoardApply(name=name, email=email, consent=True, resume=resume)


async def test_an_integration_through_the_generated_client(
    transport: httpx.AsyncBaseTransport, db_session: AsyncSession
) -> None:
    public = _anonymous(transport)

    # Sign up, then sign in with the password grant.
    signed_up = await auth_signup.asyncio(
        client=public,
        body=SignupRequest(
            organization_name="Initech",
            slug="initech",
            name="Bill Lumbergh",
            email="bill@initech.example",
            password=PASSWORD,
        ),
    )
    assert isinstance(signed_up, SignupResponse)
    issued = await auth_token.asyncio(
        client=public,
        body=BodyAuthToken(
            grant_type="password", username="bill@initech.example", password=PASSWORD
        ),
    )
    assert isinstance(issued, TokenResponse)
    api = _authenticated(transport, issued.access_token)

    # A job from a built-in template, published.
    created = await jobs_create.asyncio(
        client=api,
        body=JobCreate(
            locations=[JobLocation(mode=JobLocationMode.REMOTE, country="US")],
            from_template=FromTemplate(template="python-backend-developer"),
            level=JobCreateLevelType0.SENIOR,
        ),
    )
    assert isinstance(created, JobRead), created
    published = await jobs_publish.asyncio(created.id, client=api)
    assert isinstance(published, JobRead)
    assert published.status == "open"

    # The public board lists it; a candidate applies with a PDF.
    board = await board_list.asyncio("initech", client=public)
    assert isinstance(board, PublicBoard)
    assert [job.id for job in board.items] == [created.id]
    applied = await board_apply.asyncio(
        "initech", created.id, client=public, body=_application("Ada Lovelace", "ada@example.com")
    )
    assert isinstance(applied, ApplicationCreated), applied

    # The recruiter lists the job's applications and moves Ada to the next stage.
    page = await applications_list.asyncio(created.id, client=api)
    assert isinstance(page, ApplicationPage)
    [application] = page.items
    assert application.id == applied.id
    next_stage = published.stages[1]
    moved = await applications_move.asyncio(
        application.id, client=api, body=MoveRequest(stage_id=next_stage.id)
    )
    assert not isinstance(moved, Problem), moved
    assert moved is not None
    assert moved.stage_id == next_stage.id

    # Search finds her.
    found = await candidates_search.asyncio(client=api, q="Lovelace")
    assert isinstance(found, SearchPage)
    assert [hit.id for hit in found.items] == [applied.candidate_id]

    # A webhook endpoint; its secret is shown once.
    endpoint = await webhook_endpoints_create.asyncio(
        client=api,
        body=EndpointCreate(
            url="https://hooks.initech.example/hireline",
            event_types=[EndpointCreateEventTypesItem.APPLICATION_CREATED],
        ),
    )
    assert isinstance(endpoint, EndpointWithSecret), endpoint
    assert endpoint.secret

    # Errors arrive as typed problems: 422 with its fields, 404, 409 with its link.
    invalid = await jobs_create.asyncio_detailed(
        client=api, body=JobCreate(locations=[], title="Nothing", description="No location")
    )
    assert invalid.status_code == 422
    assert isinstance(invalid.parsed, Problem)
    assert invalid.parsed.errors
    assert [error.loc for error in invalid.parsed.errors] == [["body", "locations"]]

    missing = await jobs_get.asyncio_detailed(uuid.uuid4(), client=api)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem)
    assert missing.parsed.type_ == "/problems/not-found"

    again = await board_apply.asyncio_detailed(
        "initech", created.id, client=api, body=_application("Ada Lovelace", "ada@example.com")
    )
    assert again.status_code == 409
    assert isinstance(again.parsed, Problem)
    assert again.parsed.additional_properties["application"] == f"/v1/applications/{applied.id}"

    # A key on a small plan limit runs into 429, with Retry-After.
    key = await api_keys_create.asyncio(
        client=api, body=ApiKeyCreate(name="sync", scopes=[Scope.JOBSREAD])
    )
    assert key is not None
    assert not isinstance(key, Problem)
    await db_session.execute(
        text("UPDATE tenants SET rate_limit_per_minute = 2 WHERE slug = 'initech'")
    )
    keyed = _authenticated(transport, key.key)
    answers = [await me_get.asyncio_detailed(client=keyed) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    limited = answers[-1]
    assert isinstance(limited.parsed, Problem)
    assert limited.parsed.type_ == "/problems/rate-limited"
    assert int(limited.headers["Retry-After"]) >= 1
