"""The sliding-window rate limit per key, at its boundary, and its headers on every response."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator

import httpx
import pytest

from fizzly_desktop.core.sandbox_process import SandboxInfo, launch_sandbox
from tests.fixtures.sandbox import FAST_FLAGS, SandboxFactory
from tests.integration.sandbox.support import (
    RATE_HEADERS,
    assert_error,
    client,
    read_stream,
    submit,
    wait_finished,
)

SCHEMA = "/workflows/demo/text-to-image/schema"


def test_limit_boundary_headers_and_recovery(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--rate-limit", "5", "--rate-window", "1")
    with client(info.base_url, info.demo_key) as api:
        started = time.time()
        remaining = []
        for _ in range(5):
            response = api.get(SCHEMA)
            assert response.status_code == 200
            assert response.headers["x-ratelimit-limit"] == "5"
            remaining.append(int(response.headers["x-ratelimit-remaining"]))
            reset = int(response.headers["x-ratelimit-reset"])
            # A Unix timestamp no later than one window (plus rounding) from now.
            assert math.floor(started) <= reset <= math.ceil(time.time() + 1) + 1
        assert remaining == [4, 3, 2, 1, 0]

        refused = api.get(SCHEMA)
        body = assert_error(refused, 429, "RATE_LIMIT_EXCEEDED")
        assert body == {
            "error": "Rate limit exceeded",
            "code": "RATE_LIMIT_EXCEEDED",
            "retry_after": body["retry_after"],
        }
        assert body["retry_after"] == 1
        assert refused.headers["retry-after"] == "1"
        assert refused.headers["x-ratelimit-remaining"] == "0"
        assert all(h in refused.headers for h in RATE_HEADERS)

        # Refused requests are not counted, so the budget returns once the window slides on.
        deadline = time.monotonic() + 5
        while api.get(SCHEMA).status_code == 429:
            assert time.monotonic() < deadline, "the window never slid"
            time.sleep(0.05)


def test_every_authenticated_request_counts(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--rate-limit", "6", "--rate-window", "60")
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/prompt-enhancer", {"prompt": "x"})  # 1
        assert api.get(SCHEMA).headers["x-ratelimit-remaining"] == "4"  # 2
        missing = api.get("/workflows/demo/nope/schema")  # 3: errors count too
        assert missing.headers["x-ratelimit-remaining"] == "3"
        invalid = api.post("/workflows/demo/text-to-image", json={"inputs": {}})  # 4
        assert invalid.headers["x-ratelimit-remaining"] == "2"
        stream, _events = read_stream(api, run["status_url"])  # 5: the stream too
        assert stream.headers["x-ratelimit-remaining"] == "1"
        assert api.put(run["cancel_url"]).headers["x-ratelimit-remaining"] == "0"  # 6
        assert_error(api.get(run["status_url"]), 429, "RATE_LIMIT_EXCEEDED")
        assert_error(read_stream(api, run["status_url"])[0], 429, "RATE_LIMIT_EXCEEDED")


@pytest.fixture(scope="module")
def tight() -> Iterator[SandboxInfo]:
    """Two requests per minute per key; each test below uses its own keys."""
    with launch_sandbox(
        *FAST_FLAGS, "--rate-limit", "2", "--rate-window", "60", "--key", "fiz_test_broke:pro:0"
    ) as handle:
        yield handle.info


def test_limits_are_per_key(tight: SandboxInfo) -> None:
    info = tight
    other = next(k for k, v in info.keys.items() if v["plan"] == "ultimate")
    with client(info.base_url, info.demo_key) as api, client(info.base_url, other) as second:
        api.get(SCHEMA)
        api.get(SCHEMA)
        assert_error(api.get(SCHEMA), 429, "RATE_LIMIT_EXCEEDED")
        response = second.get(SCHEMA)
        assert response.status_code == 200
        assert response.headers["x-ratelimit-remaining"] == "1"


def test_rate_headers_on_forbidden_and_insufficient_credits(tight: SandboxInfo) -> None:
    info = tight
    free = next(k for k, v in info.keys.items() if v["plan"] == "free")
    with client(info.base_url, free) as free_api, client(info.base_url, "fiz_test_broke") as broke:
        forbidden = free_api.get(SCHEMA)
        assert_error(forbidden, 403, "FORBIDDEN")
        assert forbidden.headers["x-ratelimit-remaining"] == "1"
        poor = broke.post("/workflows/demo/prompt-enhancer", json={"inputs": {"prompt": "x"}})
        assert_error(poor, 402, "INSUFFICIENT_CREDITS")
        assert all(h in poor.headers for h in RATE_HEADERS)


def test_status_and_result_carry_rate_headers(sandbox: SandboxInfo) -> None:
    info = sandbox
    with client(info.base_url, info.demo_key) as api:
        run = submit(api, "demo/prompt-enhancer", {"prompt": "x"})
        final = api.get(run["status_url"])
        assert all(h in final.headers for h in RATE_HEADERS)
        wait_finished(api, run["status_url"])
        response: httpx.Response = api.get(run["response_url"])
        assert all(h in response.headers for h in RATE_HEADERS)
