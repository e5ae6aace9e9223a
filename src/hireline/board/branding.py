"""Careers page branding: checks on the way in (a logo is read as an image, not trusted by
its name or declared type), and what the pages show.

The colour is applied by the careers pages' stylesheet as a custom property; only `#rrggbb`
is accepted, so nothing else can reach the style. The introduction is plain text.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.board.models import CareersBranding
from hireline.board.repository import BrandingRepository
from hireline.core.change_feed import announce
from hireline.core.errors import ValidationFailed
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit

CAREERS_CHANGED_TOPIC = "careers_changed"
LOGO_MAX_BYTES = 256 * 1024
LOGO_MAX_SIDE = 2000
INTRO_LIMIT = 2000
_COLOUR = re.compile(r"#[0-9a-f]{6}")
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
# White text on the colour (buttons) must stay readable: WCAG AA for normal text.
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Branding:
    """What the careers pages and the settings screen show."""

    colour: str | None
    intro: str | None
    # SHA-256 of the logo's bytes (hex): the logo's URL names it, so a new logo is a new URL.
    logo_digest: str | None = None

    @property
    def has_logo(self) -> bool:
        return self.logo_digest is not None

    def logo_path(self, slug: str) -> str | None:
        """Where the pages link the current logo (cached for good: it never changes)."""
        return None if self.logo_digest is None else f"/careers/{slug}/logo/{self.logo_digest}"


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["body", field], "msg": message, "type": "branding"}]
    )


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else float(((value + 0.055) / 1.055) ** 2.4)

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def check_colour(colour: str) -> str | None:
    """`#rrggbb` in lower case (None for empty), dark enough to carry white text."""
    colour = colour.strip().lower()
    if not colour:
        return None
    if not _COLOUR.fullmatch(colour):
        raise _invalid("colour", "The colour must be written #rrggbb, e.g. #0b5cad.")
    if 1.05 / (_luminance(colour) + 0.05) < MIN_CONTRAST:
        raise _invalid(
            "colour", "This colour is too light for white text on it; choose a darker one."
        )
    return colour


def check_logo(data: bytes) -> str:
    """The logo's media type when `data` really is a PNG or JPEG image of a sensible size."""
    if len(data) > LOGO_MAX_BYTES:
        raise _invalid("logo", f"The logo must be at most {LOGO_MAX_BYTES // 1024} KB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                width, height = image.size
                image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Warning):
        raise _invalid("logo", "The logo must be a PNG or JPEG image.") from None
    if kind not in _FORMATS:
        raise _invalid("logo", "The logo must be a PNG or JPEG image.")
    if max(width, height) > LOGO_MAX_SIDE:
        raise _invalid("logo", f"The logo must be at most {LOGO_MAX_SIDE} pixels on each side.")
    return _FORMATS[kind]


async def branding_of(session: AsyncSession, tenant_id: uuid.UUID) -> Branding:
    """The organisation's branding (the default look where it set nothing)."""
    found = await BrandingRepository.working_for(session, tenant_id).get()
    if found is None:
        return Branding(colour=None, intro=None)
    return _shown(found)


def _shown(found: CareersBranding) -> Branding:
    digest = found.logo_digest if found.logo_type is not None else None
    return Branding(colour=found.colour, intro=found.intro, logo_digest=digest)


async def logo_of(session: AsyncSession, tenant_id: uuid.UUID) -> tuple[bytes, str, str] | None:
    """The logo's bytes, media type and digest, if the organisation has one."""
    return await BrandingRepository.working_for(session, tenant_id).logo()


async def save(
    session: AsyncSession,
    principal: Principal,
    *,
    colour: str,
    intro: str,
    logo: bytes | None,
    remove_logo: bool = False,
) -> Branding:
    """Check everything first, then store it all (never half of a refused change)."""
    checked_colour = check_colour(colour)
    checked_intro = intro.strip().replace("\r\n", "\n") or None
    if checked_intro is not None and len(checked_intro) > INTRO_LIMIT:
        raise _invalid("intro", f"The introduction must be at most {INTRO_LIMIT} characters.")
    logo_type = check_logo(logo) if logo else None
    found = await BrandingRepository.working_for(session, principal.tenant_id).get()
    if found is None:
        found = CareersBranding(tenant_id=principal.tenant_id)
        session.add(found)
    found.colour = checked_colour
    found.intro = checked_intro
    if logo:
        found.logo, found.logo_type = logo, logo_type
        found.logo_digest = hashlib.sha256(logo).hexdigest()
    elif remove_logo:
        found.logo, found.logo_type, found.logo_digest = None, None, None
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="careers_branding.saved",
        target_type="careers_branding",
        details={"logo": "replaced" if logo else ("removed" if remove_logo else "kept")},
    )
    # The careers pages are cached per organisation: drop them everywhere on commit.
    await announce(session, CAREERS_CHANGED_TOPIC, str(principal.tenant_id))
    return _shown(found)
