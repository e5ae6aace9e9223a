"""Webhooks cannot be aimed at the server's own network."""

from __future__ import annotations

import socket
from typing import Any

import anyio
import pytest

from hireline.webhooks.delivery import post
from hireline.webhooks.ssrf import address_allowed, guarded_client
from tests.webhooks.receiver import Answer, running_receiver


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        # IPv6 forms that carry an IPv4 address, judged by that address:
        "64:ff9b::7f00:1",  # NAT64, well-known prefix
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1:7f00:1::",  # NAT64, local-use prefix (a /48 layout)
        "64:ff9b:1::a00:1",  # ... and the /96 layout
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:0:7f00:1",  # IPv4-translated
        "2002:7f00:1::1",  # 6to4
        "2002:a9fe:a9fe::",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo (client 192.0.2.45)
        "2001:0:7f00:1:0:0:f7f7:f7f7",  # Teredo (server 127.0.0.1)
    ],
)
def test_internal_addresses_are_refused(address: str) -> None:
    assert not address_allowed(address)


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "1.1.1.1",
        "2606:4700:4700::1111",
        "64:ff9b::808:808",
        "2002:808:808::1",
        "::ffff:1.1.1.1",
        "2001:0:808:808:0:0:f7f7:f7f7",
    ],
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_allowed(address)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://[::1]:9/x", "http://10.0.0.1:9/x"],
)
async def test_the_guarded_client_refuses_to_connect(url: str) -> None:
    async with guarded_client(timeout=2) as client:
        result = await post(client, url, b"{}", {}, seconds=2)
    assert result.blocked
    assert result.error is not None
    assert "may not reach" in result.error
    assert not result.retryable


async def test_a_name_is_checked_on_every_address_it_resolves_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name with one public and one private address (or re-pointed between checks) fails."""

    async def resolve(host: str, port: int, **_: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    monkeypatch.setattr(anyio, "getaddrinfo", resolve)
    async with guarded_client(timeout=2) as client:
        result = await post(client, "http://rebind.example/x", b"{}", {}, seconds=2)
    assert result.blocked
    assert "127.0.0.1" in (result.error or "")


async def test_loopback_only_through_the_explicit_setting_and_redirects_are_not_followed() -> None:
    with running_receiver() as receiver:
        receiver.answer(Answer(302, {"location": "http://169.254.169.254/latest/meta-data"}))
        async with guarded_client(timeout=5, allow_private=True) as client:
            result = await post(client, receiver.url, b"{}", {}, seconds=5)
    assert result.status_code == 302
    assert not result.succeeded
    assert len(receiver.received) == 1  # the redirect was not followed


async def test_a_slow_receiver_is_cut_off_at_the_deadline() -> None:
    with running_receiver() as receiver:
        receiver.answer(Answer(200, delay=3))
        async with guarded_client(timeout=5, allow_private=True) as client:
            result = await post(client, receiver.url, b"{}", {}, seconds=0.5)
    assert result.status_code is None
    assert result.error == "no answer within 0.5 s"
    assert result.retryable
