"""The run queue as a live table: a Qt model over runs, its filter proxy, and the progress cell.

Updates arrive in batches (one per frame, from the engine's coalescer through the bridge). The
model never resets on a live update, so selection and scroll stay put: changed cells are
announced column by column (``_emit_columns``), new runs are inserted with ``beginInsertRows``
and removed ones with ``beginRemoveRows``.

Painting is the hot path: a repaint of the queue asks for hundreds of cells, each a call from
C++ into Python. What a row shows is therefore worked out once per change and kept (``_RowCells``),
and a change announces only the columns whose inputs changed (``changed_columns``), so the view
repaints those cells and nothing else.
"""

from __future__ import annotations

import bisect
import enum
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from fizzly_desktop.core import formatting
from fizzly_desktop.core.formatting import format_duration
from fizzly_desktop.core.runs import Run, RunState, StateGroup

AnyIndex = QModelIndex | QPersistentModelIndex
ThumbnailProvider = Callable[[Run], QPixmap | None]

#: Changed rows at most this far apart are announced in one span (see _emit_columns).
SPAN_GAP = 4


class Column(enum.IntEnum):
    WORKFLOW = 0
    STATE = 1
    QUEUE = 2
    PROGRESS = 3
    NODE = 4
    CREDITS = 5
    ELAPSED = 6
    SUBMITTED = 7


HEADERS = {
    Column.WORKFLOW: "Workflow",
    Column.STATE: "State",
    Column.QUEUE: "Queue",
    Column.PROGRESS: "Progress",
    Column.NODE: "Current node",
    Column.CREDITS: "Credits",
    Column.ELAPSED: "Elapsed",
    Column.SUBMITTED: "Submitted",
}

#: Custom roles: the run itself, and sort keys that are numbers rather than display text.
RUN_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 3

# Plain values for the model's hot path (enum conversions cost more than the lookups).
_NO_PARENT = QModelIndex()
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SERVED_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, _DECORATION, _ALIGNMENT, int(RUN_ROLE), int(SORT_ROLE), int(RUN_ID_ROLE)}
)
_RIGHT_ALIGNED = frozenset({Column.QUEUE, Column.CREDITS, Column.ELAPSED})
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Where each painted role sits in a cell's tuple of prepared values.
_CELL_SLOT = {_DISPLAY: 0, _DECORATION: 1, _TOOLTIP: 2, _ALIGNMENT: 3}
#: Painted progress bars kept for reuse (each a few kB).
MAX_CACHED_BARS = 256
#: Room around a kept bar for what the style draws outside it.
_BAR_MARGIN = 3
#: Prepared rows kept at most (a row is prepared when painted; scrolling the history adds more).
MAX_PREPARED_ROWS = 5000

#: One cell as painted: (display, decoration, tooltip, alignment), None where a role is empty.
_Cell = tuple[object, object, object, object]
#: A row's cells, by column.
_RowCells = tuple[_Cell, ...]


#: The fields of a run each column is worked out from (the filter's go with the state cell,
#: so that a change to them reaches the proxy).
_COLUMN_FIELDS: tuple[tuple[Column, frozenset[str]], ...] = (
    (Column.WORKFLOW, frozenset({"workflow", "outputs"})),
    (
        Column.STATE,
        frozenset({"state", "contact", "held", "error", "request_id", "batch_id"}),
    ),
    (Column.QUEUE, frozenset({"queue_position"})),
    (Column.PROGRESS, frozenset({"state", "progress", "current_node", "contact"})),
    (Column.NODE, frozenset({"current_node"})),
    (Column.CREDITS, frozenset({"credits_used", "credits_refunded"})),
    (
        Column.ELAPSED,
        frozenset({"state", "started_at", "submitted_at", "completed_at", "contact_lost_at"}),
    ),
    (Column.SUBMITTED, frozenset({"submitted_at", "created_at"})),
)
_SHOWN_FIELDS = tuple(sorted(frozenset().union(*(fields for _, fields in _COLUMN_FIELDS))))


def changed_columns(old: Run, new: Run) -> list[int]:
    """The columns that show something else for ``new`` than for ``old`` (the same run)."""
    changed = {name for name in _SHOWN_FIELDS if getattr(old, name) != getattr(new, name)}
    if not changed:
        return []
    return [column for column, fields in _COLUMN_FIELDS if not changed.isdisjoint(fields)]


def _tooltip(run: Run, column: Column) -> str | None:
    if column is Column.STATE:
        return run.error or None
    if column is Column.WORKFLOW:
        return run.workflow
    return None


