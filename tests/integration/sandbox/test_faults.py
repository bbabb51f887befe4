"""Fault injection flags: latency, failing GETs, dropped streams, a disabled stream endpoint."""

from __future__ import annotations

import time

import httpx

from tests.fixtures.sandbox import SandboxFactory
from tests.integration.sandbox.support import (
    RATE_HEADERS,
    assert_error,
    client,
    read_stream,
    submit,
    wait_finished,
)

SCHEMA = "/workflows/demo/text-to-image/schema"


def test_latency_delays_every_api_answer(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--latency-ms", "300")
    with client(info.base_url, info.demo_key) as api:
        for call in (lambda: api.get(SCHEMA), lambda: api.get("/nothing")):
            started = time.monotonic()
            call()
            assert time.monotonic() - started >= 0.29


def test_get_error_rate_one_fails_every_get_but_not_writes(
    sandbox_factory: SandboxFactory,
) -> None:
    info = sandbox_factory("--get-error-rate", "1")
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/slow-render", {"prompt": "x"})
        for response in (
            api.get(SCHEMA),
            api.get(run["status_url"]),
            api.get(run["response_url"]),
            read_stream(api, run["status_url"])[0],
        ):
            body = assert_error(response, 500, "INTERNAL_ERROR")
            assert body["error"] == "Internal server error, please retry"
            assert all(h in response.headers for h in RATE_HEADERS)
        cancelled = api.put(run["cancel_url"])
        assert cancelled.status_code == 200


def test_get_error_rate_is_reproducible_with_a_seed(sandbox_factory: SandboxFactory) -> None:
    def codes(info_base: str, key: str) -> list[int]:
        with client(info_base, key) as api:
            return [api.get(SCHEMA).status_code for _ in range(30)]

    first = sandbox_factory("--get-error-rate", "0.5", "--fault-seed", "7")
    second = sandbox_factory("--get-error-rate", "0.5", "--fault-seed", "7")
    sequence = codes(first.base_url, first.demo_key)
    assert set(sequence) == {200, 500}
    assert codes(second.base_url, second.demo_key) == sequence

    # A client that retries gets through; the output origin itself never fails.
    with client(first.base_url, first.demo_key) as api:
        run = submit(api, "demo/text-to-image", {"prompt": "x", "seed": 1, "width": 64})
        result = api.get(run["response_url"])
        deadline = time.monotonic() + 10
        while result.status_code != 200:
            assert result.status_code in (400, 500), result.text  # not finished / injected
            assert time.monotonic() < deadline
            result = api.get(run["response_url"])
    url = result.json()["outputs"]["generated_image"]["url"]
    assert {httpx.get(url).status_code for _ in range(10)} == {200}


def test_drop_stream_after_n_events_and_resume(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--drop-stream-after", "3")
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/text-to-image", {"prompt": "x", "seed": 1, "width": 64})
        wait_finished(api, run["status_url"])
        response, events = read_stream(api, run["status_url"])
        assert response.status_code == 200
        assert [e.event for e in events] == ["submit", "completion", "submit"]
        # Resuming from the last id continues where the dropped stream stopped.
        seen = list(events)
        while seen[-1].event not in ("output", "error"):
            _response, more = read_stream(
                api, run["status_url"], headers={"Last-Event-ID": str(seen[-1].id)}
            )
            assert 0 < len(more) <= 3
            seen.extend(more)
        assert [e.id for e in seen] == [str(i) for i in range(7)]
        assert seen[-1].event == "output"


def test_disable_stream_answers_an_error_and_polling_still_works(
    sandbox_factory: SandboxFactory,
) -> None:
    info = sandbox_factory("--disable-stream")
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/prompt-enhancer", {"prompt": "x"})
        response, events = read_stream(api, run["status_url"])
        assert events == []
        assert_error(response, 500, "INTERNAL_ERROR")
        assert all(h in response.headers for h in RATE_HEADERS)
        assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"
