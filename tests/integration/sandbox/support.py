"""Small helpers for driving the sandbox over loopback with plain httpx (no app code)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import httpx

FINISHED = ("COMPLETED", "FAILED", "CANCELLED")
RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Key {key}"}


def client(base_url: str, key: str | None) -> httpx.Client:
    headers = auth(key) if key is not None else {}
    return httpx.Client(base_url=base_url, headers=headers, timeout=15)


@dataclass(frozen=True)
class Sse:
    event: str
    data: dict[str, Any]
    id: str | None


def read_stream(
    api: httpx.Client, status_url: str, headers: dict[str, str] | None = None
) -> tuple[httpx.Response, list[Sse]]:
    """Every event of a status stream until the server closes it."""
    events: list[Sse] = []
    with api.stream("GET", status_url + "/stream", headers=headers) as response:
        if response.status_code != 200:
            response.read()
            return response, events
        event, data, event_id = "message", "", None
        for line in response.iter_lines():
            if not line:
                if data:
                    events.append(Sse(event, json.loads(data), event_id))
                event, data, event_id = "message", "", None
            elif line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data += line[5:].strip()
            elif line.startswith("id:"):
                event_id = line[3:].strip()
    return response, events


def wait_status(
    api: httpx.Client, status_url: str, predicate: Any, deadline_s: float = 15.0
) -> dict[str, Any]:
    """Poll the status endpoint until ``predicate(body)`` holds (fails after the deadline)."""
    deadline = time.monotonic() + deadline_s
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = api.get(status_url)
        assert response.status_code == 200, response.text
        body = response.json()
        if predicate(body):
            return body
        time.sleep(0.01)
    raise AssertionError(f"status never matched within {deadline_s} s; last: {body}")


def wait_finished(api: httpx.Client, status_url: str, deadline_s: float = 15.0) -> dict[str, Any]:
    return wait_status(api, status_url, lambda b: b["status"] in FINISHED, deadline_s)


def submit(
    api: httpx.Client,
    workflow: str,
    inputs: dict[str, Any],
    webhook: str | None = None,
) -> dict[str, Any]:
    params = {"webhook": webhook} if webhook is not None else None
    response = api.post(f"/workflows/{workflow}", json={"inputs": inputs}, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The documented error format: JSON with error (text), code, and details (object)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    assert isinstance(body["error"], str)
    assert body["error"]
    assert "Traceback" not in response.text
    return body
