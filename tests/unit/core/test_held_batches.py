"""Held batches: paused ones are announced with their waiting runs, and Resume says why it
cannot send."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fizzly_desktop.api.errors import ConnectionFailed
from fizzly_desktop.core.batches import Batch
from fizzly_desktop.core.engine import PAUSED_AFTER_RESTART, ProfileConnection, RunEngine
from fizzly_desktop.core.held_batches import SENDING_PAUSED, HeldBatch, held_batches
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.runs import Run, RunState, StateGroup
from tests.unit.core.fake_client import FakeClient
from tests.unit.core.test_engine import PROFILE, WF, Harness, settings, until


@pytest.fixture
def store(tmp_path: Path) -> AsyncIterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


def test_the_words_of_a_held_batch() -> None:
    paused = HeldBatch("b", "Slow render × 12", 4, True, None)
    assert paused.text == "Batch “Slow render × 12” is paused: 4 runs not sent yet."
    why = HeldBatch("b", "Slow", 1, True, "No API key.")
    assert why.text == "Batch “Slow” is paused: 1 run not sent yet. No API key."
    stuck = HeldBatch("b", "Slow", 2, False, "no answer")
    assert stuck.text == "Batch “Slow” cannot send its 2 runs not sent yet: no answer"


def test_only_batches_with_waiting_runs_not_being_sent_are_held() -> None:
    batch = Batch.create("B", WF, PROFILE)
    runs = {}
    for i in range(3):
        run = Run.create(WF, {"i": i}, PROFILE, batch_id=batch.id)
        runs[run.id] = run
        batch.run_ids.append(run.id)
    assert held_batches([batch], runs, sending_paused=False) == []
    assert held_batches([batch], runs, sending_paused=True)[0].reason == SENDING_PAUSED
    first = runs[batch.run_ids[0]]
    first.error = "The app could not reach the Fizzly service."
    (stuck,) = held_batches([batch], runs, sending_paused=False)
    assert not stuck.paused
    assert stuck.reason == first.error
    batch.pause("Paused by you.")
    (paused,) = held_batches([batch], runs, sending_paused=False)
    assert paused.paused
    assert paused.waiting == 3
    for run in runs.values():
        run.state = RunState.CANCELLED
    assert held_batches([batch], runs, sending_paused=False) == []


async def test_a_batch_paused_by_a_restart_is_announced_and_counted(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    first = Harness(store, client, tmp_path)
    await first.engine.start()
    first.engine.pause_submissions()
    batch = await first.engine.submit_batch(
        "Slow render", WF, [{"i": i} for i in range(4)], profile=PROFILE
    )
    await first.engine.abort()

    second = Harness(store, client, tmp_path)
    await second.engine.start()
    try:
        engine = second.engine
        (held,) = engine.held_batches()
        assert held.batch_id == batch.id
        assert held.paused
        assert held.waiting == 4
        assert (
            held.text
            == f"Batch “Slow render” is paused: 4 runs not sent yet. {PAUSED_AFTER_RESTART}"
        )
        assert engine.counts()[StateGroup.NEEDS_ATTENTION] == 4
        assert len(engine.runs(StateGroup.NEEDS_ATTENTION)) == 4
        engine.resume_batch(batch.id)
        assert engine.held_batches() == []
        assert engine.counts()[StateGroup.NEEDS_ATTENTION] == 0
        await until(lambda: client.count("submit") >= 1)
    finally:
        await second.engine.close()


async def test_resume_without_a_usable_key_says_why(store: HistoryStore, tmp_path: Path) -> None:
    async def no_key(profile: str) -> ProfileConnection:
        raise RuntimeError("No API key for this profile: open Profiles… and enter it.")

    engine = RunEngine(store, no_key, settings=settings(tmp_path))
    await engine.start()
    try:
        engine.pause_submissions()
        batch = await engine.submit_batch("B", WF, [{}, {}], profile=PROFILE)
        engine.pause_batch(batch.id)
        engine.resume_submissions()
        engine.resume_batch(batch.id)
        await until(lambda: bool(engine.held_batches()) and engine.held_batches()[0].paused)
        (held,) = engine.held_batches()
        assert held.reason is not None
        assert "No API key" in held.reason
    finally:
        await engine.close()


async def test_resume_against_an_unreachable_server_says_why(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    h = Harness(store, client, tmp_path)
    await h.engine.start()
    try:
        engine = h.engine
        engine.pause_submissions()
        batch = await engine.submit_batch("B", WF, [{}, {}], profile=PROFILE)
        client.submit_errors.extend([ConnectionFailed("refused")] * 5)
        engine.resume_submissions()
        await until(lambda: bool(engine.held_batches()))
        (held,) = engine.held_batches()
        assert held.batch_id == batch.id
        assert not held.paused
        assert held.reason == ConnectionFailed.default_user_message
    finally:
        await h.engine.close()
