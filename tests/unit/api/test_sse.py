"""The status stream: typed events, SSE framing edge cases, heartbeat, and refusals."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fizzly_desktop.api import (
    CompletionEvent,
    ErrorEvent,
    MalformedResponse,
    NotFound,
    OutputEvent,
    PingEvent,
    RateBudget,
    RunRef,
    StreamEvent,
    StreamInterrupted,
    SubmitEvent,
    Unauthorized,
)
from fizzly_desktop.api.client import FizzlyClient
from tests.unit.api.conftest import ClientFactory
from tests.unit.api.wire import API, Wire, error_answer, split, sse_answer

RUN = RunRef(
    "demo",
    "text-to-image",
    "run_1",
    status_url=f"{API}/workflows/demo/text-to-image/requests/run_1/status",
)

# The reference's example, with CRLF line ends, a comment, multi-line data, an unknown event,
# a non-ASCII character and an id line.
STREAM = (
    ": keep-alive comment\r\n"
    "\r\n"
    "event: submit\r\n"
    'data: {"node": "image-generation", "timestamp": "2026-01-17T12:00:00Z"}\r\n'
    "id: 0\r\n"
    "\r\n"
    "event: ping\n"
    'data: {"timestamp": "2026-01-17T12:00:15Z"}\n'
    "\n"
    "event: progress-hint\n"
    'data: {"percent": 40}\n'
    "\n"
    "event: completion\r\n"
    'data: {"node": "image-generation",\r\n'
    'data:  "output": {"url": "https://cdn.fizzly.ai/a.webp", "caption": "crème brûlée"}}\r\n'
    "\r\n"
    "event: output\n"
    'data: {"outputs": {"generated_image": {"url": "https://cdn.fizzly.ai/a.webp"}},'
    ' "credits_used": 5}\n'
    "\n"
).encode()


async def collect(client: FizzlyClient, run: RunRef = RUN) -> list[StreamEvent]:
    async with contextlib.aclosing(client.stream(run)) as events:
        return [event async for event in events]


async def collect_into(seen: list[StreamEvent], client: FizzlyClient) -> None:
    async with contextlib.aclosing(client.stream(RUN)) as events:
        async for event in events:
            seen.append(event)


def check_reference_events(events: list[StreamEvent]) -> None:
    assert [type(e) for e in events] == [SubmitEvent, PingEvent, CompletionEvent, OutputEvent]
    submit, _ping, completion, output = events
    assert isinstance(submit, SubmitEvent)
    assert submit.node == "image-generation"
    assert isinstance(completion, CompletionEvent)
    assert completion.output["caption"] == "crème brûlée"
    assert isinstance(output, OutputEvent)
    assert output.credits_used == 5
    assert output.outputs["generated_image"]["url"] == "https://cdn.fizzly.ai/a.webp"


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, len(STREAM)])
async def test_events_split_across_chunks_are_parsed_whole(
    make_client: ClientFactory, size: int
) -> None:
    wire = Wire(sse_answer(split(STREAM, size)))
    client = make_client(wire)
    check_reference_events(await collect(client))
    request = wire.requests[0]
    assert str(request.url) == f"{RUN.status_url}/stream"
    assert request.headers["accept"] == "text/event-stream"


async def test_unknown_events_are_skipped_and_logged_at_debug(
    make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="fizzly_desktop.api")
    client = make_client(Wire(sse_answer([STREAM])))
    events = await collect(client)
    assert len(events) == 4
    assert "progress-hint" in caplog.text


async def test_an_error_event_ends_the_stream(make_client: ClientFactory) -> None:
    body = (
        b'event: submit\ndata: {"node": "safety-check"}\n\n'
        b'event: error\ndata: {"error": "Safety check failed", "node": "safety-check"}\n\n'
        b'event: submit\ndata: {"node": "never"}\n\n'
    )
    client = make_client(Wire(sse_answer([body], then_hang=True)))
    events = await collect(client)
    assert [type(e) for e in events] == [SubmitEvent, ErrorEvent]
    error = events[-1]
    assert isinstance(error, ErrorEvent)
    assert (error.error, error.node) == ("Safety check failed", "safety-check")


async def test_a_stream_that_ends_early_is_interrupted(make_client: ClientFactory) -> None:
    body = b'event: submit\ndata: {"node": "a"}\n\nevent: ping\ndata: {}\n\n'
    client = make_client(Wire(sse_answer([body])))
    seen: list[StreamEvent] = []
    with pytest.raises(StreamInterrupted) as caught:
        await collect_into(seen, client)
    assert [type(e) for e in seen] == [SubmitEvent, PingEvent]
    assert "reconnect" in caught.value.user_message


async def test_a_silent_stream_is_dropped_after_two_and_a_half_pings(
    make_client: ClientFactory,
) -> None:
    body = b'event: submit\ndata: {"node": "a"}\n\n'
    client = make_client(Wire(sse_answer([body], then_hang=True)), ping_interval=0.02)
    seen: list[StreamEvent] = []
    with pytest.raises(StreamInterrupted) as caught:
        await collect_into(seen, client)
    assert len(seen) == 1
    assert "0.05 s" in str(caught.value)


async def test_a_stream_has_no_deadline_while_pings_arrive(make_client: ClientFactory) -> None:
    pings = [b'event: ping\ndata: {"timestamp": "2026-01-17T12:00:15Z"}\n\n'] * 6
    final = b'event: output\ndata: {"outputs": {}, "credits_used": 1}\n\n'
    # 0.3 s of stream against a 0.05 s deadline and a 0.5 s heartbeat.
    wire = Wire(sse_answer([*pings, final], gap=0.05))
    client = make_client(wire, timeout=0.05, ping_interval=0.2)
    events = await collect(client)
    assert len(events) == 7
    assert isinstance(events[-1], OutputEvent)


async def test_a_reader_busy_between_events_is_not_silence(make_client: ClientFactory) -> None:
    body = b'event: submit\ndata: {"node": "a"}\n\nevent: submit\ndata: {"node": "b"}\n\n'
    final = b'event: output\ndata: {"outputs": {}}\n\n'
    client = make_client(Wire(sse_answer([body, final], gap=0.01)), ping_interval=0.02)
    seen: list[StreamEvent] = []
    async with contextlib.aclosing(client.stream(RUN)) as events:
        async for event in events:
            seen.append(event)
            # Twice the 0.05 s heartbeat spent on each event: the server was not silent.
            await asyncio.sleep(0.1)
    assert [type(e) for e in seen] == [SubmitEvent, SubmitEvent, OutputEvent]


async def test_cancelling_a_reader_is_a_cancel_not_an_interruption(
    make_client: ClientFactory,
) -> None:
    client = make_client(Wire(sse_answer([], then_hang=True)), ping_interval=0.2)
    seen: list[StreamEvent] = []
    reader = asyncio.ensure_future(collect_into(seen, client))
    await asyncio.sleep(0.05)
    reader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    assert seen == []


async def test_comment_only_keepalives_count_as_life(make_client: ClientFactory) -> None:
    # 0.8 s of comments only, against a 0.5 s heartbeat.
    comments = [b": keep-alive\n\n"] * 8
    final = b'event: output\ndata: {"outputs": {}}\n\n'
    client = make_client(Wire(sse_answer([*comments, final], gap=0.1)), ping_interval=0.2)
    events = await collect(client)
    assert [type(e) for e in events] == [OutputEvent]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (error_answer(401, "UNAUTHORIZED", "Invalid API key"), Unauthorized),
        (error_answer(404, "NOT_FOUND", "Request not found"), NotFound),
        (httpx.Response(200, json={"status": "IN_QUEUE"}), MalformedResponse),
        (
            httpx.Response(200, headers={"content-type": "text/html"}, text="<p>hi</p>"),
            MalformedResponse,
        ),
    ],
    ids=["401", "404", "json-200", "html-200"],
)
async def test_status_and_content_type_are_checked_before_reading(
    make_client: ClientFactory, answer: httpx.Response, expected: type[Exception]
) -> None:
    client = make_client(Wire(answer))
    with pytest.raises(expected):
        await collect(client)


async def test_a_malformed_event_names_its_field(make_client: ClientFactory) -> None:
    body = b'event: output\ndata: {"outputs": ["not", "a", "mapping"]}\n\n'
    client = make_client(Wire(sse_answer([body])))
    with pytest.raises(MalformedResponse) as caught:
        await collect(client)
    assert caught.value.field == "outputs"


async def test_an_event_that_is_not_json_is_malformed(make_client: ClientFactory) -> None:
    body = b"event: completion\ndata: {node: oops\n\n"
    client = make_client(Wire(sse_answer([body])))
    with pytest.raises(MalformedResponse):
        await collect(client)


async def test_a_broken_connection_is_an_interrupted_stream(make_client: ClientFactory) -> None:
    async def breaks(request: httpx.Request) -> httpx.Response:
        async def body() -> AsyncIterator[bytes]:
            yield b'event: submit\ndata: {"node": "a"}\n\n'
            raise httpx.ReadError("connection reset by peer")

        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body())

    client = make_client(Wire(breaks))
    with pytest.raises(StreamInterrupted):
        await collect(client)


async def test_the_stream_url_is_built_when_absent(make_client: ClientFactory) -> None:
    body = json.dumps({"outputs": {}}).encode()
    wire = Wire(sse_answer([b"event: output\ndata: " + body + b"\n\n"]))
    client = make_client(wire)
    await collect(client, RunRef("demo", "slow-render", "run_9"))
    assert (
        str(wire.requests[0].url)
        == f"{API}/workflows/demo/slow-render/requests/run_9/status/stream"
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.integers(min_value=1, max_value=len(STREAM) - 1), unique=True))
def test_any_split_of_the_stream_gives_the_same_events(cuts: list[int]) -> None:
    bounds = [0, *sorted(cuts), len(STREAM)]
    chunks = [STREAM[a:b] for a, b in itertools.pairwise(bounds)]

    async def run() -> list[StreamEvent]:
        wire = Wire(sse_answer(chunks))
        async with FizzlyClient(
            API, "fiz_split_test_key_000", budget=RateBudget(), transport=wire.transport
        ) as client:
            return await collect(client)

    check_reference_events(asyncio.run(run()))
