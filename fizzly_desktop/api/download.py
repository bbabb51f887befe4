"""Credential-free downloads of output files: checked addresses only, size-capped, typed, atomic.

Decision 11 of the architecture: an output URL comes from the server, so it may point anywhere,
including at this computer, the local network or a cloud metadata service. Every hop of a
download is resolved first and refused when any of its addresses is private, link-local,
metadata or loopback (the profile's own API and output origins may be local). The connection
then goes only to the addresses that were checked, so a name that resolves differently a moment
later (DNS rebinding) cannot redirect it; the Host header and the TLS server name stay the
name in the URL.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import httpcore
import httpx

from fizzly_desktop.api.addresses import (
    NEVER_ALLOWED,
    IPAddress,
    Resolver,
    address_problem,
    host_address,
    system_resolver,
)
from fizzly_desktop.api.errors import DownloadRejected
from fizzly_desktop.api.sniff import SNIFF_BYTES, content_problem, family_of_type, sniff
from fizzly_desktop.api.transport import skip_missing_sniffio, tls_context
from fizzly_desktop.api.urls import check_http_url

__all__ = [
    "DEFAULT_ACCEPTED_TYPES",
    "DEFAULT_MAX_BYTES",
    "DownloadResult",
    "OutputDownloader",
    "Progress",
    "TrustingDownloader",
    "current_umask",
    "user_file_mode",
]

log = logging.getLogger(__name__)

DEFAULT_ACCEPTED_TYPES: tuple[str, ...] = (
    "image/",
    "video/",
    "audio/",
    "model/",
    "application/octet-stream",
    "application/ogg",
    "application/mp4",
    "application/ply",
    "application/sla",
)
"""Content types an output may have: a prefix ending in ``/`` matches the whole family.
Text (``text/plain``) is taken too when its first bytes are a 3D model's (OBJ, PLY, STL)."""

DEFAULT_MAX_BYTES = 500_000_000
"""The largest output file downloaded unless the user raises the limit (a few minutes of HD
video; a claimed size over it is refused before anything is requested)."""

Progress = Callable[[int, int | None], None]
"""Told ``(bytes received, bytes expected or None)`` as a download advances."""


@dataclass(frozen=True)
class DownloadResult:
    """A saved output file: where, how big, the type the server sent and the one its bytes
    show (``None`` when they show nothing known)."""

    path: Path
    size: int
    content_type: str
    sniffed_type: str | None


_FLUSH_BYTES = 1 << 20
_DEFAULT_PORTS = {"http": 80, "https": 443}
_MAX_REDIRECTS = 5

Origin = tuple[str, str, int]
_Pins = dict[tuple[str, int], tuple[str, ...]]

# The addresses the running download checked, by (host, port). A context variable because
# httpcore opens a connection in the task of the request that needs it, and passes the network
# backend nothing but the host and port.
_PINNED: contextvars.ContextVar[_Pins | None] = contextvars.ContextVar(
    "fizzly_download_pins", default=None
)


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses the running download checked for that host and port."""

    def __init__(self) -> None:
        # What httpcore itself uses under asyncio (httpx depends on anyio).
        self._inner: httpcore.AsyncNetworkBackend = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        pins = _PINNED.get()
        addresses = pins.get((host, port)) if pins is not None else None
        if not addresses:
            # Fail closed: nothing reaches the network without having been checked.
            raise httpcore.ConnectError(f"{host}:{port} was not checked before connecting")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("output downloads never use local sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, on a pool whose connections go only to checked addresses."""

    def __init__(self) -> None:
        # No proxy from the environment: a proxy would resolve the name itself, after the check.
        super().__init__(verify=tls_context(), trust_env=False)
        # httpx offers no way to choose the network backend, so its pool is made again with
        # the same settings and ours (the old one never opened a connection).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=tls_context(),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=_PinnedBackend(),
        )


def _origin(url: httpx.URL) -> Origin:
    scheme = url.scheme.lower()
    return scheme, url.raw_host.decode("ascii").lower(), url.port or _DEFAULT_PORTS[scheme]


def trusted_origin_set(urls: Iterable[str]) -> frozenset[Origin]:
    """The origins of ``urls`` that are http(s) addresses (others are ignored)."""
    origins: set[Origin] = set()
    for text in urls:
        if not text or check_http_url(text) is not None:
            continue
        try:
            origins.add(_origin(httpx.URL(text.strip())))
        except (httpx.InvalidURL, UnicodeError):
            continue
    return frozenset(origins)


