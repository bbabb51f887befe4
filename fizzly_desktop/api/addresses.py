"""Which network addresses an output download may connect to, and how host names are resolved."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Sequence

__all__ = [
    "NEVER_ALLOWED",
    "IPAddress",
    "Resolver",
    "address_problem",
    "host_address",
    "system_resolver",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Resolves ``(host, port)`` to the addresses a connection may use, as text.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

# Cloud metadata services: the classic target of a server that makes its clients fetch for it.
# 168.63.129.16 (Azure) and 100.100.100.200 (Alibaba) are not caught by the private ranges alone.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "168.63.129.16",
        "100.100.100.200",
        "fd00:ec2::254",
    )
)
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_NUMERIC_PART = re.compile(r"^(0x[0-9a-f]+|[0-9]+)$", re.IGNORECASE)

#: Refusals that no trusted origin lifts: nothing a service legitimately serves lives there.
NEVER_ALLOWED = ("cloud metadata address", "link-local address", "multicast address")


def host_address(host: str) -> IPAddress | None:
    """The address ``host`` names literally, or None for a host name.

    Besides dotted quads and IPv6 (with or without brackets), this reads the forms that
    ``inet_aton`` and so every system resolver accept: ``2852039166``, ``0x7f.1``,
    ``0177.0.0.1``, so that such a host is judged by the address it really is.
    """
    text = host.strip().lower().rstrip(".")
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMERIC_PART.match(p) for p in parts):
        return None
    try:
        values = [_number(p) for p in parts]
    except ValueError:
        return None
    # The last part fills every byte the earlier ones leave (a.b.c.d, a.b.cd, a.bcd, abcd).
    *leading, last = values
    if any(v > 255 for v in leading) or last >= 1 << (8 * (4 - len(leading))):
        return None
    value = last
    for index, part in enumerate(leading):
        value |= part << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _number(part: str) -> int:
    if part.startswith("0x"):
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    return int(part, 10)


def address_problem(address: IPAddress) -> str | None:
    """None for a public address, else what kind of address it is, in plain words.

    IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged
    by the IPv4 address inside.
    """
    inner = _embedded_ipv4(address)
    if inner is not None:
        return address_problem(inner)
    if address in _METADATA:
        return "cloud metadata address"
    if address.is_multicast:
        return "multicast address"
    if address.is_loopback:
        return "address on this computer"
    if address.is_link_local:
        return "link-local address"
    if address.is_unspecified or (address.version == 4 and address in _THIS_NETWORK):
        return "address on this computer"
    if address.version == 4 and address in _SHARED:
        return "private address"
    if address.is_reserved:
        return "reserved address"
    if address.is_private or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local):
        return "private address"
    if not address.is_global:
        return "reserved address"
    return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address of ``host`` from the system resolver, in its order, without duplicates.

    ``loop.getaddrinfo`` runs the lookup in a worker thread, so the event loop never waits.
    """
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _name, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)
