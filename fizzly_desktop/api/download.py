"""Credential-free downloads of output files: http(s) only, size-capped, typed, atomic."""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import httpx

from fizzly_desktop.api.errors import DownloadRejected
from fizzly_desktop.api.transport import skip_missing_sniffio, tls_context
from fizzly_desktop.api.urls import check_http_url

__all__ = ["DEFAULT_ACCEPTED_TYPES", "OutputDownloader"]

log = logging.getLogger(__name__)

DEFAULT_ACCEPTED_TYPES: tuple[str, ...] = (
    "image/",
    "video/",
    "audio/",
    "application/octet-stream",
)
"""Content types an output may have: a prefix ending in ``/`` matches the whole family."""

_FLUSH_BYTES = 1 << 20


class OutputDownloader:
    """Fetches output files (images and other media) from wherever the service stored them.

    It is a separate HTTP client that never carries the API key or any credentials, so an
    output URL on a CDN learns nothing about the account. TLS certificates are always verified.

    Args:
        max_bytes: largest file accepted, in bytes (default 100 MB); bigger files are refused
            before or while downloading, and nothing is left on disk.
        timeout: seconds allowed for the whole transfer of one file.
        accepted_types: content types accepted (prefixes ending in ``/`` match a family).
        transport: an httpx transport to use instead of the network (tests).
    """

    def __init__(
        self,
        max_bytes: int = 100_000_000,
        *,
        timeout: float = 120.0,
        accepted_types: Sequence[str] = DEFAULT_ACCEPTED_TYPES,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.accepted_types = tuple(t.lower() for t in accepted_types)
        skip_missing_sniffio()
        self._http = httpx.AsyncClient(
            verify=tls_context(),
            transport=transport,
            timeout=httpx.Timeout(min(timeout, 30.0)),
            follow_redirects=True,
            max_redirects=5,
            headers={"Accept": ", ".join(self._accept_header())},
        )

    def __repr__(self) -> str:
        return f"<OutputDownloader max_bytes={self.max_bytes}>"

    async def __aenter__(self) -> OutputDownloader:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def download(self, url: str, dest: Path) -> Path:
        """Save the file at ``url`` as ``dest`` and return ``dest``.

        The file is written next to ``dest`` under a temporary name and renamed only when
        complete, so ``dest`` is either the whole file or untouched.

        Raises:
            DownloadRejected: bad address, an error answer, a wrong content type, a file over
                ``max_bytes``, or a failed transfer (``user_message`` says which).
        """
        problem = check_http_url(url)
        if problem is not None:
            raise DownloadRejected(f"refused output address: {problem}", user_message=problem)
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            async with asyncio.timeout(self.timeout):
                return await self._fetch(url, dest)
        except TimeoutError:
            raise DownloadRejected(
                f"download took longer than {self.timeout:g} s",
                user_message="The output file took too long to download; try again.",
            ) from None
        except httpx.HTTPError as exc:
            raise DownloadRejected(
                f"download failed: {type(exc).__name__}: {exc}",
                user_message="The output file could not be downloaded; check the connection "
                "and try again.",
            ) from exc

    async def _fetch(self, url: str, dest: Path) -> Path:
        async with self._http.stream("GET", url) as response:
            if response.status_code != 200:
                raise DownloadRejected(
                    f"output server answered HTTP {response.status_code}",
                    user_message=f"The output file is not available (the server answered "
                    f"{response.status_code}); it may have expired.",
                )
            if check_http_url(str(response.url)) is not None:
                raise DownloadRejected("redirected to a non-web address")
            content_type = response.headers.get("content-type", "").partition(";")[0]
            content_type = content_type.strip().lower()
            if not self._accepts(content_type):
                raise DownloadRejected(
                    f"unexpected content type {content_type or 'none'!r}",
                    user_message="The output address did not return a media file (it sent "
                    f"{content_type or 'no type'}), so nothing was saved.",
                )
            declared = response.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_big(int(declared))
            return await self._write(response, dest)

    async def _write(self, response: httpx.Response, dest: Path) -> Path:
        fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                received = 0
                pending: list[bytes] = []
                pending_size = 0
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if received > self.max_bytes:
                        raise self._too_big(received)
                    pending.append(chunk)
                    pending_size += len(chunk)
                    if pending_size >= _FLUSH_BYTES:
                        await asyncio.to_thread(_write_all, handle, pending)
                        pending, pending_size = [], 0
                await asyncio.to_thread(_write_all, handle, pending, True)
            await asyncio.to_thread(os.replace, tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)  # noqa: ASYNC240 - one metadata call, on failure only
            raise
        log.debug("saved output file %s (%d bytes)", dest.name, received)
        return dest

    def _accepts(self, content_type: str) -> bool:
        if not content_type:
            return False
        return any(
            content_type.startswith(t) if t.endswith("/") else content_type == t
            for t in self.accepted_types
        )

    def _accept_header(self) -> list[str]:
        return [t + "*" if t.endswith("/") else t for t in self.accepted_types]

    def _too_big(self, size: int) -> DownloadRejected:
        limit_mb = self.max_bytes / 1_000_000
        return DownloadRejected(
            f"output file exceeds the size limit ({size} > {self.max_bytes} bytes)",
            user_message=f"The output file is larger than the {limit_mb:g} MB limit, so it was "
            "not saved; raise the limit in the settings to keep it.",
        )


def _write_all(handle: BinaryIO, chunks: list[bytes], final: bool = False) -> None:
    for chunk in chunks:
        handle.write(chunk)
    if final:
        handle.flush()
        os.fsync(handle.fileno())
