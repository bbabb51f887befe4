"""Output downloads: credential-free, http(s) only, capped, typed, and whole or nothing."""

from __future__ import annotations

import os
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from fizzly_desktop.api import DownloadRejected, OutputDownloader
from tests.unit.api.conftest import ClientFactory
from tests.unit.api.wire import Wire

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def streamed(size: int, chunk: int = 4096) -> AsyncIterator[bytes]:
    async def body() -> AsyncIterator[bytes]:
        sent = 0
        while sent < size:
            part = min(chunk, size - sent)
            sent += part
            yield b"\0" * part

    return body()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


async def test_a_file_is_saved_whole_without_credentials(tmp_path: Path) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    async with OutputDownloader(transport=wire.transport) as downloader:
        saved = await downloader.download("https://cdn.fizzly.test/o/a.png", tmp_path / "a.png")
    assert saved == tmp_path / "a.png"
    assert saved.read_bytes() == PNG
    assert leftovers(tmp_path) == ["a.png"]
    request = wire.requests[0]
    assert "authorization" not in request.headers
    assert "cookie" not in request.headers


async def test_the_client_downloads_through_a_keyless_client(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    # Even an output on the API's own origin is fetched without the key.
    wire = Wire(httpx.Response(200, headers={"content-type": "image/webp"}, content=b"RIFF"))
    client = make_client(wire)
    await client.download("https://api.fizzly.test/outputs/x.webp", tmp_path / "x.webp")
    assert "authorization" not in wire.requests[0].headers
    assert (tmp_path / "x.webp").read_bytes() == b"RIFF"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
async def test_an_oversized_file_is_refused_and_nothing_is_left(
    tmp_path: Path, declared: bool
) -> None:
    size = 300_000
    headers = {"content-type": "image/png"}
    if declared:
        headers["content-length"] = str(size)
    wire = Wire(httpx.Response(200, headers=headers, content=streamed(size)))
    async with OutputDownloader(max_bytes=100_000, transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download("https://cdn.fizzly.test/big.png", tmp_path / "big.png")
    assert "0.1 MB limit" in caught.value.user_message
    assert leftovers(tmp_path) == []


async def test_an_existing_file_is_untouched_when_a_download_fails(tmp_path: Path) -> None:
    dest = tmp_path / "keep.png"
    dest.write_bytes(b"previous")
    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=streamed(5000)))
    async with OutputDownloader(max_bytes=1000, transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected):
            await downloader.download("https://cdn.fizzly.test/k.png", dest)
    assert dest.read_bytes() == b"previous"
    assert leftovers(tmp_path) == ["keep.png"]


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://cdn.fizzly.test/a.png", "data:image/png;base64,AAAA", "a.png"],
)
async def test_non_web_addresses_are_refused_without_a_request(tmp_path: Path, url: str) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    async with OutputDownloader(transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download(url, tmp_path / "a.png")
    assert wire.requests == []
    assert "http or https" in caught.value.user_message
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (
            httpx.Response(200, headers={"content-type": "text/html"}, text="<h1>login</h1>"),
            "text/html",
        ),
        (httpx.Response(200, content=PNG), "no type"),
        (httpx.Response(404, text="gone"), "404"),
        (httpx.ConnectError("refused"), "connection"),
    ],
    ids=["html", "no-type", "404", "refused"],
)
async def test_answers_that_are_not_media_are_refused(
    tmp_path: Path, answer: httpx.Response | Exception, says: str
) -> None:
    wire = Wire(answer)
    async with OutputDownloader(transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download("https://cdn.fizzly.test/a.png", tmp_path / "a.png")
    assert says in caught.value.user_message
    assert leftovers(tmp_path) == []


async def test_accepted_types_can_be_widened(tmp_path: Path) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "text/plain"}, text="hello"))
    async with OutputDownloader(
        accepted_types=("text/plain",), transport=wire.transport
    ) as downloader:
        saved = await downloader.download("http://cdn.fizzly.test/a.txt", tmp_path / "a.txt")
    assert saved.read_text() == "hello"


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
async def test_a_saved_file_follows_the_users_umask(tmp_path: Path, mask: int) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    previous = os.umask(mask)
    try:
        async with OutputDownloader(transport=wire.transport) as downloader:
            saved = await downloader.download("https://cdn.fizzly.test/o/a.png", tmp_path / "a.png")
        sidecar = tmp_path / "a.json"
        sidecar.write_text("{}", encoding="utf-8")  # as the output saver writes it
    finally:
        os.umask(previous)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o666 & ~mask
    assert stat.S_IMODE(saved.stat().st_mode) == stat.S_IMODE(sidecar.stat().st_mode)
