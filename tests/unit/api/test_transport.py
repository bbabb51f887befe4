"""The HTTP clients' shared set-up: a TLS context per kind of client, no repeated import misses."""

from __future__ import annotations

import importlib.util
import ssl
import sys

import pytest

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.api import transport as http_transport
from fizzly_desktop.api.download import OutputDownloader


def test_tls_context_is_built_once_per_kind_of_client() -> None:
    plain = http_transport.tls_context()
    assert http_transport.tls_context() is plain
    assert http_transport.tls_context(http2=True) is http_transport.tls_context(http2=True)
    # httpcore sets ALPN protocols on the context it connects with: HTTP/2 gets its own.
    assert http_transport.tls_context(http2=True) is not plain
    assert plain.check_hostname  # certificates are verified as httpx does by default


async def test_clients_share_the_context() -> None:
    client = FizzlyClient("https://api.fizzly.example", "fiz_test_key")
    downloader = OutputDownloader()
    try:
        http = client._client()
        # httpx hands the verify context to the pool that makes the connections.
        api_pool = http._transport._pool  # type: ignore[attr-defined]
        download_pool = downloader._http._transport._pool  # type: ignore[attr-defined]
        http2 = importlib.util.find_spec("h2") is not None
        assert api_pool._ssl_context is http_transport.tls_context(http2)
        assert download_pool._ssl_context is http_transport.tls_context()
    finally:
        await client.aclose()
        await downloader.aclose()


async def test_a_plain_http_api_loads_no_certificates_and_trusts_none() -> None:
    # The local sandbox: every request goes to its own http origin, never over TLS.
    client = FizzlyClient("http://127.0.0.1:8765", "fiz_test_key")
    try:
        context = client._client()._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context is http_transport.untrusting_context()
        assert context is not http_transport.tls_context()
        # Nothing loaded, and nothing trusted: a TLS handshake through it would fail.
        assert context.cert_store_stats()["x509_ca"] == 0
        assert context.verify_mode is ssl.CERT_REQUIRED
        assert context.check_hostname
    finally:
        await client.aclose()


def test_a_missing_sniffio_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("sniffio") is not None and sys.modules.get("sniffio") is not None:
        pytest.skip("sniffio is installed here: it is left alone")
    monkeypatch.delitem(sys.modules, "sniffio", raising=False)
    http_transport.skip_missing_sniffio()
    assert "sniffio" in sys.modules
    with pytest.raises(ImportError):
        import sniffio  # noqa: F401

    # An installed sniffio (a module already imported) is never replaced.
    marker = object()
    monkeypatch.setitem(sys.modules, "sniffio", marker)
    http_transport.skip_missing_sniffio()
    assert sys.modules["sniffio"] is marker


def test_every_spelling_of_the_kind_finds_the_same_context() -> None:
    assert http_transport.tls_context() is http_transport.tls_context(http2=False)
    assert http_transport.tls_context(False) is http_transport.tls_context(http2=False)
    assert http_transport.tls_context(True) is http_transport.tls_context(http2=True)


async def test_status_streams_have_a_pool_of_their_own() -> None:
    client = FizzlyClient("https://api.fizzly.example", "fiz_test_key")
    requests, streams = client._client(), client._client(stream=True)
    assert requests is not streams
    assert client._client() is requests
    assert client._client(stream=True) is streams
    # Hundreds of streams may stay open; short requests need few connections, and a small
    # pool keeps httpcore's per-request walk over its connections short.
    assert streams._transport._pool._max_connections >= 200  # type: ignore[attr-defined]
    assert requests._transport._pool._max_connections <= 32  # type: ignore[attr-defined]
    await client.aclose()
    assert requests.is_closed
    assert streams.is_closed
