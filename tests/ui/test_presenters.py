"""The presenters and the bridge: each view follows the engine through one delta per frame.

The bridge is driven by a scripted engine (what one frame delivers is exact); the presenters
run in the real app against its own sandbox child, as in test_main_window.
"""

from __future__ import annotations

from collections.abc import Callable

import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.events import BatchesChanged, ChangeEvent, Notice, RunsChanged
from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.ui.bridge import EngineBridge, EngineDelta
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.presenters.form import NO_KEY
from fizzly_desktop.ui.shell.status_bar import Connection
from tests.fixtures.app import in_app, pick, until

# --- the bridge ------------------------------------------------------------------------------


class ScriptedEngine:
    """Holds runs by id and lets a test deliver the engine's events of one frame."""

    def __init__(self, runs: list[Run]) -> None:
        self.runs = {run.id: run for run in runs}
        self.listeners: list[Callable[[ChangeEvent], None]] = []

    def subscribe(self, listener: Callable[[ChangeEvent], None]) -> Callable[[], None]:
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    def run(self, run_id: str) -> Run | None:
        return self.runs.get(run_id)

    def frame(self, *events: ChangeEvent) -> None:
        for event in events:
            for listener in list(self.listeners):
                listener(event)


def make_runs(count: int) -> list[Run]:
    return [
        Run.create("demo/text-to-image", {"prompt": f"p{i}"}, profile="x") for i in range(count)
    ]


