"""Signatures a Standard Webhooks receiver accepts, checked with the reference package."""

from __future__ import annotations

import time

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from hireline.webhooks import signing


def test_a_signed_message_verifies_with_the_standardwebhooks_package() -> None:
    secret = signing.new_secret()
    body = b'{"type":"application.created","timestamp":"2026-11-25T10:00:00+00:00","data":{}}'
    headers = signing.headers([secret], "msg_1", int(time.time()), body)

    assert Webhook(secret).verify(body, headers)["type"] == "application.created"


def test_a_changed_body_or_another_secret_fails() -> None:
    secret = signing.new_secret()
    headers = signing.headers([secret], "msg_1", int(time.time()), b'{"a":1}')

    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(b'{"a":2}', headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(b'{"a":1}', headers)


def test_during_a_rotation_both_secrets_verify() -> None:
    old, new = signing.new_secret(), signing.new_secret()
    headers = signing.headers([new, old], "msg_2", int(time.time()), b"{}")

    assert headers["webhook-signature"].count("v1,") == 2
    assert Webhook(old).verify(b"{}", headers) == {}
    assert Webhook(new).verify(b"{}", headers) == {}


def test_secrets_are_whsec_and_random() -> None:
    first, second = signing.new_secret(), signing.new_secret()
    assert first.startswith("whsec_")
    assert first != second
