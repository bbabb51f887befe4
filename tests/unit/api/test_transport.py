"""The HTTP clients' shared set-up: a TLS context per kind of client, no repeated import misses."""

from __future__ import annotations

import asyncio
import importlib.util
import ssl
import sys

import httpx
import pytest

from fizzly_desktop.api import FizzlyClient, Priority, RateBudget
from fizzly_desktop.api import transport as http_transport
from fizzly_desktop.api.channel import STREAM_POOL_CONNECTIONS
from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.api.errors import ConnectionFailed
from tests.unit.api.wire import API, KEY, Wire


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


async def test_the_pools_are_sized_for_their_use() -> None:
    client = FizzlyClient("https://api.fizzly.example", "fiz_test_key")
    try:
        requests = client._client()
        streams = client._stream_pools[client._stream_pool()]
        # Short requests need few connections; a stream pool stays small for httpcore's walk.
        assert requests._transport._pool._max_connections <= 32  # type: ignore[attr-defined]
        assert streams._transport._pool._max_connections == STREAM_POOL_CONNECTIONS  # type: ignore[attr-defined]
    finally:
        await client.aclose()


async def test_status_streams_are_spread_over_small_pools_of_their_own() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"Content-Type": "text/event-stream"},
            stream=httpx.ByteStream(b""),
            request=request,
        )

    budget = RateBudget(limit=10_000, window=1.0)
    wire = Wire(answer)
    client = FizzlyClient(API, KEY, transport=wire.transport, budget=budget)
    url = f"{API}/workflows/demo/x/requests/r1/status/stream"

    async def open_stream() -> httpx.Response:
        return await client._exchange("GET", url, priority=Priority.TRACKING, stream=True)

    per_pool = STREAM_POOL_CONNECTIONS
    # Opened all at once, as when hundreds of runs are sent together: each is counted in its
    # pool before its connection is made, so they spread instead of queueing in one pool.
    streams = list(await asyncio.gather(*(open_stream() for _ in range(2 * per_pool + 2))))
    # httpcore walks every connection of a pool whenever a stream opens or ends: no pool
    # holds more than a few dozen of the hundreds of streams a big batch keeps open.
    assert client._stream_load == [per_pool, per_pool, 2]
    requests = client._client()
    assert all(pool is not requests for pool in client._stream_pools)

    for response in streams[:per_pool]:
        await response.aclose()
    await streams[0].aclose()  # closing twice counts once
    assert client._stream_load == [0, per_pool, 2]
    streams.append(await open_stream())  # to the pool holding the fewest
    assert client._stream_load == [1, per_pool, 2]

    # A stream that could not be opened is not counted.
    wire.answers[0] = httpx.ConnectError("refused")
    with pytest.raises(ConnectionFailed):
        await client._exchange("GET", url, priority=Priority.TRACKING, stream=True, retries=0)
    assert client._stream_load == [1, per_pool, 2]

    pools = list(client._stream_pools)
    await client.aclose()
    assert requests.is_closed
    assert all(pool.is_closed for pool in pools)
    await streams[-1].aclose()  # after the pools went: nothing left to count
    assert client._stream_load == []
