"""Mailers: a real SMTP server (aiosmtpd on 127.0.0.1) receives what SmtpMailer sends, with
authentication; FileMailer leaves messages a mail client opens."""

from __future__ import annotations

import email
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import aiosmtplib
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from hireline.notifications.compose import Body, address, compose, message_id, sender
from hireline.notifications.mailer import (
    FileMailer,
    SmtpMailer,
    UndeliverableMessage,
    mailer_for,
)
from hireline.settings import Settings
from tests.served import free_port

USER, PASSWORD = "hireline@relay", "p@ss:w/rd"
REFUSED = "nobody@example.com"
# The test server has no certificate, so it takes passwords without TLS (and warns).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@dataclass
class Inbox:
    """What the test server accepted: envelopes, messages, and who signed in."""

    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    messages: list[EmailMessage] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook names)
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address == REFUSED:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        parsed = email.message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(parsed)
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == USER
            and auth_data.password.decode() == PASSWORD
        ):
            self.logins.append(USER)
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=inbox.authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _message(to: str = "ada@example.com", *, key: str = "one") -> EmailMessage:
    return compose(
        from_=sender("Acme <jobs@acme.example>"),
        to=address(to, "Ada Lovelace"),
        subject="Your application — thank you",
        body=Body(text="Hello Ada,\nthanks — we got it.\n", html="<p>Hello Ada, thanks.</p>\n"),
        message_id=message_id(key, domain="acme.example"),
    )


async def test_smtp_mailer_signs_in_and_delivers_both_parts(
    smtp_server: tuple[Inbox, int],
) -> None:
    inbox, port = smtp_server
    mailer = SmtpMailer.from_url(f"smtp://hireline%40relay:p%40ss%3Aw%2Frd@127.0.0.1:{port}")

    await mailer.send(_message())

    assert inbox.logins == [USER]
    assert inbox.envelopes == [("jobs@acme.example", ["ada@example.com"])]
    received = inbox.messages[0]
    assert received["Subject"] == "Your application — thank you"
    assert received["To"] == "Ada Lovelace <ada@example.com>"
    assert received["Auto-Submitted"] == "auto-generated"
    assert received["Message-ID"] == _message()["Message-ID"]
    plain = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert plain is not None
    assert html is not None
    # SMTP carries lines ending in CRLF.
    assert plain.get_content() == "Hello Ada,\r\nthanks — we got it.\r\n"
    assert html.get_content() == "<p>Hello Ada, thanks.</p>\r\n"


async def test_smtp_mailer_with_a_wrong_password_fails_to_be_retried(
    smtp_server: tuple[Inbox, int],
) -> None:
    inbox, port = smtp_server
    mailer = SmtpMailer.from_url(f"smtp://hireline%40relay:wrong@127.0.0.1:{port}")

    with pytest.raises(aiosmtplib.SMTPAuthenticationError):
        await mailer.send(_message())
    assert inbox.messages == []


async def test_a_refused_recipient_is_undeliverable_not_retried(
    smtp_server: tuple[Inbox, int],
) -> None:
    inbox, port = smtp_server
    mailer = SmtpMailer.from_url(f"smtp://hireline%40relay:p%40ss%3Aw%2Frd@127.0.0.1:{port}")

    with pytest.raises(UndeliverableMessage, match="No such user"):
        await mailer.send(_message(REFUSED))
    assert inbox.messages == []


async def test_an_unreachable_server_is_an_error_to_retry() -> None:
    mailer = SmtpMailer(host="127.0.0.1", port=free_port(), timeout=2)

    with pytest.raises(aiosmtplib.SMTPConnectError):
        await mailer.send(_message())


def test_smtp_urls_give_tls_mode_port_and_credentials() -> None:
    plain = SmtpMailer.from_url("smtp://mail.example.com")
    assert (plain.host, plain.port, plain.implicit_tls, plain.username) == (
        "mail.example.com",
        587,
        False,
        None,
    )
    tls = SmtpMailer.from_url("SMTPS://u%40x:secret@mail.example.com:2465")
    assert (tls.host, tls.port, tls.implicit_tls) == ("mail.example.com", 2465, True)
    assert (tls.username, tls.password) == ("u@x", "secret")
    assert SmtpMailer.from_url("smtps://mail.example.com").port == 465
    assert "secret" not in repr(tls)


@pytest.mark.parametrize(
    "url", ["http://mail.example.com", "smtp://", "smtp://mail.example.com:99999", "mail:25"]
)
def test_bad_smtp_urls_are_refused_without_echoing_them(url: str) -> None:
    with pytest.raises(ValueError, match="SMTP URL") as raised:
        SmtpMailer.from_url(url.replace("mail.", "u:hunter2@mail."))
    assert "hunter2" not in str(raised.value)


async def test_file_mailer_writes_one_parseable_eml_per_message(tmp_path: Path) -> None:
    mailer = FileMailer(tmp_path / "mail")
    message = _message()

    await mailer.send(message)
    await mailer.send(message)  # a retried job: the same Message-ID
    await mailer.send(_message(key="another"))

    day = datetime.now(UTC).strftime("%Y-%m-%d")
    files = sorted((tmp_path / "mail" / day).iterdir())
    assert len(files) == 2
    assert all(f.suffix == ".eml" for f in files)
    parsed = [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
    assert {p["Message-ID"] for p in parsed} == {
        message["Message-ID"],
        _message(key="another")["Message-ID"],
    }
    first = next(p for p in parsed if p["Message-ID"] == message["Message-ID"])
    assert isinstance(first, EmailMessage)
    assert first["Subject"] == "Your application — thank you"
    plain = first.get_body(preferencelist=("plain",))
    assert plain is not None
    assert plain.get_content() == "Hello Ada,\nthanks — we got it.\n"


def test_mailer_for_prefers_smtp_and_falls_back_to_files(tmp_path: Path) -> None:
    files = mailer_for(Settings(data_dir=tmp_path))
    assert files == FileMailer(tmp_path / "mail")
    smtp = mailer_for(Settings(data_dir=tmp_path, smtp_url="smtps://relay.example.com"))
    assert smtp == SmtpMailer(host="relay.example.com", port=465, implicit_tls=True)
