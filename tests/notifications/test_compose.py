"""Composing notifications: both parts, the headers mail software relies on, and user input
that can neither inject markup into the HTML nor headers into the message."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

import pytest

from hireline.notifications.compose import (
    InvalidAddress,
    address,
    compose,
    message_id,
    one_line,
    render,
    sender,
)
from hireline.notifications.messages import shown_endpoint

SCRIPT = "<script>alert('x')</script>"


def _message(
    *, name: str = "Ada Lovelace", title: str = "Backend Engineer", key: str = "k"
) -> EmailMessage:
    facts = {
        "candidate_name": one_line(name),
        "job_title": one_line(title),
        "organization": "Acme & Sons",
    }
    return compose(
        from_=sender("Hireline <no-reply@hireline.example>", display_name="Acme & Sons"),
        to=address("ada@example.com", name),
        subject=f"We received your application for {title}",
        body=render("application_received", **facts),
        message_id=message_id(key, domain="hireline.example"),
        date=datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
    )


def _reparsed(message: EmailMessage) -> EmailMessage:
    parsed = email.message_from_bytes(message.as_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _part(message: EmailMessage, subtype: str) -> str:
    body = message.get_body(preferencelist=(subtype,))
    assert body is not None
    content = body.get_content()
    assert isinstance(content, str)
    return content


def test_a_message_has_text_and_html_alternatives_and_machine_headers() -> None:
    message = _reparsed(_message())

    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert message["From"] == "Acme & Sons <no-reply@hireline.example>"
    assert message["To"] == "Ada Lovelace <ada@example.com>"
    assert message["Subject"] == "We received your application for Backend Engineer"
    assert message["Date"] == "Wed, 25 Nov 2026 09:30:00 +0000"
    assert message["Auto-Submitted"] == "auto-generated"
    assert str(message["Message-ID"]).endswith("@hireline.example>")
    assert "Thank you for applying for Backend Engineer at Acme & Sons" in " ".join(
        _part(message, "plain").split()
    )
    assert "<strong>Backend Engineer</strong>" in _part(message, "html")


def test_the_message_id_is_the_same_for_the_same_key_only() -> None:
    assert _message(key="a")["Message-ID"] == _message(key="a")["Message-ID"]
    assert _message(key="a")["Message-ID"] != _message(key="b")["Message-ID"]
    assert message_id("x", domain="").endswith("@hireline.localhost>")


def test_names_and_titles_are_escaped_in_html_and_verbatim_in_text() -> None:
    message = _reparsed(_message(name=f"Ada {SCRIPT}", title="C++ & <Rust>"))

    html = _part(message, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "C++ &amp; &lt;Rust&gt;" in html
    assert "Acme &amp; Sons" in html
    text = _part(message, "plain")
    assert f"Hello Ada {SCRIPT}," in text
    assert "C++ & <Rust>" in text


@pytest.mark.parametrize(
    "line_break", ["\r\n", "\n", "\r", "\u2028", "\x85", "\r\n\t", "\x0b", "\x00"]
)
def test_line_breaks_in_names_and_titles_cannot_add_headers(line_break: str) -> None:
    evil = f"Ada{line_break}Bcc: victim@example.org"
    message = _message(name=evil, title=f"Engineer{line_break}Bcc: victim@example.org")

    raw = message.as_bytes()
    parsed = _reparsed(message)
    assert parsed["Bcc"] is None
    assert not any(line.lower().startswith(b"bcc:") for line in raw.splitlines())
    assert parsed["To"].addresses[0].addr_spec == "ada@example.com"
    assert parsed["To"].addresses[0].display_name == "Ada Bcc: victim@example.org"
    assert parsed["Subject"] == "We received your application for Engineer Bcc: victim@example.org"


def test_one_line_drops_controls_and_direction_overrides_and_caps_the_length() -> None:
    assert one_line("  a\tb \r\n c\x07d ") == "a b c d"
    assert one_line("invoice\u202egpj.exe") == "invoicegpj.exe"
    assert one_line("x" * 300, limit=10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    "bad",
    [
        "ada@example.com\r\nBcc: victim@example.org",
        "ada@example.com, victim@example.org",
        "Ada <ada@example.com>",
        "ada example.com",
        "ada@@example.com",
        "",
    ],
)
def test_anything_but_one_plain_address_is_refused(bad: str) -> None:
    with pytest.raises(InvalidAddress):
        address(bad, "Ada")


def test_sender_takes_the_configured_address_and_name() -> None:
    assert str(sender("Hireline <no-reply@hireline.example>")) == (
        "Hireline <no-reply@hireline.example>"
    )
    assert str(sender("jobs@acme.example", display_name="Acme\r\nX: y")) == (
        '"Acme X: y" <jobs@acme.example>'
    )


def test_webhook_endpoints_are_shown_without_credentials_query_or_secret_path() -> None:
    shown = shown_endpoint("https://user:pw@hooks.example.com:8443/services/T0/B0/secret?token=x")
    assert shown == "https://hooks.example.com:8443/services/T0/B0/…"
    assert shown_endpoint("https://[::1]/hook") == "https://[::1]/hook"
