"""Media downloads: streamed to disk in chunks, capped before asking, checked against claims."""

from __future__ import annotations

import struct
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from fizzly_desktop.api import DownloadRejected, OutputDownloader
from fizzly_desktop.api.download import DEFAULT_MAX_BYTES
from tests.unit.api.wire import Wire

MP4_HEAD = struct.pack(">I", 24) + b"ftypisom" + b"\0\0\2\0isomavc1"


class CountedBody:
    """A body sent in ``count`` chunks, counting how many were read."""

    def __init__(self, head: bytes, count: int, chunk: int = 64 * 1024) -> None:
        self.head, self.count, self.chunk = head, count, chunk
        self.read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for index in range(self.count):
            self.read += 1
            part = self.head + b"\1" * (self.chunk - len(self.head)) if index == 0 else None
            yield part if part is not None else bytes([index % 251]) * self.chunk

    @property
    def size(self) -> int:
        return self.count * self.chunk


async def test_a_video_is_streamed_to_disk_in_chunks_with_progress(tmp_path: Path) -> None:
    body = CountedBody(MP4_HEAD, count=40)  # 2.6 MB in 40 chunks
    wire = Wire(
        httpx.Response(
            200,
            headers={"content-type": "video/mp4", "content-length": str(body.size)},
            content=body,
        )
    )
    seen: list[tuple[int, int | None]] = []
    async with OutputDownloader(transport=wire.transport) as downloader:
        result = await downloader.fetch(
            "https://cdn.fizzly.test/o/clip.mp4",
            tmp_path / "clip.mp4",
            claimed="video",
            progress=lambda received, expected: seen.append((received, expected)),
        )
    assert body.read == 40
    assert result.size == body.size == result.path.stat().st_size
    assert result.path.read_bytes()[: len(MP4_HEAD)] == MP4_HEAD
    assert result.sniffed_type == "video/mp4"
    # One report per chunk, growing to the whole file, against the declared length.
    assert len(seen) == 40
    assert [received for received, _ in seen] == [64 * 1024 * (i + 1) for i in range(40)]
    assert {expected for _, expected in seen} == {body.size}


async def test_a_claimed_two_gigabytes_is_refused_before_anything_is_requested(
    tmp_path: Path,
) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "video/mp4"}, content=MP4_HEAD))
    async with OutputDownloader(transport=wire.transport) as downloader:
        assert downloader.max_bytes == DEFAULT_MAX_BYTES == 500_000_000
        with pytest.raises(DownloadRejected) as caught:
            await downloader.fetch(
                "https://cdn.fizzly.test/o/long.mp4",
                tmp_path / "long.mp4",
                claimed="video",
                declared_size=2_000_000_000,
            )
    assert wire.requests == []
    assert caught.value.reason == "too large (2.0 GB; limit 500 MB)"
    assert "larger than the 500 MB limit" in caught.value.user_message
    assert "Largest Output File" in caught.value.user_message  # where to raise it
    assert not any(tmp_path.iterdir())  # noqa: ASYNC240


async def test_a_two_gigabyte_content_length_is_refused_before_the_body_is_read(
    tmp_path: Path,
) -> None:
    body = CountedBody(MP4_HEAD, count=3)
    wire = Wire(
        httpx.Response(
            200,
            headers={"content-type": "video/mp4", "content-length": str(2_000_000_000)},
            content=body,
        )
    )
    async with OutputDownloader(transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.fetch("https://cdn.fizzly.test/o/v.mp4", tmp_path / "v.mp4")
    assert body.read == 0
    assert caught.value.reason.startswith("too large (2.0 GB")
    assert not any(tmp_path.iterdir())  # noqa: ASYNC240


async def test_a_raised_limit_lets_a_bigger_file_through(tmp_path: Path) -> None:
    body = CountedBody(MP4_HEAD, count=4)

    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "video/mp4"}, content=body)

    wire = Wire(answer)
    async with OutputDownloader(max_bytes=100_000, transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected):
            await downloader.fetch("https://cdn.fizzly.test/a.mp4", tmp_path / "a.mp4")
        result = await downloader.fetch(
            "https://cdn.fizzly.test/a.mp4", tmp_path / "a.mp4", max_bytes=1_000_000
        )
    assert result.size == body.size


@pytest.mark.parametrize("content_type", ["video/mp4", "application/octet-stream"])
async def test_a_web_page_claiming_to_be_a_video_is_refused_with_a_reason(
    tmp_path: Path, content_type: str
) -> None:
    page = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>" + b" " * 4000
    wire = Wire(httpx.Response(200, headers={"content-type": content_type}, content=page))
    async with OutputDownloader(transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.fetch(
                "https://cdn.fizzly.test/o/clip.mp4", tmp_path / "clip.mp4", claimed="video"
            )
    assert caught.value.reason == "refused: a web page, not a media file"
    assert caught.value.user_message == (
        "The output file was refused: it claims to be a video but the server sent a web page "
        "(HTML), so nothing was saved."
    )
    assert not any(tmp_path.iterdir())  # noqa: ASYNC240


async def test_a_mesh_written_as_text_is_taken_and_other_text_is_not(tmp_path: Path) -> None:
    obj = "o cube\n" + "".join(f"v {i} {i} {i}\n" for i in range(8)) + "f 1 2 3\nf 2 3 4\n"
    wire = Wire(
        httpx.Response(200, headers={"content-type": "text/plain"}, text=obj),
        httpx.Response(200, headers={"content-type": "text/plain"}, text="hello there, friend!"),
    )
    async with OutputDownloader(transport=wire.transport) as downloader:
        result = await downloader.fetch(
            "https://cdn.fizzly.test/o/cube.obj", tmp_path / "cube.obj", claimed="model"
        )
        assert result.sniffed_type == "model/obj"
        assert result.path.read_text() == obj
        with pytest.raises(DownloadRejected) as caught:
            await downloader.fetch("https://cdn.fizzly.test/o/x.obj", tmp_path / "x.obj")
    assert "text/plain" in caught.value.user_message