def elapsed_seconds(run: Run, now: float | None = None) -> float | None:
    # Stops at the end, or when contact was lost (see Run.elapsed).
    return run.elapsed(now)


def format_credits(run: Run) -> str:
    if run.credits_refunded:
        used = formatting.format_credits(run.credits_used or 0)
        return f"{used} (refunded {formatting.format_credits(run.credits_refunded)})"
    return "" if run.credits_used is None else formatting.format_credits(run.credits_used)


class RunTableModel(QAbstractTableModel):
    """Runs by row (newest first) and by id; the rows hold snapshots the engine handed over."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        workflow_names: Callable[[str], str] | None = None,
        thumbnails: ThumbnailProvider | None = None,
    ) -> None:
        super().__init__(parent)
        self._runs: list[Run] = []
        # Rows are numbered from the oldest, so runs added on top leave the numbers alone:
        # row = self._top - number. Only removing a run renumbers.
        self._number_of: dict[str, int] = {}
        self._top = -1
        # What painted rows show, worked out once per change (see _cells).
        self._prepared: dict[str, _RowCells] = {}
        self._today = datetime.now().date()
        # Runs whose elapsed time is still counting: the clock repaints these, not the history.
        self._active: set[str] = set()
        self._workflow_names = workflow_names or (lambda workflow: workflow)
        self._thumbnails = thumbnails
        # Elapsed time moves on its own: once a second, repaint that column for active rows only.
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()

    def set_workflow_names(self, names: Callable[[str], str]) -> None:
        self._workflow_names = names
        self._prepared.clear()
        self._emit_columns(dict.fromkeys(range(len(self._runs)), (Column.WORKFLOW,)))

    def set_thumbnail_provider(self, thumbnails: ThumbnailProvider | None) -> None:
        self._thumbnails = thumbnails
        self._prepared.clear()

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self.value_at(index.row(), index.column(), role)

    def value_at(self, row: int, column: int, role: int) -> object:
        """What ``data()`` answers for a cell, without a model index.

        The proxy asks this for the roles a painted cell does not keep (the run, its id, sort
        keys); the painted ones come from ``cell``.
        """
        # Views ask for a dozen roles per cell and the sort proxy asks again on every change:
        # roles this model does not serve are answered before anything else is looked at.
        if role not in _SERVED_ROLES or row >= len(self._runs):
            return None
        slot = _CELL_SLOT.get(role)
        if slot is not None:
            return self.cell(row, column)[slot]
        run = self._runs[row]
        if role == RUN_ROLE:
            return run
        if role == RUN_ID_ROLE:
            return run.id
        return self._sort_key(run, _COLUMNS[column])

    def cell(self, row: int, column: int) -> _Cell:
        """The painted roles of one cell: (display, decoration, tooltip, alignment)."""
        run = self._runs[row]
        cells = self._prepared.get(run.id)
        if cells is None:
            if len(self._prepared) >= MAX_PREPARED_ROWS:
                self._prepared.clear()  # rows on screen are prepared again as they paint
            cells = self._prepared[run.id] = self._cells(run)
        return cells[column]

    def _cells(self, run: Run) -> _RowCells:
        now = time.time()
        thumbnail = self._thumbnails(run) if self._thumbnails else None
        return tuple(
            (
                self._display(run, column, now),
                thumbnail if column is Column.WORKFLOW else None,
                _tooltip(run, column),
                _ALIGN_RIGHT if column in _RIGHT_ALIGNED else None,
            )
            for column in _COLUMNS
        )

    def _display(self, run: Run, column: Column, now: float) -> str | None:
        match column:
            case Column.WORKFLOW:
                return self._workflow_names(run.workflow)
            case Column.STATE:
                return run.state_words
            case Column.QUEUE:
                return "" if run.queue_position is None else str(run.queue_position)
            case Column.PROGRESS:
                # Finished runs show a word; active ones a bar (ProgressDelegate) with this text.
                if run.state is RunState.COMPLETED:
                    return "Done"
                if run.state.is_terminal or run.out_of_contact:
                    return run.state_words
                return progress_bar(run)[1]
            case Column.NODE:
                return run.current_node or ""
            case Column.CREDITS:
                return format_credits(run)
            case Column.ELAPSED:
                return format_duration(elapsed_seconds(run, now))
            case Column.SUBMITTED:
                stamp = datetime.fromtimestamp(run.submitted_at or run.created_at)
                # Today's runs by time only; older ones with their day.
                today = stamp.date() == self._today
                return stamp.strftime("%H:%M:%S" if today else "%d %b %H:%M")
        return None

    def sort_key(self, row: int, column: int) -> object:
        """What the queue sorts a cell by (numbers where the display is text)."""
        return self._sort_key(self._runs[row], _COLUMNS[column])

    def _sort_key(self, run: Run, column: Column) -> object:
        match column:
            case Column.WORKFLOW:
                return self._workflow_names(run.workflow).lower()
            case Column.STATE:
                return run.state.label
            case Column.QUEUE:
                return run.queue_position if run.queue_position is not None else 1 << 30
            case Column.PROGRESS:
                return run.progress or 0.0
            case Column.NODE:
                return run.current_node or ""
            case Column.CREDITS:
                return run.credits_used or 0.0
            case Column.ELAPSED:
                return elapsed_seconds(run) or 0.0
            case Column.SUBMITTED:
                # The order runs were made in (a batch's order, moves included), which sending
                # does not change: rows do not jump, nor the whole queue re-sort and repaint,
                # each time a waiting run is sent.
                return run.created_at
        return None

    # --- access ------------------------------------------------------------------------------
    def run_at(self, row: int) -> Run:
        return self._runs[row]

    def row_of(self, run_id: str) -> int | None:
        number = self._number_of.get(run_id)
        return None if number is None else self._top - number

    def run(self, run_id: str) -> Run | None:
        row = self.row_of(run_id)
        return None if row is None else self._runs[row]

    def runs(self) -> Sequence[Run]:
        return tuple(self._runs)

    # --- live updates ------------------------------------------------------------------------
    def set_runs(self, runs: Iterable[Run]) -> None:
        """Load the initial rows (newest first). The only place that resets the model."""
        self.beginResetModel()
        self._runs = sorted(runs, key=lambda r: r.created_at, reverse=True)
        self._renumber()
        self._prepared.clear()
        self._active = {run.id for run in self._runs if run.state.is_active}
        self.endResetModel()

    def apply(
        self, added: Iterable[Run] = (), updated: Iterable[Run] = (), removed: Iterable[str] = ()
    ) -> None:
        """One frame's changes: insert, refresh and remove rows without resetting the model."""
        for run_id in removed:
            row = self.row_of(run_id)
            if row is None:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._runs[row]
            self._renumber()
            self._active.discard(run_id)
            self._prepared.pop(run_id, None)
            self.endRemoveRows()

        added = list(added)
        fresh = [run for run in added if run.id not in self._number_of]
        fresh_ids = {run.id for run in fresh}
        if fresh:
            self._insert(fresh)

        # Row -> the columns that show something else now.
        changed: dict[int, list[int]] = {}
        refreshed = [*updated, *(r for r in added if r.id not in fresh_ids)]
        for run in refreshed:
            row = self.row_of(run.id)
            if row is None:
                continue
            old = self._runs[row]
            self._runs[row] = run
            columns = changed_columns(old, run)
            if columns:
                self._prepared.pop(run.id, None)  # prepared again when it next paints
                changed[row] = columns
        for run in (*fresh, *refreshed):
            if run.id not in self._number_of:
                continue
            if run.state.is_active:
                self._active.add(run.id)
            else:
                self._active.discard(run.id)
        self._emit_columns(changed)

    def _insert(self, fresh: list[Run]) -> None:
        fresh.sort(key=lambda r: r.created_at, reverse=True)
        if not self._runs or fresh[-1].created_at >= self._runs[0].created_at:
            # New runs are the newest: they go on top, in one insert, numbered on from the top.
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._runs[0:0] = fresh
            for run in reversed(fresh):
                self._top += 1
                self._number_of[run.id] = self._top
            self.endInsertRows()
            return
        # Older runs (the rest of the history, loaded after the newest): each block where it
        # belongs by time, from the bottom up so the places found stay right.
        keys = [-run.created_at for run in self._runs]
        blocks: dict[int, list[Run]] = {}
        for run in fresh:
            blocks.setdefault(bisect.bisect_right(keys, -run.created_at), []).append(run)
        for row in sorted(blocks, reverse=True):
            block = blocks[row]
            self.beginInsertRows(QModelIndex(), row, row + len(block) - 1)
            self._runs[row:row] = block
            self._renumber()
            self.endInsertRows()

    def _emit_columns(self, changed: Mapping[int, Iterable[int]]) -> None:
        """Announce changed cells column by column, over runs of neighbouring rows.

        A view repaints what a change covers that it shows, but one change over many rows
        *and* several columns makes it repaint everything it shows (a whole table of cells,
        ~10 ms) even if none of those rows is on screen. Column by column, it repaints only
        the cells on screen that changed. Rows a few apart share one span: the proxy checks
        every row of a span against its filter, but each span is a call from Python.
        """
        rows_of: dict[int, list[int]] = {}
        for row, columns in changed.items():
            for column in columns:
                rows_of.setdefault(column, []).append(row)
        for column, rows in sorted(rows_of.items()):
            rows.sort()
            first = last = rows[0]
            for row in rows[1:]:
                if row - last > SPAN_GAP:
                    self.dataChanged.emit(self.index(first, column), self.index(last, column))
                    first = row
                last = row
            self.dataChanged.emit(self.index(first, column), self.index(last, column))

    def refresh_thumbnail(self, run_id: str) -> None:
        row = self.row_of(run_id)
        if row is not None:
            self._prepared.pop(run_id, None)
            index = self.index(row, Column.WORKFLOW)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _renumber(self) -> None:
        self._top = len(self._runs) - 1
        self._number_of = {run.id: self._top - row for row, run in enumerate(self._runs)}

    def _on_clock_timeout(self) -> None:
        today = datetime.now().date()
        if today != self._today:
            # Past midnight, yesterday's runs show their day: every row paints anew.
            self._today = today
            self._prepared.clear()
            self._emit_columns(dict.fromkeys(range(len(self._runs)), (Column.SUBMITTED,)))
        rows: list[int] = []
        now = time.time()
        for run_id in self._active:
            row = self.row_of(run_id)
            if row is None:
                continue
            rows.append(row)
            cells = self._prepared.get(run_id)
            if cells is not None:  # its elapsed time moved on; the rest of the row did not
                elapsed = self._display(self._runs[row], Column.ELAPSED, now)
                self._prepared[run_id] = (
                    *cells[: Column.ELAPSED],
                    (elapsed, *cells[Column.ELAPSED][1:]),
                    *cells[Column.ELAPSED + 1 :],
                )
        self._emit_columns(dict.fromkeys(rows, (Column.ELAPSED,)))


