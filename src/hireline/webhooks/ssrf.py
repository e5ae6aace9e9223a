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
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx

# httpcore's own type for socket options, which it does not export.
SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class BlockedAddress(Exception):
    """The URL's host is, or resolves to, an address webhooks may not reach."""


# IPv6 ranges whose addresses carry an IPv4 address that the packet ends up going to.
_NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052
_NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215
_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")  # RFC 2765 (SIIT)
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # RFC 4291, deprecated
# Where RFC 6052 puts the IPv4 address for each NAT64 prefix length a /48 can hold:
# byte slices of the packed address (byte 8, the "u" octet, is always skipped).
_RFC6052_LAYOUTS = ((slice(6, 8), slice(9, 11)), (slice(7, 8), slice(9, 12)), (slice(9, 13),))


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address stands for: mapped, compatible, translated,
    NAT64, 6to4 and Teredo (server and client). Empty for a plain IPv6 address."""
    packed = ip.packed
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip in _IPV4_TRANSLATED or ip in _NAT64_WELL_KNOWN:
        return [ipaddress.IPv4Address(packed[12:])]
    if ip in _IPV4_COMPATIBLE and int(ip) > 1:  # `::` and `::1` are IPv6's own
        return [ipaddress.IPv4Address(packed[12:])]
    if ip in _NAT64_LOCAL_USE:
        # The operator chooses the prefix length: every layout's address must be acceptable.
        layouts = [b"".join(packed[part] for part in layout) for layout in _RFC6052_LAYOUTS]
        return [ipaddress.IPv4Address(raw) for raw in [*layouts, packed[12:]]]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)
    return []


def address_allowed(address: str) -> bool:
    """True for globally routable unicast addresses only.

    An IPv6 address embedding an IPv4 one is judged by that IPv4 address: a NAT64 gateway,
    6to4 relay or Teredo server would deliver to it.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = embedded_ipv4(ip)
        if inner:
            return all(_global_unicast(v4) for v4 in inner)
    return _global_unicast(ip)


def _global_unicast(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not ip.is_multicast


def literal_host_refused(url: str) -> str | None:
    """The address of a URL whose host is an IP literal webhooks may not reach, else None.

    Only literals are judged when an endpoint is saved; a host name is checked on every
    connection, against what it resolves to then.
    """
    host = urlsplit(url).hostname or ""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None
    return None if address_allowed(host) else host


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
