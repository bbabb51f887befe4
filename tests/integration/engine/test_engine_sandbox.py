"""The run engine against the sandbox over real loopback HTTP: batches, crashes, faults, cancel."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from fizzly_desktop.api import FizzlyClient, InsufficientCredits
from fizzly_desktop.core.batches import BatchState
from fizzly_desktop.core.engine import (
    PAUSED_AFTER_RESTART,
    ClientFactory,
    EngineSettings,
    ProfileConnection,
    RunEngine,
)
from fizzly_desktop.core.events import ChangeEvent, Notice, NoticeLevel
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.outputs import read_sidecar
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.core.sandbox_process import SandboxInfo
from fizzly_desktop.core.tracking import TrackingSettings
from tests.fixtures.sandbox import SandboxFactory

WF = "demo/text-to-image"
PROFILE = "Local sandbox"


@dataclass
class Traffic:
    """Every request the engine's clients sent, as seen on the wire."""

    statuses: Counter[int] = field(default_factory=Counter)
    methods: Counter[str] = field(default_factory=Counter)
    posted_inputs: list[dict[str, Any]] = field(default_factory=list)


class CountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, traffic: Traffic) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._traffic = traffic

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            self._traffic.posted_inputs.append(json.loads(request.content)["inputs"])
        self._traffic.methods[request.method] += 1
        response = await self._inner.handle_async_request(request)
        self._traffic.statuses[response.status_code] += 1
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def connector(
    info: SandboxInfo, traffic: Traffic, key: str | None = None, timeout: float = 30.0
) -> ClientFactory:
    api_key = key or info.demo_key

    async def factory(profile: str) -> ProfileConnection:
        client = FizzlyClient(
            info.base_url,
            api_key,
            ping_interval=info.ping_interval,
            timeout=timeout,
            transport=CountingTransport(traffic),
            output_origins=(info.output_origin,),
        )
        return ProfileConnection.of(client, "…" + api_key[-4:])

    return factory


def engine_settings(tmp_path: Path, **changes: Any) -> EngineSettings:
    values: dict[str, Any] = {
        "max_active_runs": 40,
        "download_outputs": False,
        "outputs_folder": tmp_path / "pictures",
        "tracking": TrackingSettings(
            backoff_initial=0.05,
            backoff_max=0.5,
            poll_interval=0.1,
            stream_retry_interval=1.0,
        ),
        "enrich_interval": 0.05,
    }
    values.update(changes)
    return EngineSettings(**values)


async def until(condition: Callable[[], bool], within: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.01)


@pytest.fixture
def store(tmp_path: Path) -> AsyncIterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


def inputs(i: int, **extra: Any) -> dict[str, Any]:
    return {"prompt": f"a fox number {i}", "seed": i, "width": 64, "height": 64, **extra}


async def test_a_200_run_batch_in_a_small_rate_window(
    sandbox_factory: SandboxFactory, store: HistoryStore, tmp_path: Path
) -> None:
    info = sandbox_factory("--rate-limit", "40", "--rate-window", "2", "--time-scale", "0.005")
    traffic = Traffic()
    engine = RunEngine(store, connector(info, traffic), settings=engine_settings(tmp_path))
    await engine.start()
    try:
        # Every 25th item is refused by the server (a word where a number belongs).
        items = [inputs(i, steps="many") if i % 25 == 7 else inputs(i) for i in range(200)]
        batch = await engine.submit_batch("Foxes", WF, items, profile=PROFILE, max_active=40)
        await until(lambda: batch.state is BatchState.FINISHED, within=90)
        runs = engine.batch_runs(batch.id)
        assert [r.inputs["seed"] for r in runs] == list(range(200))
        for i, run in enumerate(runs):
            if i % 25 == 7:
                assert run.state is RunState.REJECTED, (i, run.state, run.error)
                assert run.error is not None
                assert "steps" in run.error
            else:
                assert run.state is RunState.COMPLETED, (i, run.state, run.error)
                assert run.outputs is not None
                assert [e.node for e in run.timeline] == [
                    "prompt-encode",
                    "image-generation",
                    "upscale",
                ]
        assert [x["seed"] for x in traffic.posted_inputs] == list(range(200))
        assert traffic.statuses[429] == 0
        assert len({r.request_id for r in runs if r.request_id}) == 192
        # Stream first: a submit and a stream per run, hardly anything more.
        completed = sum(1 for r in runs if r.state is RunState.COMPLETED)
        assert sum(traffic.methods.values()) <= 200 + completed * 1.1
    finally:
        await engine.close()


