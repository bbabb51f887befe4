"""Runs out of contact (decision 10): lost, unknown to the server, checked again, moved, kept."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from fizzly_desktop.api.errors import UnsafeUrl
from fizzly_desktop.core.history import MIGRATIONS, HistoryStore, migrate
from fizzly_desktop.core.runs import Contact, Run, RunState, StateGroup, group_counts
from fizzly_desktop.core.tracking import LOST_ADDRESS, LOST_UNREACHABLE
from tests.unit.core.fake_client import FakeClient
from tests.unit.core.test_engine import FAST, PROFILE, WF, Harness, until

#: Lost after a tenth of a second without any answer (the default is 45 s).
QUICK_LOSS = dataclasses.replace(FAST, lost_after=0.1)


@pytest.fixture
def store(tmp_path: Path) -> AsyncIterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


@pytest.fixture
async def harness(store: HistoryStore, tmp_path: Path) -> AsyncIterator[Harness]:
    h = Harness(store, FakeClient(auto_finish=False), tmp_path, tracking=QUICK_LOSS)
    await h.engine.start()
    yield h
    await h.engine.close()


def running_run(**changes: Any) -> Run:
    run = Run.create(WF, {}, PROFILE)
    run.state = RunState.IN_PROGRESS
    run.request_id = "run_9"
    run.submitted_at = 1000.0
    run.started_at = 1000.0
    for name, value in changes.items():
        setattr(run, name, value)
    return run


# --- the run ---------------------------------------------------------------------------------


def test_a_lost_run_says_so_and_its_clock_stops() -> None:
    run = running_run()
    assert run.state_words == RunState.IN_PROGRESS.label
    assert run.elapsed(now=1030.0) == 30.0
    run.lose_contact(Contact.LOST, now=1010.0)
    assert run.state_words == "Lost contact"
    assert run.elapsed(now=5000.0) == 10.0  # not counting while nothing is heard
    assert run.needs_attention
    assert run.can_check_again
    assert run.can_run_again
    run.regain_contact()
    assert run.contact is Contact.IN_TOUCH
    assert run.contact_lost_at is None
    assert run.elapsed(now=1030.0) == 30.0
    assert not run.needs_attention
    assert not run.can_run_again


def test_gone_from_server_is_the_unknown_contact() -> None:
    run = running_run()
    run.gone_from_server = True
    assert run.contact is Contact.UNKNOWN
    assert run.state_words == "Unknown to the server"
    run.gone_from_server = False
    assert run.contact is Contact.IN_TOUCH


def test_out_of_contact_runs_count_under_attention_only() -> None:
    lost = running_run()
    lost.lose_contact(Contact.LOST)
    fine = running_run()
    counts = group_counts([lost, fine])
    assert counts[StateGroup.ACTIVE] == 1
    assert counts[StateGroup.NEEDS_ATTENTION] == 1
    assert not StateGroup.ACTIVE.contains(lost)
    assert StateGroup.NEEDS_ATTENTION.contains(lost)


# --- the history -----------------------------------------------------------------------------


def test_contact_is_kept_in_the_history(store: HistoryStore) -> None:
    run = running_run()
    run.lose_contact(Contact.LOST, now=1010.0)
    store.save_run(run).result()
    again = store.get_run(run.id)
    assert again is not None
    assert again.contact is Contact.LOST
    assert again.contact_lost_at == 1010.0


def test_a_version_3_file_keeps_its_forgotten_runs_unknown(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, key_fingerprint, state, inputs, created_at, "
        "updated_at, gone_from_server) VALUES ('r1', ?, ?, '', 'IN_PROGRESS', '{}', 1, 7, 1)",
        (WF, PROFILE),
    )
    conn.close()
    store = HistoryStore(path)
    try:
        assert store.schema_version == len(MIGRATIONS)
        run = store.get_run("r1")
        assert run is not None
        assert run.contact is Contact.UNKNOWN
        assert run.contact_lost_at == 7.0
    finally:
        store.close()


def test_moving_addresses_in_the_file_changes_only_that_server(store: HistoryStore) -> None:
    old = "http://127.0.0.1:5000"
    moved = running_run(status_url=f"{old}/workflows/demo/x/requests/a/status")
    other_port = running_run(status_url="http://127.0.0.1:50001/workflows/demo/x/requests/b")
    other_profile = running_run(status_url=f"{old}/workflows/demo/x/requests/c", profile="Work")
    store.save_runs([moved, other_port, other_profile]).result()
    store.move_addresses(PROFILE, old + "/", "http://127.0.0.1:6000").result()
    assert store.get_run(moved.id).status_url == (  # type: ignore[union-attr]
        "http://127.0.0.1:6000/workflows/demo/x/requests/a/status"
    )
    assert store.get_run(other_port.id).status_url == other_port.status_url  # type: ignore[union-attr]
    assert store.get_run(other_profile.id).status_url == other_profile.status_url  # type: ignore[union-attr]


# --- the engine ------------------------------------------------------------------------------


async def test_a_run_whose_server_stops_answering_is_lost_then_checked_again(
    harness: Harness,
) -> None:
    engine, client = harness.engine, harness.client
    run = await engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    assert run.request_id is not None
    client.start_node(run.request_id, "prompt-encode")
    await until(lambda: run.state is RunState.IN_PROGRESS)
    client.go_down()
    await until(lambda: run.contact is Contact.LOST)
    assert run.error == LOST_UNREACHABLE
    assert run.state_words == "Lost contact"
    assert engine.counts()[StateGroup.NEEDS_ATTENTION] == 1
    assert engine.counts()[StateGroup.ACTIVE] == 0
    # Still down: checking again changes nothing and says it did not answer.
    assert await engine.check_again([run.id]) == []
    assert run.contact is Contact.LOST
    client.down = False
    assert await engine.check_again([run.id]) == [run.id]
    assert run.contact is Contact.IN_TOUCH
    assert run.error is None
    assert engine.counts()[StateGroup.ACTIVE] == 1
    client.finish(run.request_id)
    await until(lambda: run.state is RunState.COMPLETED)


async def test_a_run_pointing_away_from_its_profile_is_lost_at_once(harness: Harness) -> None:
    engine, client = harness.engine, harness.client
    client.stream_open_errors.append(UnsafeUrl("refused to send the API key to elsewhere"))
    run = await engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.contact is Contact.LOST)
    assert run.error == LOST_ADDRESS
    assert client.count("stream") == 1  # not retried: the key is never sent there


async def test_a_lost_run_can_be_forgotten_run_again_or_cancelled(harness: Harness) -> None:
    engine, client = harness.engine, harness.client
    runs = [await engine.submit(WF, {"i": i}, profile=PROFILE) for i in range(3)]
    await until(lambda: all(r.state is RunState.PENDING for r in runs))
    client.go_down()
    await until(lambda: all(r.contact is Contact.LOST for r in runs))
    forget, again, cancel = runs
    assert await engine.check_again([forget.id]) == []  # still down: nothing changes
    assert all(r.contact is Contact.LOST for r in runs)
    assert await engine.library.remove_from_history([forget.id]) == [forget.id]
    assert engine.run(forget.id) is None
    client.down = False
    (new,) = await engine.retry([again.id])
    assert new.retry_of == again.id
    assert new.inputs == {"i": 1}
    await until(lambda: new.state is RunState.PENDING)
    engine.cancel([cancel.id])
    await until(lambda: cancel.state is RunState.CANCELLED)


async def test_a_lost_run_is_checked_once_after_a_restart(
    store: HistoryStore, tmp_path: Path
) -> None:
    client = FakeClient(auto_finish=False)
    first = Harness(store, client, tmp_path, tracking=QUICK_LOSS)
    await first.engine.start()
    run = await first.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.PENDING)
    client.go_down()
    await until(lambda: run.contact is Contact.LOST)
    await first.engine.close()
    client.down = False
    second = Harness(store, client, tmp_path, tracking=QUICK_LOSS)
    await second.engine.start()
    try:
        again = second.engine.run(run.id)
        assert again is not None
        await until(lambda: again.contact is Contact.IN_TOUCH)
        assert again.request_id is not None
        client.finish(again.request_id)
        await until(lambda: again.state is RunState.COMPLETED)
    finally:
        await second.engine.close()


async def test_runs_move_with_their_server_before_being_followed(
    store: HistoryStore, tmp_path: Path
) -> None:
    run = running_run(
        status_url="http://127.0.0.1:5000/workflows/demo/x/requests/run_9/status",
        response_url="http://127.0.0.1:5000/workflows/demo/x/requests/run_9",
        cancel_url=None,
    )
    store.save_run(run).result()
    h = Harness(store, FakeClient(auto_finish=False), tmp_path, tracking=QUICK_LOSS)
    h.engine.pause_submissions()
    await h.engine.start(
        moved=[(PROFILE, "http://127.0.0.1:5000", "http://127.0.0.1:6000"), ("Work", "a", "b")]
    )
    try:
        moved = h.engine.run(run.id)
        assert moved is not None
        assert moved.status_url == "http://127.0.0.1:6000/workflows/demo/x/requests/run_9/status"
        assert moved.response_url == "http://127.0.0.1:6000/workflows/demo/x/requests/run_9"
        assert moved.cancel_url is None
        await h.engine.flush()
        assert store.get_run(run.id).status_url == moved.status_url  # type: ignore[union-attr]
    finally:
        await h.engine.close()


async def test_a_quiet_run_is_checked_after_several_times_its_usual_duration(
    store: HistoryStore, tmp_path: Path
) -> None:
    tracking = dataclasses.replace(QUICK_LOSS, quiet_resync=60.0, quiet_factor=3.0, quiet_floor=0)
    client = FakeClient(auto_finish=False)
    h = Harness(store, client, tmp_path, tracking=tracking)
    await h.engine.start()
    try:
        learned = await h.engine.submit(WF, {}, profile=PROFILE)
        await until(lambda: learned.state is RunState.PENDING)
        assert learned.request_id is not None
        client.finish(learned.request_id)
        await until(lambda: learned.state is RunState.COMPLETED)
        assert h.engine._ledger.expected_duration(WF) is not None
        client.ping_every = 0.01
        quiet = await h.engine.submit(WF, {}, profile=PROFILE)
        await until(lambda: quiet.state is RunState.PENDING)
        before = client.count("status")
        # Its usual duration is milliseconds here: pings alone soon bring a status call.
        await until(lambda: client.count("status") > before)
    finally:
        await h.engine.close()


async def test_a_server_back_for_one_run_is_asked_about_its_other_lost_runs(
    harness: Harness,
) -> None:
    engine, client = harness.engine, harness.client
    runs = [await engine.submit(WF, {"i": i}, profile=PROFILE) for i in range(3)]
    await until(lambda: all(r.state is RunState.PENDING for r in runs))
    client.go_down()
    await until(lambda: all(r.contact is Contact.LOST for r in runs))
    client.down = False
    assert await engine.check_again([runs[0].id]) == [runs[0].id]
    await until(lambda: all(r.contact is Contact.IN_TOUCH for r in runs))
