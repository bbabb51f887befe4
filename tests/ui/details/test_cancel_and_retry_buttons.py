"""Journeys "cancel a queued and a running run" and "understand a failure and retry", from the
run's details and from a sweep grid, with the buttons and keys a user sees.

The details panel had only Copy request ID and Use these inputs; the grid had no menu or
Delete key. Here the visible Cancel and Retry buttons are clicked, and the grid's Delete key
and Retry act on the runs of its cells, in the whole app against the sandbox.
"""

from __future__ import annotations

import re

import qasync
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.run_actions import RunAction
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, only_run, pick, state_of, until

#: One worker and real time: a slow run runs while the next waits in the server's queue.
ONE_WORKER = ("--time-scale", "1", "--ping-interval", "0.5", "--workers", "1")


def click(qtbot: QtBot, app: AppController, action: RunAction) -> None:
    button = app.window.run_details.action_buttons[action]
    assert button.isVisible(), f"{action.value} is not on screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_cancel_in_the_details_stops_the_running_run_and_retry_sends_it_again(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window, details = app.window, app.window.run_details
        await pick(app, "demo/slow-render")
        window.form_panel.form.set_values({"prompt": "a slow landscape"})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        run = only_run(app)
        await until(lambda: state_of(app, run.id) is RunState.IN_PROGRESS)
        await until(
            lambda: details.run_id == run.id and RunAction.CANCEL in details.visible_actions()
        )
        assert details.visible_actions() == [RunAction.CANCEL]

        click(qtbot, app, RunAction.CANCEL)
        await until(lambda: state_of(app, run.id) is RunState.CANCELLED)
        # What came back is said where the eye is, without a dialog to dismiss.
        await until(lambda: window.statusBar().currentMessage().startswith("Cancelled · "))
        assert window.statusBar().currentMessage().endswith(" refunded")
        await until(lambda: details.visible_actions() == [RunAction.RETRY])
        # The state says what came back, whole, beside the button.
        state = details.state_label
        assert re.fullmatch(r"Cancelled \(refunded [0-9.,]+ credits?\)", state.text()), state.text()
        assert state.fontMetrics().horizontalAdvance(state.text()) <= state.width()

        click(qtbot, app, RunAction.RETRY)
        await until(lambda: len(app.run_model.runs()) == 2)
        retry = next(r for r in app.run_model.runs() if r.id != run.id)
        assert retry.retry_of == run.id
        assert retry.inputs == run.inputs
        # The new run is the one shown, as any run just started.
        await until(lambda: details.run_id == retry.id)
        assert window.queue_view.selected_ids() == [retry.id]
        assert "retry of an earlier run" in details.metrics.text()

    in_app(qloop, scenario, *ONE_WORKER)


def test_a_failed_run_says_where_it_failed_and_retry_in_its_details_makes_a_new_run(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window, details = app.window, app.window.run_details
        await pick(app, "demo/broken-pipeline")
        window.form_panel.form.set_values({"prompt": "anything at all"})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        failed = only_run(app)
        await until(lambda: state_of(app, failed.id) is RunState.FAILED)
        await until(lambda: details.visible_actions() == [RunAction.RETRY])
        assert details.state_label.text().startswith("Failed · safety-check")
        assert not details.error_box.isHidden()

        click(qtbot, app, RunAction.RETRY)
        await until(lambda: len(app.run_model.runs()) == 2)
        retry = next(r for r in app.run_model.runs() if r.id != failed.id)
        assert retry.retry_of == failed.id
        assert retry.inputs == failed.inputs
        await until(lambda: details.run_id == retry.id)
        await until(lambda: state_of(app, retry.id) is RunState.FAILED)
        # The first run is still there, as it was.
        assert state_of(app, failed.id) is RunState.FAILED

    in_app(qloop, scenario)


def test_the_sweep_grid_cancels_with_delete_and_retries_from_its_menu(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        engine = app.engine
        assert engine is not None
        await pick(app, "demo/slow-render")
        window.form_panel.form.set_values({"prompt": "three slow hills"})
        window.form_panel.count.setValue(3)
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 3)
        (batch,) = engine.batches()
        runs = [r.id for r in engine.batch_runs(batch.id)]
        await until(lambda: state_of(app, runs[0]) is RunState.IN_PROGRESS)

        qtbot.mouseClick(window.batch_bar.grid_button, Qt.MouseButton.LeftButton)
        grid = app.batches.grid
        await until(lambda: window.queue_stack.currentWidget() is grid)
        assert app.batches.grid_run_ids(range(3)) == runs
        # A click on a tile picks its run: the details show it.
        last = grid.cell_rect(2).center()
        qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=last)
        await until(lambda: window.run_details.run_id == runs[2])
        assert grid.selected_indices() == [2]

        # The list's menu, and its Delete key: cancel that run and nothing else.
        menu = grid.context_menu()
        texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
        menu.deleteLater()
        assert texts[:3] == ["Open", "Cancel", "Retry"]
        assert grid.cancel_action.isEnabled()
        assert not grid.retry_action.isEnabled()
        window.activateWindow()
        await until(window.isActiveWindow)
        grid.view.setFocus()
        await until(grid.view.hasFocus)
        qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
        await until(lambda: state_of(app, runs[2]) is RunState.CANCELLED)
        assert state_of(app, runs[1]) is not RunState.CANCELLED
        await until(
            lambda: (
                window.statusBar().currentMessage()
                in ("Not sent · nothing charged", "Cancelled · nothing refunded")
                or window.statusBar().currentMessage().endswith("credits refunded")
            )
        )

        # The cancelled tile retries from the same menu (Ctrl+R): a new run, linked.
        grid.view.setCurrentIndex(grid.model.model_index(2))
        assert grid.retry_action.isEnabled()
        qtbot.keyClick(grid.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: any(r.retry_of == runs[2] for r in app.run_model.runs()))
        engine.cancel([r.id for r in engine.runs() if not r.state.is_terminal])
        await until(lambda: all(r.state.is_terminal for r in engine.runs()))

    in_app(qloop, scenario, *ONE_WORKER)
