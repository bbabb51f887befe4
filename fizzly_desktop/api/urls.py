"""URL safety rules: which origin may receive the key, and which webhook addresses are allowed."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, urlsplit

__all__ = [
    "check_http_url",
    "check_webhook_url",
    "join_path",
    "origin_of",
    "same_origin",
]

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Numeric host forms that resolvers accept but ipaddress does not (2130706433, 0x7f.1, 0177.0.0.1).
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+))*\.?$", re.IGNORECASE)


def origin_of(url: str) -> tuple[str, str, int]:
    """``(scheme, host, port)`` of an http(s) URL, with the default port filled in.

    Raises:
        ValueError: the URL is not an absolute http or https URL.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an http(s) address: {_shorten(url)!r}")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"the port of {_shorten(url)!r} is not a number") from None
    return scheme, parts.hostname.lower(), port if port is not None else _DEFAULT_PORTS[scheme]


def same_origin(url: str, other: str) -> bool:
    """True when both are http(s) URLs with the same scheme, host and port."""
    try:
        return origin_of(url) == origin_of(other)
    except ValueError:
        return False


def check_http_url(url: str) -> str | None:
    """None when ``url`` is an absolute http or https URL, else a plain message saying why not."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        shown = parts.scheme or "no scheme"
        return f"Only web addresses (http or https) can be used here, not {shown}."
    try:
        origin_of(url)
    except ValueError:
        return "The address is incomplete: it needs a host name after http:// or https://."
    return None


def join_path(base_url: str, *segments: str) -> str:
    """``base_url`` followed by ``segments``, each percent-encoded as one path segment."""
    path = "/".join(quote(segment, safe="") for segment in segments)
    return f"{base_url.rstrip('/')}/{path}"


def check_webhook_url(url: str) -> str | None:
    """Check a webhook URL against the reference's rules.

    The service accepts only https URLs that do not point at internal or private addresses
    (localhost, 10.x, 192.168.x, loopback, link-local, reserved ...). Host names are checked
    as written; the service still checks where they resolve.

    Returns:
        None when the URL is acceptable, else one plain sentence saying what to change.
    """
    text = url.strip()
    if not text:
        return "The webhook address is empty."
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme != "https":
        return "The webhook address must start with https:// (the service rejects http and others)."
    host = parts.hostname
    if not host:
        return "The webhook address needs a host name after https://."
    try:
        _ = parts.port
    except ValueError:
        return "The webhook address has a port that is not a number."
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "The webhook address cannot be localhost: the service cannot reach this computer."
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if _NUMERIC_HOST.match(host):
            return "The webhook address must use a host name or a normal public IP address."
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if not address.is_global or address.is_multicast:
        return (
            f"The webhook address {host} is a private, local or reserved address that the "
            "service cannot call; use a public https address."
        )
    return None


def _shorten(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
