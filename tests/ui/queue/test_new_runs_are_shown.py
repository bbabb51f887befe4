"""Journey "run and watch": whatever the queue showed before, pressing Run shows the new run.

A state group chosen in the sidebar, a search typed in the queue, a marks filter, an old batch's
sweep grid or the Gallery tab would each hide a new run, and a run one cannot see looks like a
run that did not start. These tests set all of them, press Run (or queue a batch), and check
what the window shows.
"""

from __future__ import annotations

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState, StateGroup
from fizzly_desktop.ui.batches import BatchBuilderDialog
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.queue.columns import RUN_ROLE
from tests.fixtures.app import in_app, pick, until


async def an_old_batch(app: AppController) -> tuple[str, list[str]]:
    """Two finished runs of a batch queued with "× 2"; returns the batch and its runs."""
    window = app.window
    await pick(app, "demo/text-to-image")
    window.form_panel.form.set_values({"prompt": "an old batch", "width": 64, "height": 64})
    window.form_panel.count.setValue(2)
    window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == 2)
    await until(lambda: all(r.state is RunState.COMPLETED for r in app.run_model.runs()))
    engine = app.engine
    assert engine is not None
    (batch,) = engine.batches()
    return batch.id, [r.id for r in app.run_model.runs()]


async def hide_everything(app: AppController, qtbot: QtBot, batch_id: str) -> None:
    """What a user may have left on screen: the old batch's grid, Failed, a search, Starred."""
    window = app.window
    bar = window.batch_bar
    bar.combo.setCurrentIndex(bar.combo.findData(batch_id))
    qtbot.mouseClick(bar.grid_button, Qt.MouseButton.LeftButton)
    await until(lambda: window.queue_stack.currentWidget() is app.batches.grid)
    sidebar = window.state_filters
    failed = sidebar.item(list(StateGroup).index(StateGroup.FAILED))
    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.visualItemRect(failed).center()
    )
    assert sidebar.current_group() is StateGroup.FAILED
    QTest.keyClicks(window.queue_view.search, "nothing like this")
    marks = window.queue_view.marks_filter
    marks.setCurrentIndex(marks.findData("starred"))
    window.tabs.setCurrentWidget(app.gallery)


def assert_shown_and_selected(app: AppController, run_id: str) -> None:
    window, view = app.window, app.window.queue_view
    assert window.tabs.currentIndex() == 0
    assert window.queue_stack.currentWidget() is view
    assert window.state_filters.current_group() is StateGroup.ALL
    assert view.search.text() == ""
    assert view.marks_filter.currentData() == ""
    row = app.run_model.row_of(run_id)
    assert row is not None
    assert view.proxy.mapFromSource(app.run_model.index(row, 0)).isValid()
    assert view.selected_ids() == [run_id]
    assert window.run_details.run_id == run_id
    assert window.run_details.stack.currentWidget() is window.run_details.page


def test_run_shows_the_new_run_over_any_filter_grid_or_tab(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        batch_id, old = await an_old_batch(app)
        await hide_everything(app, qtbot, batch_id)

        window.form_panel.count.setValue(1)
        window.form_panel.form.set_values({"prompt": "the new one"})
        qtbot.mouseClick(window.form_panel.run_button, Qt.MouseButton.LeftButton)
        await until(lambda: len(app.run_model.runs()) == 3)
        (new,) = [r.id for r in app.run_model.runs() if r.id not in old]
        await until(lambda: window.queue_view.selected_ids() == [new])

        assert_shown_and_selected(app, new)
        assert window.batch_bar.combo.currentText() == "All runs"
        assert not window.batch_bar.grid_button.isChecked()
        assert window.run_details.title.text() == "Text to image"
        assert '"prompt": "the new one"' in window.run_details.inputs_text.toPlainText()
        # Every run is listed again, not only the new one.
        assert window.queue_view.proxy.rowCount() == 3

    in_app(qloop, scenario)


def test_a_batch_built_over_filters_shows_its_runs_with_the_first_selected(
    qtbot: QtBot, qloop: qasync.QEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    def queue_three(dialog: BatchBuilderDialog) -> int:
        dialog.set_mode("repeat")
        dialog.repeat_count.setValue(3)
        dialog.name_edit.selectAll()
        QTest.keyClicks(dialog.name_edit, "Three kites")
        dialog.refresh_now()
        return int(BatchBuilderDialog.DialogCode.Accepted)

    monkeypatch.setattr(BatchBuilderDialog, "exec", queue_three)

    async def scenario(app: AppController) -> None:
        window = app.window
        engine = app.engine
        assert engine is not None
        old_batch, _old = await an_old_batch(app)
        await hide_everything(app, qtbot, old_batch)

        window.build_batch_action.trigger()
        await until(lambda: len(engine.batches()) == 2)
        (batch,) = [b for b in engine.batches() if b.id != old_batch]
        assert batch.name == "Three kites"
        first = engine.batch_runs(batch.id)[0].id
        await until(lambda: window.queue_view.selected_ids() == [first])

        assert_shown_and_selected(app, first)
        # The new batch is the one shown, as a list: its three runs and nothing else.
        assert window.batch_bar.combo.currentData() == batch.id
        assert window.batch_bar.combo.currentText() == "Three kites"
        assert window.queue_view.proxy.rowCount() == 3
        shown = {window.queue_view.proxy.index(row, 0).data(RUN_ROLE).id for row in range(3)}
        assert shown == {r.id for r in engine.batch_runs(batch.id)}

    in_app(qloop, scenario)
