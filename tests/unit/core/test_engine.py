"""The run engine against an in-memory client: sending, order, pauses, cancel, retry, restart."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from fizzly_desktop.api.errors import (
    BadRequest,
    ConnectionFailed,
    DownloadRejected,
    Forbidden,
    InsufficientCredits,
    ServerError,
    SubmitUncertain,
)
from fizzly_desktop.core.batches import BatchState
from fizzly_desktop.core.engine import (
    PAUSED_AFTER_RESTART,
    UNCERTAIN_AFTER_RESTART,
    EngineSettings,
    ProfileConnection,
    RunEngine,
)
from fizzly_desktop.core.events import ChangeEvent, ManualScheduler, Notice, RunsChanged
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.outputs import read_sidecar
from fizzly_desktop.core.runs import NodeEntry, NodeState, Run, RunState, StateGroup
from fizzly_desktop.core.tracking import TrackingSettings
from tests.unit.core.fake_client import NODES, FakeClient, FakeDownloader

WF = "demo/text-to-image"
PROFILE = "Local sandbox"

FAST = TrackingSettings(
    backoff_initial=0.001,
    backoff_max=0.005,
    failures_before_polling=3,
    poll_interval=0.001,
    stream_retry_interval=0.02,
    quiet_resync=0.02,
)


def settings(tmp_path: Path, **changes: Any) -> EngineSettings:
    values: dict[str, Any] = {
        "tracking": FAST,
        "outputs_folder": tmp_path / "pictures",
        "enrich_interval": 0.01,
        "close_grace": 1.0,
        "connect_backoff_initial": 0.001,
        "connect_backoff_max": 0.005,
        "cancel_confirm_delays": (0.005, 0.01),
    }
    values.update(changes)
    return EngineSettings(**values)


async def until(condition: Callable[[], bool], within: float = 5.0) -> None:
    """Poll ``condition`` on the loop until it holds, failing after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.001)


@pytest.fixture
def store(tmp_path: Path) -> AsyncIterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


class Harness:
    def __init__(self, store: HistoryStore, client: FakeClient, tmp_path: Path, **changes: Any):
        self.client = client
        self.downloader = FakeDownloader()
        self.opened: list[str] = []

        async def factory(profile: str) -> ProfileConnection:
            self.opened.append(profile)
            return ProfileConnection(client, key_fingerprint="…k3y9")

        self.scheduler = ManualScheduler()
        self.engine = RunEngine(
            store,
            factory,
            settings=settings(tmp_path, **changes),
            scheduler=self.scheduler,
            downloader=self.downloader,
        )
        self.events: list[ChangeEvent] = []
        self.engine.subscribe(self.events.append)


@pytest.fixture
async def harness(store: HistoryStore, tmp_path: Path) -> AsyncIterator[Harness]:
    h = Harness(store, FakeClient(), tmp_path)
    await h.engine.start()
    yield h
    await h.engine.close()


def _state(engine: RunEngine, run_id: str) -> RunState | None:
    run = engine.run(run_id)
    return None if run is None else run.state


# --- single runs ------------------------------------------------------------------------------


