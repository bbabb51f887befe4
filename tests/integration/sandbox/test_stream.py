"""The SSE status stream: event order for early and late subscribers, replays, pings, endings."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from fizzly_desktop.core.sandbox_process import SandboxInfo
from tests.fixtures.sandbox import SandboxFactory
from tests.integration.sandbox.support import (
    RATE_HEADERS,
    Sse,
    client,
    read_stream,
    submit,
    wait_finished,
    wait_status,
)

PROMPT = {"prompt": "a harbour at night", "seed": 5, "width": 128, "height": 128}
T2I_ORDER = [
    ("submit", "prompt-encode"),
    ("completion", "prompt-encode"),
    ("submit", "image-generation"),
    ("completion", "image-generation"),
    ("submit", "upscale"),
    ("completion", "upscale"),
    ("output", None),
]


@pytest.fixture
def api(sandbox: SandboxInfo) -> Iterator[httpx.Client]:
    with client(sandbox.base_url, sandbox.demo_key) as c:
        yield c


def shape(events: list[Sse]) -> list[tuple[str, str | None]]:
    return [(e.event, e.data.get("node")) for e in events if e.event != "ping"]


def iter_events(response: httpx.Response) -> Iterator[Sse]:
    event, data, event_id = "message", "", None
    for line in response.iter_lines():
        if not line:
            if data:
                yield Sse(event, json.loads(data), event_id)
            event, data, event_id = "message", "", None
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data += line[5:].strip()
        elif line.startswith("id:"):
            event_id = line[3:].strip()


def test_early_subscriber_gets_every_event_in_order(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--time-scale", "0.02", "--workers", "1", "--ping-interval", "0.1")
    with client(info.base_url, info.demo_key) as api:
        submit(api, "demo/slow-render", PROMPT)  # keeps the only worker busy for ~0.5 s
        run = submit(api, "demo/text-to-image", PROMPT)
        assert api.get(run["status_url"]).json()["status"] == "IN_QUEUE"
        response, events = read_stream(api, run["status_url"])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert shape(events) == T2I_ORDER
    # Subscribed while queued: pings kept the connection alive before the first node started.
    assert events[0].event == "ping"
    assert "timestamp" in events[0].data
    run_events = [e for e in events if e.event != "ping"]
    assert [e.id for e in run_events] == [str(i) for i in range(len(T2I_ORDER))]
    submitted = run_events[0].data
    assert set(submitted) == {"node", "timestamp"}
    completion = run_events[3].data
    assert set(completion) == {"node", "output"}
    assert completion["output"]["width"] == 64  # the preview before upscaling
    final = run_events[-1].data
    assert set(final) == {"outputs", "credits_used"}
    assert final["credits_used"] == 5
    assert final["outputs"]["generated_image"]["width"] == 128


def test_finished_run_replays_history_and_closes(api: httpx.Client) -> None:
    run = submit(api, "demo/text-to-image", PROMPT)
    wait_finished(api, run["status_url"])
    response, events = read_stream(api, run["status_url"])
    assert all(h in response.headers for h in RATE_HEADERS)
    assert shape(events) == T2I_ORDER
    result = api.get(run["response_url"]).json()
    assert events[-1].data["outputs"] == result["outputs"]


def test_last_event_id_resumes_after_it(api: httpx.Client) -> None:
    run = submit(api, "demo/text-to-image", PROMPT)
    wait_finished(api, run["status_url"])
    _response, events = read_stream(api, run["status_url"], headers={"Last-Event-ID": "3"})
    assert shape(events) == T2I_ORDER[4:]
    assert events[0].id == "4"


def test_late_subscriber_first_gets_earlier_events(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--time-scale", "1", "--ping-interval", "30")
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/slow-render", PROMPT)
        wait_status(api, run["status_url"], lambda b: b.get("current_node") == "image-generation")
        received: list[Sse] = []
        with api.stream("GET", run["status_url"] + "/stream") as response:
            for event in iter_events(response):
                received.append(event)
                if len(received) == 3:
                    # Everything so far was replayed; now end the run while we listen.
                    api.put(run["cancel_url"])
    assert shape(received) == [
        ("submit", "prompt-encode"),
        ("completion", "prompt-encode"),
        ("submit", "image-generation"),
        ("error", "image-generation"),
    ]
    assert received[-1].data["status"] == "CANCELLED"


def test_failed_run_ends_with_error_event(api: httpx.Client) -> None:
    run = submit(api, "demo/broken-pipeline", {"prompt": "x"})
    _response, events = read_stream(api, run["status_url"])
    assert shape(events) == [
        ("submit", "prompt-encode"),
        ("completion", "prompt-encode"),
        ("submit", "safety-check"),
        ("error", "safety-check"),
    ]
    error = events[-1].data
    assert error["status"] == "FAILED"
    assert error["error"].startswith("Safety check failed")


def test_pings_arrive_at_the_configured_interval(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--time-scale", "1", "--ping-interval", "0.1")
    assert info.ping_interval == 0.1
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/slow-render", PROMPT)
        pings: list[Sse] = []
        with api.stream("GET", run["status_url"] + "/stream") as response:
            for event in iter_events(response):
                if event.event == "ping":
                    pings.append(event)
                    if len(pings) == 3:
                        break
        api.put(run["cancel_url"])
    assert [set(p.data) for p in pings] == [{"timestamp"}] * 3
    assert all(p.id is None for p in pings)


def test_two_subscribers_see_the_same_events(api: httpx.Client) -> None:
    run = submit(api, "demo/prompt-enhancer", {"prompt": "owl"})
    _r1, first = read_stream(api, run["status_url"])
    _r2, second = read_stream(api, run["status_url"])
    assert shape(first) == shape(second)
    assert shape(first)[-1] == ("output", None)
    assert first[-1].data["outputs"]["enhanced_prompt"].startswith("owl")
