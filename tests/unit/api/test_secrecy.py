"""The API key never shows in reprs, errors, tracebacks or logs, even when the server echoes it."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest

from fizzly_desktop.api import FizzlyError, RunRef
from tests.unit.api.conftest import ClientFactory, FakeClock
from tests.unit.api.wire import KEY, Wire, error_answer, submitted


def texts_of(error: BaseException) -> list[str]:
    return [
        str(error),
        repr(error),
        getattr(error, "user_message", ""),
        "".join(traceback.format_exception(error)),
    ]


async def test_the_key_stays_out_of_reprs_errors_tracebacks_and_logs(
    make_client: ClientFactory, caplog: pytest.LogCaptureFixture, clock: FakeClock
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = f"Invalid API key {KEY}"
    wire = Wire(
        # The service echoes the key back in every place it could.
        error_answer(401, "UNAUTHORIZED", echo, details={"authorization": f"Key {KEY}"}),
        httpx.ReadTimeout("timed out"),
        error_answer(500, "INTERNAL_ERROR", echo),
        httpx.Response(502, text=f"<html>{KEY}</html>"),
        httpx.Response(
            200,
            headers={"content-type": "text/event-stream"},
            content=f'event: error\ndata: {{"error": "{echo}"}}\n\n'.encode(),
        ),
        httpx.Response(
            429,
            json={"error": echo, "code": "RATE_LIMIT_EXCEEDED", "retry_after": 1},
            headers={"Retry-After": "1"},
        ),
        submitted(),
    )
    client = make_client(wire, budget=clock.budget(), max_retries=0)
    run = RunRef("demo", "text-to-image", "run_1")
    seen: list[str] = [
        repr(client),
        str(client),
        repr(client.budget),
        repr(client._auth),
        repr(vars(client)),
        repr(vars(client._auth)),
    ]

    with pytest.raises(FizzlyError) as caught:
        await client.status(run)
    seen += texts_of(caught.value)
    with pytest.raises(FizzlyError) as caught:
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    seen += texts_of(caught.value)
    with pytest.raises(FizzlyError) as caught:
        await client.result(run)
    seen += texts_of(caught.value)
    with pytest.raises(FizzlyError) as caught:
        await client.cancel(run)
    seen += texts_of(caught.value)
    async for event in client.stream(run):
        seen.append(repr(event))
    sub = await client.submit("demo", "text-to-image", {"prompt": "p"})
    seen.append(repr(sub))
    seen.append(caplog.text)
    seen += [repr(r.__dict__) for r in caplog.records]

    # The key did go where it belongs ...
    assert all(r.headers["authorization"] == f"Key {KEY}" for r in wire.requests)
    # ... and nowhere else.
    leaks = [text for text in seen if KEY in text]
    assert leaks == []
    assert "[api key]" in "".join(seen)


def test_a_short_key_is_not_fingerprinted() -> None:
    from fizzly_desktop.api import FizzlyClient

    client = FizzlyClient("https://api.fizzly.test", "abc")
    assert "abc" not in repr(client)
