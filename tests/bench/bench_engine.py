"""Run engine figures: budget use and requests per run, CPU per stream event, history reads."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.models import (
    CancelOutcome,
    CompletionEvent,
    OutputEvent,
    RunRef,
    RunResult,
    RunStatus,
    StreamEvent,
    Submission,
    SubmitEvent,
)
from fizzly_desktop.core.engine import EngineSettings, ProfileConnection, RunEngine
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.core.sandbox_process import launch_sandbox

# (limit, window): a window long enough for X-RateLimit-Reset's whole seconds not to matter
# much, and the short window of the integration test, where they cost up to 1 s per window.
RATE_WINDOWS = ((100, 10.0), (40, 2.0))
BATCH_RUNS = 120
EVENT_RUNS = 200
NODES_PER_RUN = 25
HISTORY_RUNS = 10_000
READ_REPEATS = 7


async def _until(engine: RunEngine, condition: Callable[[], bool], within: float) -> None:
    """Wait for ``condition``, re-checked at each change the engine publishes."""
    changed = asyncio.Event()
    unsubscribe = engine.subscribe(lambda event: changed.set())
    try:
        async with asyncio.timeout(within):
            while not condition():
                changed.clear()
                await changed.wait()
    finally:
        unsubscribe()


# --- a batch against the sandbox --------------------------------------------------------------


class _Recorder(httpx.AsyncBaseTransport):
    def __init__(self, sent: list[tuple[float, str, int]]) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._sent = sent

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        at = time.monotonic()
        response = await self._inner.handle_async_request(request)
        self._sent.append((at, request.method, response.status_code))
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


async def _batch(home: Path, limit: int, window: float) -> dict[str, float]:
    sent: list[tuple[float, str, int]] = []
    with launch_sandbox(
        "--rate-limit",
        str(limit),
        "--rate-window",
        str(window),
        "--time-scale",
        "0.005",
        "--ping-interval",
        "0.5",
        "--workers",
        "8",
        "--log-level",
        "warning",
    ) as sandbox:
        info = sandbox.info

        async def factory(profile: str) -> ProfileConnection:
            client = FizzlyClient(
                info.base_url,
                info.demo_key,
                ping_interval=info.ping_interval,
                transport=_Recorder(sent),
            )
            return ProfileConnection.of(client)

        store = HistoryStore(home / f"batch-{limit}-{window:g}.sqlite3")
        engine = RunEngine(
            store, factory, settings=EngineSettings(max_active_runs=40, download_outputs=False)
        )
        try:
            await engine.start()
            inputs = [{"prompt": f"fox {i}", "width": 64, "height": 64} for i in range(BATCH_RUNS)]
            batch = await engine.submit_batch("bench", "demo/text-to-image", inputs, profile="p")
            runs = engine.batch_runs(batch.id)
            await _until(engine, lambda: all(r.state.is_terminal for r in runs), 120)
            completed = sum(1 for r in engine.batch_runs(batch.id) if r.state is RunState.COMPLETED)
        finally:
            await engine.close()
            store.close()
    times = sorted(at for at, _, _ in sent)
    duration = times[-1] - times[0]
    # From the first request, a sliding window lets LIMIT through at once and LIMIT more per
    # window: the last of N requests can leave no earlier than (N - 1) // LIMIT windows later.
    ideal = (len(times) - 1) // limit * window
    return {
        "requests": len(sent),
        "completed": completed,
        "budget_use": ideal / duration,
        "rate_limited": sum(1 for _, _, status in sent if status == 429),
    }


# --- stream events through the engine, without a network -------------------------------------


class _EventClient:
    """Answers at once; every stream waits for ``go`` and then pours out its events."""

    def __init__(self) -> None:
        self.go = asyncio.Event()
        self.count = 0
        self.events = 0

    async def submit(
        self,
        owner: str,
        slug: str,
        inputs: Mapping[str, Any],
        webhook: str | None = None,
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Submission:
        self.count += 1
        return Submission(owner=owner, slug=slug, request_id=f"run_{self.count}")

    async def status(
        self, run: RunRef, logs: bool = False, *, priority: Priority = Priority.TRACKING
    ) -> RunStatus:
        raise AssertionError("no status call expected")

    async def result(self, run: RunRef, *, priority: Priority = Priority.BACKGROUND) -> RunResult:
        raise AssertionError("no result call expected")

    async def cancel(self, run: RunRef) -> CancelOutcome:
        raise AssertionError("no cancel expected")

    def stream(
        self, run: RunRef, *, priority: Priority = Priority.TRACKING
    ) -> AsyncIterator[StreamEvent]:
        return self._stream()

    async def _stream(self) -> AsyncIterator[StreamEvent]:
        await self.go.wait()
        for n in range(NODES_PER_RUN):
            yield SubmitEvent(node=f"node-{n}")
            yield CompletionEvent(node=f"node-{n}", output={"n": n})
            self.events += 2
            await asyncio.sleep(0)
        self.events += 1
        yield OutputEvent(outputs={"text": "done"}, credits_used=1)

    async def aclose(self) -> None:
        return None


async def _events(home: Path) -> dict[str, float]:
    client = _EventClient()

    async def factory(profile: str) -> ProfileConnection:
        return ProfileConnection(client)

    store = HistoryStore(home / "events.sqlite3")
    engine = RunEngine(
        store,
        factory,
        settings=EngineSettings(max_active_runs=EVENT_RUNS, download_outputs=False),
    )
    try:
        await engine.start()
        batch = await engine.submit_batch(
            "events", "demo/prompt-enhancer", [{}] * EVENT_RUNS, profile="p", max_active=EVENT_RUNS
        )
        runs = engine.batch_runs(batch.id)
        await _until(engine, lambda: all(r.state is RunState.PENDING for r in runs), 60)
        cpu = time.process_time()
        client.go.set()
        await _until(engine, lambda: all(r.state is RunState.COMPLETED for r in runs), 60)
        await engine.flush()
        used = time.process_time() - cpu
    finally:
        await engine.close()
        store.close()
    return {"events": client.events, "cpu": used}


# --- history reads ----------------------------------------------------------------------------


def _fill_history(path: Path) -> None:
    store = HistoryStore(path)
    try:
        base = time.time() - HISTORY_RUNS
        runs = []
        for i in range(HISTORY_RUNS):
            run = Run.create("demo/text-to-image", {"prompt": f"fox {i}", "seed": i}, "p")
            run.state = RunState.COMPLETED
            run.request_id = f"run_{i}"
            run.created_at = base + i
            for node in ("prompt-encode", "image-generation", "upscale"):
                run.node_started(node, at=base + i)
                run.node_completed(node, {"url": f"http://x/{i}/{node}.png"}, at=base + i + 1)
            run.outputs = {"generated_image": {"url": f"http://x/{i}.png"}}
            runs.append(run)
        for start in range(0, HISTORY_RUNS, 1000):
            store.save_runs(runs[start : start + 1000]).result()
    finally:
        store.close()


def _read_with_store(path: Path) -> float:
    started = time.perf_counter()
    store = HistoryStore(path)
    runs = store.recent_runs(200)
    elapsed = time.perf_counter() - started
    store.close()
    assert len(runs) == 200
    return elapsed


def _read_bare(path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT * FROM runs ORDER BY created_at DESC LIMIT 200").fetchall()
    ids = [row[0] for row in rows]
    marks = ", ".join("?" * len(ids))
    nodes = conn.execute(f"SELECT * FROM node_events WHERE run_id IN ({marks})", ids).fetchall()
    for row in rows:
        json.loads(row[5])
    elapsed = time.perf_counter() - started
    conn.close()
    assert len(rows) == 200
    assert len(nodes) == 600
    return elapsed


def _history(home: Path) -> dict[str, float]:
    path = home / "big.sqlite3"
    _fill_history(path)
    _read_with_store(path)  # warm the file cache for both
    store_times, bare_times = [], []
    for _ in range(READ_REPEATS):
        bare_times.append(_read_bare(path))
        store_times.append(_read_with_store(path))
    return {"store": statistics.median(store_times), "bare": statistics.median(bare_times)}


# --- the table --------------------------------------------------------------------------------


def measure() -> list[dict[str, Any]]:
    previous = os.environ.get("FIZZLY_DESKTOP_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["FIZZLY_DESKTOP_HOME"] = str(home / "app")
        try:
            batches = [(lim, win, asyncio.run(_batch(home, lim, win))) for lim, win in RATE_WINDOWS]
            events = asyncio.run(_events(home))
            history = _history(home)
        finally:
            if previous is None:
                os.environ.pop("FIZZLY_DESKTOP_HOME", None)
            else:
                os.environ["FIZZLY_DESKTOP_HOME"] = previous
    rows: list[dict[str, Any]] = []
    for limit, window, batch in batches:
        rows.append(
            {
                "benchmark": (
                    f"batch of {BATCH_RUNS} (submit + stream each): request rate / rate limit "
                    f"({limit} per {window:g} s; 429s: {batch['rate_limited']:.0f})"
                ),
                "value": round(batch["budget_use"], 3),
                "unit": "ratio",
                "baseline": None,
                "ratio": round(batch["budget_use"], 3),
                "goal": ">= 0.95, zero 429s" if window >= 10 else "zero 429s (short window)",
            }
        )
    limit, window, batch = batches[0]
    per_run = batch["requests"] / max(1.0, batch["completed"])
    # CPU seconds per event, times 1,000 events, in milliseconds.
    cpu_per_1000 = events["cpu"] / max(1.0, events["events"]) * 1000 * 1000
    return [
        *rows,
        {
            "benchmark": f"requests per completed run ({batch['completed']:.0f} completed)",
            "value": round(per_run, 3),
            "unit": "requests",
            "baseline": 2.0,
            "ratio": round(per_run / 2.0, 3),
            "goal": "<= 2.1 (floor: submit + stream)",
        },
        {
            "benchmark": f"engine CPU per 1,000 stream events ({events['events']:.0f} events)",
            "value": round(cpu_per_1000, 1),
            "unit": "ms",
            "baseline": None,
            "ratio": None,
            "goal": "<= 50 ms (5% of a core at 1,000 events/s)",
        },
        {
            "benchmark": f"history open + newest 200 of {HISTORY_RUNS:,} runs (median)",
            "value": round(history["store"] * 1000, 2),
            "unit": "ms",
            "baseline": round(history["bare"] * 1000, 2),
            "ratio": round(history["store"] / history["bare"], 2),
            "goal": "<= 50 ms; baseline: bare sqlite3 SELECT of the same rows",
        },
    ]