class OutputDownloader:
    """Fetches output files (images and other media) from wherever the service stored them.

    It is a separate HTTP client that never carries the API key or any credentials, so an
    output URL on a CDN learns nothing about the account. TLS certificates are always verified.
    Every address is checked before anything connects to it (see the module doc); refusals
    raise :class:`DownloadRejected` with a ``reason`` such as ``"refused: private address"``.

    Args:
        max_bytes: largest file accepted, in bytes (default 500 MB); bigger files are refused
            before or while downloading, and nothing is left on disk.
        timeout: seconds allowed for the whole transfer of one file.
        accepted_types: content types accepted (prefixes ending in ``/`` match a family).
        transport: an httpx transport to use instead of the network (tests). Nothing then
            connects anywhere, so host names are not resolved unless ``resolver`` is given;
            addresses written in the URL are still checked.
        resolver: resolves a host name to its addresses (default: the system's, off the
            event loop's thread).
    """

    def __init__(
        self,
        max_bytes: int = DEFAULT_MAX_BYTES,
        *,
        timeout: float = 120.0,
        accepted_types: Sequence[str] = DEFAULT_ACCEPTED_TYPES,
        transport: httpx.AsyncBaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.accepted_types = tuple(t.lower() for t in accepted_types)
        self._resolve: Resolver | None = resolver
        if resolver is None and transport is None:
            self._resolve = system_resolver
        skip_missing_sniffio()
        self._http = httpx.AsyncClient(
            verify=tls_context(),
            transport=transport if transport is not None else _PinnedTransport(),
            timeout=httpx.Timeout(min(timeout, 30.0)),
            # Redirects are followed here, one checked hop at a time.
            follow_redirects=False,
            trust_env=False,
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

    def trusting(self, origins: Iterable[str]) -> TrustingDownloader:
        """This downloader, allowed local addresses on ``origins`` (a profile's API and outputs).

        The result shares this downloader's connections; it has only ``download(url, dest)``.
        """
        return TrustingDownloader(self, tuple(origins))

    async def download(self, url: str, dest: Path, *, trusted_origins: Iterable[str] = ()) -> Path:
        """Save the file at ``url`` as ``dest`` and return ``dest`` (see :meth:`fetch`)."""
        result = await self.fetch(url, dest, trusted_origins=trusted_origins)
        return result.path

    async def fetch(
        self,
        url: str,
        dest: Path,
        *,
        trusted_origins: Iterable[str] = (),
        claimed: str | None = None,
        declared_size: int | None = None,
        progress: Progress | None = None,
        max_bytes: int | None = None,
    ) -> DownloadResult:
        """Stream the file at ``url`` to ``dest`` and say what was saved.

        The body goes to disk in chunks as it arrives (never whole in memory), under a
        temporary name renamed only when complete, so ``dest`` is either the whole file or
        untouched. Its first bytes are checked against what the file claims to be before
        anything is written.

        Args:
            trusted_origins: URLs whose origins (scheme, host, port) may be on this computer
                or the local network: the profile's API and output origins. Metadata and
                link-local addresses are refused even there.
            claimed: the family the output says it is (``"video"``, ``"audio"``, ``"image"``,
                ``"model"``), or ``None``; the answer's content type is used when not given.
            declared_size: the size the output says it has; over the limit, nothing is
                requested at all.
            progress: told ``(received, expected)`` as chunks arrive.
            max_bytes: the limit for this file (default: the downloader's ``max_bytes``).

        Raises:
            DownloadRejected: bad or refused address, an error answer, a wrong content type, a
                file over the limit, content that is not what it claims, or a failed transfer
                (``user_message`` says which, ``reason`` in a few words).
        """
        limit = max_bytes if max_bytes is not None else self.max_bytes
        if declared_size is not None and declared_size > limit:
            raise self._too_big(declared_size, limit)
        problem = check_http_url(url)
        if problem is not None:
            raise DownloadRejected(
                f"refused output address: {problem}",
                user_message=problem,
                reason="refused: not a web address",
            )
        trusted = trusted_origin_set(trusted_origins)
        dest = Path(dest)
        token = _PINNED.set({})
        job = _Job(dest, claimed, limit, progress)
        try:
            async with asyncio.timeout(self.timeout):
                return await self._fetch(url, job, trusted)
        except TimeoutError:
            raise DownloadRejected(
                f"download took longer than {self.timeout:g} s",
                user_message="The output file took too long to download; try again.",
                reason="timed out",
            ) from None
        except httpx.HTTPError as exc:
            raise DownloadRejected(
                f"download failed: {type(exc).__name__}: {exc}",
                user_message="The output file could not be downloaded; check the connection "
                "and try again.",
                reason="connection failed",
            ) from exc
        finally:
            _PINNED.reset(token)

    async def _fetch(self, url: str, job: _Job, trusted: frozenset[Origin]) -> DownloadResult:
        current = httpx.URL(url.strip())
        for _hop in range(_MAX_REDIRECTS + 1):
            await self._check(current, trusted)
            async with self._http.stream("GET", current) as response:
                if response.is_redirect:
                    current = self._next_hop(response)
                    continue
                if response.status_code != 200:
                    raise DownloadRejected(
                        f"output server answered HTTP {response.status_code}",
                        user_message=f"The output file is not available (the server answered "
                        f"{response.status_code}); it may have expired.",
                        reason=f"not available (HTTP {response.status_code})",
                    )
                content_type = response.headers.get("content-type", "").partition(";")[0]
                job.content_type = content_type.strip().lower()
                if not self._accepts(job.content_type) and job.content_type != "text/plain":
                    raise DownloadRejected(
                        f"unexpected content type {job.content_type or 'none'!r}",
                        user_message="The output address did not return a media file (it sent "
                        f"{job.content_type or 'no type'}), so nothing was saved.",
                        reason="not a media file",
                    )
                declared = response.headers.get("content-length")
                if declared is not None and declared.isdigit():
                    job.expected = int(declared)
                    if job.expected > job.limit:
                        raise self._too_big(job.expected, job.limit)
                await asyncio.to_thread(job.dest.parent.mkdir, parents=True, exist_ok=True)
                return await self._write(response, job)
        raise DownloadRejected(
            f"more than {_MAX_REDIRECTS} redirects",
            user_message="The output address redirected too many times, so nothing was saved.",
            reason="redirected too often",
        )

    def _next_hop(self, response: httpx.Response) -> httpx.URL:
        try:
            target = response.url.join(response.headers["location"])
        except (httpx.InvalidURL, UnicodeError):
            target = None
        if target is None or check_http_url(str(target)) is not None:
            raise DownloadRejected(
                "redirected to a non-web address",
                user_message="The output address redirected to something that is not a web "
                "address, so nothing was saved.",
                reason="refused: not a web address",
            )
        return target

    async def _check(self, url: httpx.URL, trusted: frozenset[Origin]) -> None:
        """Refuse ``url`` unless every address of its host may be fetched; pin those addresses."""
        origin = _origin(url)
        _scheme, host, port = origin
        literal = host_address(host)
        if literal is not None:
            addresses: list[IPAddress] = [literal]
        elif self._resolve is None:
            return  # a stand-in transport: nothing will connect to this name
        else:
            addresses = await self._addresses_of(host, port)
        for address in addresses:
            problem = address_problem(address)
            if problem is None or (origin in trusted and problem not in NEVER_ALLOWED):
                continue
            log.warning("refused output address %s (%s): %s", host, address, problem)
            raise DownloadRejected(
                f"refused output address {host} ({address}): {problem}",
                user_message=f"The output address {host} was refused ({problem}): outputs "
                "are never fetched from private, local or metadata addresses, so nothing was "
                "requested.",
                reason=f"refused: {problem}",
            )
        pins = _PINNED.get()
        if pins is not None:
            pins[(host, port)] = tuple(str(a) for a in addresses)

    async def _addresses_of(self, host: str, port: int) -> list[IPAddress]:
        assert self._resolve is not None
        try:
            found = [ipaddress.ip_address(a) for a in await self._resolve(host, port)]
        except (OSError, ValueError) as exc:
            log.info("output host %s not resolved: %s", host, exc)
            found = []
        if not found:
            raise DownloadRejected(
                f"output host {host} has no address",
                user_message=f"The output address names a host ({host}) that could not be "
                "found, so nothing was requested.",
                reason="host not found",
            )
        return found

    async def _write(self, response: httpx.Response, job: _Job) -> DownloadResult:
        dest = job.dest
        fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
        tmp = Path(tmp_name)
        sniffed: str | None = None
        try:
            with os.fdopen(fd, "wb") as handle:
                received = 0
                pending: list[bytes] = []
                pending_size = 0
                checked = False
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if received > job.limit:
                        raise self._too_big(received, job.limit)
                    pending.append(chunk)
                    pending_size += len(chunk)
                    if not checked and pending_size >= SNIFF_BYTES:
                        sniffed, checked = self._check_content(b"".join(pending), job), True
                    if job.progress is not None:
                        job.progress(received, job.expected)
                    if checked and pending_size >= _FLUSH_BYTES:
                        await asyncio.to_thread(_write_all, handle, pending)
                        pending, pending_size = [], 0
                if not checked:
                    sniffed = self._check_content(b"".join(pending), job)
                await asyncio.to_thread(_write_all, handle, pending, True)
            # mkstemp makes a private (0600) file; a saved output is the user's, readable as
            # every other file they create (the sidecar beside it follows the umask too).
            await asyncio.to_thread(os.chmod, tmp, user_file_mode())
            await asyncio.to_thread(os.replace, tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)  # noqa: ASYNC240 - one metadata call, on failure only
            raise
        log.debug("saved output file %s (%d bytes)", dest.name, received)
        return DownloadResult(dest, received, job.content_type, sniffed)

    def _check_content(self, head: bytes, job: _Job) -> str | None:
        """Refuse a body whose first bytes are not what the output claims; return the type
        they show."""
        head = head[:SNIFF_BYTES]
        claimed = job.claimed or family_of_type(job.content_type)
        found = sniff(head)
        # Text is a media file only when it is a 3D model written out (OBJ, PLY, STL).
        if (
            job.content_type == "text/plain"
            and not self._accepts("text/plain")
            and (found is None or found.family != "model")
        ):
            raise DownloadRejected(
                "text answer that is not a 3D model",
                user_message="The output address did not return a media file (it sent "
                "text/plain), so nothing was saved.",
                reason="not a media file",
            )
        problem = content_problem(head, claimed)
        if problem is not None:
            raise DownloadRejected(
                f"content does not match its claim ({claimed}): {problem}",
                user_message=f"The output file was refused: {problem}, so nothing was saved.",
                reason=f"refused: {_short(problem)}",
            )
        return found.content_type if found is not None else None

    def _accepts(self, content_type: str) -> bool:
        if not content_type:
            return False
        return any(
            content_type.startswith(t) if t.endswith("/") else content_type == t
            for t in self.accepted_types
        )

    def _accept_header(self) -> list[str]:
        return [t + "*" if t.endswith("/") else t for t in self.accepted_types]

    def _too_big(self, size: int, limit: int | None = None) -> DownloadRejected:
        limit = self.max_bytes if limit is None else limit
        limit_mb = limit / 1_000_000
        return DownloadRejected(
            f"output file exceeds the size limit ({size} > {limit} bytes)",
            user_message=f"The output file ({_megabytes(size)}) is larger than the {limit_mb:g} "
            "MB limit, so it was not downloaded; raise the limit with File ▸ Largest Output "
            "File… to keep it.",
            reason=f"too large ({_megabytes(size)}; limit {limit_mb:g} MB)",
        )


class _Job:
    """One file being fetched: where it goes, what it claims, how far it got."""

    def __init__(self, dest: Path, claimed: str | None, limit: int, progress: Progress | None):
        self.dest = dest
        self.claimed = claimed
        self.limit = limit
        self.progress = progress
        self.content_type = ""
        self.expected: int | None = None


def _megabytes(size: int) -> str:
    if size >= 1_000_000_000:
        return f"{size / 1e9:.1f} GB"
    return f"{size / 1e6:.1f} MB"


def _short(problem: str) -> str:
    """The few words of a content problem shown on the output ("web page, not a video")."""
    if "web page" in problem:
        return "a web page, not a media file"
    return "not what it claims to be"


class TrustingDownloader:
    """An :class:`OutputDownloader` that passes the same trusted origins to every download."""

    def __init__(self, downloader: OutputDownloader, origins: Sequence[str]) -> None:
        self._downloader = downloader
        self.origins = tuple(origins)

    def __repr__(self) -> str:
        return f"<TrustingDownloader origins={self.origins!r}>"

    async def download(self, url: str, dest: Path) -> Path:
        return await self._downloader.download(url, dest, trusted_origins=self.origins)

    async def fetch(
        self,
        url: str,
        dest: Path,
        *,
        claimed: str | None = None,
        declared_size: int | None = None,
        progress: Progress | None = None,
        max_bytes: int | None = None,
    ) -> DownloadResult:
        return await self._downloader.fetch(
            url,
            dest,
            trusted_origins=self.origins,
            claimed=claimed,
            declared_size=declared_size,
            progress=progress,
            max_bytes=max_bytes,
        )


def current_umask() -> int:
    """The process's file-creation mask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way is to set it and put it back (a moment another thread could see).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def user_file_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the user's umask."""
    return 0o666 & ~current_umask()


def _write_all(handle: BinaryIO, chunks: list[bytes], final: bool = False) -> None:
    for chunk in chunks:
        handle.write(chunk)
    if final:
        handle.flush()
        os.fsync(handle.fileno())
