"""The sweep grid as part of the library, in the whole app: S stars and X rejects the runs of the
chosen cells (their tiles show it), C compares their pictures or says why it cannot."""

from __future__ import annotations

import qasync
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.batches.grid_cells import MarkRole
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, until

WF = "demo/text-to-image"


async def _grid_of_five(app: AppController) -> list[str]:
    engine = app.services.engine
    assert engine is not None
    batch = await engine.submit_batch(
        "kites",
        WF,
        [{"prompt": "a kite", "seed": seed, "width": 64, "height": 64} for seed in range(1, 6)],
        profile=SANDBOX_PROFILE_NAME,
    )
    ids = list(batch.run_ids)
    await until(
        lambda: all(
            (r := engine.run(rid)) is not None and r.state is RunState.COMPLETED for rid in ids
        ),
        timeout=60,
    )
    await until(lambda: all(engine.outputs_of(rid) for rid in ids))
    window = app.window
    await until(lambda: window.batch_bar.combo.findData(batch.id) >= 0)
    window.batch_bar.combo.setCurrentIndex(window.batch_bar.combo.findData(batch.id))
    window.batch_bar.grid_button.setChecked(True)
    grid = app.batches.grid
    assert window.queue_stack.currentWidget() is grid
    await until(lambda: all(grid.cell(i).image_path is not None for i in range(5)))
    return ids


def _choose(app: AppController, cells: list[int]) -> None:
    grid = app.batches.grid
    selection = grid.view.selectionModel()
    selection.clearSelection()
    grid.view.setCurrentIndex(grid.model.model_index(cells[0]))
    for cell in cells:
        selection.select(grid.model.model_index(cell), QItemSelectionModel.SelectionFlag.Select)


async def _press(app: AppController, key: Qt.Key) -> None:
    app.window.activateWindow()
    await until(lambda: app.window.isActiveWindow())
    view = app.batches.grid.view
    view.setFocus()
    await until(view.hasFocus)
    QTest.keyClick(view, key)


def test_stars_and_rejects_from_the_grid_show_on_its_tiles(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        ids = await _grid_of_five(app)
        engine = app.services.engine
        assert engine is not None
        grid = app.batches.grid
        _choose(app, [0, 1])
        await _press(app, Qt.Key.Key_S)
        assert engine.marks.get(ids[0]) is Mark.STAR
        assert engine.marks.get(ids[1]) is Mark.STAR
        assert "Starred 2 runs" in app.window.statusBar().currentMessage()
        await until(lambda: grid.cell(0).mark == "star" and grid.cell(1).mark == "star")
        assert grid.model.model_index(0).data(MarkRole) == "star"
        assert "starred" in grid.model.model_index(0).data(Qt.ItemDataRole.ToolTipRole)

        _choose(app, [2])
        await _press(app, Qt.Key.Key_X)
        assert engine.marks.get(ids[2]) is Mark.REJECT
        await until(lambda: grid.cell(2).mark == "reject")
        # Pressed again, it comes off; the menu offers the same.
        menu = grid.context_menu()
        texts = [a.text().replace("&", "") for a in menu.actions()]
        assert {"Star", "Reject", "Compare…"} <= set(texts)
        grid.reject_action.trigger()
        assert engine.marks.get(ids[2]) is None
        await until(lambda: grid.cell(2).mark is None)
        menu.deleteLater()

        # A picture starred in the gallery shows on its tile too.
        (record,) = [r for r in engine.outputs_of(ids[3]) if r.error is None][:1]
        engine.marks.set([MarkKey(ids[3], record.name)], Mark.STAR)
        await until(lambda: grid.cell(3).mark == "star")

    in_app(qloop, scenario)


def test_compare_from_the_grid_or_say_why_not(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        await _grid_of_five(app)
        status = app.window.statusBar()
        _choose(app, [0, 1, 2, 3, 4])
        await _press(app, Qt.Key.Key_C)
        assert "5 of the selected runs have pictures; compare up to four" in (
            status.currentMessage()
        )
        assert app.library.compare_view is None
        _choose(app, [4])
        app.batches.grid.compare_action.trigger()
        assert "Select two to four runs with pictures" in status.currentMessage()
        assert app.library.compare_view is None

        _choose(app, [4, 0, 2])  # compared in reading order, whatever the clicks
        await _press(app, Qt.Key.Key_C)
        view = app.library.compare_view
        assert view is not None
        assert len(view.panes) == 3
        rows = {
            view.differences.item(r, 0).text(): [
                view.differences.item(r, c).text() for c in (1, 2, 3)
            ]
            for r in range(view.differences.rowCount())
        }
        assert rows == {"seed": ["1", "3", "5"]}
        await until(lambda: all(p.image is not None and not p.image.isNull() for p in view.panes))
        view.close()
        await until(lambda: app.library.compare_view is None)

    in_app(qloop, scenario)


def test_delete_from_the_grid_and_undo_puts_the_tile_back_in_its_place(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        ids = await _grid_of_five(app)
        grid, library = app.batches.grid, app.library
        engine = app.services.engine
        assert engine is not None
        seeds = [grid.cell(i).seed for i in range(5)]
        _choose(app, [1])
        grid.delete_action.trigger()
        await until(lambda: library.confirm is not None)
        box = library.confirm
        assert box is not None
        assert box.text().startswith("Delete 1 run and 2 saved files")
        next(b for b in box.buttons() if b.text() == "Delete").click()
        await until(lambda: grid.model.cell_count() == 4)
        assert [grid.cell(i).seed for i in range(4)] == [seeds[0], *seeds[2:]]
        assert app.window.queue_stack.currentWidget() is grid

        library.undo_bar.button.click()
        await until(lambda: grid.model.cell_count() == 5)
        assert [grid.cell(i).seed for i in range(5)] == seeds
        batch = engine.batch(engine.run(ids[0]).batch_id or "")  # type: ignore[union-attr]
        assert batch is not None
        assert batch.run_ids == ids
        await until(lambda: grid.cell(1).image_path is not None)

        # Deleting every run of the batch removes it; the queue then shows every run.
        _choose(app, [0, 1, 2, 3, 4])
        grid.delete_action.trigger()
        await until(lambda: library.confirm is not None)
        box = library.confirm
        assert box is not None
        next(b for b in box.buttons() if b.text() == "Delete").click()
        await until(lambda: app.window.queue_stack.currentWidget() is app.window.queue_view)
        assert app.batches.shown_batch_id() is None
        assert app.window.queue_view.proxy.rowCount() == 0
        library.undo_bar.button.click()
        await until(lambda: app.window.queue_view.proxy.rowCount() == 5)
        await until(lambda: app.window.batch_bar.combo.findData(batch.id) >= 0)

    in_app(qloop, scenario)
