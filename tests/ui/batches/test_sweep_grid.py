"""The sweep grid: headers by swept value, live cells, thumbnails as they arrive, activation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.batch_plan import BatchPlan, SweepAxis, repeat_with_seeds, sweep
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.batches.sweep_grid import (
    ATTENTION,
    CANCELLED,
    DONE,
    FAILED,
    RUNNING,
    WAITING,
    ItemIndexRole,
    SeedRole,
    StateRole,
    SweepGrid,
    cell_state,
)
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

A = SweepAxis("guidance_scale", (3, 6, 9, 12))
B = SweepAxis("width", (512, 768, 1024))


def grid_plan() -> BatchPlan:
    return BatchPlan("g", "demo", "t2i", tuple(sweep({"prompt": "fox"}, A, B)), (A, B))


def make_grid(qtbot: QtBot, **kwargs: object) -> SweepGrid:
    grid = SweepGrid(**kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(grid)
    grid.resize(800, 600)
    return grid


def red_png(tmp_path: Path, name: str = "out.png") -> Path:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#d00000"))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def test_two_axes_make_rows_by_b_and_columns_by_a(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    model = grid.model
    assert (model.rowCount(), model.columnCount()) == (3, 4)
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)]
    assert columns == [
        "guidance_scale = 3",
        "guidance_scale = 6",
        "guidance_scale = 9",
        "guidance_scale = 12",
    ]
    assert rows == ["width = 512", "width = 768", "width = 1024"]
    assert not grid.view.verticalHeader().isHidden()
    # Run 6 of the plan (row 1, column 2) is guidance 9 at width 768.
    index = model.index(1, 2)
    assert index.data(ItemIndexRole) == 6
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "guidance_scale = 9 · width = 768: Waiting"
    assert grid.summary.text() == "12 runs · 12 waiting"


def test_one_axis_is_one_row_without_row_headers(qtbot: QtBot) -> None:
    axis = SweepAxis("scheduler", ("DDIM", "K_EULER"))
    plan = BatchPlan("g", "o", "s", tuple(sweep({}, axis)), (axis,))
    grid = make_grid(qtbot)
    grid.set_plan(plan)
    assert (grid.model.rowCount(), grid.model.columnCount()) == (1, 2)
    assert grid.model.headerData(1, Qt.Orientation.Horizontal) == "scheduler = K_EULER"
    assert grid.view.verticalHeader().isHidden()


def test_long_swept_text_is_shortened_in_headers_but_whole_in_tooltips(qtbot: QtBot) -> None:
    prompt = "A very long prompt about a red fox, sitting in fresh snow, at dawn, in the style of"
    axis = SweepAxis("prompt", (prompt, "short"))
    grid = make_grid(qtbot)
    grid.set_plan(BatchPlan("g", "o", "s", tuple(sweep({}, axis, B)), (axis, B)))
    shown = grid.model.headerData(0, Qt.Orientation.Horizontal)
    assert shown == "prompt = A very long prompt about a red fox, si…"
    assert len(shown) == 48
    full = grid.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert full == f"prompt = {prompt}"
    assert grid.model.headerData(1, Qt.Orientation.Horizontal) == "prompt = short"


def test_a_plan_without_axes_is_laid_out_near_square_in_order(qtbot: QtBot) -> None:
    plan = BatchPlan("r", "o", "s", tuple(repeat_with_seeds({}, 5, mode="increment", start=1)))
    grid = make_grid(qtbot)
    grid.set_plan(plan)
    assert (grid.model.rowCount(), grid.model.columnCount()) == (2, 3)
    assert grid.model.index(1, 1).data(ItemIndexRole) == 4
    assert grid.model.index(1, 2).data(ItemIndexRole) is None
    assert grid.model.index(1, 2).flags() == Qt.ItemFlag.NoItemFlags
    assert grid.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "seed = 1: Waiting"


def test_update_cell_is_reflected_in_the_cell_and_the_summary(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    with qtbot.waitSignal(grid.model.dataChanged) as changed:
        grid.update_cell(5, RUNNING, 40)
    assert changed.args[0].row() == 1
    assert changed.args[0].column() == 1
    index = grid.model.index(1, 1)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Running · 40%"
    assert index.data(StateRole) == RUNNING
    grid.update_cell(0, FAILED)
    grid.update_cell(1, CANCELLED)
    grid.update_cell(2, ATTENTION)
    grid.update_cell(3, DONE)
    assert grid.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "guidance_scale = 3 · width = 512: Failed"
    )
    assert grid.summary.text() == (
        "12 runs · 1 done · 1 running · 7 waiting · 1 failed · 1 cancelled · 1 needs attention"
    )
    grid.update_cell(5, RUNNING, None)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Running"


def test_bad_updates_are_refused(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    with pytest.raises(ValueError, match="Unknown cell state 'completed'"):
        grid.update_cell(0, "completed")
    with pytest.raises(IndexError, match="No run 12 in this grid of 12"):
        grid.update_cell(12, DONE)


def test_a_cached_thumbnail_shows_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    path = red_png(tmp_path)
    asked: list[tuple[Path, int]] = []

    def provider(p: Path, size: int) -> QPixmap:
        asked.append((p, size))
        return QPixmap(str(p))

    grid = make_grid(qtbot, thumbnail_provider=provider, thumbnail_size=128)
    grid.set_plan(grid_plan())
    grid.update_cell(0, DONE, image_path=path)
    assert asked == [(path, 128)]
    pixmap = grid.cell(0).pixmap
    assert pixmap is not None
    assert pixmap.width() == 64
    # The same picture again is not asked for twice.
    grid.update_cell(0, DONE, image_path=path)
    assert len(asked) == 1


def test_a_thumbnail_that_arrives_later_fills_its_cell(qtbot: QtBot, tmp_path: Path) -> None:
    path = red_png(tmp_path)
    cache: dict[str, QPixmap] = {}
    grid = make_grid(qtbot, thumbnail_provider=lambda p, s: cache.get(str(p)))
    grid.set_plan(grid_plan())
    grid.show()
    qtbot.waitExposed(grid)
    grid.update_cell(4, DONE, image_path=path)
    assert grid.cell(4).pixmap is None
    cache[str(path)] = QPixmap(str(path))
    grid.thumbnail_ready(str(path), 999)
    assert grid.cell(4).pixmap is None, "a thumbnail of another size is not this grid's"
    grid.thumbnail_ready(str(path), 256)
    assert grid.cell(4).pixmap is not None
    # The cell now paints the picture, scaled to the cell.
    centre = grid.cell_rect(4).center()
    image = grid.view.viewport().grab().toImage()
    assert image.pixelColor(centre).name() == "#d00000"


def test_the_apps_thumbnail_loader_plugs_in(qtbot: QtBot, tmp_path: Path) -> None:
    path = red_png(tmp_path)
    loader = ThumbnailLoader(max_workers=1)
    try:
        grid = make_grid(qtbot, thumbnail_provider=loader.request)
        loader.thumbnail_ready.connect(grid.thumbnail_ready)
        grid.set_plan(grid_plan())
        grid.update_cell(7, DONE, image_path=path)
        qtbot.waitUntil(lambda: grid.cell(7).pixmap is not None)
    finally:
        assert loader.shutdown()


def test_placeholders_paint_for_every_state(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    grid.show()
    qtbot.waitExposed(grid)
    before = grid.view.viewport().grab().toImage()
    for index, state in enumerate((WAITING, RUNNING, DONE, FAILED, CANCELLED, ATTENTION)):
        grid.update_cell(index, state, 50 if state == RUNNING else None)
    after = grid.view.viewport().grab().toImage()
    failed_centre = grid.cell_rect(3).adjusted(8, 8, -8, -8).topLeft()
    # A failed cell is tinted; a waiting one is not.
    assert after.pixelColor(failed_centre) != before.pixelColor(failed_centre)
    waiting_corner = grid.cell_rect(0).adjusted(8, 8, -8, -8).topLeft()
    assert after.pixelColor(waiting_corner) == before.pixelColor(waiting_corner)


def test_double_click_and_enter_activate_the_run(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    grid.show()
    qtbot.waitExposed(grid)
    centre = grid.cell_rect(9).center()
    viewport = grid.view.viewport()
    with qtbot.waitSignal(grid.cell_activated) as activated:
        # A real double-click: the first click selects the cell, the second opens it.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert activated.args == [9]
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(0, 3))
    with qtbot.waitSignal(grid.cell_activated) as by_key:
        qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert by_key.args == [3]


def test_cells_scale_with_the_window(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    grid.show()
    qtbot.waitExposed(grid)
    small = grid.cell_rect(0).size()
    grid.resize(1400, 1000)
    qtbot.waitUntil(lambda: grid.cell_rect(0).width() > small.width())
    big = grid.cell_rect(0).size()
    assert big.height() > small.height()
    # Every column still fits: no horizontal scrolling needed.
    assert grid.cell_rect(11).right() <= grid.view.viewport().width()
    assert grid.cell_rect(11).topLeft() != QPoint(0, 0)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (RunState.WAITING, WAITING),
        (RunState.IN_QUEUE, WAITING),
        (RunState.SUBMITTING, RUNNING),
        (RunState.IN_PROGRESS, RUNNING),
        (RunState.COMPLETED, DONE),
        (RunState.REJECTED, ATTENTION),
        (RunState.FAILED, FAILED),
        (RunState.CANCELLED, CANCELLED),
        (RunState.UNCERTAIN, ATTENTION),
    ],
)
def test_run_states_map_to_cell_states(state: RunState, expected: str) -> None:
    assert cell_state(state) == expected


def test_every_run_state_has_a_cell_state() -> None:
    assert {cell_state(state) for state in RunState} <= {
        WAITING,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED,
        ATTENTION,
    }


def test_tiles_of_a_seed_batch_are_labelled_with_their_seed(qtbot: QtBot) -> None:
    plan = BatchPlan("r", "o", "s", tuple(repeat_with_seeds({}, 4, mode="increment", start=41)))
    unseeded = BatchPlan("r", "o", "s", tuple(sweep({"prompt": "fox"}, A)), (A,))
    grid = make_grid(qtbot)
    grid.set_plan(unseeded)
    grid.show()
    qtbot.waitExposed(grid)
    assert grid.model.index(0, 0).data(SeedRole) == ""
    plain = grid.view.viewport().grab().toImage()
    grid.set_plan(plan)
    assert [grid.model.index(0, c).data(SeedRole) for c in range(2)] == ["41", "42"]
    assert grid.cell(3).seed == "44"
    # The seed is painted on the tile, at its top left, where a plain tile is an even card.
    labelled = grid.view.viewport().grab().toImage()
    corner = grid.cell_rect(0).topLeft() + QPoint(3 + 8, 3 + 4 + 6)
    plate = [labelled.pixelColor(corner + QPoint(dx, 0)) for dx in range(0, 40, 2)]
    card = plain.pixelColor(grid.cell_rect(0).topLeft() + QPoint(12, 12))
    assert any(colour != card for colour in plate)


def test_a_click_on_a_tile_picks_its_run(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    grid.show()
    qtbot.waitExposed(grid)
    with qtbot.waitSignal(grid.cell_clicked) as clicked:
        qtbot.mouseClick(
            grid.view.viewport(), Qt.MouseButton.LeftButton, pos=grid.cell_rect(5).center()
        )
    assert clicked.args == [5]


def test_the_summary_counts_in_words(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(
        BatchPlan("r", "o", "s", tuple(repeat_with_seeds({}, 1, mode="increment", start=1)))
    )
    assert grid.summary.text().startswith("1 run")
    assert not grid.summary.text().startswith("1 runs")


def test_the_grid_has_the_queue_lists_menu_and_delete_key(qtbot: QtBot, tmp_path: Path) -> None:
    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    grid.update_cell(0, DONE, image_path=red_png(tmp_path))
    grid.update_cell(1, RUNNING, 40)
    grid.update_cell(2, FAILED)
    grid.show()
    qtbot.waitExposed(grid)
    view = grid.view
    grid.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    view.setCurrentIndex(grid.model.model_index(1))
    menu = grid.context_menu()
    assert [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()] == [
        "Open",
        "Cancel",
        "Retry",
        "Use These Inputs",
        "Copy Request ID",
        "Save as…",
        "Copy image",
        "Export…",
        "Star",
        "Reject",
        "Compare…",
        "Delete with Files…",
    ]
    assert grid.cancel_action.isEnabled()
    assert not grid.retry_action.isEnabled()
    assert not grid.save_as_action.isEnabled()
    menu.deleteLater()
    with qtbot.waitSignal(grid.cancel_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert blocker.args == [[1]]

    view.setCurrentIndex(grid.model.model_index(2))
    with qtbot.waitSignal(grid.retry_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [[2]]

    view.setCurrentIndex(grid.model.model_index(0))
    with qtbot.waitSignal(grid.save_as_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [0]
    with qtbot.waitSignal(grid.use_inputs_requested) as blocker:
        grid.use_inputs_action.trigger()
    assert blocker.args == [0]
    view.selectAll()
    grid.context_menu().deleteLater()
    assert grid.cancel_action.isEnabled()  # the running one among them
    with qtbot.waitSignal(grid.export_requested) as blocker:
        grid.export_action.trigger()
    assert blocker.args[0][0] == 0
    assert sorted(blocker.args[0]) == list(range(grid.model.cell_count()))


def test_a_marked_cell_says_so_and_keeps_its_mark_until_told(qtbot: QtBot) -> None:
    from fizzly_desktop.ui.batches.sweep_grid import MarkRole

    grid = make_grid(qtbot)
    grid.set_plan(grid_plan())
    grid.update_cell(0, DONE, mark="star")
    grid.update_cell(1, DONE, mark="reject")
    assert grid.model.model_index(0).data(MarkRole) == "star"
    assert grid.cell(0).describe() == "Done · starred"
    assert grid.cell(1).describe() == "Done · rejected"
    grid.update_cell(0, DONE)
    assert grid.cell(0).mark is None
    received: list[tuple[list[int], str]] = []
    grid.mark_requested.connect(lambda cells, mark: received.append((cells, mark)))
    grid.view.setCurrentIndex(grid.model.model_index(1))
    grid.star_action.trigger()
    assert received == [([1], "star")]
    grid.show()
    qtbot.waitExposed(grid)
    grid.view.viewport().repaint()  # the star and the dimmed tile paint without error