async def test_a_run_is_sent_followed_and_saved(harness: Harness, store: HistoryStore) -> None:
    engine = harness.engine
    run = await engine.submit(WF, {"prompt": "a fox"}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    assert run.request_id == "run_1"
    assert run.key_fingerprint == "…k3y9"
    assert [e.node for e in run.timeline] == list(NODES)
    assert all(e.state is NodeState.COMPLETED for e in run.timeline)
    assert run.outputs is not None
    assert run.outputs["prompt_used"] == "a fox"
    assert run.credits_used == 5.0
    assert run.progress == 100.0
    # Stream first: one submit and one stream, nothing else.
    assert harness.client.calls == [("submit", WF), ("stream", "run_1")]
    await until(lambda: bool(engine.outputs_of(run.id)))
    (record,) = engine.outputs_of(run.id)
    assert record.path.read_bytes() == b"\x89PNG fake"
    assert record.path.parent.name.count("-") == 2  # the YYYY-MM-DD folder
    assert record.path.is_relative_to(engine.settings.outputs_folder or Path("/nowhere"))
    sidecar = read_sidecar(record.sidecar_path or Path("/nowhere"))
    assert sidecar.workflow == WF
    assert sidecar.inputs == {"prompt": "a fox"}
    assert sidecar.request_id == "run_1"
    assert [n["node"] for n in sidecar.data["timeline"]] == list(NODES)
    await engine.flush()
    stored = store.get_run(run.id)
    assert stored is not None
    assert stored.state is RunState.COMPLETED
    assert [e.node for e in stored.timeline] == list(NODES)
    assert store.outputs_of(run.id) == [record]
    assert engine.credits_used_this_session == 5.0


async def test_the_row_is_committed_before_the_submit_leaves(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient()
    seen: list[str] = []

    def check(inputs: Mapping[str, Any]) -> None:
        # A separate connection sees only what is committed to the file.
        conn = sqlite3.connect(store.path)
        try:
            rows = conn.execute("SELECT state, inputs FROM runs").fetchall()
        finally:
            conn.close()
        states = [state for state, text in rows if json.loads(text) == dict(inputs)]
        seen.extend(states)
        assert states == ["SUBMITTING"]

    client.before_submit = check
    h = Harness(store, client, tmp_path)
    await h.engine.start()
    try:
        run = await h.engine.submit(WF, {"prompt": "x", "n": 1}, profile=PROFILE)
        await h.engine.submit_batch("b", WF, [{"n": 2}, {"n": 3}], profile=PROFILE)
        await until(lambda: len(client.submitted_inputs) == 3)
        await until(lambda: run.state is RunState.COMPLETED)
    finally:
        await h.engine.close()
    assert seen == ["SUBMITTING"] * 3


async def test_the_key_itself_is_never_stored(store: HistoryStore, tmp_path: Path) -> None:
    secret = "fiz_live_SECRET_key_never_on_disk_1234"
    client = FakeClient()

    async def factory(profile: str) -> ProfileConnection:
        assert secret  # the app would read it from the keyring and build the client with it
        return ProfileConnection(client, key_fingerprint="…" + secret[-4:])

    engine = RunEngine(store, factory, settings=settings(tmp_path), scheduler=ManualScheduler())
    await engine.start()
    run = await engine.submit(WF, {"prompt": "x"}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    await engine.close()
    await store.flush()
    raw = b"".join(p.read_bytes() for p in store.path.parent.glob("history.sqlite3*"))
    assert secret.encode() not in raw
    assert b"1234" in raw  # the fingerprint is kept


async def test_rejected_submit_keeps_the_server_message(harness: Harness) -> None:
    harness.client.submit_errors.append(
        BadRequest(400, server_message="steps must be at most 50", details={"field": "steps"})
    )
    run = await harness.engine.submit(WF, {"steps": 500}, profile=PROFILE)
    await until(lambda: run.state is RunState.REJECTED)
    assert run.error is not None
    assert "steps must be at most 50" in run.error
    assert harness.client.count("submit") == 1


async def test_uncertain_submit_is_never_sent_again(harness: Harness) -> None:
    harness.client.submit_errors.append(
        SubmitUncertain("demo", "text-to-image", {}, None, TimeoutError("no answer"))
    )
    run = await harness.engine.submit(WF, {"prompt": "x"}, profile=PROFILE)
    await until(lambda: run.state is RunState.UNCERTAIN)
    other = await harness.engine.submit(WF, {"prompt": "y"}, profile=PROFILE)
    await until(lambda: other.state is RunState.COMPLETED)
    assert harness.client.count("submit") == 2
    assert run.needs_attention
    assert run.error == SubmitUncertain.default_user_message
    harness.scheduler.run_due()
    notices = [e for e in harness.events if isinstance(e, Notice)]
    assert [n.run_id for n in notices] == [run.id]


async def test_a_connection_failure_waits_and_sends_once(harness: Harness) -> None:
    harness.client.submit_errors.append(ConnectionFailed("refused"))
    run = await harness.engine.submit(WF, {"prompt": "x"}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    assert harness.client.count("submit") == 2
    assert run.error is None


async def test_a_profile_without_a_usable_key(store: HistoryStore, tmp_path: Path) -> None:
    async def factory(profile: str) -> ProfileConnection:
        raise RuntimeError(f"No API key is stored for the profile “{profile}”.")

    engine = RunEngine(store, factory, settings=settings(tmp_path), scheduler=ManualScheduler())
    await engine.start()
    try:
        single = await engine.submit(WF, {}, profile="Work")
        batch = await engine.submit_batch("b", WF, [{}, {}], profile="Work")
        await until(lambda: single.state is RunState.REJECTED)
        await until(lambda: batch.state is BatchState.PAUSED)
        assert single.error == "No API key is stored for the profile “Work”."
        assert batch.pause_reason == single.error
        assert [r.state for r in engine.batch_runs(batch.id)] == [RunState.WAITING] * 2
    finally:
        await engine.close()


async def test_a_failed_download_is_reported_and_the_run_stays_completed(
    harness: Harness,
) -> None:
    async def refuse(url: str, dest: Path) -> Path:
        raise DownloadRejected(
            "too big", user_message="The output file is too large.", reason="too large"
        )

    harness.downloader.download = refuse  # type: ignore[method-assign]
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    await until(
        lambda: (
            harness.scheduler.run_due() >= 0
            and any(isinstance(e, Notice) and e.run_id == run.id for e in harness.events)
        )
    )
    (notice,) = [e for e in harness.events if isinstance(e, Notice)]
    assert notice.message == "Run run_1: 0 of 1 output saved; 1 too large"
    # The output is recorded with its reason, so it can be shown as not saved.
    (record,) = harness.engine.outputs_of(run.id)
    assert record.error == "too large"
    assert not record.path.exists()
    assert run.state is RunState.COMPLETED


# --- batches ----------------------------------------------------------------------------------


async def test_batch_runs_are_sent_in_order_within_the_limit(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    h = Harness(store, client, tmp_path)
    await h.engine.start()
    try:
        batch = await h.engine.submit_batch(
            "Foxes", WF, [{"i": i} for i in range(7)], profile=PROFILE, max_active=3
        )
        await until(lambda: len(client.submitted_inputs) == 3)
        runs = h.engine.batch_runs(batch.id)
        await until(lambda: all(r.state is RunState.PENDING for r in runs[:3]))
        assert [r.state for r in runs[3:]] == [RunState.WAITING] * 4
        for _ in range(7):
            pending = [r for r in runs if r.state is RunState.PENDING]
            for run in pending:
                assert run.request_id is not None
                client.finish(run.request_id)
            await until(lambda p=pending: all(r.state is not RunState.PENDING for r in p))  # type: ignore[misc]
            if all(r.state is RunState.COMPLETED for r in runs):
                break
            await until(lambda: any(r.state is RunState.PENDING for r in runs))
        await until(lambda: all(r.state is RunState.COMPLETED for r in runs))
        assert [x["i"] for x in client.submitted_inputs] == list(range(7))
        await until(lambda: batch.state is BatchState.FINISHED)
    finally:
        await h.engine.close()


async def test_moved_runs_are_sent_in_their_new_order(harness: Harness) -> None:
    engine = harness.engine
    engine.pause_submissions()
    batch = await engine.submit_batch("b", WF, [{"i": i} for i in range(4)], profile=PROFILE)
    ids = list(batch.run_ids)
    assert engine.move(ids[3], -2)  # 0 3 1 2
    assert engine.move(ids[0], 1)  # 3 0 1 2
    assert not engine.move(ids[3], -1)
    # The queue lists runs by creation time: the waiting runs' times now follow the new order.
    created = {rid: engine.run(rid).created_at for rid in ids}  # type: ignore[union-attr]
    assert sorted(ids, key=created.__getitem__) == [ids[3], ids[0], ids[1], ids[2]]
    engine.resume_submissions()
    await until(lambda: len(harness.client.submitted_inputs) == 4)
    assert [x["i"] for x in harness.client.submitted_inputs] == [3, 0, 1, 2]


@pytest.mark.parametrize(
    "error",
    [
        InsufficientCredits(402, server_message="Insufficient credits"),
        Forbidden(403, server_message="PRO subscription required"),
    ],
    ids=["402", "403"],
)
async def test_credits_or_plan_refusal_pauses_the_batch(harness: Harness, error: Exception) -> None:
    client = harness.client
    client.submit_errors.append(error)
    engine = harness.engine
    batch = await engine.submit_batch("b", WF, [{"i": i} for i in range(5)], profile=PROFILE)
    await until(lambda: batch.state is BatchState.PAUSED)
    assert batch.pause_reason == getattr(error, "user_message", None)
    runs = engine.batch_runs(batch.id)
    assert [r.state for r in runs] == [RunState.WAITING] * 5
    assert runs[0].error == batch.pause_reason
    assert client.count("submit") == 1  # the rest were not tried one by one
    engine.resume_batch(batch.id)
    await until(lambda: all(r.state is RunState.COMPLETED for r in runs))
    assert [x["i"] for x in client.submitted_inputs] == list(range(5))
    assert batch.state is BatchState.FINISHED


async def test_three_lost_answers_in_a_row_pause_the_batch(harness: Harness) -> None:
    client = harness.client
    client.submit_errors.extend(
        SubmitUncertain("demo", "text-to-image", {}, None, TimeoutError("no answer"))
        for _ in range(3)
    )
    batch = await harness.engine.submit_batch(
        "b", WF, [{"i": i} for i in range(5)], profile=PROFILE, max_active=1
    )
    await until(lambda: batch.state is BatchState.PAUSED)
    runs = harness.engine.batch_runs(batch.id)
    assert [r.state for r in runs] == [RunState.UNCERTAIN] * 3 + [RunState.WAITING] * 2
    assert client.count("submit") == 3
    harness.engine.resume_batch(batch.id)
    await until(lambda: batch.state is BatchState.FINISHED)
    assert client.count("submit") == 5


async def test_a_single_run_refused_for_credits_is_rejected(harness: Harness) -> None:
    harness.client.submit_errors.append(InsufficientCredits(402))
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.REJECTED)
    assert run.error == InsufficientCredits.default_user_message


# --- cancel -----------------------------------------------------------------------------------


async def test_cancelling_waiting_runs_sends_nothing(harness: Harness) -> None:
    engine = harness.engine
    engine.pause_submissions()
    batch = await engine.submit_batch("b", WF, [{"i": i} for i in range(3)], profile=PROFILE)
    single = await engine.submit(WF, {"i": 9}, profile=PROFILE)
    engine.cancel([batch.run_ids[1], single.id])
    engine.cancel_batch(batch.id)
    assert all(r.state is RunState.CANCELLED for r in engine.batch_runs(batch.id))
    assert single.state is RunState.CANCELLED
    engine.resume_submissions()
    await until(lambda: batch.state is BatchState.FINISHED)
    for _ in range(20):
        await asyncio.sleep(0)
    assert harness.client.calls == []


async def test_cancel_a_queued_and_a_running_run(store: HistoryStore, tmp_path: Path) -> None:
    client = FakeClient(auto_finish=False)
    h = Harness(store, client, tmp_path)
    await h.engine.start()
    try:
        queued = await h.engine.submit(WF, {"i": 1}, profile=PROFILE)
        running = await h.engine.submit(WF, {"i": 2}, profile=PROFILE)
        await until(lambda: queued.state is RunState.PENDING and running.state is RunState.PENDING)
        assert running.request_id is not None
        client.start_node(running.request_id, "prompt-encode")
        await until(lambda: running.state is RunState.IN_PROGRESS)
        h.engine.cancel([queued.id, running.id])
        assert queued.state is RunState.CANCELLING
        assert running.state is RunState.CANCELLING
        await until(lambda: queued.state is RunState.CANCELLED)
        await until(lambda: running.state is RunState.CANCELLED)
        assert queued.credits_refunded == 5.0
        assert running.credits_refunded == 0.0
        assert client.count("cancel") == 2
        # A finished run is not cancelled again.
        h.engine.cancel([queued.id])
        assert client.count("cancel") == 2
    finally:
        await h.engine.close()


async def test_a_cancel_the_stream_does_not_mention_is_confirmed_by_status(
    harness: Harness,
) -> None:
    client = harness.client
    client.auto_finish = False
    client.cancel_emits = False
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    harness.engine.cancel([run.id])
    await until(lambda: run.state is RunState.CANCELLED)
    assert client.count("cancel") == 1
    assert client.count("status") >= 1


async def test_cancel_of_a_run_that_just_finished(store: HistoryStore, tmp_path: Path) -> None:
    client = FakeClient(auto_finish=False)
    h = Harness(store, client, tmp_path)
    await h.engine.start()
    try:
        run = await h.engine.submit(WF, {}, profile=PROFILE)
        await until(lambda: run.state is RunState.PENDING)
        assert run.request_id is not None
        client.runs[run.request_id].status = client.runs[run.request_id].status.COMPLETED
        h.engine.cancel([run.id])
        await until(lambda: run.state is not RunState.CANCELLING)
        assert run.state is RunState.PENDING
        client.finish(run.request_id)
        await until(lambda: run.state is RunState.COMPLETED)
    finally:
        await h.engine.close()


async def test_cancel_while_sending_cancels_once_the_answer_comes(harness: Harness) -> None:
    client = harness.client
    client.auto_finish = False
    gate = client.submit_gate = asyncio.Event()
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: client.count("submit") == 1)
    assert run.state is RunState.SUBMITTING
    harness.engine.cancel([run.id])
    assert run.state is RunState.SUBMITTING  # nothing to cancel on the server yet
    gate.set()
    await until(lambda: run.state is RunState.CANCELLED)
    assert run.request_id is not None
    assert client.count("cancel") == 1
    assert run.credits_refunded == 5.0


async def test_the_limit_of_active_runs_holds_single_runs_back(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    h = Harness(store, client, tmp_path, max_active_runs=1)
    await h.engine.start()
    try:
        first = await h.engine.submit(WF, {"i": 1}, profile=PROFILE)
        second = await h.engine.submit(WF, {"i": 2}, profile=PROFILE)
        await until(lambda: first.state is RunState.PENDING)
        assert second.state is RunState.WAITING
        assert client.count("submit") == 1
        assert first.request_id is not None
        client.finish(first.request_id)
        await until(lambda: second.state is RunState.PENDING)
        assert [x["i"] for x in client.submitted_inputs] == [1, 2]
    finally:
        await h.engine.close()


async def test_a_paused_batch_sends_nothing_until_resumed(harness: Harness) -> None:
    engine = harness.engine
    engine.pause_submissions()
    batch = await engine.submit_batch("b", WF, [{"i": 0}, {"i": 1}], profile=PROFILE)
    engine.pause_batch(batch.id)
    engine.resume_submissions()
    assert batch.state is BatchState.PAUSED
    assert batch.pause_reason == "Paused by you."
    for _ in range(20):
        await asyncio.sleep(0)
    assert harness.client.calls == []
    engine.resume_batch(batch.id)
    await until(lambda: batch.state is BatchState.FINISHED)
    assert harness.client.count("submit") == 2


# --- retry ------------------------------------------------------------------------------------


async def test_retry_makes_linked_new_runs(harness: Harness) -> None:
    client = harness.client
    engine = harness.engine
    client.submit_errors.append(BadRequest(400, server_message="bad seed"))
    run = await engine.submit(WF, {"seed": -1}, profile=PROFILE)
    await until(lambda: run.state is RunState.REJECTED)
    completed = await engine.submit(WF, {"seed": 1}, profile=PROFILE)
    await until(lambda: completed.state is RunState.COMPLETED)
    (again,) = await engine.retry([run.id, completed.id])  # a completed run is not retried
    assert again.retry_of == run.id
    assert again.inputs == run.inputs
    assert again.id != run.id
    await until(lambda: again.state is RunState.COMPLETED)
    assert run.state is RunState.REJECTED


async def test_retry_of_a_batch_run_joins_the_batch(harness: Harness) -> None:
    harness.client.fail_with = "safety check failed"
    engine = harness.engine
    batch = await engine.submit_batch("b", WF, [{"i": 0}, {"i": 1}], profile=PROFILE)
    await until(lambda: batch.state is BatchState.FINISHED)
    failed = engine.batch_runs(batch.id)
    assert all(r.state is RunState.FAILED for r in failed)
    assert failed[0].error == "safety check failed"
    harness.client.fail_with = None
    retried = await engine.retry([r.id for r in failed])
    assert batch.run_ids[-2:] == [r.id for r in retried]
    await until(lambda: all(r.state is RunState.COMPLETED for r in retried))
    await until(lambda: batch.state is BatchState.FINISHED)


# --- tracking ---------------------------------------------------------------------------------


async def test_dropped_streams_are_recovered_with_one_status_each(harness: Harness) -> None:
    client = harness.client
    client.auto_finish = False
    client.drop_stream_after = 1
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    assert run.request_id is not None
    client.start_node(run.request_id, "prompt-encode")
    await until(lambda: run.state is RunState.IN_PROGRESS)
    client.finish(run.request_id)
    await until(lambda: run.state is RunState.COMPLETED)
    assert run.outputs is not None
    streams = client.count("stream")
    assert streams >= 2
    # One status call per reconnect at most (the first connect after a submit needs none).
    assert client.count("status") <= streams - 1


async def test_a_quiet_stream_is_checked_with_a_status_call(harness: Harness) -> None:
    # The run finished before the stream was open, and this server does not replay events.
    client = harness.client
    client.auto_finish = False
    client.replay = False
    client.ping_every = 0.005
    client.drop_stream_after = None
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    assert run.request_id is not None
    client.finish(run.request_id)
    # The open stream never hears of it: only pings reach the engine.
    client.runs[run.request_id].events.clear()
    await until(lambda: run.state is RunState.COMPLETED)
    assert run.outputs is not None
    assert client.count("stream") == 1
    assert client.count("status") >= 1
    assert client.count("result") == 1


async def test_streams_failing_fall_back_to_polling(harness: Harness) -> None:
    client = harness.client
    client.auto_finish = False
    client.stream_open_errors.extend(ServerError(500) for _ in range(50))
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    assert run.request_id is not None
    await until(lambda: client.count("status") >= 2)
    client.finish(run.request_id)
    await until(lambda: run.state is RunState.COMPLETED)
    assert client.count("result") >= 1  # outputs fetched after the poll saw COMPLETED
    assert run.outputs is not None


async def test_a_run_the_server_forgot_keeps_its_record(harness: Harness) -> None:
    client = harness.client
    client.auto_finish = False
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    assert run.request_id is not None
    client.gone.add(run.request_id)
    client.drop_stream_after = 1
    client.start_node(run.request_id, "prompt-encode")
    await until(lambda: run.gone_from_server)
    assert harness.engine.run(run.id) is run
    assert StateGroup.NEEDS_ATTENTION.contains(run)
    assert harness.engine.counts()[StateGroup.NEEDS_ATTENTION] == 1


async def test_visible_runs_get_their_full_result(harness: Harness) -> None:
    engine = harness.engine
    run = await engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    assert harness.client.count("result") == 0
    engine.set_visible_runs([run.id])
    await until(lambda: run.result_fetched)
    assert run.metrics == {"credits_used": 5.0, "total_time_ms": 1200.0}
    assert run.timeline[0].duration == 2.0
    assert harness.client.count("result") == 1


# --- restarts ---------------------------------------------------------------------------------


async def test_restart_marks_uncertain_follows_in_flight_and_pauses_batches(
    store: HistoryStore, tmp_path: Path
) -> None:
    first = Harness(store, FakeClient(auto_finish=False), tmp_path)
    await first.engine.start()
    first.engine.pause_submissions()
    batch = await first.engine.submit_batch("b", WF, [{"i": i} for i in range(3)], profile=PROFILE)
    first.engine.resume_submissions()
    runs = first.engine.batch_runs(batch.id)
    await until(lambda: all(r.state is RunState.PENDING for r in runs))
    client = first.client
    await first.engine.abort()
    # Pretend the app died while sending the second run (its answer never came).
    runs[1].state = RunState.SUBMITTING
    await store.save_run_durably(runs[1])
    await store.save_run_durably(Run.create(WF, {"waiting": True}, PROFILE, batch_id=batch.id))

    second = Harness(store, client, tmp_path)
    second.client.auto_finish = False
    calls_before = len(client.calls)
    await second.engine.start()
    try:
        engine = second.engine
        assert engine.run(runs[1].id) is not None
        assert _state(engine, runs[1].id) is RunState.UNCERTAIN
        assert engine.run(runs[1].id).error == UNCERTAIN_AFTER_RESTART  # type: ignore[union-attr]
        assert engine.batch(batch.id).state is BatchState.PAUSED  # type: ignore[union-attr]
        assert engine.batch(batch.id).pause_reason == PAUSED_AFTER_RESTART  # type: ignore[union-attr]
        for run in (runs[0], runs[2]):
            assert run.request_id is not None
            client.finish(run.request_id)
            await until(lambda r=run: _state(engine, r.id) is RunState.COMPLETED)  # type: ignore[misc]
        new_calls = client.calls[calls_before:]
        assert ("submit", WF) not in new_calls
        # Following again is a reconnect: one status call each re-synchronises.
        assert sorted(k for k, _ in new_calls if k == "status") == ["status", "status"]
    finally:
        await second.engine.close()


async def test_a_long_history_loads_newest_and_unfinished_first(
    store: HistoryStore, tmp_path: Path
) -> None:
    old_waiting = Run.create(WF, {"i": -1}, PROFILE)
    old_waiting.created_at = 1.0
    finished = []
    for i in range(300):
        run = Run.create(WF, {"i": i}, PROFILE)
        run.state = RunState.COMPLETED
        run.created_at = 100.0 + i
        finished.append(run)
    store.save_runs([old_waiting, *finished])
    await store.flush()
    h = Harness(store, FakeClient(), tmp_path)
    h.engine.pause_submissions()
    await h.engine.start()
    try:
        first = h.engine.runs()
        assert len(first) == 201
        assert first[0].inputs == {"i": 299}
        assert first[-1].id == old_waiting.id  # unfinished, however old
        await until(lambda: h.engine.history_complete)
        assert len(h.engine.runs()) == 301
        h.scheduler.run_due()
        added = frozenset().union(*(e.added for e in h.events if isinstance(e, RunsChanged)))
        assert added == {r.id for r in [old_waiting, *finished]}
    finally:
        await h.engine.close()


async def test_the_rest_of_a_long_history_is_announced_a_share_per_frame(
    store: HistoryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fizzly_desktop.core.engine import facade

    monkeypatch.setattr(facade, "OLDER_PER_FRAME", 40)
    finished = []
    for i in range(300):
        run = Run.create(WF, {"i": i}, PROFILE)
        run.state = RunState.COMPLETED
        run.created_at = 100.0 + i
        finished.append(run)
    store.save_runs(finished)
    await store.flush()
    h = Harness(store, FakeClient(), tmp_path)
    shares: list[list[str]] = []
    announce = h.engine._events.runs_added

    def note(ids: Any) -> None:
        shares.append(list(ids))
        announce(shares[-1])

    monkeypatch.setattr(h.engine._events, "runs_added", note)
    h.engine.pause_submissions()
    await h.engine.start()
    try:
        await until(lambda: h.engine.history_complete)
        # The newest 200 at once, then the 100 older ones 40 at a time, newest first.
        assert [len(share) for share in shares] == [200, 40, 40, 20]
        by_id = {run.id: run.inputs["i"] for run in finished}
        older = [by_id[rid] for share in shares[1:] for rid in share]
        assert older == list(range(99, -1, -1))
    finally:
        await h.engine.close()


async def test_a_history_longer_than_a_page_is_taken_in_page_by_page(
    store: HistoryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fizzly_desktop.core.engine import ledger
    from fizzly_desktop.core.history import OutputRecord

    monkeypatch.setattr(ledger, "OLDER_PAGE", 70)
    finished = []
    for i in range(500):
        run = Run.create(WF, {"i": i}, PROFILE)
        run.state = RunState.COMPLETED
        run.created_at = 100.0 + i // 2  # pairs made in the same instant
        finished.append(run)
    store.save_runs(finished)
    oldest = finished[0]
    record = OutputRecord(
        oldest.id,
        "image",
        "https://cdn.test/0.png",
        tmp_path / "0.png",
        None,
        "image/png",
        8,
        8,
        1.0,
    )
    store.save_output(record)
    await store.flush()
    h = Harness(store, FakeClient(), tmp_path)
    removed_meanwhile = finished[10].id
    h.engine.library.removed.add(removed_meanwhile)
    h.engine.pause_submissions()
    await h.engine.start()
    try:
        await until(lambda: h.engine.history_complete)
        known = {run.id for run in h.engine.runs()}
        assert known == {run.id for run in finished} - {removed_meanwhile}
        # The oldest run came with the last page, its saved output with it.
        assert h.engine.outputs_of(oldest.id) == [record]
    finally:
        await h.engine.close()


async def test_close_leaves_no_task_behind(store: HistoryStore, tmp_path: Path) -> None:
    h = Harness(store, FakeClient(auto_finish=False), tmp_path)
    await h.engine.start()
    await h.engine.submit_batch("b", WF, [{"i": i} for i in range(3)], profile=PROFILE)
    await until(lambda: len(h.client.submitted_inputs) == 3)
    await h.engine.close()
    current = asyncio.current_task()
    leftovers = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    assert leftovers == []
    assert h.client.closed
    with pytest.raises(RuntimeError, match="closed"):
        await h.engine.submit(WF, {}, profile=PROFILE)


# --- queries and events -----------------------------------------------------------------------


async def test_events_are_coalesced_per_frame(harness: Harness) -> None:
    engine = harness.engine
    harness.scheduler.run_due()
    harness.events.clear()
    run = await engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    assert harness.events == []  # nothing is delivered until the frame
    harness.scheduler.run_due()
    runs_events = [e for e in harness.events if isinstance(e, RunsChanged)]
    assert runs_events == [RunsChanged(added=frozenset({run.id}))]


async def test_queries_by_group_workflow_and_batch(harness: Harness) -> None:
    engine = harness.engine
    harness.client.fail_with = "boom"
    failed = await engine.submit("demo/broken-pipeline", {}, profile=PROFILE)
    await until(lambda: failed.state is RunState.FAILED)
    harness.client.fail_with = None
    engine.pause_submissions()
    batch = await engine.submit_batch("b", WF, [{}, {}], profile=PROFILE)
    counts = engine.counts()
    assert counts[StateGroup.ALL] == 3
    assert counts[StateGroup.FAILED] == 1
    assert counts[StateGroup.QUEUED] == 2
    assert [r.id for r in engine.runs(StateGroup.FAILED)] == [failed.id]
    every = engine.runs()
    every[0].gone_from_server = True  # a waiting run the server forgot is also counted once
    engine.touch(every[0])
    assert engine.counts() == {g: sum(1 for r in every if g.contains(r)) for g in StateGroup}
    assert engine.counts(workflow=WF) == {
        g: sum(1 for r in every if g.contains(r) and r.workflow == WF) for g in StateGroup
    }
    every[0].gone_from_server = False
    engine.touch(every[0])
    assert len(engine.runs(workflow=WF)) == 2
    assert len(engine.runs(batch_id=batch.id)) == 2
    assert engine.workflows() == ["demo/broken-pipeline", WF]
    first, second = batch.run_ids
    removed = await engine.library.remove_from_history([failed.id, first])
    assert removed == [failed.id, first]
    assert engine.run(failed.id) is None
    assert batch.run_ids == [second]
    assert [r.id for r in engine.runs(batch_id=batch.id)] == [second]


async def test_reconnect_closes_the_client_and_opens_a_new_one_on_next_use(
    harness: Harness,
) -> None:
    engine = harness.engine
    first = await engine.submit(WF, {"i": 1}, profile=PROFILE)
    await until(lambda: _state(engine, first.id) is RunState.COMPLETED)
    assert harness.opened == [PROFILE]
    await engine.reconnect(PROFILE)  # e.g. its key was replaced in the Profiles dialog
    assert harness.client.closed
    harness.client.closed = False
    second = await engine.submit(WF, {"i": 2}, profile=PROFILE)
    await until(lambda: _state(engine, second.id) is RunState.COMPLETED)
    assert harness.opened == [PROFILE, PROFILE]


# --- what a workflow's runs go through --------------------------------------------------------


async def test_expected_nodes_come_from_the_latest_completed_run(harness: Harness) -> None:
    engine = harness.engine
    assert engine.expected_nodes(WF) == []
    assert engine.node_count(WF) is None
    run = await engine.submit(WF, {"prompt": "a fox"}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    assert engine.expected_nodes(WF) == list(NODES)
    assert engine.node_count(WF) == len(NODES)
    # The caller gets its own list: changing it changes nothing in the engine.
    engine.expected_nodes(WF).append("extra")
    assert engine.expected_nodes(WF) == list(NODES)
    assert engine.expected_nodes("demo/other") == []


async def test_older_runs_loaded_later_do_not_replace_the_newest_nodes(
    store: HistoryStore, tmp_path: Path
) -> None:
    def completed(created_at: float, nodes: list[str]) -> Run:
        run = Run.create(WF, {"t": created_at}, PROFILE)
        run.state = RunState.COMPLETED
        run.created_at = created_at
        run.timeline = [NodeEntry(node, NodeState.COMPLETED) for node in nodes]
        return run

    # Older than the first load (which takes the newest 200), and shaped differently.
    old = [completed(float(i), ["old-node"]) for i in range(50)]
    new = [completed(1000.0 + i, ["encode", "generate", "upscale"]) for i in range(200)]
    store.save_runs([*old, *new])
    await store.flush()
    h = Harness(store, FakeClient(), tmp_path)
    await h.engine.start()
    try:
        await until(lambda: h.engine.history_complete)
        assert len(h.engine.runs()) == 250
        assert h.engine.expected_nodes(WF) == ["encode", "generate", "upscale"]
    finally:
        await h.engine.close()


async def test_slow_answers_let_a_few_batch_submits_wait_at_once_and_no_more(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    client.submit_gate = asyncio.Event()  # every answer is late
    first = Harness(store, client, tmp_path, submit_patience=0.001, batch_submits_in_flight=2)
    await first.engine.start()
    batch = await first.engine.submit_batch("b", WF, [{"i": i} for i in range(5)], profile=PROFILE)
    runs = first.engine.batch_runs(batch.id)
    await until(lambda: client.count("submit") == 2)
    assert [r.state for r in runs] == [RunState.SUBMITTING] * 2 + [RunState.WAITING] * 3
    # A crash now leaves only the runs whose answers were awaited in doubt.
    await first.engine.abort()

    second = Harness(store, FakeClient(auto_finish=False), tmp_path)
    await second.engine.start()
    try:
        states = [_state(second.engine, r.id) for r in runs]
        assert states == [RunState.UNCERTAIN] * 2 + [RunState.WAITING] * 3
        assert second.engine.batch(batch.id).state is BatchState.PAUSED  # type: ignore[union-attr]
        assert second.client.count("submit") == 0
    finally:
        await second.engine.close()


async def test_once_answers_come_batch_submits_overlap_up_to_the_bound_a_crash_respects(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    gate = client.submit_gate = asyncio.Event()
    gate.set()

    def hold_from_the_second(inputs: Mapping[str, Any]) -> None:
        if inputs["i"] >= 1:
            gate.clear()  # the first answer came; the next ones are on their way

    client.before_submit = hold_from_the_second
    # Patience far beyond the test: only the answered first submit lets the others overlap.
    first = Harness(
        store,
        client,
        tmp_path,
        submit_patience=600.0,
        batch_submits_in_flight=3,
        max_active_runs=20,
    )
    await first.engine.start()
    batch = await first.engine.submit_batch(
        "b", WF, [{"i": i} for i in range(8)], profile=PROFILE, max_active=20
    )
    runs = first.engine.batch_runs(batch.id)
    await until(lambda: client.count("submit") == 4)
    for _ in range(50):  # let the dispatcher go on as far as it would
        await asyncio.sleep(0)
    assert client.count("submit") == 4  # the answered one and three awaiting answers
    states = [r.state for r in runs]
    assert states[1:] == [RunState.SUBMITTING] * 3 + [RunState.WAITING] * 4
    assert runs[0].request_id is not None
    await first.engine.abort()

    # Each overlapping submit had its row committed first: a crash leaves three in doubt.
    second = Harness(store, FakeClient(auto_finish=False), tmp_path)
    await second.engine.start()
    try:
        after = [_state(second.engine, r.id) for r in runs]
        assert after[1:] == [RunState.UNCERTAIN] * 3 + [RunState.WAITING] * 4
        assert after[0] is not RunState.UNCERTAIN
        assert second.client.count("submit") == 0
    finally:
        await second.engine.close()


async def test_late_answers_still_arrive_and_the_batch_is_sent_in_order(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient()
    gate = client.submit_gate = asyncio.Event()
    h = Harness(store, client, tmp_path, submit_patience=0.001, batch_submits_in_flight=3)
    await h.engine.start()
    try:
        batch = await h.engine.submit_batch("b", WF, [{"i": i} for i in range(6)], profile=PROFILE)
        await until(lambda: client.count("submit") == 3)
        gate.set()
        await until(lambda: batch.state is BatchState.FINISHED)
        runs = h.engine.batch_runs(batch.id)
        assert all(r.state is RunState.COMPLETED for r in runs)
        assert client.count("submit") == 6
        # Sent in batch order (answers may come in any order).
        assert sorted(client.submitted_inputs[:3], key=lambda x: x["i"]) == [
            {"i": 0},
            {"i": 1},
            {"i": 2},
        ]
        assert client.submitted_inputs[3:] == [{"i": 3}, {"i": 4}, {"i": 5}]
    finally:
        await h.engine.close()


async def test_moved_outputs_are_found_again_after_a_restart(
    harness: Harness, store: HistoryStore, tmp_path: Path
) -> None:
    from fizzly_desktop.core.export import relocate, saved_files

    engine = harness.engine
    run = await engine.submit(WF, {"prompt": "a fox"}, profile=PROFILE)
    await until(lambda: bool(engine.outputs_of(run.id)))
    old_base = engine.settings.outputs_folder or Path("/nowhere")
    files = saved_files(old_base, [r.path for r in engine.saved_outputs()])
    assert files.count == 1
    moved = relocate(files, tmp_path / "new", move=True)
    harness.events.clear()

    assert engine.outputs_relocated(moved.moved) == [run.id]

    (record,) = engine.outputs_of(run.id)
    assert record.path.is_relative_to(tmp_path / "new")
    assert record.path.read_bytes() == b"\x89PNG fake"
    assert read_sidecar(record.sidecar_path or Path("/nowhere")).workflow == WF
    harness.scheduler.run_due()
    assert any(isinstance(e, RunsChanged) and run.id in e.all_ids for e in harness.events)
    await store.flush()
    assert store.outputs_of(run.id) == [record]
