"""The queue view: actions follow the selected runs' states, columns can be hidden and kept."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.ui.queue.queue_view import QueueView
from fizzly_desktop.ui.queue.run_table import RUN_ID_ROLE, Column, RunTableModel
from fizzly_desktop.ui.queue.state_filters import StateFilterList


def make_run(n: int, state: RunState, **changes: object) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": f"p{n}"}, "Local sandbox")
    run.id = f"run-{n}"
    run.created_at = 1_000.0 + n
    run.submitted_at = 1_000.0 + n
    run.state = state
    for key, value in changes.items():
        setattr(run, key, value)
    return run


def make_view(qtbot: QtBot, runs: list[Run]) -> QueueView:
    model = RunTableModel()
    model.set_runs(runs)
    view = QueueView(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    return view


def test_actions_follow_the_selected_runs(qtbot: QtBot) -> None:
    view = make_view(
        qtbot,
        [
            make_run(1, RunState.COMPLETED, request_id="run_1", outputs={"image": {}}),
            make_run(2, RunState.IN_PROGRESS, request_id="run_2"),
            make_run(3, RunState.FAILED, request_id="run_3"),
        ],
    )
    view.select_run("run-2")
    assert view.selected_ids() == ["run-2"]
    assert view.cancel_action.isEnabled()
    assert not view.retry_action.isEnabled()
    assert not view.remove_action.isEnabled()

    view.select_run("run-3")
    assert view.retry_action.isEnabled()
    assert not view.cancel_action.isEnabled()
    assert view.remove_action.isEnabled()

    view.select_run("run-1")
    assert view.open_folder_action.isEnabled()
    with qtbot.waitSignal(view.copy_request_id_requested) as copied:
        view.copy_id_action.trigger()
    assert copied.args == ["run_1"]


def test_cancel_emits_every_selected_run(qtbot: QtBot) -> None:
    view = make_view(qtbot, [make_run(i, RunState.IN_QUEUE) for i in range(4)])
    view.table.selectAll()
    with qtbot.waitSignal(view.cancel_requested) as cancelled:
        view.cancel_action.trigger()
    assert sorted(cancelled.args[0]) == ["run-0", "run-1", "run-2", "run-3"]


def test_export_takes_the_selected_runs_with_outputs(qtbot: QtBot) -> None:
    view = make_view(
        qtbot,
        [
            make_run(1, RunState.COMPLETED, outputs={"image": {}}),
            make_run(2, RunState.COMPLETED, outputs={"image": {}}),
            make_run(3, RunState.IN_PROGRESS),
        ],
    )
    view.select_run("run-3")
    assert not view.export_action.isEnabled()
    view.table.selectAll()
    assert view.export_action.isEnabled()
    with qtbot.waitSignal(view.export_requested) as exported:
        view.export_action.trigger()
    assert sorted(exported.args[0]) == ["run-1", "run-2", "run-3"]


def test_summary_counts_filtered_rows(qtbot: QtBot) -> None:
    view = make_view(qtbot, [make_run(1, RunState.COMPLETED), make_run(2, RunState.FAILED)])
    assert view.summary.text() == "2 runs"
    view.search.setText("failed")
    assert view.summary.text() == "1 of 2 runs"


def test_visible_runs_are_reported(qtbot: QtBot) -> None:
    # Settled rows are reported once, shortly after they appear.
    view = make_view(qtbot, [make_run(i, RunState.IN_QUEUE) for i in range(3)])
    with qtbot.waitSignal(view.visible_runs_changed, timeout=2000) as visible:
        pass
    assert set(visible.args[0]) == {"run-0", "run-1", "run-2"}


def test_hidden_columns_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    view = make_view(qtbot, [make_run(1, RunState.COMPLETED)])
    header = view.table.horizontalHeader()
    assert header.isSectionHidden(Column.NODE)  # shown in the progress bar by default
    header.setSectionHidden(Column.NODE, False)
    header.setSectionHidden(Column.CREDITS, True)
    view.save_layout(settings)
    again = make_view(qtbot, [make_run(1, RunState.COMPLETED)])
    assert again.table.horizontalHeader().isSectionHidden(Column.NODE)
    again.restore_layout(settings)
    assert not again.table.horizontalHeader().isSectionHidden(Column.NODE)
    assert again.table.horizontalHeader().isSectionHidden(Column.CREDITS)


def test_waiting_batch_runs_can_be_moved(qtbot: QtBot) -> None:
    view = make_view(
        qtbot,
        [
            make_run(1, RunState.WAITING, batch_id="b1"),
            make_run(2, RunState.IN_PROGRESS, batch_id="b1"),
            make_run(3, RunState.WAITING),
        ],
    )
    view.select_run("run-1")
    assert view.move_up_action.isEnabled()
    with qtbot.waitSignal(view.move_requested) as moved:
        view.move_up_action.trigger()
    assert moved.args == ["run-1", -1]
    view.select_run("run-2")  # already sent
    assert not view.move_down_action.isEnabled()
    view.select_run("run-3")  # a single run, not in a batch
    assert not view.move_down_action.isEnabled()


def test_new_runs_on_top_do_not_move_the_rows_being_read(qtbot: QtBot) -> None:
    view = make_view(qtbot, [make_run(n, RunState.COMPLETED) for n in range(300)])
    table = view.table
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # reading somewhere in the history
    qtbot.wait(10)
    top_before = view.proxy.index(table.rowAt(0), 0).data(RUN_ID_ROLE)

    view.model.apply(added=[make_run(n, RunState.WAITING) for n in range(400, 405)])
    qtbot.wait(10)
    assert view.proxy.index(table.rowAt(0), 0).data(RUN_ID_ROLE) == top_before

    # At the very top, the new runs come into view as they arrive.
    bar.setValue(0)
    qtbot.wait(10)
    view.model.apply(added=[make_run(500, RunState.WAITING)])
    qtbot.wait(10)
    assert bar.value() == 0
    assert view.proxy.index(table.rowAt(0), 0).data(RUN_ID_ROLE) == "run-500"


def test_runs_arriving_above_the_rows_being_read_repaint_nothing(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QPaintEvent

    view = make_view(qtbot, [make_run(n, RunState.COMPLETED) for n in range(300)])
    table, viewport = view.table, view.table.viewport()
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 7)  # mid-row, as a touchpad leaves it
    qtbot.waitExposed(view)
    qtbot.wait(20)
    top_before = view.proxy.index(table.rowAt(0), 0).data(RUN_ID_ROLE)
    y_before = table.visualRect(view.proxy.index(table.rowAt(0), 0)).y()
    maximum_before = bar.maximum()

    paints: list[tuple[int, int, int, int]] = []

    class PaintCounter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if isinstance(event, QPaintEvent):
                paints.append(event.rect().getRect())
            return False

    counter = PaintCounter()
    viewport.installEventFilter(counter)
    view.model.apply(added=[make_run(n, RunState.WAITING) for n in range(400, 405)])
    qtbot.wait(30)
    viewport.removeEventFilter(counter)

    assert paints == []  # nothing on screen changed, so nothing was painted again
    top = view.proxy.index(table.rowAt(0), 0)
    assert top.data(RUN_ID_ROLE) == top_before
    assert table.visualRect(top).y() == y_before
    row_height = table.verticalHeader().defaultSectionSize()
    assert bar.maximum() == maximum_before + 5 * row_height

    # Scrolling on reuses what is on screen (the backing store) and paints the strip that comes
    # in: what the window then shows must be what a fresh paint of the table shows.
    bar.setValue(bar.value() + 13)
    qtbot.wait(30)
    origin = viewport.mapTo(view.window(), QPoint(0, 0))
    shown = view.screen().grabWindow(
        view.window().winId(), origin.x(), origin.y(), viewport.width(), viewport.height()
    )
    fresh = viewport.grab()
    assert shown.size() == fresh.size()
    assert shown.toImage() == fresh.toImage()


class _PaintLog:
    """The rectangles a widget is asked to paint, while it listens."""

    def __init__(self, widget: QWidget) -> None:
        from PySide6.QtCore import QObject
        from PySide6.QtGui import QPaintEvent

        rects: list[QRect] = []
        self.rects = rects

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if isinstance(event, QPaintEvent):
                    rects.append(event.rect())
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)


def test_streaming_progress_repaints_only_the_progress_cells_on_screen(qtbot: QtBot) -> None:
    history = [make_run(n, RunState.COMPLETED) for n in range(400)]
    streaming = [make_run(n, RunState.IN_PROGRESS, progress=10.0) for n in range(1000, 1200)]
    view = make_view(qtbot, [*history, *streaming])
    table, viewport = view.table, view.table.viewport()
    qtbot.waitExposed(view)
    qtbot.wait(20)

    def a_frame_of_progress(percent: float) -> None:
        view.model.apply(
            updated=[
                make_run(n, RunState.IN_PROGRESS, progress=percent, current_node="upscale")
                for n in range(1000, 1200)
            ]
        )
        qtbot.wait(30)

    # Reading the history: the 200 streaming rows are all above, nothing on screen changes.
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(30)
    log = _PaintLog(viewport)
    a_frame_of_progress(40.0)
    assert log.rects == []

    # At the top, the streaming rows are on screen: only their progress cells repaint.
    bar.setValue(0)
    qtbot.wait(30)
    log.rects.clear()
    a_frame_of_progress(60.0)
    assert log.rects
    column_x = table.columnViewportPosition(Column.PROGRESS)
    column_width = table.columnWidth(Column.PROGRESS)
    for rect in log.rects:
        assert rect.left() >= column_x
        assert rect.right() <= column_x + column_width


def test_seed_and_prompt_columns_are_shown_from_the_header_menu_and_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    runs = [
        make_run(
            1, RunState.WAITING, batch_id="b", inputs={"prompt": "a  fox\nin snow", "seed": 7}
        ),
        make_run(2, RunState.WAITING, inputs={"prompt": "a fox", "seed": 12}),
    ]
    view = make_view(qtbot, runs)
    header = view.table.horizontalHeader()
    # Hidden until wanted: most runs are not part of a batch.
    assert header.isSectionHidden(Column.SEED)
    assert header.isSectionHidden(Column.PROMPT)

    menu = view.header_menu()
    for text in ("Seed", "Prompt"):
        action = next(a for a in menu.actions() if a.text() == text)
        assert not action.isChecked()
        action.trigger()
    menu.close()
    assert not header.isSectionHidden(Column.SEED)
    assert not header.isSectionHidden(Column.PROMPT)
    assert [view.proxy.index(r, Column.SEED).data() for r in range(2)] == ["12", "7"]
    # The prompt on one line: the rows of a batch differ at a glance.
    assert view.proxy.index(1, Column.PROMPT).data() == "a fox in snow"

    # Sorting by seed goes by number, not by text ("12" after "7").
    view.table.sortByColumn(Column.SEED, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, Column.SEED).data() for r in range(2)] == ["7", "12"]

    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    view.save_layout(settings)
    again = make_view(qtbot, runs)
    assert again.table.horizontalHeader().isSectionHidden(Column.SEED)
    again.restore_layout(settings)
    assert not again.table.horizontalHeader().isSectionHidden(Column.SEED)
    assert not again.table.horizontalHeader().isSectionHidden(Column.PROMPT)


def test_a_queue_position_is_the_servers_number_greyed_once_stale(qtbot: QtBot) -> None:
    queued = make_run(1, RunState.IN_QUEUE)
    queued.set_queue_position(6)
    view = make_view(qtbot, [queued])
    cell = view.proxy.index(0, Column.QUEUE)
    assert cell.data() == "6"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "The server said position 6" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert view.proxy.index(0, Column.STATE).data() == "In queue"

    # Heard two minutes ago: still the server's number, greyed, its age in the tooltip.
    stale = queued.copy()
    stale.queue_position_at = time.time() - 120
    view.model.apply(updated=[stale])
    cell = view.proxy.index(0, Column.QUEUE)
    assert cell.data() == "6"
    assert isinstance(cell.data(Qt.ItemDataRole.ForegroundRole), QColor)
    assert "position 6 2 min" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert view.proxy.index(0, Column.STATE).data(Qt.ItemDataRole.ToolTipRole) == (
        "In queue · position unknown"
    )


def test_the_summary_counts_runs_in_words(qtbot: QtBot) -> None:
    view = make_view(qtbot, [make_run(1, RunState.WAITING)])
    assert view.summary.text() == "1 run"
    view.model.apply(added=[make_run(2, RunState.COMPLETED)])
    assert view.summary.text() == "2 runs"
    view.search.setText("no such run")
    assert view.summary.text() == "0 of 2 runs"


def test_the_sidebar_names_the_groups_in_the_shared_words(qtbot: QtBot) -> None:
    sidebar = StateFilterList()
    qtbot.addWidget(sidebar)
    sidebar.set_counts({StateGroup.NOT_SENT: 1, StateGroup.ON_SERVER: 3})
    assert [sidebar.item(row).text() for row in range(sidebar.count())] == [
        "All runs",
        "Not sent yet",
        "On the server",
        "Done",
        "Failed",
        "Cancelled",
        "Needs attention",
    ]
    assert sidebar.item(1).toolTip() == "Not sent yet: 1 run"
    assert sidebar.item(2).toolTip() == "On the server: 3 runs"


def test_a_layout_saved_before_seed_and_prompt_keeps_them_hidden(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The header of a version with eight columns, the current node shown.
    old = QTableView()
    qtbot.addWidget(old)
    old.setModel(QStandardItemModel(0, int(Column.SEED)))
    old.horizontalHeader().setSectionHidden(Column.NODE, False)
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue("queue/header", old.horizontalHeader().saveState())
    # Restored, such a state shows every section it did not know; new ones hidden by default
    # stay hidden.
    view = make_view(qtbot, [make_run(1, RunState.WAITING)])
    view.restore_layout(settings)
    header = view.table.horizontalHeader()
    assert not header.isSectionHidden(Column.NODE)
    assert header.isSectionHidden(Column.SEED)
    assert header.isSectionHidden(Column.PROMPT)
