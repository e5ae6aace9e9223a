"""Turning a template and its facts into an e-mail that is safe to send.

Names, job titles and error texts come from users and strangers. In the HTML part Jinja
escapes them; in headers they are reduced to one line of printable text, so a CR/LF in a
name can never start a header of its own (Bcc:, say).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

HEADER_TEXT_LIMIT = 200
FALLBACK_DOMAIN = "hireline.localhost"
# Separators Python's str.splitlines() (and some mail software) treat as line breaks.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
# Direction overrides can make a header read as something else ("gpj.exe" shown reversed).
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")
# An address as accepted here: one '@', no spaces, controls or characters with a meaning in
# address headers.
_ADDRESS = re.compile(r"[^\s@<>()\[\],;:\"\\]+@[^\s@<>()\[\],;:\"\\]+\.[^\s@<>()\[\],;:\"\\]+")


class InvalidAddress(ValueError):
    """Not one plain e-mail address (a mail relay would refuse it, or worse, misread it)."""


@dataclass(frozen=True)
class Body:
    """The two renderings of one message."""

    text: str
    html: str


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("hireline.notifications", "templates"),
        # Escaping only where markup is meant: the text part shows names exactly as given.
        autoescape=select_autoescape(enabled_extensions=("html",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context: Any) -> Body:
    """`templates/<name>.txt` and `templates/<name>.html` rendered with the same facts."""
    environment = _templates()
    return Body(
        text=environment.get_template(f"{name}.txt").render(**context),
        html=environment.get_template(f"{name}.html").render(**context),
    )


def one_line(value: str, *, limit: int = HEADER_TEXT_LIMIT) -> str:
    """The text on one line, without control characters, at most `limit` characters."""
    value = _LINE_BREAKS.sub(" ", value)
    value = _BIDI_CONTROLS.sub("", value)
    value = "".join(" " if unicodedata.category(c) == "Cc" else c for c in value)
    value = _WHITESPACE.sub(" ", value).strip()
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def address(email: str, name: str | None = None) -> Address:
    """A recipient or sender; InvalidAddress for anything but one plain address."""
    if not _ADDRESS.fullmatch(email):
        raise InvalidAddress("not an e-mail address")
    display_name = one_line(name) if name else ""
    return Address(display_name=display_name, addr_spec=email)


def sender(mail_from: str, *, display_name: str | None = None) -> Address:
    """The configured sender (`Name <address>` or a bare address), optionally renamed."""
    configured_name, email = parseaddr(mail_from)
    return address(email, display_name or configured_name or None)


def message_id(key: str, *, domain: str) -> str:
    """The same Message-ID for the same key, so that a resent message is recognisably one.

    The key is hashed: it names database ids that recipients need not see.
    """
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}@{domain or FALLBACK_DOMAIN}>"


def compose(
    *,
    from_: Address,
    to: Address,
    subject: str,
    body: Body,
    message_id: str,
    date: datetime | None = None,
) -> EmailMessage:
    """A multipart/alternative message (text, then HTML) marked as sent by a machine."""
    message = EmailMessage()
    message["From"] = from_
    message["To"] = to
    message["Subject"] = one_line(subject)
    message["Date"] = format_datetime(date or datetime.now(UTC))
    message["Message-ID"] = message_id
    # RFC 3834: no out-of-office replies or bounces loops back to a notification.
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    # Quoted-printable keeps both parts 7-bit, whatever the relay supports.
    message.set_content(body.text, cte="quoted-printable")
    message.add_alternative(body.html, subtype="html", cte="quoted-printable")
    return message