class RunFilterProxy(QSortFilterProxyModel):
    """Filters the queue by state group (the sidebar), workflow, batch and free text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group = StateGroup.ALL
        self._workflow: str | None = None
        self._batch: str | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def group(self) -> StateGroup:
        return self._group

    def set_group(self, group: StateGroup) -> None:
        self.beginFilterChange()
        self._group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_workflow(self, workflow: str | None) -> None:
        self.beginFilterChange()
        self._workflow = workflow
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_batch(self, batch_id: str | None) -> None:
        self.beginFilterChange()
        self._batch = batch_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def multiData(
        self,
        index: AnyIndex,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """All the roles a delegate asks for to paint one cell, in one call.

        Qt's default asks ``data()`` once per role (seven per painted cell), and through a sort
        proxy each of those maps the index to the source model again, which calls back into
        Python twice more: about twenty calls from C++ into Python per cell, and a paint
        of the queue is hundreds of cells. Here the index is mapped once and the source model
        answers every role directly.
        """
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):
            super().multiData(index, roleDataSpan)
            return
        entries: Iterable[QModelRoleData] = (
            (roleDataSpan,)
            if isinstance(roleDataSpan, QModelRoleData)
            else cast("Iterable[QModelRoleData]", roleDataSpan)  # iterable; the stubs omit it
        )
        source = self.mapToSource(index)
        if not source.isValid():
            for role_data in entries:
                role_data.clearData()
            return
        row, column = source.row(), source.column()
        cell = model.cell(row, column)
        slots = _CELL_SLOT
        for role_data in entries:
            role = role_data.role()
            slot = slots.get(role)
            if slot is not None:
                value = cell[slot]
            elif role in _SERVED_ROLES:
                value = model.value_at(row, column, role)
            else:
                value = None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (
            column == Column.SUBMITTED
            and order == Qt.SortOrder.DescendingOrder
            and isinstance(self.sourceModel(), RunTableModel)
        ):
            # The queue's default order is the model's own (newest made first): nothing to
            # sort, now or as runs arrive. The header still shows the column it is sorted by.
            # (Column -1 means the source's order; in descending order Qt would reverse it.)
            column, order = -1, Qt.SortOrder.AscendingOrder
        super().sort(column, order)

    def lessThan(self, source_left: AnyIndex, source_right: AnyIndex) -> bool:
        """Order two rows by the sort column, in one call rather than two ``data()`` calls.

        Sending 200 runs at once inserts 200 rows, each placed by a dozen comparisons.
        """
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):
            return super().lessThan(source_left, source_right)
        left, right = source_left.row(), source_right.row()
        column = source_left.column()
        if column == Column.SUBMITTED:
            # The model keeps runs in the order they were made, newest first (row 0).
            return left > right
        left_key, right_key = model.sort_key(left, column), model.sort_key(right, column)
        if left_key == right_key:
            # Runs that tie stay newest first, whichever way the column is sorted (sorting
            # the other way, Qt asks with the two swapped).
            return left < right if self.sortOrder() == Qt.SortOrder.AscendingOrder else left > right
        return bool(left_key < right_key)  # type: ignore[operator]

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):
            return True
        run = model.run_at(source_row)
        if not self._group.contains(run):
            return False
        if self._workflow is not None and run.workflow != self._workflow:
            return False
        if self._batch is not None and run.batch_id != self._batch:
            return False
        if self._text:
            haystack = " ".join(
                str(part).lower()
                for part in (run.workflow, run.state.label, run.request_id or "", run.error or "")
            )
            return self._text in haystack
        return True


def progress_bar(run: Run) -> tuple[int, str]:
    """The bar a run not finished yet shows in its progress cell: percentage and text.

    (A finished run's cell is a word instead: see ``RunTableModel._display``.)
    """
    if run.state in (RunState.IN_QUEUE, RunState.PENDING, RunState.WAITING):
        return 0, run.state.label
    if run.state is RunState.IN_PROGRESS and not run.progress:
        # No percentage yet (the first run of a workflow, before its nodes are known).
        return 0, run.current_node or run.state.label
    if run.progress is not None:
        # The current node rides along in the bar: its own column is hidden by default.
        node = f" · {run.current_node}" if run.current_node else ""
        return int(run.progress), f"{int(run.progress)} %{node}"
    return 0, ""


class ProgressDelegate(QStyledItemDelegate):
    """Paints the progress column as a native progress bar (no widget per row).

    A native bar is costly to draw (a third of a millisecond each in Fusion: gradients,
    rounded corners, text) and a table of streaming runs shows dozens of them, but few differ:
    progress moves node by node. Bars are drawn once into pixmaps kept by what they look like.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bars: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        run = index.data(RUN_ROLE)
        if not isinstance(run, Run) or run.state.is_terminal or run.out_of_contact:
            # A finished run's cell is its word: cheaper to paint, and the table reads calmer.
            # A run out of contact too: a bar would show progress it is not getting.
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect = option.rect.adjusted(4, 5, -4, -5)
        if rect.width() <= 0 or rect.height() <= 0:
            return
        widget = option.widget if isinstance(option.widget, QWidget) else None
        style = widget.style() if widget else QApplication.style()
        progress, text = progress_bar(run)
        ratio = painter.device().devicePixelRatioF()
        key = (
            rect.width(),
            rect.height(),
            progress,
            text,
            int(option.state.value),
            option.palette.cacheKey(),
            option.font.key(),
            int(option.direction.value),
            ratio,
            id(style),
        )
        pixmap = self._bars.get(key)
        if pixmap is None:
            pixmap = self._draw_bar(option, rect.size(), progress, text, ratio, style, widget)
            self._bars[key] = pixmap
            if len(self._bars) > MAX_CACHED_BARS:
                self._bars.popitem(last=False)
        else:
            self._bars.move_to_end(key)
        painter.drawPixmap(rect.topLeft() - QPoint(_BAR_MARGIN, _BAR_MARGIN), pixmap)

    @staticmethod
    def _draw_bar(
        option: QStyleOptionViewItem,
        size: QSize,
        progress: int,
        text: str,
        ratio: float,
        style: QStyle,
        widget: QWidget | None,
    ) -> QPixmap:
        # Styles draw a little outside the bar (Fusion's shadow): the pixmap has room for it.
        margin = QSize(_BAR_MARGIN, _BAR_MARGIN)
        pixmap = QPixmap((size + margin * 2) * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(QPoint(_BAR_MARGIN, _BAR_MARGIN), size)
        bar.state = option.state
        bar.direction = option.direction
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.minimum, bar.maximum = 0, 100
        bar.textVisible = True
        bar.progress, bar.text = progress, text
        painter = QPainter(pixmap)
        painter.setFont(option.font)
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        painter.end()
        return pixmap

    def cached_bars(self) -> int:
        return len(self._bars)


def thumbnail_path(run: Run) -> Path | None:
    """The first image output a run has on disk, as the engine records it in ``outputs``."""
    for value in (run.outputs or {}).values():
        if isinstance(value, dict):
            local = value.get("local_path")
            if isinstance(local, str) and local:
                return Path(local)
    return None
