"""The queue as a library of results, in the whole app: search prompts as you type, star and
reject with a key, filter by marks, delete with files and undo, clear history keeping stars."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.batch_plan import import_rows
from fizzly_desktop.core.deletion import Holding
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.presenters.search import STAR_BADGE
from fizzly_desktop.ui.queue.run_table import RUN_ROLE, Column
from tests.fixtures.app import in_app, state_of, until

WF = "demo/text-to-image"


def _shown(app: AppController) -> list[str]:
    proxy = app.window.queue_view.proxy
    runs = [proxy.index(row, 0).data(RUN_ROLE) for row in range(proxy.rowCount())]
    return [run.id for run in runs if isinstance(run, Run)]


async def _two_done_runs(app: AppController) -> tuple[str, str]:
    engine = app.services.engine
    assert engine is not None
    ids = []
    for prompt in ("a lighthouse at dawn", "a cat astronaut"):
        run = await engine.submit(
            WF, {"prompt": prompt, "width": 64, "height": 64}, profile=SANDBOX_PROFILE_NAME
        )
        ids.append(run.id)
    await until(lambda: all(_done(app, rid) for rid in ids))
    await until(lambda: all(engine.outputs_of(rid) for rid in ids))
    return ids[0], ids[1]


def _done(app: AppController, run_id: str) -> bool:
    return app.run_model.run(run_id) is not None and state_of(app, run_id) is RunState.COMPLETED


async def _press(app: AppController, key: Qt.Key) -> None:
    """The key as a person presses it: through the window's shortcut map, table focused."""
    app.window.activateWindow()
    await until(lambda: app.window.isActiveWindow())
    table = app.window.queue_view.table
    table.setFocus()
    QTest.keyClick(table, key)


