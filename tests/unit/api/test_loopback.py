"""The client over real sockets: tiny scripted servers on 127.0.0.1 for what a mock cannot show."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from fizzly_desktop.api import (
    DownloadRejected,
    FizzlyClient,
    OutputDownloader,
    PingEvent,
    RateBudget,
    RunRef,
    StreamInterrupted,
    UnsafeUrl,
)
from tests.unit.api.wire import KEY

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter, bytes], Awaitable[None]]

SSE_HEAD = (
    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
    b"connection: close\r\n\r\n"
)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class ScriptedServer:
    """Answers each connection with ``script`` and keeps the request heads it received."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.heads: list[bytes] = []
        self.connections = 0
        self.closed_by_client = asyncio.Event()
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    async def __aenter__(self) -> ScriptedServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            self.heads.append(head)
            await self.script(reader, writer, head)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def header_lines(self, index: int = 0) -> list[str]:
        return [line.lower() for line in self.heads[index].decode("latin-1").split("\r\n")]


def respond(status: str, body: bytes, content_type: str, *extra: str) -> Script:
    async def script(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes
    ) -> None:
        lines = [
            f"HTTP/1.1 {status}",
            f"content-type: {content_type}",
            f"content-length: {len(body)}",
            "connection: close",
            *extra,
        ]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()

    return script


async def drain(client: FizzlyClient) -> None:
    async with contextlib.aclosing(client.stream(RunRef("demo", "x", "r"))) as events:
        async for _ in events:
            pass


@pytest.fixture
async def client_for() -> AsyncIterator[Callable[..., FizzlyClient]]:
    clients: list[FizzlyClient] = []

    def make(base_url: str, **options: object) -> FizzlyClient:
        client = FizzlyClient(base_url, KEY, budget=RateBudget(), **options)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


async def test_leaving_a_stream_early_closes_its_connection(
    client_for: Callable[..., FizzlyClient],
) -> None:
    async def endless(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes
    ) -> None:
        writer.write(SSE_HEAD + b"event: ping\ndata: {}\n\n")
        await writer.drain()
        await reader.read()  # EOF once the client hangs up
        server.closed_by_client.set()

    async with ScriptedServer(endless) as server:
        client = client_for(server.url)
        run = RunRef("demo", "x", "run_1")
        async with contextlib.aclosing(client.stream(run)) as events:
            async for event in events:
                assert isinstance(event, PingEvent)
                break
        async with asyncio.timeout(10):
            await server.closed_by_client.wait()
    assert any(line == f"authorization: key {KEY.lower()}" for line in server.header_lines())


async def test_a_silent_socket_is_a_dropped_stream(
    client_for: Callable[..., FizzlyClient],
) -> None:
    async def silent(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes
    ) -> None:
        writer.write(SSE_HEAD + b'event: submit\ndata: {"node": "a"}\n\n')
        await writer.drain()
        await reader.read()

    async with ScriptedServer(silent) as server:
        client = client_for(server.url, ping_interval=0.04)
        with pytest.raises(StreamInterrupted):
            await drain(client)


async def test_a_redirect_to_another_origin_never_receives_the_key(
    client_for: Callable[..., FizzlyClient],
) -> None:
    async with ScriptedServer(respond("200 OK", b"{}", "application/json")) as elsewhere:
        hop = respond("302 Found", b"", "text/plain", f"location: {elsewhere.url}/collect")
        async with ScriptedServer(hop) as api:
            client = client_for(api.url)
            with pytest.raises(UnsafeUrl):
                await client.status(RunRef("demo", "x", "run_1"))
            assert len(api.heads) == 1
    assert elsewhere.heads == []


async def test_downloads_carry_no_credentials_even_through_redirects(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    async with ScriptedServer(respond("200 OK", png, "image/png")) as cdn:
        hop = respond("302 Found", b"", "text/plain", f"location: {cdn.url}/o.png")
        async with ScriptedServer(hop) as first, OutputDownloader() as downloader:
            saved = await downloader.download(
                f"{first.url}/o.png", tmp_path / "o.png", trusted_origins=[first.url, cdn.url]
            )
    assert saved.read_bytes() == png
    for server in (first, cdn):
        assert not any(line.startswith("authorization") for line in server.header_lines())
        assert not any(line.startswith("cookie") for line in server.header_lines())


async def test_a_redirect_to_an_untrusted_local_origin_is_refused_before_connecting(
    tmp_path: Path,
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    async with ScriptedServer(respond("200 OK", png, "image/png")) as inside:
        hop = respond("302 Found", b"", "text/plain", f"location: {inside.url}/o.png")
        async with ScriptedServer(hop) as first, OutputDownloader() as downloader:
            with pytest.raises(DownloadRejected) as caught:
                # Only the first server is the profile's: the hop to the other is re-checked.
                await downloader.download(
                    f"{first.url}/o.png", tmp_path / "o.png", trusted_origins=[first.url]
                )
            assert len(first.heads) == 1
    assert caught.value.reason == "refused: address on this computer"
    assert inside.connections == 0
    assert files_in(tmp_path) == []


async def test_a_name_is_resolved_once_and_the_checked_address_is_the_one_connected(
    tmp_path: Path,
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    asked: list[tuple[str, int]] = []

    async def resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["127.0.0.1"]

    async with ScriptedServer(respond("200 OK", png, "image/png")) as server:
        port = int(server.url.rsplit(":", 1)[1])
        # A name no system resolver knows: only the checked address can have been used.
        url = f"http://images.fizzly.test:{port}/o.png"
        async with OutputDownloader(resolver=resolver) as downloader:
            saved = await downloader.download(
                url, tmp_path / "o.png", trusted_origins=[f"http://images.fizzly.test:{port}"]
            )
    assert saved.read_bytes() == png
    assert asked == [("images.fizzly.test", port)]
    assert f"host: images.fizzly.test:{port}" in server.header_lines()


async def test_the_connection_pool_refuses_a_host_that_was_not_checked() -> None:
    # The last line of defence: whatever reaches the pool unchecked is not connected.
    async with ScriptedServer(respond("200 OK", b"{}", "application/json")) as server:
        downloader = OutputDownloader()
        try:
            with pytest.raises(httpx.ConnectError, match="not checked"):
                await downloader._http.get(f"{server.url}/o.png")
        finally:
            await downloader.aclose()
    assert server.connections == 0


async def test_a_stream_dropped_without_closing_leaves_nothing_behind(
    client_for: Callable[..., FizzlyClient],
) -> None:
    async def endless(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes
    ) -> None:
        writer.write(SSE_HEAD + b"event: ping\ndata: {}\n\n")
        await writer.drain()
        await reader.read()
        server.closed_by_client.set()

    async with ScriptedServer(endless) as server:
        client = client_for(server.url)
        events = client.stream(RunRef("demo", "x", "run_1"))
        assert isinstance(await anext(events), PingEvent)
        # The caller forgets the generator instead of closing it.
        del events
        gc.collect()
        async with asyncio.timeout(10):
            await server.closed_by_client.wait()
        status_answer = respond("200 OK", b'{"status": "IN_QUEUE"}', "application/json")
        server.script = status_answer
        status = await client.status(RunRef("demo", "x", "run_1"))
    assert status.status.value == "IN_QUEUE"
