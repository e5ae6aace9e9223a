"""Where e-mail goes: an SMTP server when one is configured, `.eml` files otherwise."""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import aiosmtplib

from hireline.settings import Settings

SMTP_TIMEOUT_SECONDS = 30.0
DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
_UNSAFE_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._-]+")


class UndeliverableMessage(Exception):
    """The server refused the message for good (5xx): sending it again cannot help."""


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None:
        """Hand the message on; raises when it may be retried, `UndeliverableMessage` when not."""
        ...


@dataclass(frozen=True)
class SmtpMailer:
    """Sends through an SMTP server, one connection per message."""

    host: str
    port: int
    implicit_tls: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = SMTP_TIMEOUT_SECONDS

    @classmethod
    def from_url(cls, url: str, *, timeout: float = SMTP_TIMEOUT_SECONDS) -> SmtpMailer:
        """`smtp://user:password@host:587` (STARTTLS when offered) or `smtps://...` (TLS).

        Raises ValueError naming what is wrong, never repeating the password.
        """
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            raise ValueError("the SMTP URL must start with smtp:// or smtps://")
        try:
            port = parts.port or DEFAULT_PORTS[scheme]
        except ValueError:
            raise ValueError("the SMTP URL's port is not a number from 1 to 65535") from None
        if not parts.hostname:
            raise ValueError("the SMTP URL names no host")
        return cls(
            host=parts.hostname,
            port=port,
            implicit_tls=scheme == "smtps",
            # Percent-encoded so that user names and passwords may hold '@', ':' or '/'.
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password is not None else None,
            timeout=timeout,
        )

    async def send(self, message: EmailMessage) -> None:
        try:
            await aiosmtplib.send(
                message,
                hostname=self.host,
                port=self.port,
                username=self.username,
                password=self.password,
                use_tls=self.implicit_tls,
                # None: upgrade when the server offers STARTTLS (implicit TLS excludes it).
                start_tls=False if self.implicit_tls else None,
                timeout=self.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            if all(refusal.code >= 500 for refusal in exc.recipients):
                raise UndeliverableMessage(str(exc)) from exc
            raise
        except aiosmtplib.SMTPDataError as exc:
            # A content refusal (spam, size) is final; a 4xx greylisting is worth a retry.
            if exc.code >= 500:
                raise UndeliverableMessage(str(exc)) from exc
            raise


@dataclass(frozen=True)
class FileMailer:
    """Writes each message as `<root>/<yyyy-mm-dd>/<timestamp>-<message id>.eml`.

    Any mail client opens the files, so a setup without a mail server still shows what
    would have been sent.
    """

    root: Path

    async def send(self, message: EmailMessage) -> None:
        data = message.as_bytes(policy=policy.default)
        await asyncio.to_thread(self._write, data, _file_stem(message), datetime.now(UTC))

    def _write(self, data: bytes, stem: str, now: datetime) -> None:
        directory = self.root / now.strftime("%Y-%m-%d")
        directory.mkdir(parents=True, exist_ok=True)
        # A job retried after its write (its worker died before recording success) sends the
        # same Message-ID again: one file per message, not one per attempt.
        if any(directory.glob(f"*-{stem}.eml")):
            return
        final = directory / f"{now.strftime('%Y%m%dT%H%M%S%fZ')}-{stem}.eml"
        partial = directory / f".{final.name}.{uuid.uuid4().hex}.partial"
        # Written aside then renamed: a reader never sees half a message.
        try:
            with partial.open("xb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            partial.replace(final)
        finally:
            partial.unlink(missing_ok=True)

    def forget(self, message_ids: set[str]) -> int:
        """Delete the files of these messages (erasure); returns how many were deleted."""
        stems = {file_stem(message_id) for message_id in message_ids}
        deleted = 0
        for path in self.root.glob("*/*.eml") if self.root.exists() else ():
            if path.stem.partition("-")[2] in stems:
                path.unlink(missing_ok=True)
                deleted += 1
        return deleted


def file_stem(message_id: str) -> str:
    """The part of a message's file name that its Message-ID decides."""
    local_part = message_id.strip().strip("<>").partition("@")[0]
    return _UNSAFE_IN_FILE_NAMES.sub("_", local_part).strip("._")[:64]


def _file_stem(message: EmailMessage) -> str:
    return file_stem(str(message.get("Message-ID", ""))) or uuid.uuid4().hex


def mailer_for(settings: Settings) -> Mailer:
    """SMTP when `smtp_url` is set, otherwise files under `<data dir>/mail`."""
    if settings.smtp_url is not None:
        return SmtpMailer.from_url(settings.smtp_url.get_secret_value())
    return FileMailer(settings.data_dir / "mail")