async def test_a_second_engine_finishes_what_a_crashed_one_started(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    info = sandbox_factory("--time-scale", "0.01")
    path = tmp_path / "history.sqlite3"
    traffic = Traffic()
    first_store = HistoryStore(path)
    first = RunEngine(first_store, connector(info, traffic), settings=engine_settings(tmp_path))
    await first.start()
    batch = await first.submit_batch(
        "Crash", WF, [inputs(i) for i in range(60)], profile=PROFILE, max_active=8
    )
    await until(lambda: len(traffic.posted_inputs) >= 30)
    # The app dies: tasks gone, queued history writes lost.
    await first.abort()
    first_store.close(drain=False)

    second_store = HistoryStore(path)
    second = RunEngine(second_store, connector(info, traffic), settings=engine_settings(tmp_path))
    try:
        await second.start()
        resumed = second.batch(batch.id)
        assert resumed is not None
        assert resumed.state is BatchState.PAUSED
        assert resumed.pause_reason == PAUSED_AFTER_RESTART
        second.resume_batch(batch.id)
        await until(lambda: resumed.state is BatchState.FINISHED)
        runs = second.batch_runs(batch.id)
        assert [r.inputs["seed"] for r in runs] == list(range(60))
        sent = Counter(x["seed"] for x in traffic.posted_inputs)
        assert max(sent.values()) == 1, "a run was submitted twice"
        uncertain = [r for r in runs if r.state is RunState.UNCERTAIN]
        # At most the submits that were in flight when the app died are left for the user: a
        # batch overlaps no more than batch_submits_in_flight of them.
        assert len(uncertain) <= first.settings.batch_submits_in_flight
        for run in runs:
            if run.state is not RunState.UNCERTAIN:
                assert run.state is RunState.COMPLETED, (run.inputs, run.state, run.error)
                assert sent[run.inputs["seed"]] == 1
        ids = [r.request_id for r in runs if r.request_id]
        assert len(ids) == len(set(ids))
        assert traffic.statuses[429] == 0
    finally:
        await second.close()
        second_store.close()


@pytest.mark.parametrize(
    "flags",
    [("--drop-stream-after", "2"), ("--get-error-rate", "0.3", "--fault-seed", "7")],
    ids=["dropped-streams", "get-500s"],
)
async def test_faults_are_survived(
    sandbox_factory: SandboxFactory, store: HistoryStore, tmp_path: Path, flags: tuple[str, ...]
) -> None:
    info = sandbox_factory(*flags)
    traffic = Traffic()
    engine = RunEngine(store, connector(info, traffic), settings=engine_settings(tmp_path))
    await engine.start()
    try:
        batch = await engine.submit_batch(
            "Faults", WF, [inputs(i) for i in range(12)], profile=PROFILE
        )
        await until(lambda: batch.state is BatchState.FINISHED)
        runs = engine.batch_runs(batch.id)
        assert [r.state for r in runs] == [RunState.COMPLETED] * 12
        assert all(r.outputs and "generated_image" in r.outputs for r in runs)
        assert len(traffic.posted_inputs) == 12
        if "--get-error-rate" in flags:
            assert traffic.statuses[500] > 0
        else:
            assert traffic.methods["GET"] > 12  # streams were reopened
    finally:
        await engine.close()


async def test_cancel_in_every_state(
    sandbox_factory: SandboxFactory, store: HistoryStore, tmp_path: Path
) -> None:
    info = sandbox_factory("--workers", "1", "--time-scale", "0.2")
    traffic = Traffic()
    engine = RunEngine(store, connector(info, traffic), settings=engine_settings(tmp_path))
    await engine.start()
    try:
        finished = await engine.submit("demo/prompt-enhancer", {"prompt": "fox"}, profile=PROFILE)
        await until(lambda: finished.state is RunState.COMPLETED)
        running = await engine.submit("demo/slow-render", inputs(1), profile=PROFILE)
        # Past its first node, so that the node already run is charged and not refunded.
        await until(lambda: running.node("image-generation") is not None)
        assert running.state is RunState.IN_PROGRESS
        queued = await engine.submit("demo/slow-render", inputs(2), profile=PROFILE)
        await until(lambda: queued.state is RunState.PENDING)
        engine.set_visible_runs([queued.id])
        await until(lambda: queued.state is RunState.IN_QUEUE)
        assert queued.queue_position is not None
        engine.pause_submissions()
        waiting = await engine.submit("demo/slow-render", inputs(3), profile=PROFILE)
        assert waiting.state is RunState.WAITING
        puts_before = traffic.methods["PUT"]
        posts_before = traffic.methods["POST"]

        engine.cancel([waiting.id, finished.id])
        assert waiting.state is RunState.CANCELLED
        assert finished.state is RunState.COMPLETED
        assert traffic.methods["PUT"] == puts_before

        engine.cancel([queued.id, running.id])
        assert queued.state is RunState.CANCELLING
        assert running.state is RunState.CANCELLING
        await until(lambda: queued.state is RunState.CANCELLED)
        await until(lambda: running.state is RunState.CANCELLED)
        # The stream may confirm before the cancel's own answer (with the refund) arrives.
        await until(lambda: None not in (queued.credits_refunded, running.credits_refunded))
        assert queued.credits_refunded == 8  # nothing had run: everything back
        assert running.credits_refunded is not None
        assert 0 <= running.credits_refunded < 8
        assert traffic.methods["PUT"] == puts_before + 2
        engine.resume_submissions()
        assert traffic.methods["POST"] == posts_before
    finally:
        await engine.close()


async def test_too_few_credits_pause_the_batch(
    sandbox_factory: SandboxFactory, store: HistoryStore, tmp_path: Path
) -> None:
    key = "fiz_engine_test_poor_key_0001"
    info = sandbox_factory("--key", f"{key}:pro:10")
    traffic = Traffic()
    engine = RunEngine(store, connector(info, traffic, key), settings=engine_settings(tmp_path))
    await engine.start()
    try:
        batch = await engine.submit_batch(
            "Poor", WF, [inputs(i) for i in range(5)], profile=PROFILE, max_active=1
        )
        await until(lambda: batch.state is BatchState.PAUSED)
        runs = engine.batch_runs(batch.id)
        await until(lambda: all(r.state in (RunState.COMPLETED, RunState.WAITING) for r in runs))
        assert [r.state for r in runs] == [RunState.COMPLETED] * 2 + [RunState.WAITING] * 3
        assert batch.pause_reason == InsufficientCredits.default_user_message
        assert len(traffic.posted_inputs) == 3  # the third was refused, the rest never tried
        assert traffic.statuses[402] == 1
        assert runs[0].key_fingerprint == "…0001"
    finally:
        await engine.close()


async def test_a_submit_whose_answer_is_lost_is_left_uncertain(
    sandbox_factory: SandboxFactory, store: HistoryStore, tmp_path: Path
) -> None:
    # Every answer takes 0.3 s and the client gives up after 0.1 s: the server still takes the
    # run, the app cannot know, and must not send it again.
    info = sandbox_factory("--latency-ms", "300")
    traffic = Traffic()
    engine = RunEngine(
        store, connector(info, traffic, timeout=0.1), settings=engine_settings(tmp_path)
    )
    await engine.start()
    try:
        batch = await engine.submit_batch(
            "Lost", WF, [inputs(0), inputs(1)], profile=PROFILE, max_active=1
        )
        runs = engine.batch_runs(batch.id)
        await until(lambda: all(r.state is RunState.UNCERTAIN for r in runs))
        assert batch.state is BatchState.FINISHED
        await engine.flush()
        assert [x["seed"] for x in traffic.posted_inputs] == [0, 1]
        assert all(r.request_id is None for r in runs)
        assert all(r.needs_attention for r in runs)
        stored = store.get_run(runs[0].id)
        assert stored is not None
        assert stored.state is RunState.UNCERTAIN
    finally:
        await engine.close()


class HangingTransport(CountingTransport):
    """Passes every request to the sandbox, but never hands back the answer to one submit.

    The sandbox takes that run, as a real service whose answer is lost on the way would.
    """

    def __init__(self, traffic: Traffic, hang_seed: int) -> None:
        super().__init__(traffic)
        self._hang_seed = hang_seed
        self._never = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        if request.method == "POST" and json.loads(request.content)["inputs"]["seed"] == (
            self._hang_seed
        ):
            await response.aread()
            await response.aclose()
            await self._never.wait()  # until the client's own deadline cancels it
        return response


async def test_a_hung_submit_does_not_hold_the_batch_back(
    sandbox_factory: SandboxFactory, store: HistoryStore, tmp_path: Path
) -> None:
    info = sandbox_factory("--time-scale", "0.005")
    traffic = Traffic()

    async def factory(profile: str) -> ProfileConnection:
        client = FizzlyClient(
            info.base_url,
            info.demo_key,
            ping_interval=info.ping_interval,
            timeout=10.0,
            transport=HangingTransport(traffic, hang_seed=1),
        )
        return ProfileConnection.of(client, "…" + info.demo_key[-4:])

    engine = RunEngine(store, factory, settings=engine_settings(tmp_path))
    notices: list[Notice] = []

    def keep_notices(event: ChangeEvent) -> None:
        if isinstance(event, Notice):
            notices.append(event)

    engine.subscribe(keep_notices)
    await engine.start()
    try:
        batch = await engine.submit_batch(
            "Hung", WF, [inputs(i) for i in range(5)], profile=PROFILE, max_active=5
        )
        runs = engine.batch_runs(batch.id)
        hung, others = runs[1], [runs[0], *runs[2:]]
        # The runs behind the hung one are sent and taken while it still waits for its answer.
        await until(lambda: all(r.request_id is not None for r in others))
        assert hung.state is RunState.SUBMITTING
        assert [x["seed"] for x in traffic.posted_inputs] == [0, 1, 2, 3, 4]
        # Its answer never comes: it ends UNCERTAIN, with a message that says so, and is not
        # sent again; the batch goes on and finishes.
        await until(lambda: hung.state is RunState.UNCERTAIN)
        assert hung.request_id is None
        assert hung.error is not None
        assert "lost the answer" in hung.error
        await until(lambda: batch.state is BatchState.FINISHED)
        assert all(r.state is RunState.COMPLETED for r in others), [r.state for r in others]
        assert batch.pause_reason is None
        assert len(traffic.posted_inputs) == 5
        await until(lambda: any(n.run_id == hung.id for n in notices))
        (notice,) = [n for n in notices if n.run_id == hung.id]
        assert notice.level is NoticeLevel.WARNING
        assert notice.message == hung.error
    finally:
        await engine.close()


async def test_images_are_saved_with_a_sidecar(
    sandbox: SandboxInfo, store: HistoryStore, tmp_path: Path
) -> None:
    traffic = Traffic()
    engine = RunEngine(
        store,
        connector(sandbox, traffic),
        settings=engine_settings(tmp_path, download_outputs=True),
    )
    await engine.start()
    try:
        run = await engine.submit(WF, inputs(5, output_format="png"), profile=PROFILE)
        await until(lambda: bool(engine.outputs_of(run.id)))
        (record,) = engine.outputs_of(run.id)
        assert record.path.is_relative_to(tmp_path / "pictures" / "demo" / "text-to-image")
        with Image.open(record.path) as image:
            assert image.size == (64, 64)
        assert record.sidecar_path is not None
        sidecar = read_sidecar(record.sidecar_path)
        assert sidecar.inputs == run.inputs
        assert sidecar.request_id == run.request_id
        assert [n["node"] for n in sidecar.data["timeline"]] == [
            "prompt-encode",
            "image-generation",
            "upscale",
        ]
        await store.flush()
        assert store.outputs_of(run.id) == [record]
    finally:
        await engine.close()