def test_search_finds_prompts_as_you_type_and_marks_filter_the_queue(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        queue = app.window.queue_view
        lighthouse, cat = await _two_done_runs(app)
        assert set(_shown(app)) == {lighthouse, cat}
        # The prompt is not in any column: the history's index finds it, word starts too.
        QTest.keyClicks(queue.search, "lighth")
        await until(lambda: _shown(app) == [lighthouse])
        queue.search.clear()
        await until(lambda: set(_shown(app)) == {lighthouse, cat})
        QTest.keyClicks(queue.search, "cat astro")
        await until(lambda: _shown(app) == [cat])
        queue.search.clear()

        # S stars the selected run; its row says so; the marks filter keeps it alone.
        queue.select_run(lighthouse)
        await _press(app, Qt.Key.Key_S)
        engine = app.services.engine
        assert engine is not None
        assert engine.marks.get(lighthouse) is Mark.STAR
        row = _shown(app).index(lighthouse)
        name = queue.proxy.index(row, Column.WORKFLOW).data(Qt.ItemDataRole.DisplayRole)
        assert name.startswith(STAR_BADGE)
        assert "Starred 1 run" in app.window.statusBar().currentMessage()
        queue.marks_filter.setCurrentIndex(queue.marks_filter.findData("starred"))
        await until(lambda: _shown(app) == [lighthouse])

        # X rejects; "Not rejected" hides it; pressing X again takes the reject off.
        queue.marks_filter.setCurrentIndex(queue.marks_filter.findData(""))
        await until(lambda: len(_shown(app)) == 2)
        queue.select_run(cat)
        await _press(app, Qt.Key.Key_X)
        assert engine.marks.get(cat) is Mark.REJECT
        queue.marks_filter.setCurrentIndex(queue.marks_filter.findData("not_rejected"))
        await until(lambda: _shown(app) == [lighthouse])
        queue.marks_filter.setCurrentIndex(queue.marks_filter.findData("rejected"))
        await until(lambda: _shown(app) == [cat])
        queue.select_run(cat)
        await _press(app, Qt.Key.Key_X)
        assert engine.marks.get(cat) is None
        await until(lambda: _shown(app) == [])

    in_app(qloop, scenario)


def test_delete_with_files_asks_with_counts_and_undo_brings_everything_back(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        queue, library = app.window.queue_view, app.library
        engine = app.services.engine
        assert engine is not None
        trashed: list[str] = []
        library.holding = Holding(
            library.holding.folder, trash=lambda p: bool(trashed.append(p.name))
        )
        lighthouse, cat = await _two_done_runs(app)
        files = [r.path for r in engine.outputs_of(lighthouse)]
        assert files
        assert all(path.exists() for path in files)

        queue.select_run(lighthouse)
        queue.delete_action.trigger()
        await until(lambda: library.confirm is not None)
        box = library.confirm
        assert box is not None
        assert box.text().startswith("Delete 1 run and 2 saved files (")
        assert "undo this for 60 seconds" in box.informativeText()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        delete = next(b for b in box.buttons() if b.text() == "Delete")
        delete.click()
        await until(lambda: lighthouse not in _shown(app))
        assert queue.summary.text() == "1 run"
        # The files are moved aside by a worker: the row may leave the queue a frame before.
        await until(lambda: not any(path.exists() for path in files))
        assert library.undo_bar.isVisible()
        assert library.undo_bar.label.text() == "Deleted 1 run and 2 files."

        library.undo_bar.button.click()
        await until(lambda: lighthouse in _shown(app))
        await until(lambda: all(path.exists() for path in files))
        assert not library.undo_bar.isVisible()
        assert engine.outputs_of(lighthouse)
        assert trashed == []

        # Clear history keeps the starred run; the other goes, and after the undo window its
        # files go to the trash.
        library.undo_seconds = 0.05
        engine.marks.set([MarkKey(cat)], Mark.STAR)
        app.window.queue_view.clear_history_action.trigger()
        await until(lambda: library.confirm is not None)
        box = library.confirm
        assert box is not None
        assert box.text().startswith("Delete 1 run and 2 saved files")
        next(b for b in box.buttons() if b.text() == "Delete").click()
        await until(lambda: _shown(app) == [cat])
        await until(lambda: len(trashed) == 2)
        assert not library.undo_bar.isVisible()

    in_app(qloop, scenario)


def test_export_from_the_queue_lists_the_inputs_and_the_list_imports_back(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picks = tmp_path / "picks"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(picks))

    async def scenario(app: AppController) -> None:
        queue = app.window.queue_view
        lighthouse, cat = await _two_done_runs(app)
        queue.table.selectAll()
        assert set(queue.selected_ids()) == {lighthouse, cat}
        queue.export_action.trigger()
        await until(lambda: (picks / "results.json").exists())
        await until(lambda: "results.csv" in app.window.statusBar().currentMessage())
        with (picks / "results.csv").open(encoding="utf-8", newline="") as handle:
            table = list(csv.DictReader(handle))
        assert {row["prompt"] for row in table} == {"a lighthouse at dawn", "a cat astronaut"}
        assert {row["result.run_id"] for row in table} == {lighthouse, cat}
        assert all((picks / row["result.file"]).is_file() for row in table)

        entry = app.session.library.get("demo", "text-to-image")
        assert entry is not None
        imported = import_rows(picks / "results.csv", None, entry.input_schema())
        assert imported.file_problem is None
        assert sorted(row.inputs["prompt"] for row in imported.rows) == [
            "a cat astronaut",
            "a lighthouse at dawn",
        ]
        assert all(not row.problems for row in imported.rows)

    in_app(qloop, scenario)


def test_attach_to_a_run_sent_elsewhere_by_its_request_id(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.services.engine
        assert engine is not None
        # A run "sent elsewhere": sent, then forgotten here, so only the server knows it.
        elsewhere = await engine.submit(
            WF,
            {"prompt": "a far away run", "width": 64, "height": 64},
            profile=SANDBOX_PROFILE_NAME,
        )
        await until(lambda: _done(app, elsewhere.id))
        request_id = elsewhere.request_id
        assert request_id is not None
        assert await engine.library.remove_from_history([elsewhere.id]) == [elsewhere.id]
        await until(lambda: app.run_model.run(elsewhere.id) is None)

        app.window.queue_view.attach_action.trigger()
        dialog = app.library.attach_dialog
        assert dialog is not None
        dialog.workflow.setCurrentText(WF)
        dialog.request_id.setText("run_nobody_knows")
        dialog.attach_button.click()
        await until(lambda: dialog.problem.isVisible())
        assert "The server knows no run run_nobody_knows of demo/text-to-image" in (
            dialog.problem.text()
        )
        assert dialog.attach_button.isEnabled()

        dialog.request_id.setText(f"  {request_id} ")
        dialog.attach_button.click()
        await until(lambda: app.library.attach_dialog is None)
        attached = next(r for r in engine.runs() if r.request_id == request_id)
        assert attached.id != elsewhere.id
        await until(lambda: _done(app, attached.id))
        assert app.window.queue_view.selected_ids() == [attached.id]
        await until(
            lambda: (
                "Unknown: this run was sent from elsewhere"
                in (app.window.run_details.inputs_text.toPlainText())
            )
        )

        # The same run twice is refused before the server is asked.
        app.window.queue_view.attach_action.trigger()
        again = app.library.attach_dialog
        assert again is not None
        again.workflow.setCurrentText(WF)
        again.request_id.setText(request_id)
        again.attach_button.click()
        await until(lambda: again.problem.isVisible())
        assert again.problem.text() == "That run is in the queue already."
        again.reject()

    in_app(qloop, scenario)


def test_compare_from_the_queue_or_say_why_not(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        queue, status = app.window.queue_view, app.window.statusBar()
        lighthouse, cat = await _two_done_runs(app)
        assert queue.compare_action in app.window.run_menu.actions()
        # One run alone: said plainly, nothing opens.
        queue.select_run(lighthouse)
        await _press(app, Qt.Key.Key_C)
        assert "Select two to four runs with pictures" in status.currentMessage()
        assert app.library.compare_view is None
        # A run without a picture (still waiting) and one with: said plainly too.
        engine = app.services.engine
        assert engine is not None
        engine.pause_submissions()
        waiting = await engine.submit(WF, {"prompt": "later"}, profile=SANDBOX_PROFILE_NAME)
        await until(lambda: waiting.id in _shown(app))
        _select(app, [lighthouse, waiting.id])
        queue.compare_action.trigger()
        assert "Only one of the 2 selected runs has a picture" in status.currentMessage()
        assert app.library.compare_view is None

        _select(app, [lighthouse, cat, waiting.id])
        await _press(app, Qt.Key.Key_C)
        view = app.library.compare_view
        assert view is not None
        assert len(view.panes) == 2  # the waiting run is left out
        rows = {view.differences.item(r, 0).text() for r in range(view.differences.rowCount())}
        assert "prompt" in rows
        await until(lambda: all(p.image is not None and not p.image.isNull() for p in view.panes))
        view.close()
        await until(lambda: app.library.compare_view is None)

    in_app(qloop, scenario)


def _select(app: AppController, run_ids: list[str]) -> None:
    queue = app.window.queue_view
    selection = queue.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    shown = _shown(app)
    for run_id in run_ids:
        selection.select(queue.proxy.index(shown.index(run_id), 0), flags)


def test_dates_and_state_groups_narrow_the_search(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        queue = app.window.queue_view
        engine = app.services.engine
        assert engine is not None
        lighthouse, cat = await _two_done_runs(app)
        old = engine.run(cat)
        assert old is not None
        old.created_at -= 10 * 86400  # made ten days ago
        assert [queue.date_filter.itemText(i) for i in range(queue.date_filter.count())] == [
            "Any time",
            "Today",
            "Last 7 days",
            "Last 30 days",
        ]
        queue.date_filter.setCurrentIndex(queue.date_filter.findData("7d"))
        await until(lambda: _shown(app) == [lighthouse])
        queue.date_filter.setCurrentIndex(queue.date_filter.findData("30d"))
        await until(lambda: set(_shown(app)) == {lighthouse, cat})
        QTest.keyClicks(queue.search, "cat astro")
        await until(lambda: _shown(app) == [cat])
        queue.date_filter.setCurrentIndex(queue.date_filter.findData("today"))
        await until(lambda: _shown(app) == [])
        queue.date_filter.setCurrentIndex(queue.date_filter.findData(""))
        await until(lambda: _shown(app) == [cat])
        # The sidebar's state groups narrow the search too.
        sidebar = app.window.state_filters
        sidebar.select_group(StateGroup.FAILED)
        await until(lambda: _shown(app) == [])
        sidebar.select_group(StateGroup.COMPLETED)
        await until(lambda: _shown(app) == [cat])

    in_app(qloop, scenario)
