"""The live run table: rows by id, batched updates without resets, filters by state group."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.ui.queue.run_table import (
    RUN_ID_ROLE,
    Column,
    RunFilterProxy,
    RunTableModel,
    format_duration,
)

# The model ticks a QTimer for the elapsed column: it needs a QApplication.
pytestmark = pytest.mark.usefixtures("qapp")


def make_run(n: int, state: RunState = RunState.WAITING, **changes: object) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": f"p{n}"}, "Local sandbox")
    run.id = f"run-{n}"
    run.created_at = 1_000.0 + n
    run.state = state
    for key, value in changes.items():
        setattr(run, key, value)
    return run


def test_model_passes_qt_consistency_checks(qtmodeltester: ModelTester) -> None:
    model = RunTableModel()
    model.set_runs([make_run(i) for i in range(5)])
    qtmodeltester.check(model)
    model.apply(added=[make_run(9)], removed=["run-2"])
    qtmodeltester.check(model)


def test_rows_are_newest_first_and_found_by_id() -> None:
    model = RunTableModel()
    model.set_runs([make_run(1), make_run(3), make_run(2)])
    assert [model.run_at(r).id for r in range(3)] == ["run-3", "run-2", "run-1"]
    assert model.row_of("run-1") == 2
    assert model.run("missing") is None


def test_live_updates_never_reset_the_model(qtbot: QtBot) -> None:
    model = RunTableModel()
    model.set_runs([make_run(i) for i in range(3)])
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))

    model.apply(added=[make_run(10), make_run(11)])
    model.apply(updated=[make_run(1, RunState.IN_PROGRESS, progress=40.0)])
    model.apply(removed=["run-0"])

    assert resets == []
    assert inserted == [(0, 1)]
    assert removed == [(4, 4)]
    row = model.row_of("run-1")
    assert row is not None
    assert model.index(row, Column.STATE).data() == "Running"


def test_changes_are_announced_column_by_column_over_neighbouring_rows(qtbot: QtBot) -> None:
    model = RunTableModel()
    model.set_runs([make_run(i) for i in range(100)])
    spans: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): spans.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )

    # Two runs sent (rows 94 and 92): their state, progress and elapsed cells, in one span
    # per column since the rows are close.
    model.apply(updated=[make_run(5, RunState.PENDING), make_run(7, RunState.PENDING)])
    state, progress, elapsed = int(Column.STATE), int(Column.PROGRESS), int(Column.ELAPSED)
    assert sorted(spans) == [
        (92, 94, state, state),
        (92, 94, progress, progress),
        (92, 94, elapsed, elapsed),
    ]

    # Many rows, some far apart: never a span over several columns (the view would repaint
    # all it shows), and rows far apart in separate spans.
    spans.clear()
    many = [make_run(i, RunState.IN_QUEUE, queue_position=i) for i in (*range(40), 90)]
    model.apply(updated=many)
    assert all(left == right for _top, _bottom, left, right in spans)
    queue = int(Column.QUEUE)
    assert sorted(span for span in spans if span[2] == queue) == [
        (9, 9, queue, queue),
        (60, 99, queue, queue),
    ]


def test_the_clock_repaints_elapsed_time_of_active_runs_only(qtbot: QtBot) -> None:
    model = RunTableModel()
    history = [make_run(i, RunState.COMPLETED, completed_at=1_100.0 + i) for i in range(50)]
    model.set_runs([*history, make_run(60, RunState.IN_PROGRESS, started_at=1_000.0)])
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changed.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    elapsed = int(Column.ELAPSED)

    model._on_clock_timeout()
    assert changed == [(0, 0, elapsed, elapsed)]  # run-60 is the newest: row 0

    # A run sent now starts counting; the running one finishing stops.
    changed.clear()
    model.apply(added=[make_run(70, RunState.IN_QUEUE, submitted_at=1_070.0)])
    model.apply(updated=[make_run(60, RunState.COMPLETED, completed_at=1_090.0)])
    changed.clear()
    model._on_clock_timeout()
    assert changed == [(0, 0, elapsed, elapsed)]
    assert model.run_at(0).id == "run-70"

    # Removing it from history leaves nothing for the clock.
    model.apply(removed=["run-70"])
    changed.clear()
    model._on_clock_timeout()
    assert changed == []


def test_display_text_for_each_column() -> None:
    run = make_run(
        1,
        RunState.COMPLETED,
        queue_position=None,
        current_node="upscale",
        credits_used=5.0,
        credits_refunded=None,
        submitted_at=2_000.0,
        started_at=2_000.0,
        completed_at=2_075.0,
    )
    model = RunTableModel(workflow_names=lambda wf: {"demo/text-to-image": "Text to image"}[wf])
    model.set_runs([run])
    text = {c: model.index(0, c).data() for c in Column}
    assert text[Column.WORKFLOW] == "Text to image"
    assert text[Column.STATE] == "Done"
    assert text[Column.PROGRESS] == "Done"
    assert text[Column.NODE] == "upscale"
    assert text[Column.CREDITS] == "5"
    assert text[Column.ELAPSED] == "1 min 15 s"
    assert model.headerData(Column.NODE, Qt.Orientation.Horizontal) == "Current node"


def test_refund_is_shown_with_credits() -> None:
    model = RunTableModel()
    model.set_runs([make_run(1, RunState.CANCELLED, credits_used=2.0, credits_refunded=3.0)])
    # What it cost, and what came back; the tooltip says it in words.
    cell = model.index(0, Column.CREDITS)
    assert cell.data() == "2 (refunded 3)"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "2 credits charged, 3 credits refunded"


def test_format_duration() -> None:
    assert format_duration(None) == ""
    assert format_duration(9.6) == "10 s"
    assert format_duration(3725) == "1 h 2 min"


def test_proxy_filters_by_state_group_workflow_and_text() -> None:
    model = RunTableModel()
    runs = [
        make_run(1, RunState.COMPLETED),
        make_run(2, RunState.IN_PROGRESS),
        make_run(3, RunState.FAILED, error="Out of memory at upscale"),
        make_run(4, RunState.UNCERTAIN),
        make_run(5, RunState.WAITING),
        make_run(6, RunState.REJECTED),
    ]
    runs[4].workflow = "demo/slow-render"
    model.set_runs(runs)
    proxy = RunFilterProxy()
    proxy.setSourceModel(model)

    def visible() -> set[str]:
        return {
            proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(proxy.rowCount())
        }

    assert len(visible()) == 6
    proxy.set_group(StateGroup.FAILED)
    assert visible() == {"run-3"}
    # Sent with no answer, and refused: the user has to decide what to do with them.
    proxy.set_group(StateGroup.NEEDS_ATTENTION)
    assert visible() == {"run-4", "run-6"}
    proxy.set_group(StateGroup.NOT_SENT)
    assert visible() == {"run-5"}
    proxy.set_group(StateGroup.ON_SERVER)
    assert visible() == {"run-2"}
    proxy.set_group(StateGroup.ALL)
    proxy.set_workflow("demo/slow-render")
    assert visible() == {"run-5"}
    proxy.set_workflow(None)
    proxy.set_text("memory")
    assert visible() == {"run-3"}
    assert proxy.rowCount(QModelIndex()) == 1


def test_progress_updates_leave_the_sort_column_alone(qtbot: QtBot) -> None:
    model = RunTableModel()
    model.set_runs([make_run(1, RunState.IN_PROGRESS, submitted_at=5.0)])
    columns: list[tuple[int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): columns.append((top.column(), bottom.column()))
    )
    model.apply(updated=[make_run(1, RunState.IN_PROGRESS, submitted_at=5.0, progress=50.0)])
    assert columns == [(Column.PROGRESS, Column.PROGRESS)]
    columns.clear()
    model.apply(updated=[make_run(1, RunState.IN_PROGRESS, submitted_at=6.0)])
    assert (Column.SUBMITTED, Column.SUBMITTED) in columns


def test_sending_runs_does_not_reorder_the_queue(qtbot: QtBot) -> None:
    # A batch made at once: a is made first, b just after; then they are sent in turn.
    model = RunTableModel()
    model.set_runs([make_run(i, RunState.COMPLETED, submitted_at=1_000.0 + i) for i in range(5)])
    model.apply(added=[make_run(10, RunState.WAITING), make_run(11, RunState.WAITING)])
    proxy = RunFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.SUBMITTED, Qt.SortOrder.DescendingOrder)
    order = [proxy.index(row, 0).data(RUN_ID_ROLE) for row in range(proxy.rowCount())]
    assert order[:2] == ["run-11", "run-10"]  # newest made first

    with qtbot.assertNotEmitted(proxy.layoutChanged):
        # run-10 is sent after run-11 was made: by send time it would now be the newest.
        model.apply(updated=[make_run(10, RunState.IN_QUEUE, submitted_at=2_000.0)])
        model.apply(updated=[make_run(11, RunState.IN_QUEUE, submitted_at=2_001.0)])
    assert [proxy.index(row, 0).data(RUN_ID_ROLE) for row in range(proxy.rowCount())] == order
    sent = proxy.index(order.index("run-10"), Column.SUBMITTED)
    # The column still shows when it was sent (1970 is never today: the day is shown).
    assert sent.data() == datetime.fromtimestamp(2_000.0).strftime("%d %b %H:%M")


def test_multi_data_answers_every_role_as_data_does() -> None:
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model = RunTableModel(thumbnails=lambda run: None)
    model.set_runs(
        [
            make_run(1, RunState.COMPLETED, credits_used=8.0, completed_at=1_020.0),
            make_run(2, RunState.FAILED, error="Safety check failed", completed_at=1_030.0),
            make_run(3, RunState.IN_QUEUE, queue_position=4),
        ]
    )
    proxy = RunFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.SUBMITTED, Qt.SortOrder.DescendingOrder)
    roles = [
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
    ]
    for row in range(proxy.rowCount()):
        for column in range(proxy.columnCount()):
            index = proxy.index(row, column)
            for role in roles:
                # (A span over several entries needs contiguous memory: one entry at a time.)
                asked = QModelRoleData(int(role))
                asked.setData("stale")  # whatever was there is replaced or cleared
                proxy.multiData(index, QModelRoleDataSpan(asked))
                assert asked.data() == index.data(role), (row, column, role)
    # Spot checks of what painting gets: the failed run's error, the queue position.
    failed = proxy.index(1, Column.STATE)
    assert failed.data(Qt.ItemDataRole.ToolTipRole) == "Failed · Safety check failed"
    assert proxy.index(0, Column.QUEUE).data() == "4"


def test_painting_the_table_reads_cells_through_multi_data(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QTableView

    model = RunTableModel()
    model.set_runs([make_run(i, RunState.COMPLETED) for i in range(20)])
    proxy = RunFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(700, 300)
    asked: list[tuple[int, int]] = []
    cell = model.cell

    def counting(row: int, column: int) -> object:
        asked.append((row, column))
        return cell(row, column)

    model.cell = counting  # type: ignore[method-assign,assignment]
    assert not view.grab().isNull()
    painted = set(asked)
    assert (0, int(Column.WORKFLOW)) in painted
    assert len(painted) >= 5 * 7  # several rows of every visible column
    # One call per painted cell: every role the delegate asks for comes from the one answer.
    assert len(asked) == len(painted)


def test_an_update_repaints_only_the_cells_that_changed(qtbot: QtBot) -> None:
    model = RunTableModel()
    model.set_runs([make_run(i, RunState.IN_PROGRESS, progress=10.0) for i in range(3)])
    spans: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): spans.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    # Progress moved and a node started: the progress and node cells, nothing else.
    model.apply(updated=[make_run(1, RunState.IN_PROGRESS, progress=40.0, current_node="upscale")])
    assert spans == [(1, 1, Column.PROGRESS, Column.PROGRESS), (1, 1, Column.NODE, Column.NODE)]
    assert model.index(1, Column.NODE).data() == "upscale"

    # The same snapshot again paints the same: no repaint at all.
    spans.clear()
    model.apply(updated=[make_run(1, RunState.IN_PROGRESS, progress=40.0, current_node="upscale")])
    assert spans == []

    # Finishing changes the state, the progress word and the credits.
    model.apply(
        updated=[
            make_run(
                1,
                RunState.COMPLETED,
                progress=100.0,
                credits_used=8.0,
                started_at=1_001.0,
                completed_at=1_011.0,
            )
        ]
    )
    # (The finished run has no current node any more.)
    assert {span[2] for span in spans} == {
        Column.STATE,
        Column.PROGRESS,
        Column.NODE,
        Column.CREDITS,
        Column.ELAPSED,
    }
    assert all(left == right for _top, _bottom, left, right in spans)
    assert model.index(1, Column.STATE).data() == "Done"
    assert model.index(1, Column.PROGRESS).data() == "Done"


def test_the_clock_moves_the_elapsed_time_of_painted_rows(qtbot: QtBot) -> None:
    import time

    model = RunTableModel()
    model.set_runs([make_run(1, RunState.IN_PROGRESS, started_at=time.time() - 5)])
    before = model.index(0, Column.ELAPSED).data()
    assert before in ("5 s", "6 s")
    runs = model.runs()
    runs[0].started_at = time.time() - 125  # as if two minutes had passed
    model._on_clock_timeout()
    assert model.index(0, Column.ELAPSED).data() in ("2 min 5 s", "2 min 6 s")
    # The rest of the row is what it was.
    assert model.index(0, Column.STATE).data() == "Running"


def test_row_numbers_stay_right_through_inserts_and_removals(qtbot: QtBot) -> None:
    model = RunTableModel()
    model.set_runs([make_run(i) for i in range(5)])
    model.apply(added=[make_run(10), make_run(11)])
    model.apply(removed=["run-2"])
    model.apply(added=[make_run(12)])
    order = [model.run_at(row).id for row in range(model.rowCount())]
    assert order == ["run-12", "run-11", "run-10", "run-4", "run-3", "run-1", "run-0"]
    assert [model.row_of(run_id) for run_id in order] == list(range(7))
    assert model.row_of("run-2") is None
    found = model.run("run-3")
    assert found is not None
    assert found.id == "run-3"


def test_runs_from_yesterday_show_their_day_after_midnight(qtbot: QtBot) -> None:
    from datetime import date, timedelta

    stamp = datetime.now().replace(hour=12, minute=0, second=0).timestamp()
    model = RunTableModel()
    model.set_runs([make_run(1, RunState.COMPLETED, submitted_at=stamp)])
    assert model.index(0, Column.SUBMITTED).data() == "12:00:00"
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.column()))
    # The model last looked at the date the day before; the clock finds it is a new day.
    model._today = date.today() - timedelta(days=1)
    model.set_runs([make_run(1, RunState.COMPLETED, submitted_at=stamp - 86_400)])
    assert model.index(0, Column.SUBMITTED).data() == "12:00:00"
    model._on_clock_timeout()
    assert Column.SUBMITTED in changed
    yesterday = datetime.fromtimestamp(stamp - 86_400)
    assert model.index(0, Column.SUBMITTED).data() == yesterday.strftime("%d %b %H:%M")


def test_older_runs_arriving_later_take_their_place_by_time(qtbot: QtBot) -> None:
    # The newest runs of the history load first, the rest after: the rest go below.
    model = RunTableModel()
    model.set_runs([make_run(i) for i in (50, 51, 52)])
    model.apply(added=[make_run(i) for i in (10, 60, 30)])  # one newer, two older
    order = [model.run_at(row).id for row in range(model.rowCount())]
    assert order == ["run-60", "run-52", "run-51", "run-50", "run-30", "run-10"]
    assert [model.row_of(run_id) for run_id in order] == list(range(6))


def test_a_long_history_arriving_in_shares_goes_below_in_one_insert_each(qtbot: QtBot) -> None:
    model = RunTableModel()
    model.set_runs([make_run(i) for i in (900, 901, 902)])
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    # The rest of the history, newest first, a frame's share at a time; then a new run on top.
    model.apply(added=[make_run(i) for i in range(899, 850, -1)])
    model.apply(added=[make_run(i) for i in range(850, 800, -1)])
    model.apply(added=[make_run(999)])
    assert inserts == [(3, 51), (52, 101), (0, 0)]
    order = [model.run_at(row).id for row in range(model.rowCount())]
    assert order == [f"run-{n}" for n in (999, 902, 901, 900, *range(899, 800, -1))]
    assert [model.row_of(run_id) for run_id in order] == list(range(len(order)))
    # A removal among them renumbers every row, and the places still hold.
    model.apply(removed=["run-860"])
    order.remove("run-860")
    assert [model.row_of(run_id) for run_id in order] == list(range(len(order)))


def test_the_queue_sorts_by_any_column_both_ways(qtbot: QtBot) -> None:
    model = RunTableModel()
    credits = {1: 5.0, 2: 1.0, 3: 9.0, 4: 1.0}
    model.set_runs(
        [make_run(n, RunState.COMPLETED, credits_used=used) for n, used in credits.items()]
    )
    proxy = RunFilterProxy()
    proxy.setSourceModel(model)

    def order() -> list[str]:
        return [proxy.index(row, 0).data(RUN_ID_ROLE) for row in range(proxy.rowCount())]

    proxy.sort(Column.SUBMITTED, Qt.SortOrder.DescendingOrder)
    assert order() == ["run-4", "run-3", "run-2", "run-1"]
    proxy.sort(Column.SUBMITTED, Qt.SortOrder.AscendingOrder)
    assert order() == ["run-1", "run-2", "run-3", "run-4"]
    proxy.sort(Column.CREDITS, Qt.SortOrder.AscendingOrder)
    # Equal credits keep the queue's order (newest first) between them.
    assert order() == ["run-4", "run-2", "run-1", "run-3"]
    proxy.sort(Column.CREDITS, Qt.SortOrder.DescendingOrder)
    assert order()[:2] == ["run-3", "run-1"]
    # Sorted by credits, a run whose credits change moves.
    model.apply(updated=[make_run(2, RunState.COMPLETED, credits_used=20.0)])
    assert order()[0] == "run-2"
    # Back to the default order, new runs come on top without sorting anything.
    proxy.sort(Column.SUBMITTED, Qt.SortOrder.DescendingOrder)
    model.apply(added=[make_run(7, RunState.WAITING)])
    assert order()[:2] == ["run-7", "run-4"]


def test_progress_bars_drawn_once_paint_as_drawn_directly(qtbot: QtBot) -> None:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionProgressBar, QStyleOptionViewItem, QTableView

    from fizzly_desktop.ui.queue.run_table import ProgressDelegate

    model = RunTableModel()
    model.set_runs([make_run(i, RunState.IN_PROGRESS, progress=40.0) for i in range(3)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ProgressDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = QRect(0, 0, 160, 30)
    option.widget = view
    index = model.index(0, Column.PROGRESS)

    def paint_cell() -> QImage:
        image = QImage(160, 30, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        delegate.paint(painter, option, index)
        painter.end()
        return image

    first, again = paint_cell(), paint_cell()
    assert delegate.cached_bars() == 1  # the second cell came from the kept pixmap
    direct = QImage(160, 30, QImage.Format.Format_ARGB32_Premultiplied)
    direct.fill(0)
    bar = QStyleOptionProgressBar()
    bar.rect = QRect(4, 5, 152, 20)
    bar.state = option.state
    bar.palette = option.palette
    bar.fontMetrics = option.fontMetrics
    bar.minimum, bar.maximum, bar.progress = 0, 100, 40
    bar.textVisible, bar.text = True, "40 %"
    painter = QPainter(direct)
    painter.setFont(option.font)
    view.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, view)
    painter.end()
    assert first == direct
    assert again == direct
    # Another percentage is another bar.
    model.apply(updated=[make_run(2, RunState.IN_PROGRESS, progress=70.0)])  # row 0
    assert paint_cell() != direct
    assert delegate.cached_bars() == 2
