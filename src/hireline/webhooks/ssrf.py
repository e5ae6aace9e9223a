"""Outgoing HTTP that cannot be pointed at the server's own network (SSRF).

Tenants choose webhook URLs, so a URL must not reach loopback, private, link-local,
multicast or cloud-metadata addresses. The check is made on the addresses the name resolves
to, at connect time, and the connection goes to the address that was checked: a name that
resolves differently a moment later (DNS rebinding) gains nothing. Redirects are not followed.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import anyio
import httpcore
import httpx

# httpcore's own type for socket options, which it does not export.
SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class BlockedAddress(Exception):
    """The URL's host is, or resolves to, an address webhooks may not reach."""


def address_allowed(address: str) -> bool:
    """True for globally routable unicast addresses only."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, *, allow_private: bool) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private = allow_private

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109  (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            found = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
        if not self._allow_private:
            blocked = [a for a in addresses if not address_allowed(a)]
            if blocked:
                raise BlockedAddress(
                    f"{host} resolves to {blocked[0]}, which webhooks may not reach"
                )
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        # TLS still verifies the certificate against `host`: httpcore passes the origin's
        # name, not this address, as the server name.
        return await self._inner.connect_tcp(
            addresses[0], port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109  (httpcore's interface)
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("webhooks do not use Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with a connection pool whose every connection is checked."""

    def __init__(self, *, allow_private: bool = False) -> None:
        super().__init__(trust_env=False)
        # httpx builds its pool without a way to pass a network backend; this is the same
        # pool with ours (covered by the SSRF tests, which fail if httpx stops using it).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=50,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(allow_private=allow_private),
        )


def guarded_client(*, timeout: float, allow_private: bool = False) -> httpx.AsyncClient:
    """A client for tenant-chosen URLs: checked addresses, no redirects, no proxies."""
    return httpx.AsyncClient(
        transport=GuardedTransport(allow_private=allow_private),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        headers={"user-agent": "Hireline-Webhooks/1"},
    )
