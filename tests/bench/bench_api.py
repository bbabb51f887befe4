"""API client figures: requests per run with streams, submit throughput against the rate limit."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from typing import Any

import httpx

from fizzly_desktop.api import (
    FizzlyClient,
    OutputEvent,
    Priority,
    RateBudget,
    RunRef,
    StreamInterrupted,
)
from fizzly_desktop.core.sandbox_process import SandboxInfo, launch_sandbox

BATCH_RUNS = 100
# About a minute of submits. What the budget cannot know exactly costs a little in every
# window: when the service counted each request (so a slot counts from its answer), and the
# window's length, learned from a Reset rounded to whole seconds: the first window's requests
# leave 1/limit s apart so that one of them lands near the rounding, and the first window
# alone may cost up to a second (the "after 3 windows" figure is the settled rate).
THROUGHPUT_LIMIT = 10
THROUGHPUT_WINDOW = 4.0
THROUGHPUT_WINDOWS = 15
SETTLING_WINDOWS = 3
DEADLINE = 110.0
COMMON_FLAGS = ("--time-scale", "0.02", "--ping-interval", "0.5", "--log-level", "warning")


class _CountingTransport(httpx.AsyncBaseTransport):
    """The real transport, keeping each request's send time and each answer's status."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.sent: list[tuple[float, str]] = []
        self.statuses: Counter[int] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((time.monotonic(), request.method))
        response = await self._inner.handle_async_request(request)
        self.statuses[response.status_code] += 1
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


async def _follow(client: FizzlyClient, run: RunRef) -> bool:
    """Stream the run to its end (reconnecting, as the engine does); True when it completed."""
    for _ in range(5):
        try:
            async with contextlib.aclosing(client.stream(run)) as events:
                async for event in events:
                    if isinstance(event, OutputEvent):
                        return True
                return False
        except StreamInterrupted:
            status = await client.status(run)
            if status.status.is_terminal:
                return status.status.value == "COMPLETED"
    return False


async def _batch(info: SandboxInfo) -> dict[str, Any]:
    wire = _CountingTransport()
    async with FizzlyClient(
        info.base_url,
        info.demo_key,
        budget=RateBudget(),
        transport=wire,
        ping_interval=info.ping_interval,
    ) as client:

        async def one(index: int) -> bool:
            sub = await client.submit(
                "demo",
                "text-to-image",
                {"prompt": f"bench {index}", "width": 128, "height": 128},
                priority=Priority.BATCH,
            )
            return await _follow(client, sub.ref)

        started = time.monotonic()
        done = await asyncio.gather(*(one(i) for i in range(BATCH_RUNS)))
        elapsed = time.monotonic() - started
    completed = sum(done)
    requests = len(wire.sent)
    return {
        "benchmark": f"API requests per completed run ({BATCH_RUNS}-run batch, streams)",
        "value": round(requests / max(1, completed), 3),
        "unit": "requests/run",
        "baseline": None,
        "ratio": round(requests / max(1, completed) / 2.0, 3),
        "goal": "2.0 (submit + stream); ratio to that floor <= 1.0",
        "_detail": f"{completed}/{BATCH_RUNS} completed in {elapsed:.1f} s",
    }


async def _throughput(info: SandboxInfo) -> list[dict[str, Any]]:
    wire = _CountingTransport()
    count = THROUGHPUT_LIMIT * THROUGHPUT_WINDOWS + 1
    async with FizzlyClient(
        info.base_url, info.demo_key, budget=RateBudget(), transport=wire
    ) as client:

        async def one(index: int) -> None:
            await client.submit(
                "demo", "prompt-enhancer", {"prompt": f"bench {index}"}, priority=Priority.BATCH
            )

        await asyncio.gather(*(one(i) for i in range(count)))
    times = sorted(t for t, method in wire.sent if method == "POST")
    allowance = THROUGHPUT_LIMIT / THROUGHPUT_WINDOW
    # From the first send, the limit allows LIMIT requests at once and LIMIT more per window:
    # the last of `count` can leave no earlier than (count - 1) // LIMIT windows later.
    whole = times[-1] - times[0]
    ideal_whole = (count - 1) // THROUGHPUT_LIMIT * THROUGHPUT_WINDOW
    settled = times[SETTLING_WINDOWS * THROUGHPUT_LIMIT :]
    # The last submit leaves alone at the start of a window: the others filled whole windows.
    settled_rate = (len(settled) - 1) / (settled[-1] - settled[0])
    rows = [
        {
            "benchmark": f"submit throughput vs rate limit ({count} submits, whole run)",
            "value": round(ideal_whole / whole * allowance, 3),
            "unit": "submits/s",
            "baseline": allowance,
            "ratio": round(ideal_whole / whole, 3),
            "goal": ">= 0.95 of the limit",
        },
        {
            "benchmark": f"submit throughput vs rate limit (after {SETTLING_WINDOWS} windows)",
            "value": round(settled_rate, 3),
            "unit": "submits/s",
            "baseline": allowance,
            "ratio": round(settled_rate / allowance, 3),
            "goal": ">= 0.95 of the limit",
        },
        {
            "benchmark": "429 answers during the throughput run",
            "value": float(wire.statuses[429]),
            "unit": "answers",
            "baseline": None,
            "ratio": None,
            "goal": "0",
        },
    ]
    return rows


def measure() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with launch_sandbox(*COMMON_FLAGS, "--rate-limit", "100000", "--workers", "8") as handle:
        rows.append(asyncio.run(asyncio.wait_for(_batch(handle.info), DEADLINE / 3)))
    with launch_sandbox(
        *COMMON_FLAGS,
        "--rate-limit",
        str(THROUGHPUT_LIMIT),
        "--rate-window",
        str(THROUGHPUT_WINDOW),
        "--workers",
        "8",
    ) as handle:
        rows.extend(asyncio.run(asyncio.wait_for(_throughput(handle.info), DEADLINE * 2 / 3)))
    for row in rows:
        row.pop("_detail", None)
    return rows


if __name__ == "__main__":
    for row in measure():
        print(row)
