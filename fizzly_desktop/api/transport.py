"""What every HTTP client of the app shares: one TLS context, and no per-request import misses.

Both matter because the clients run on the GUI thread's event loop, where a few milliseconds of
set-up in the middle of a request is a visible stall:

- ``httpx.AsyncClient`` builds a fresh TLS context (loading the whole CA bundle, tens of
  milliseconds) every time one is created unless it is handed one. The API clients and the
  download clients share :func:`tls_context`, which the app builds in a worker thread after
  the first paint (:func:`warm_up`). httpcore sets the ALPN protocols on the context as it
  connects, so clients that speak HTTP/2 and clients that do not get a context each.
- A client of a plain-http origin (the local sandbox) never makes a TLS connection: the API
  channel sends each request to its own origin only. It gets :func:`untrusting_context`,
  which costs nothing to build and trusts no certificate, so that a TLS connection through
  it would fail rather than go unchecked; a sandbox start loads no CA bundle on its way.
- httpcore asks which async library is running on every request by trying ``import sniffio``;
  when sniffio is not installed, that failed import searches the whole ``sys.path`` each time.
  :func:`skip_missing_sniffio` records it as absent once, so the import fails at once and
  httpcore takes its asyncio branch as before. An installed sniffio is left alone.
"""

from __future__ import annotations

import functools
import importlib.util
import ssl
import sys

import httpx


def tls_context(http2: bool = False) -> ssl.SSLContext:
    """httpx's default TLS settings (certifi's CA bundle, or SSL_CERT_FILE / SSL_CERT_DIR),
    built once per process for each kind of client."""
    return _built_context(bool(http2))


@functools.cache
def _built_context(http2: bool) -> ssl.SSLContext:
    # One context per value of http2: the argument is the cache key.
    return httpx.create_ssl_context()


def untrusting_context() -> ssl.SSLContext:
    """A TLS context for a client that never connects over TLS: it trusts no certificate."""
    return _untrusting_context()


@functools.cache
def _untrusting_context() -> ssl.SSLContext:
    # Verification on and not one CA loaded: any handshake fails.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    return context


def skip_missing_sniffio() -> None:
    """Make ``import sniffio`` fail fast (as it would anyway) when sniffio is not installed."""
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        # A None entry makes the import system raise ImportError without searching.
        sys.modules["sniffio"] = None  # type: ignore[assignment]


def warm_up() -> None:
    """Do the one-time work ahead of the first request (call it off the GUI thread)."""
    skip_missing_sniffio()
    tls_context(http2=False)
    tls_context(http2=True)
