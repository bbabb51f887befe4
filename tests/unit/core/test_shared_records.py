"""A settled run is held once: the views keep the engine's record, which is then never changed
in place (the ledger changes a copy that takes its place)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from fizzly_desktop.core.batches import Batch
from fizzly_desktop.core.engine.batch_book import BatchBook
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.runs import Run, RunState

OLD = "http://127.0.0.1:5000"
NEW = "http://127.0.0.1:6000"


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[RunLedger]:
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield RunLedger(store, EngineSettings(), EngineLife(), None)
    store.close()


def settled_run(**changes: object) -> Run:
    run = Run.create("demo/x", {"prompt": "a lighthouse"}, "Sandbox")
    run.state = RunState.COMPLETED
    run.request_id = "req_1"
    run.status_url = f"{OLD}/workflows/demo/x/requests/req_1/status"
    run.result_fetched = True
    run.outputs = {"image": {"url": f"{OLD}/o.png"}}
    for name, value in changes.items():
        setattr(run, name, value)
    return run


def test_a_settled_run_is_shared_and_a_run_still_changing_is_copied() -> None:
    settled = settled_run()
    assert settled.snapshot() is settled
    assert settled.shared
    running = settled_run(state=RunState.IN_PROGRESS, result_fetched=False)
    copy = running.snapshot()
    assert copy is not running
    assert copy == running
    assert not running.shared
    # Finished, but its result not fetched yet: the engine will still change it.
    unfetched = settled_run(result_fetched=False)
    assert unfetched.snapshot() is not unfetched


def test_a_copy_of_a_shared_record_is_not_shared() -> None:
    run = settled_run()
    run.snapshot()
    copy = run.copy()
    assert run.shared
    assert not copy.shared
    assert copy == run  # sharing is not part of what a run is


async def test_a_shared_record_is_replaced_not_changed_when_its_server_moves(
    ledger: RunLedger,
) -> None:
    run = settled_run()
    ledger.add([run])
    held = run.snapshot()  # what a view keeps
    before = dataclasses.replace(held)
    assert ledger.move_addresses("Sandbox", OLD, NEW) == [run.id]
    record = ledger.runs[run.id]
    assert record is not held
    assert record.status_url == f"{NEW}/workflows/demo/x/requests/req_1/status"
    # The view's record is as it was, field by field, until a change brings the new one.
    assert held == before
    assert held.status_url == f"{OLD}/workflows/demo/x/requests/req_1/status"
    # The copy is the record now: changed again, in place, until it is shared in turn.
    assert ledger.writable(record) is record


async def test_a_record_never_shared_is_changed_in_place(ledger: RunLedger) -> None:
    run = settled_run()
    ledger.add([run])
    assert ledger.move_addresses("Sandbox", OLD, NEW) == [run.id]
    assert ledger.runs[run.id] is run
    assert run.status_url is not None
    assert run.status_url.startswith(NEW)


async def test_pausing_a_batch_leaves_its_shared_finished_runs_as_they_were(
    ledger: RunLedger,
) -> None:
    done = settled_run()
    waiting = Run.create("demo/x", {}, "Sandbox")
    ledger.add([done, waiting])
    held = done.snapshot()
    batch = Batch.create("A batch", "demo/x", "Sandbox")
    batch.run_ids = [done.id, waiting.id]
    batch.pause("paused by the user")
    BatchBook(ledger).mark_held(batch)
    assert not held.held
    assert ledger.runs[done.id] is not held
    assert ledger.runs[done.id].held
    assert ledger.runs[waiting.id] is waiting
    assert waiting.held
