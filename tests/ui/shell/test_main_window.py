"""The real main window driven against the sandbox: run, watch, preview, cancel, retry, batch.

Each test starts the app's controller with its own sandbox child (as ``make run`` does) and
drives it through the window's widgets and actions, the way a person would, waiting on what
the window shows.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.batch_plan import SweepAxis, sweep
from fizzly_desktop.core.profiles import ProfileStore
from fizzly_desktop.core.runs import NodeState, Run, RunState, StateGroup
from fizzly_desktop.core.secrets import KeyVault
from fizzly_desktop.ui.color_scheme import SchemeChoice, forget_palette
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, only_run, pick, state_of, until
from tests.fixtures.keyring import MemoryKeyring
from tests.fixtures.sandbox import SandboxFactory


def test_first_run_welcomes_and_the_sandbox_is_one_click_away(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        assert window.central.currentWidget() is app.welcome
        assert not window.menuBar().isEnabled()
        assert app.sandbox is None  # nothing started before the choice
        app.welcome.sandbox_button.click()
        await until(lambda: window.central.currentWidget() is window.splitter)
        await until(lambda: app.sandbox is not None and len(app.library_panel.entries()) == 8)
        # The picture demos come first; the video, sound and mesh ones follow them.
        refs = [entry.ref for entry in app.library_panel.entries()]
        assert refs[0] == "demo/text-to-image"
        assert refs[-3:] == ["demo/text-to-video", "demo/text-to-sound", "demo/text-to-mesh"]
        assert window.menuBar().isEnabled()
        assert window.profile_combo.currentText() == "Local sandbox"
        assert not app.profiles.needs_welcome

    in_app(qloop, scenario, sandbox=False)


def test_fill_the_form_run_it_and_watch_it_complete(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        window.form_panel.form.set_values(
            {"prompt": "a lighthouse at dawn", "width": 256, "height": 256}
        )
        assert window.form_panel.run_button.isEnabled()
        window.run_action.trigger()

        await until(lambda: len(app.run_model.runs()) == 1)
        run_id = only_run(app).id
        window.queue_view.select_run(run_id)
        await until(lambda: state_of(app, run_id) is RunState.COMPLETED)

        run = app.run_model.run(run_id)
        assert run is not None
        assert run.inputs["prompt"] == "a lighthouse at dawn"
        assert [e.node for e in run.timeline] == ["prompt-encode", "image-generation", "upscale"]
        assert all(e.state is NodeState.COMPLETED for e in run.timeline)
        # The details show every node done, and the image arrives in the outputs strip.
        await until(lambda: any(i.is_image for i in app.outputs_strip.outputs()))
        assert [status for _n, status in window.run_details.timeline.node_rows()] == ["Done"] * 3
        image_item = next(i for i in app.outputs_strip.outputs() if i.is_image)
        assert image_item.path is not None
        image = QImage(str(image_item.path))
        assert not image.isNull()
        assert (image.width(), image.height()) == (256, 256)
        # Kept on disk next to a JSON sidecar, and shown in the gallery.
        assert any(p.suffix == ".json" for p in image_item.path.parent.iterdir())
        # The queue's row shows the picture as a thumbnail.
        await until(
            lambda: isinstance(
                app.run_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole), QPixmap
            ),
            timeout=5,
        )
        await until(
            lambda: [i.name for i in app.gallery.shown_items() if i.is_image] == ["generated_image"]
        )
        await until(
            lambda: window.state_filters.count_of(StateGroup.COMPLETED) == 1
        )  # counts refresh 4x/s
        assert app.engine is not None
        assert app.engine.credits_used_this_session > 0

    in_app(qloop, scenario)


def test_removing_runs_asks_first_while_everything_else_keeps_running(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        window.form_panel.form.set_values({"prompt": "kept for a moment", "width": 64})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        done = only_run(app)
        await until(lambda: state_of(app, done.id) is RunState.COMPLETED)

        # Something keeps working on the loop, as status streams do.
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        ticking = asyncio.get_running_loop().create_task(ticker())
        while_asked: list[int] = []

        def answer_when_asked() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer_when_asked)
                return
            while_asked.append(ticks)

            def yes() -> None:
                while_asked.append(ticks)
                box.button(QMessageBox.StandardButton.Yes).click()

            QTimer.singleShot(500, yes)  # a person reads the question first

        window.queue_view.select_run(done.id)
        answer_when_asked()
        # From the window's own event, as a key press would (not from inside a task).
        QTimer.singleShot(0, window.queue_view.remove_action.trigger)
        await until(lambda: app.run_model.run(done.id) is None)
        assert len(while_asked) == 2
        assert while_asked[1] - while_asked[0] >= 10  # the loop ran on while the box was open
        before = ticks
        await asyncio.sleep(0.2)
        assert ticks > before  # and nothing was left stuck by it
        ticking.cancel()

    in_app(qloop, scenario)


def test_a_failing_workflow_explains_and_retry_makes_a_linked_run(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/broken-pipeline")
        window.form_panel.form.set_values({"prompt": "anything at all"})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        failed = only_run(app)
        await until(lambda: state_of(app, failed.id) is RunState.FAILED)

        window.queue_view.select_run(failed.id)
        assert window.run_details.error_label.text() != ""
        assert not window.run_details.error_box.isHidden()
        assert window.queue_view.retry_action.isEnabled()
        window.queue_view.retry_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 2)
        retry = next(r for r in app.run_model.runs() if r.id != failed.id)
        assert retry.retry_of == failed.id
        assert retry.inputs == failed.inputs
        await until(lambda: state_of(app, retry.id).is_terminal)
        await until(
            lambda: window.state_filters.count_of(StateGroup.FAILED) == 2
        )  # counts refresh 4x/s

    in_app(qloop, scenario)


def refunded(run: Run | None) -> float | None:
    return None if run is None else run.credits_refunded


def test_cancel_a_running_and_a_queued_run(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/slow-render")
        window.form_panel.form.set_values({"prompt": "a slow landscape"})
        window.form_panel.count.setValue(2)
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 2)
        first, second = sorted(app.run_model.runs(), key=lambda r: r.created_at)
        await until(lambda: state_of(app, first.id) is RunState.IN_PROGRESS)
        await until(lambda: state_of(app, second.id) is RunState.IN_QUEUE)

        window.queue_view.table.selectAll()
        window.queue_view.cancel_action.trigger()
        await until(lambda: state_of(app, first.id) is RunState.CANCELLED)
        await until(lambda: state_of(app, second.id) is RunState.CANCELLED)

        # The refund comes with the cancel's answer, which may arrive after the stream has
        # already said the run was cancelled: it reaches the view a frame after that answer.
        await until(lambda: (refunded(app.run_model.run(second.id)) or 0) > 0)
        window.queue_view.select_run(second.id)
        assert "refunded" in window.run_details.metrics.text()
        await until(
            lambda: window.state_filters.count_of(StateGroup.CANCELLED) == 2
        )  # counts refresh 4x/s

    # One worker and a slow workflow: the first run runs while the second waits in the queue.
    in_app(qloop, scenario, "--time-scale", "1", "--ping-interval", "0.5", "--workers", "1")


def test_a_sweep_batch_of_twenty_shows_as_a_grid(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        base = {"prompt": "a sweep of hills", "seed": 7, "width": 256, "height": 256}
        items = sweep(
            base,
            SweepAxis("steps", (10, 20, 30, 40)),
            SweepAxis("width", (256, 320, 384, 448, 512)),
        )
        assert len(items) == 20
        assert app.engine is not None
        await app.engine.submit_batch(
            "Hills sweep",
            "demo/text-to-image",
            [item.inputs for item in items],
            profile=app.profiles.active_name,
        )
        await until(lambda: window.batch_bar.combo.count() == 2)
        window.batch_bar.combo.setCurrentIndex(1)
        # However narrow the combo, the batch's whole name is in its tooltip and its list.
        assert window.batch_bar.combo.toolTip() == "Hills sweep"
        assert window.batch_bar.combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == "Hills sweep"
        window.batch_bar.grid_button.setChecked(True)
        assert window.queue_stack.currentWidget() is app.batches.grid
        await until(
            lambda: all(r.state is RunState.COMPLETED for r in app.run_model.runs()), timeout=90
        )
        grid = app.batches.grid.model
        plan = grid.plan()
        assert plan is not None
        assert [axis.field for axis in plan.axes] == ["steps", "width"]
        assert (grid.columnCount(), grid.rowCount()) == (4, 5)
        await until(lambda: all(grid.cell(i).state == "done" for i in range(20)))
        await until(
            lambda: window.state_filters.count_of(StateGroup.COMPLETED) == 20
        )  # counts refresh 4x/s
        assert "20 of 20 runs done" in window.batch_bar.status.text()
        # Every tile says its seed (here all the same: the sweep varies steps and width), and a
        # click on one shows that run's details next to the grid.
        assert grid.cell(5).seed == "7"
        view = app.batches.grid.view
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=app.batches.grid.cell_rect(5).center()
        )
        await until(lambda: window.run_details.run_id is not None)
        shown = app.engine.run(window.run_details.run_id or "")
        assert shown is not None
        assert shown.inputs == plan.items[5].inputs
        assert window.queue_stack.currentWidget() is app.batches.grid

        # The grid's menu acts on the run of the chosen cell, as the queue list's does.
        sweep_grid = app.batches.grid
        cell = sweep_grid.model.model_index(13)
        sweep_grid.view.setCurrentIndex(cell)
        sweep_grid.view.selectionModel().select(
            cell, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        window.form_panel.form.set_values({"steps": 3, "width": 640})
        sweep_grid.use_inputs_action.trigger()
        chosen = items[13].inputs
        values = window.form_panel.form.values()
        assert (values["steps"], values["width"]) == (chosen["steps"], chosen["width"])
        run = next(r for r in app.run_model.runs() if r.inputs == chosen)
        QGuiApplication.clipboard().clear()
        sweep_grid.copy_id_action.trigger()
        assert run.request_id
        assert QGuiApplication.clipboard().text() == run.request_id

    in_app(qloop, scenario)


def test_screenshots_of_the_main_views(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    """Writes PNGs of the main views for people to look at (not compared pixel by pixel)."""
    out = Path(__file__).resolve().parents[3] / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    names = [
        "main-window.png",
        "main-window-dark.png",
        "progress.png",
        "gallery.png",
        "sweep-grid.png",
        "gallery-dark.png",
        "sweep-grid-dark.png",
    ]

    async def shoot(app: AppController, name: str) -> None:
        await asyncio.sleep(0.3)  # let thumbnails decode and paint before the grab
        assert app.window.grab().save(str(out / name))

    async def shoot_dark(app: AppController, name: str) -> None:
        app.window.color_scheme.choose(SchemeChoice.DARK)  # View ▸ Appearance ▸ Dark
        try:
            await shoot(app, name)
        finally:
            app.window.color_scheme.forget()
            forget_palette()

    async def scenario(app: AppController) -> None:
        window = app.window
        window.resize(1400, 880)
        await pick(app, "demo/broken-pipeline")
        window.form_panel.form.set_values({"prompt": "a castle in the clouds"})
        window.run_action.trigger()
        await pick(app, "demo/text-to-image")
        for prompt in ("a lighthouse at dawn", "a fox in the snow", "a red kite over hills"):
            window.form_panel.form.set_values({"prompt": prompt, "width": 512, "height": 384})
            window.run_action.trigger()
            await until(lambda: all(r.state.is_terminal for r in app.run_model.runs()))
        await until(lambda: len(app.run_model.runs()) == 4)
        await until(lambda: all(r.state.is_terminal for r in app.run_model.runs()))
        # Run was pressed before switching workflows: that run is of the workflow shown then.
        states = sorted((r.workflow, r.state.value) for r in app.run_model.runs())
        assert states[0] == ("demo/broken-pipeline", "FAILED")
        assert [w for w, _s in states[1:]] == ["demo/text-to-image"] * 3
        newest = max(app.run_model.runs(), key=lambda r: r.created_at)
        window.queue_view.select_run(newest.id)
        await until(lambda: any(i.is_image for i in app.outputs_strip.outputs()))

        # Every completed run's row shows its picture, whether or not it was selected.
        def thumbnails_shown() -> int:
            proxy = window.queue_view.proxy
            decorations = (
                proxy.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
                for row in range(proxy.rowCount())
            )
            return sum(isinstance(decoration, QPixmap) for decoration in decorations)

        await until(lambda: thumbnails_shown() == 3, timeout=5)
        window.run_details.tabs.setCurrentIndex(1)
        await shoot(app, "main-window.png")
        await shoot_dark(app, "main-window-dark.png")
        window.run_details.tabs.setCurrentIndex(0)
        await shoot(app, "progress.png")
        window.tabs.setCurrentIndex(1)
        await shoot(app, "gallery.png")
        await shoot_dark(app, "gallery-dark.png")

        window.tabs.setCurrentIndex(0)
        items = sweep(
            {"prompt": "rolling hills", "seed": 11, "width": 256, "height": 256},
            SweepAxis("steps", (10, 30, 50)),
            SweepAxis("width", (256, 384)),
        )
        assert app.engine is not None
        await app.engine.submit_batch(
            "Hills: steps × width",
            "demo/text-to-image",
            [item.inputs for item in items],
            profile=app.profiles.active_name,
        )
        await until(lambda: window.batch_bar.combo.count() == 2)
        window.batch_bar.combo.setCurrentIndex(1)
        window.batch_bar.grid_button.setChecked(True)
        await until(lambda: all(r.state.is_terminal for r in app.run_model.runs()), timeout=60)
        await shoot(app, "sweep-grid.png")
        await shoot_dark(app, "sweep-grid-dark.png")

    in_app(qloop, scenario)
    assert all((out / name).stat().st_size > 10_000 for name in names)


def test_restart_mid_batch_resumes_tracking_and_sends_nothing_twice(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    sandbox_factory: SandboxFactory,
    memory_keyring: MemoryKeyring,
) -> None:
    """Quit while a batch is half done; the next start follows its runs and resumes on request."""
    # A server that outlives the app, as the real one does: two workers, a run takes ~1 s.
    server = sandbox_factory("--time-scale", "0.3", "--workers", "2")
    store = ProfileStore(KeyVault())
    store.add("Test server", server.base_url)
    store.set_key("Test server", server.demo_key)
    store.set_active("Test server")
    inputs = [{"prompt": f"hill {i}", "seed": i, "width": 256, "height": 256} for i in range(8)]
    first_session: dict[str, RunState] = {}

    async def until_in_flight(app: AppController) -> None:
        window = app.window
        assert window.status.server_label.text() == f"Test server · {server.base_url}"
        assert app.engine is not None
        await app.engine.submit_batch(
            "Restart batch",
            "demo/text-to-image",
            inputs,
            profile="Test server",
            max_active=2,
        )
        await until(
            lambda: (
                sum(r.state is RunState.COMPLETED for r in app.run_model.runs()) >= 2
                and any(r.state.is_remote for r in app.run_model.runs())
            ),
            timeout=60,
        )
        # The engine's states, not the table's: the table is a frame behind, and a run it still
        # shows waiting may already be on its way (it is not sent again after the restart).
        first_session.update({r.id: r.state for r in app.engine.runs()})

    async def after_restart(app: AppController) -> None:
        window, engine = app.window, app.engine
        assert engine is not None
        runs = {r.id: r for r in app.run_model.runs()}
        assert set(runs) == set(first_session)
        (batch,) = engine.batches()
        assert batch.is_paused  # batches come back paused, waiting for the user
        in_flight = [rid for rid, state in first_session.items() if state.is_remote]
        assert in_flight
        # Tracking resumes by request id: what was running when the app quit finishes now.
        await until(
            lambda: all(state_of(app, rid) is RunState.COMPLETED for rid in in_flight),
            timeout=60,
        )
        window.batch_bar.combo.setCurrentIndex(window.batch_bar.combo.findData(batch.id))
        assert window.batch_bar.pause_button.text() == "Resume"
        window.batch_bar.pause_button.click()
        await until(
            lambda: all(r.state is RunState.COMPLETED for r in app.run_model.runs()), timeout=90
        )
        request_ids = [r.request_id for r in app.run_model.runs()]
        assert len(set(request_ids)) == len(inputs)  # one submit per run, none twice
        assert engine.request_counts.get("submit", 0) == sum(
            state is RunState.WAITING for state in first_session.values()
        )

    in_app(qloop, until_in_flight, sandbox=False, profile="Test server")
    in_app(qloop, after_restart, sandbox=False, profile="Test server")


def test_build_batch_from_the_form_queues_the_plan(
    qtbot: QtBot, qloop: qasync.QEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtTest import QTest

    from fizzly_desktop.ui.batches import BatchBuilderDialog

    def accept_three_repeats(dialog: BatchBuilderDialog) -> int:
        # What a person does in the dialog: Repeat, 3 runs, a name, then "Queue 3 runs".
        dialog.set_mode("repeat")
        dialog.repeat_count.setValue(3)
        dialog.name_edit.selectAll()
        QTest.keyClicks(dialog.name_edit, "Three foxes")
        dialog.refresh_now()
        assert dialog.problem() is None
        return int(BatchBuilderDialog.DialogCode.Accepted)

    monkeypatch.setattr(BatchBuilderDialog, "exec", accept_three_repeats)

    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        window.form_panel.form.set_values({"prompt": "a fox", "width": 256, "height": 256})
        window.build_batch_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 3)
        await until(lambda: all(r.state is RunState.COMPLETED for r in app.run_model.runs()))
        assert app.engine is not None
        (batch,) = app.engine.batches()
        assert batch.name == "Three foxes"
        runs = app.engine.batch_runs(batch.id)
        assert {r.inputs["prompt"] for r in runs} == {"a fox"}
        assert len({r.inputs["seed"] for r in runs}) == 3  # a random seed each

    in_app(qloop, scenario)