def test_bridge_publishes_one_delta_per_frame_with_runs_copied_once(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    first, second, gone = make_runs(3)
    engine = ScriptedEngine([first, second, gone])
    bridge = EngineBridge()
    bridge.attach(engine)  # type: ignore[arg-type]
    deltas: list[EngineDelta] = []
    notices: list[Notice] = []
    bridge.delta_published.connect(deltas.append)
    bridge.notice_posted.connect(notices.append)

    async def scenario() -> None:
        engine.frame(
            RunsChanged(
                added=frozenset({first.id}),
                updated=frozenset({second.id, gone.id}),
                removed=frozenset({gone.id}),
            ),
            BatchesChanged(updated=frozenset({"b1"})),
            Notice("A batch was paused."),
        )
        assert deltas == []  # published once the engine's flush has returned
        await until(lambda: len(deltas) == 1)

    try:
        qloop.run_until_complete(scenario())
    finally:
        bridge.detach()
    (delta,) = deltas
    assert [run.id for run in delta.added] == [first.id]
    assert [run.id for run in delta.updated] == [second.id]
    assert delta.removed == frozenset({gone.id})
    assert delta.batches_updated == frozenset({"b1"})
    assert delta.changed_ids() == frozenset({first.id, second.id})
    # Snapshots: the engine keeps changing its own runs; every view shares the one copy.
    assert delta.added[0] is not first
    assert delta.added[0].inputs == first.inputs
    assert [n.message for n in notices] == ["A batch was paused."]
    engine.frame(RunsChanged(updated=frozenset({first.id})))
    bridge.publish()
    assert len(deltas) == 1  # nothing relayed after detach


def test_bridge_publishes_right_away_without_a_running_loop(qtbot: QtBot) -> None:
    (run,) = make_runs(1)
    engine = ScriptedEngine([run])
    bridge = EngineBridge()
    bridge.attach(engine)  # type: ignore[arg-type]
    try:
        with qtbot.waitSignal(bridge.delta_published, timeout=1000) as published:
            engine.frame(RunsChanged(updated=frozenset({run.id})))
    finally:
        # The engine's listener list and the bridge refer to each other: break the cycle here,
        # so that the garbage collector never frees the bridge on a worker thread.
        bridge.detach()
    delta = published.args[0]
    assert isinstance(delta, EngineDelta)
    assert [r.id for r in delta.updated] == [run.id]
    assert not delta.batches_changed


# --- the presenters, in the app --------------------------------------------------------------


def test_queue_details_and_counts_follow_a_run_through_the_deltas(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        assert app.form.workflow is not None
        await app.form.run_inputs(
            app.form.workflow,
            [{"prompt": "a quiet harbour", "width": 256, "height": 256}],
            app.profiles.active_name,
        )
        await until(lambda: len(app.run_model.runs()) == 1)
        (run,) = app.run_model.runs()
        # The queue presenter selected the new run, and the details presenter shows it.
        await until(lambda: window.run_details.run_id == run.id)
        await until(lambda: app.run_model.run(run.id).state is RunState.COMPLETED)  # type: ignore[union-attr]
        engine = app.engine
        assert engine is not None
        assert app.run_model.run(run.id) is not engine.run(run.id)  # a snapshot, not the run
        await until(lambda: window.run_details.state_label.text() == "Done")
        # Counts come from the engine's tally, a quarter second after the last change.
        await until(lambda: window.status.runs_label.text() == "0 on the server · 0 not sent yet")
        await until(lambda: window.state_filters.count_of(StateGroup.COMPLETED) == 1)
        assert app.details.expected_nodes("demo/text-to-image") == [
            "prompt-encode",
            "image-generation",
            "upscale",
        ]

    in_app(qloop, scenario)


def test_a_hidden_gallery_gets_new_outputs_in_one_batch_and_at_once_when_shown(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        assert app.form.workflow is not None
        await app.form.run_inputs(
            app.form.workflow, [{"prompt": "a kite", "width": 256, "height": 256}], "Local sandbox"
        )
        await until(lambda: any(i.is_image for i in app.gallery.shown_items()), timeout=60)
        (run,) = app.run_model.runs()
        engine = app.engine
        assert engine is not None
        done = engine.run(run.id)
        assert done is not None
        # Replay the run's completion while the queue tab is shown: the gallery waits...
        app.gallery.gallery_model.remove_run(run.id)
        window.tabs.setCurrentIndex(0)
        app.gallery_presenter.on_delta(EngineDelta(updated=(done.copy(),)))
        assert app.gallery.gallery_model.items() == []
        # ...and gets the outputs as soon as it is shown.
        window.tabs.setCurrentWidget(app.gallery)
        assert [i.name for i in app.gallery.gallery_model.items()] == ["generated_image"]
        # A run removed from the history leaves the gallery with the same delta.
        app.gallery_presenter.on_delta(EngineDelta(removed=frozenset({run.id})))
        assert app.gallery.gallery_model.items() == []

    in_app(qloop, scenario)


def test_a_long_history_goes_into_the_gallery_a_frames_share_at_a_time(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    from datetime import UTC, datetime

    from fizzly_desktop.ui.outputs.output_items import OutputItem
    from fizzly_desktop.ui.presenters.gallery import ITEMS_PER_FRAME

    async def scenario(app: AppController) -> None:
        presenter = app.gallery_presenter
        model = app.gallery.gallery_model
        app.window.tabs.setCurrentWidget(app.gallery)  # shown: a frame's share a frame
        before = len(model.items())
        count = ITEMS_PER_FRAME * 2 + 7
        presenter._pending.extend(
            OutputItem(
                f"run-{i}",
                "generated_image",
                "text",
                "demo/prompt-enhancer",
                "Prompt enhancer",
                datetime.fromtimestamp(1_700_000_000 + i, UTC),
                text=f"take {i}",
            )
            for i in range(count)
        )
        sizes: list[int] = []
        model.rowsInserted.connect(lambda _p, first, last: sizes.append(last - first + 1))
        presenter.flush()
        assert len(model.items()) == before + ITEMS_PER_FRAME
        await until(lambda: len(model.items()) == before + count, timeout=10)
        assert max(sizes) <= ITEMS_PER_FRAME
        assert sum(sizes) == count

    in_app(qloop, scenario)


def test_outputs_reach_a_hidden_gallery_in_shares_and_a_removed_runs_never(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    from fizzly_desktop.core.runs import Run, RunState
    from fizzly_desktop.ui.bridge import EngineDelta
    from fizzly_desktop.ui.presenters.gallery import ITEMS_PER_FRAME

    async def scenario(app: AppController) -> None:
        presenter = app.gallery_presenter
        model = app.gallery.gallery_model
        app.window.tabs.setCurrentIndex(0)  # the gallery hidden: its outputs wait
        runs = []
        for i in range(ITEMS_PER_FRAME + 50):
            run = Run.create("demo/prompt-enhancer", {"i": i}, "p")
            run.state = RunState.COMPLETED
            run.outputs = {"text": f"take {i}"}
            run.created_at = 1_700_000_000.0 + i
            runs.append(run)
        presenter.on_delta(EngineDelta(added=tuple(runs)))
        gone = runs[7].id
        presenter.on_delta(EngineDelta(removed=frozenset({gone})))
        presenter.flush()
        # One frame's share at once; the rest follow, frame by frame.
        shown = {item.run_id for item in model.items()}
        assert 0 < len(shown & {run.id for run in runs}) <= ITEMS_PER_FRAME
        await until(lambda: all(r.id in {i.run_id for i in model.items()} for r in runs[8:]))
        ids = {item.run_id for item in model.items()}
        assert gone not in ids
        assert {run.id for run in runs} - ids == {gone}
        texts = {item.run_id: item.text for item in model.items()}
        assert texts[runs[0].id] == "take 0"

    in_app(qloop, scenario)


def test_switching_to_a_profile_without_key_says_what_is_missing(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        assert window.form_panel.form is not None
        window.form_panel.form.set_values({"prompt": "a lighthouse"})
        assert window.form_panel.blocking_reason() is None
        app.profiles.add("Work", "https://work.example.com")
        await app.profiles_presenter.switch_profile("Work")
        assert window.status.connection is Connection.NO_KEY
        assert window.form_panel.blocking_reason() == NO_KEY
        assert window.profile_combo.currentText() == "Work"
        assert app.session.library.profile == "Work"
        # Where the workflows would be: what is missing, and the button that adds it.
        panel = app.library_panel
        assert "“Work” has no API key yet" in (panel.problem_shown() or "")
        assert not window.form_panel.run_button.isEnabled()
        assert panel.problem_button.text() == "Add API Key…"
        assert panel.empty.isHidden()
        panel.problem_button.click()
        dialog = app.profiles_presenter._dialog
        assert dialog is not None
        assert dialog.isVisible()
        assert dialog.selected_name() == "Work"
        dialog.reject()
        await app.profiles_presenter.switch_profile("Local sandbox")
        assert window.status.connection is Connection.CONNECTED
        assert window.form_panel.blocking_reason() is None
        assert panel.problem_shown() is None

    in_app(qloop, scenario)
