"""How the demo organisation presents itself: careers page branding and its own wording of
the confirmation e-mail."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.board import service as board
from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.notifications import service as notifications

COLOUR = "#7a1f5c"
INTRO = (
    "Demo Robotics builds the robots that sort, pack and ship for small warehouses. "
    "We hire people who like hard problems and kind colleagues."
)
CONFIRMATION_SUBJECT = "Thank you for applying for {job_title}"
CONFIRMATION = (
    "Hello {candidate_name},\n\n"
    "Thank you for applying for {job_title} at {organization}. A person on the hiring team "
    "reads every application; you will hear from us within two weeks.\n\n"
    "The {organization} hiring team"
)


def logo() -> bytes:
    """A small PNG mark: a rounded square in the brand colour with a white bar."""
    image = Image.new("RGBA", (96, 96), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 95, 95), radius=18, fill=COLOUR)
    draw.rectangle((24, 42, 72, 54), fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


async def present(sessions: async_sessionmaker[AsyncSession], owner: Principal) -> None:
    """Brand the careers pages and reword the confirmation e-mail, as an owner would."""
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, owner.tenant_id)
        await board.save_careers_branding(session, owner, colour=COLOUR, intro=INTRO, logo=logo())
        await notifications.save_email_template(
            session, owner, "application_received", CONFIRMATION_SUBJECT, CONFIRMATION
        )
