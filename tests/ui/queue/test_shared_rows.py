"""The queue shows a settled run from the engine's own record, and follows a later change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings
from fizzly_desktop.core.events import RunsChanged
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.bridge import EngineBridge, EngineDelta
from fizzly_desktop.ui.queue.columns import Column
from fizzly_desktop.ui.queue.run_table import RunTableModel
from tests.ui.test_presenters import ScriptedEngine


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[RunLedger]:
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield RunLedger(store, EngineSettings(), EngineLife(), None)
    store.close()


def settled_run() -> Run:
    run = Run.create("demo/text-to-image", {"prompt": "a lighthouse"}, "Sandbox")
    run.state = RunState.COMPLETED
    run.result_fetched = True
    run.credits_used = 8.0
    return run


def publish(engine: ScriptedEngine, bridge: EngineBridge, event: RunsChanged) -> EngineDelta:
    deltas: list[EngineDelta] = []
    bridge.delta_published.connect(deltas.append)
    engine.frame(event)  # no running loop: published at once
    bridge.delta_published.disconnect(deltas.append)
    (delta,) = deltas
    return delta


def test_the_queue_holds_the_engines_record_and_a_change_through_the_ledger_reaches_it(
    qtbot: QtBot, ledger: RunLedger
) -> None:
    run, running = settled_run(), Run.create("demo/text-to-image", {}, "Sandbox")
    ledger.add([run, running])
    engine = ScriptedEngine([])
    engine.runs = ledger.runs  # the bridge reads the ledger's records
    bridge = EngineBridge()
    bridge.attach(engine)  # type: ignore[arg-type]
    model = RunTableModel()
    try:
        delta = publish(engine, bridge, RunsChanged(added=frozenset({run.id, running.id})))
        model.apply(added=delta.added)
        # The settled run is held once; the one still changing is a copy.
        assert model.run(run.id) is run
        assert model.run(running.id) is not running
        row = model.row_of(run.id)
        assert row is not None
        assert model.cell(row, Column.CREDITS)[0] == "8"

        record = ledger.writable(run)
        record.credits_used = 3.0
        assert run.credits_used == 8.0  # what the queue holds was not changed in place
        delta = publish(engine, bridge, RunsChanged(updated=frozenset({run.id})))
        with qtbot.waitSignal(model.dataChanged, timeout=1000):
            model.apply(updated=delta.updated)
        assert model.run(run.id) is record
        assert model.cell(row, Column.CREDITS)[0] == "3"
    finally:
        bridge.detach()


def test_a_record_changed_in_place_repaints_its_whole_row(qtbot: QtBot) -> None:
    run = settled_run()
    model = RunTableModel()
    model.apply(added=[run])
    assert model.cell(0, Column.CREDITS)[0] == "8"
    run.credits_used = 5.0  # not through the ledger: nothing to compare it with
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: spans.append((first.column(), last.row())))
    model.apply(updated=[run])
    assert {column for column, _ in spans} == set(range(model.columnCount()))
    assert model.cell(0, Column.CREDITS)[0] == "5"
