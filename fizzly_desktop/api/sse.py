"""The run status stream on the wire: SSE events parsed by httpx-sse, typed, under a heartbeat."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable

import httpx
from httpx_sse import ServerSentEvent

from fizzly_desktop.api.errors import MalformedResponse, StreamInterrupted
from fizzly_desktop.api.models import (
    CompletionEvent,
    ErrorEvent,
    OutputEvent,
    PingEvent,
    StreamEvent,
    SubmitEvent,
    parse_payload,
)

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
    """

    def __init__(self, inner: httpx.AsyncByteStream, silence: float) -> None:
        self._inner = inner
        self._silence = silence

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = self._inner.__aiter__()
        while True:
            try:
                async with asyncio.timeout(self._silence):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise StreamInterrupted(
                    f"no data on the status stream for {self._silence:g} s"
                ) from None
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


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
            return PingEvent()
        raise MalformedResponse(
            f"stream event {kind!r} carries data that is not JSON", field="data"
        ) from None
    what = f"stream event {kind!r}"
    match kind:
        case "submit":
            return parse_payload(SubmitEvent, data, what=what)
        case "completion":
            return parse_payload(CompletionEvent, data, what=what)
        case "output":
            return parse_payload(OutputEvent, data, what=what)
        case "error":
            event = parse_payload(ErrorEvent, data, what=what)
            return event.model_copy(update={"error": scrub(event.error)})
        case _:
            return parse_payload(PingEvent, data, what=what)
