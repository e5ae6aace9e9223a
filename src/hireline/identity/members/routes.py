"""HTTP layer of members and invitations."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request, Response, status
from starlette.responses import JSONResponse

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.auth.schemas import TokenResponse
from hireline.identity.dependencies import NO_STORE, client_ip, public, require
from hireline.identity.members import service as members
from hireline.identity.members.schemas import (
    AcceptInvitation,
    InvitationCreated,
    InvitationRead,
    InviteRequest,
    MemberRead,
    MembersRead,
    RoleChange,
)
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["identity"])


@router.get(
    "/members",
    summary="Members of your organisation and pending invitations",
    description=(
        "Both lists, oldest first, at most 200 entries each. Invitations are those still "
        "open (not accepted, replaced or expired); their tokens are never shown again."
    ),
)
async def list_members(
    session: DbSession, principal: Annotated[Principal, require(Action.MEMBERS_READ)]
) -> MembersRead:
    return MembersRead(
        members=[
            MemberRead.model_validate(m, from_attributes=True)
            for m in await members.list_members(session, principal.tenant_id)
        ],
        invitations=[
            InvitationRead.model_validate(i)
            for i in await members.pending_invitations(session, principal.tenant_id)
        ],
    )


@router.post(
    "/members",
    status_code=status.HTTP_201_CREATED,
    response_model_exclude_none=True,
    summary="Invite someone with a role; the invitee is e-mailed the link to accept",
    description=(
        "The invitee gets an e-mail with the link to accept, as invitations from the app do; "
        "the token is in that e-mail only. With `send_email: false` nothing is mailed and the "
        "token is returned instead, once, for an integration that delivers it itself."
    ),
)
async def invite_member(
    body: InviteRequest,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, require(Action.MEMBERS_MANAGE, replayable=False)],
) -> InvitationCreated:
    response.headers.update(NO_STORE)
    email, ip = str(body.email), client_ip(request)
    if body.send_email:
        invitation = await members.invite(session, principal, email=email, role=body.role, ip=ip)
        read = InvitationRead.model_validate(invitation).model_dump()
        return InvitationCreated(**read, emailed=True)
    invitation, token = await members.invite_without_email(
        session, principal, email=email, role=body.role, ip=ip
    )
    return InvitationCreated(
        **InvitationRead.model_validate(invitation).model_dump(),
        emailed=False,
        token=token,
        accept_path=f"/v1/auth/invitations/{token}/accept",
    )


@router.patch(
    "/members/{user_id}",
    summary="Change a member's role (only owners touch owners; the last owner stays)",
)
async def change_member_role(
    user_id: uuid.UUID,
    body: RoleChange,
    request: Request,
    session: DbSession,
    principal: Annotated[Principal, require(Action.MEMBERS_MANAGE)],
) -> MemberRead:
    member = await members.change_role(
        session, principal, user_id, body.role, ip=client_ip(request)
    )
    return MemberRead.model_validate(member, from_attributes=True)


@router.delete(
    "/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a member; their sessions end at once",
)
async def remove_member(
    user_id: uuid.UUID,
    request: Request,
    session: DbSession,
    principal: Annotated[Principal, require(Action.MEMBERS_MANAGE)],
) -> None:
    await members.remove(session, principal, user_id, ip=client_ip(request))


@router.post(
    "/auth/invitations/{token}/accept",
    dependencies=[public()],
    response_model=TokenResponse,
    summary="Accept an invitation (new account, or an existing one with its password)",
    responses={
        404: {"description": "Unknown token, or replaced by a newer invitation"},
        409: {"description": "Already accepted, expired, or already a member"},
    },
)
async def accept_invitation(
    token: str, body: AcceptInvitation, request: Request, session: DbSession
) -> JSONResponse:
    issued = await members.accept(
        session,
        request.app.state.token_issuer,
        token,
        name=body.name,
        password=body.password,
        ip=client_ip(request),
    )
    return JSONResponse(issued.model_dump(exclude_none=True), headers=NO_STORE)
