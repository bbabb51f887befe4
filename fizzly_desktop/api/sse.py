"""The run status stream on the wire: SSE events parsed by httpx-sse, typed, under a heartbeat."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

import httpx
from httpx_sse import ServerSentEvent

from fizzly_desktop.api import payloads
from fizzly_desktop.api.errors import MalformedResponse, StreamInterrupted

if TYPE_CHECKING:
    from fizzly_desktop.api.models import StreamEvent

__all__ = [
    "HEARTBEAT_PINGS",
    "HeartbeatStream",
    "check_event_stream",
    "to_event",
    "watch_heartbeat",
]

log = logging.getLogger(__name__)

HEARTBEAT_PINGS = 2.5
"""A stream silent for this many ping intervals is dropped."""

KNOWN_EVENTS = frozenset({"submit", "completion", "output", "error", "ping"})


class HeartbeatStream(httpx.AsyncByteStream):
    """A response body that raises StreamInterrupted after ``silence`` seconds without a byte.

    Any byte counts (events, pings, comments), so a live but quiet run is never dropped.

    One watchdog timer per stream is re-armed only when it comes due, rather than a timeout
    around every read: with a couple of hundred runs streaming, a timer per chunk would mean
    a thousand timers set and cancelled each second on the GUI thread's event loop.
    """

    def __init__(self, inner: httpx.AsyncByteStream, silence: float) -> None:
        self._inner = inner
        self._silence = silence

    async def __aiter__(self) -> AsyncIterator[bytes]:
        task = asyncio.current_task()
        if task is None:  # not in a task: nothing to interrupt, so no watchdog
            async for chunk in self._inner:
                yield chunk
            return
        watchdog = _SilenceWatchdog(task, self._silence)
        chunks = self._inner.__aiter__()
        try:
            while True:
                cancelling = task.cancelling()
                watchdog.start_reading()
                try:
                    chunk = await anext(chunks)
                except StopAsyncIteration:
                    return
                except asyncio.CancelledError:
                    # The watchdog's own cancel becomes the interruption; any other is kept.
                    if watchdog.fired and task.uncancel() <= cancelling:
                        raise StreamInterrupted(
                            f"no data on the status stream for {self._silence:g} s"
                        ) from None
                    raise
                finally:
                    watchdog.reading = False
                yield chunk
        finally:
            watchdog.close()

    async def aclose(self) -> None:
        await self._inner.aclose()


class _SilenceWatchdog:
    """Cancels the reading task once one read has waited ``silence`` seconds for data.

    Time the reader spends on what it received does not count: the silence is measured from
    the start of the read that is waiting, as a timeout around each read would measure it.
    """

    def __init__(self, task: asyncio.Task[object], silence: float) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = task
        self._silence = silence
        self._since = self._loop.time()
        self._handle: asyncio.TimerHandle | None = self._loop.call_at(
            self._since + silence, self._check
        )
        self.reading = False
        self.fired = False

    def start_reading(self) -> None:
        self._since = self._loop.time()
        self.reading = True

    def close(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _check(self) -> None:
        self._handle = None
        due = self._since + self._silence
        now = self._loop.time()
        if now >= due and self.reading and not self._task.done():
            self.fired = True
            self._task.cancel()
            return
        # Data came meanwhile, or the reader is busy with what it got: check again when the
        # read now waiting (or the next one) can first be due.
        self._handle = self._loop.call_at(max(due, now + 0.05 * self._silence), self._check)


def check_event_stream(response: httpx.Response) -> None:
    """Raise MalformedResponse unless a successful answer is an event stream."""
    content_type = response.headers.get("content-type", "").partition(";")[0].strip()
    if content_type.lower() != "text/event-stream":
        raise MalformedResponse(
            f"status stream answered with content type {content_type or 'none'!r}",
            status=response.status_code,
        )


def watch_heartbeat(response: httpx.Response, ping_interval: float) -> None:
    """Make ``response``'s body raise StreamInterrupted once silent for 2.5 ping intervals."""
    if isinstance(response.stream, httpx.AsyncByteStream):
        response.stream = HeartbeatStream(response.stream, HEARTBEAT_PINGS * ping_interval)


def to_event(sse: ServerSentEvent, *, scrub: Callable[[str], str] = str) -> StreamEvent | None:
    """The typed event for one SSE event, or None for a type the reference does not name."""
    kind = sse.event or "message"
    if kind not in KNOWN_EVENTS:
        log.debug("skipping stream event of unknown type %r", kind[:40])
        return None
    try:
        data = json.loads(sse.data) if sse.data.strip() else {}
    except ValueError:
        if kind == "ping":
            return payloads.ping()
        raise MalformedResponse(
            f"stream event {kind!r} carries data that is not JSON", field="data"
        ) from None
    what = f"stream event {kind!r}"
    return payloads.stream_event(kind, data, what=what, scrub=scrub)
