"""Journey "cancel a queued and a running run": after a cancel, the window says what happened.

Cancelling used to end with nothing said and a Credits cell clipped to "0 (refu…". Here runs
not sent yet, waiting in the server's queue and running are cancelled from the queue (Delete
key and Cancel), and the status bar's notice, the table's cells and the absence of any dialog
are checked.
"""

from __future__ import annotations

import re

import qasync
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.queue.columns import Column
from fizzly_desktop.ui.queue.credits_column import CELL_PADDING
from tests.fixtures.app import in_app, pick, state_of, until

ONE_WORKER = ("--time-scale", "1", "--ping-interval", "0.5", "--workers", "1")
REFUNDED = r"[0-9][0-9.,]* credits? refunded"


def notice(app: AppController) -> str:
    return app.window.statusBar().currentMessage()


async def run_once(app: AppController, prompt: str) -> Run:
    before = {r.id for r in app.run_model.runs()}
    app.window.form_panel.form.set_values({"prompt": prompt})
    app.window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == len(before) + 1)
    (run,) = [r for r in app.run_model.runs() if r.id not in before]
    return run


async def press_delete_on_selection(app: AppController, qtbot: QtBot) -> None:
    window, table = app.window, app.window.queue_view.table
    window.activateWindow()
    await until(window.isActiveWindow)
    table.setFocus()
    await until(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)


def cell_fits(app: AppController, run_id: str, column: Column) -> tuple[str, int, int]:
    """The cell's text, the width the text needs and the column's width."""
    view = app.window.queue_view
    row = app.run_model.row_of(run_id)
    assert row is not None
    text = str(app.run_model.index(row, column).data())
    needed = view.table.fontMetrics().horizontalAdvance(text) + CELL_PADDING
    return text, needed, view.table.columnWidth(column)


def test_cancelling_a_run_not_sent_yet_says_nothing_was_charged(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/slow-render")
        window.pause_all_action.setChecked(True)  # Run ▸ Pause Sending: it waits in the app
        run = await run_once(app, "never sent")
        await until(lambda: window.queue_view.selected_ids() == [run.id])
        assert state_of(app, run.id) is RunState.WAITING

        await press_delete_on_selection(app, qtbot)
        await until(lambda: state_of(app, run.id) is RunState.CANCELLED)
        await until(lambda: notice(app) == "Not sent · nothing charged")
        assert QApplication.activeModalWidget() is None  # said, not asked
        assert window.run_details.state_label.text() == "Cancelled (nothing charged)"

    in_app(qloop, scenario, *ONE_WORKER)


def test_cancelling_running_and_queued_runs_says_the_refunds_in_one_line(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/slow-render")
        progress_width = window.queue_view.table.columnWidth(Column.PROGRESS)
        credits_width = window.queue_view.table.columnWidth(Column.CREDITS)
        running = await run_once(app, "the running one")
        await until(lambda: state_of(app, running.id) is RunState.IN_PROGRESS)
        queued = await run_once(app, "the queued one")
        await until(lambda: state_of(app, queued.id) is RunState.IN_QUEUE)

        # The queued one alone: the server gives its credits back.
        await until(lambda: window.queue_view.selected_ids() == [queued.id])
        await press_delete_on_selection(app, qtbot)
        await until(lambda: state_of(app, queued.id) is RunState.CANCELLED)
        await until(lambda: notice(app).startswith("Cancelled · "))
        assert re.fullmatch(f"Cancelled · {REFUNDED}", notice(app)), notice(app)

        # Then the running one and one not sent yet, together: one line for both.
        window.pause_all_action.setChecked(True)
        waiting = await run_once(app, "not sent")
        assert state_of(app, waiting.id) is RunState.WAITING
        window.queue_view.table.clearSelection()
        window.queue_view.select_run(running.id)
        source_row = app.run_model.row_of(waiting.id)
        assert source_row is not None
        row = window.queue_view.proxy.mapFromSource(app.run_model.index(source_row, 0))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        window.queue_view.table.selectionModel().select(row, flags)  # Ctrl+click
        assert sorted(window.queue_view.selected_ids()) == sorted([running.id, waiting.id])
        window.queue_view.cancel_action.trigger()
        await until(lambda: notice(app).startswith("1 cancelled"))
        assert re.fullmatch(
            f"1 cancelled · ({REFUNDED}|nothing refunded); 1 not sent · nothing charged",
            notice(app),
        ), notice(app)
        assert QApplication.activeModalWidget() is None

        # The table says what came back, whole: no cell of these runs is clipped.
        refunded = app.run_model.run(queued.id)
        assert refunded is not None
        assert refunded.credits_refunded
        for run_id in (queued.id, running.id, waiting.id):
            for column in (Column.STATE, Column.CREDITS):
                text, needed, width = cell_fits(app, run_id, column)
                assert needed <= width, f"{text!r} needs {needed} px, has {width}"
        text, _needed, _width = cell_fits(app, queued.id, Column.CREDITS)
        assert re.fullmatch(r"[0-9.,]+ \(refunded [0-9.,]+\)", text), text
        # The room came from the progress bars, not from the workflow's name.
        table = window.queue_view.table
        assert table.columnWidth(Column.CREDITS) > credits_width
        assert table.columnWidth(Column.PROGRESS) + table.columnWidth(Column.CREDITS) == (
            progress_width + credits_width
        )

    in_app(qloop, scenario, *ONE_WORKER)
