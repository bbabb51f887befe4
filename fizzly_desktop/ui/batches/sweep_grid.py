"""A sweep's runs laid out by their swept values: state, progress and output thumbnail per cell.

Columns are the values of the first swept input, rows those of the second (one row when only one
input is swept). Cells are painted by a delegate over a small table model, so a grid of a
thousand runs stays cheap, and stretch with the window. Thumbnails come from a provider (the
app's off-thread ``ThumbnailLoader.request``); until one is ready the cell shows a glyph for its
state, and :meth:`SweepGrid.thumbnail_ready` fills it in when the loader reports.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import BatchPlan, PlannedRun
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.batches.look import blend
from fizzly_desktop.ui.run_menu import Shortcut, run_action, run_menu

log = logging.getLogger(__name__)

WAITING = "waiting"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
ATTENTION = "attention"
CELL_STATES = (WAITING, RUNNING, DONE, FAILED, CANCELLED, ATTENTION)

_STATE_WORDS = {
    WAITING: "Waiting",
    RUNNING: "Running",
    DONE: "Done",
    FAILED: "Failed",
    CANCELLED: "Cancelled",
    ATTENTION: "Needs attention",
}
_GLYPHS = {
    WAITING: "…",
    RUNNING: "▶",
    DONE: "✓",
    FAILED: "✕",
    CANCELLED: "⊘",
    ATTENTION: "?",
}

_RUN_STATES = {
    RunState.DRAFT: WAITING,
    RunState.WAITING: WAITING,
    RunState.PENDING: WAITING,
    RunState.IN_QUEUE: WAITING,
    RunState.SUBMITTING: RUNNING,
    RunState.IN_PROGRESS: RUNNING,
    RunState.CANCELLING: RUNNING,
    RunState.COMPLETED: DONE,
    RunState.FAILED: FAILED,
    # Refused by the server: the user decides what to do (as in the sidebar's groups).
    RunState.REJECTED: ATTENTION,
    RunState.CANCELLED: CANCELLED,
    RunState.UNCERTAIN: ATTENTION,
}

#: Longest header shown in full; longer swept values are shortened (the tooltip has all).
HEADER_CHARS = 48

#: Side of the thumbnails asked of the provider: cells scale them to fit.
DEFAULT_THUMBNAIL_SIZE = 256

ThumbnailProvider = Callable[[Path, int], QPixmap | None]

StateRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
ItemIndexRole = Qt.ItemDataRole.UserRole + 3
PixmapRole = Qt.ItemDataRole.UserRole + 4
SeedRole = Qt.ItemDataRole.UserRole + 5


def _seed_text(item: PlannedRun) -> str:
    seed = item.inputs.get("seed")
    return "" if seed is None or isinstance(seed, dict | list) else str(seed)


def cell_state(state: RunState) -> str:
    """The grid's word for a run state: queued ones wait; refused and unanswered ones need
    attention, as the sidebar groups them."""
    return _RUN_STATES[state]


@dataclass(frozen=True)
class Cell:
    """What one cell shows: the run's plan index and label, its state, progress and output."""

    index: int
    label: str
    state: str = WAITING
    #: The run's seed ("" when it has none): tells apart tiles that sweep nothing else.
    seed: str = ""
    progress: int | None = None
    image_path: Path | None = None
    pixmap: QPixmap | None = None

    def describe(self) -> str:
        words = _STATE_WORDS.get(self.state, self.state.capitalize())
        if self.state == RUNNING and self.progress is not None:
            words = f"{words} · {self.progress}%"
        return words


class SweepGridModel(QAbstractTableModel):
    """The cells of a plan by grid position, with headers ``field = value``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: BatchPlan | None = None
        self._rows = 0
        self._columns = 0
        self._cells: list[Cell] = []
        self._positions: list[tuple[int, int]] = []
        self._by_position: dict[tuple[int, int], int] = {}

    # --- contents -----------------------------------------------------------------------------

    def set_plan(self, plan: BatchPlan) -> None:
        self.beginResetModel()
        self._plan = plan
        items = plan.items
        if plan.axes:
            self._rows, self._columns = plan.grid_shape
            positions = [_position(item, i, self._columns) for i, item in enumerate(items)]
        else:
            # Not a sweep: a near-square grid in queue order, so a batch of seeds reads well too.
            self._columns = max(1, math.ceil(math.sqrt(len(items))))
            self._rows = math.ceil(len(items) / self._columns) if items else 0
            positions = [divmod(i, self._columns) for i in range(len(items))]
        self._cells = [
            Cell(index=i, label=item.label, seed=_seed_text(item)) for i, item in enumerate(items)
        ]
        self._positions = positions
        self._by_position = {pos: i for i, pos in enumerate(positions)}
        self.endResetModel()

    def plan(self) -> BatchPlan | None:
        return self._plan

    def cell(self, item_index: int) -> Cell:
        return self._cells[item_index]

    def cell_count(self) -> int:
        return len(self._cells)

    def model_index(self, item_index: int) -> QModelIndex:
        row, column = self._positions[item_index]
        return self.index(row, column)

    def item_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self._by_position.get((index.row(), index.column()))

    def replace_cell(self, cell: Cell) -> None:
        self._cells[cell.index] = cell
        changed = self.model_index(cell.index)
        self.dataChanged.emit(changed, changed)

    def cells_showing(self, path: Path) -> list[Cell]:
        return [cell for cell in self._cells if cell.image_path == path]

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self._by_position.get((index.row(), index.column()))
        if item is None:
            return None
        cell = self._cells[item]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.describe()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            seed = f" (seed {cell.seed})" if cell.seed and "seed" not in cell.label else ""
            return f"{cell.label}{seed}: {cell.describe()}"
        if role == SeedRole:
            return cell.seed
        if role == StateRole:
            return cell.state
        if role == ProgressRole:
            return cell.progress
        if role == ItemIndexRole:
            return cell.index
        if role == PixmapRole:
            return cell.pixmap
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.item_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = self._header_text(section, orientation)
        if text is None or role == Qt.ItemDataRole.ToolTipRole:
            return text
        # A swept prompt can be a paragraph: the header shows its start, the tooltip all of it.
        flat = " ".join(text.split())
        return flat if len(flat) <= HEADER_CHARS else flat[: HEADER_CHARS - 1].rstrip() + "…"

    def _header_text(self, section: int, orientation: Qt.Orientation) -> str | None:
        plan = self._plan
        if plan is None:
            return None
        axes = plan.axes
        if orientation == Qt.Orientation.Horizontal:
            if axes and section < len(axes[0].values):
                return axes[0].header(section)
            return str(section + 1)
        if len(axes) > 1 and section < len(axes[1].values):
            return axes[1].header(section)
        if axes:
            return ""
        return str(section + 1)


def _position(item: PlannedRun, order: int, columns: int) -> tuple[int, int]:
    if item.grid_position is not None:
        return item.grid_position
    return divmod(order, columns)


class _CellDelegate(QStyledItemDelegate):
    """Paints a cell: the thumbnail when there is one, else a glyph and words for its state."""

    MARGIN = 6

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = index.data(StateRole)
        if state is None:
            return
        palette: QPalette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        inner = QRectF(rect.adjusted(3, 3, -3, -3))
        base = palette.color(QPalette.ColorRole.Base)
        card = palette.color(QPalette.ColorRole.AlternateBase)
        if state == FAILED:
            card = blend(base, QColor("#c62828"), 0.18)
        elif state == ATTENTION:
            card = blend(base, QColor("#f9a825"), 0.22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(card)
        painter.drawRoundedRect(inner, 6, 6)
        pixmap = index.data(PixmapRole)
        content = inner.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            self._paint_pixmap(painter, pixmap, content)
        else:
            self._paint_placeholder(painter, palette, state, index, content)
        if state == RUNNING:
            self._paint_progress(painter, palette, index.data(ProgressRole), inner)
        seed = index.data(SeedRole)
        if seed:
            self._paint_seed(painter, palette, f"seed {seed}", inner)
        if selected:
            pen = painter.pen()
            pen.setColor(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidthF(2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(inner.adjusted(1, 1, -1, -1), 6, 6)
        painter.restore()

    @staticmethod
    def _paint_seed(painter: QPainter, palette: QPalette, text: str, area: QRectF) -> None:
        """The seed on a small plate in the tile's top left corner, readable over a picture."""
        font = QFont(painter.font())
        font.setPixelSize(max(9, min(12, int(area.height() * 0.09))))
        metrics = QFontMetrics(font)
        room = int(area.width()) - 12
        if room < 24:
            return
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        plate = QRectF(
            area.left() + 4,
            area.top() + 4,
            metrics.horizontalAdvance(shown) + 8,
            metrics.height() + 2,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        backdrop = QColor(palette.color(QPalette.ColorRole.Base))
        backdrop.setAlphaF(0.8)
        painter.setBrush(backdrop)
        painter.drawRoundedRect(plate, 3, 3)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, shown)

    @staticmethod
    def _paint_pixmap(painter: QPainter, pixmap: QPixmap, area: QRectF) -> None:
        size = pixmap.size().toSizeF()
        size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))

    @staticmethod
    def _paint_placeholder(
        painter: QPainter,
        palette: QPalette,
        state: str,
        index: QModelIndex | QPersistentModelIndex,
        area: QRectF,
    ) -> None:
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = blend(text_color, palette.color(QPalette.ColorRole.Base), 0.45)
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        glyph_color = {
            DONE: QColor("#66bb6a" if dark else "#2e7d32"),
            FAILED: QColor("#ef5350" if dark else "#c62828"),
            ATTENTION: QColor("#ffa726" if dark else "#e65100"),
            RUNNING: palette.color(QPalette.ColorRole.Highlight),
        }.get(state, muted)
        side = min(area.width(), area.height())
        glyph_font = QFont(painter.font())
        glyph_font.setPixelSize(max(10, int(side * 0.32)))
        words_font = QFont(painter.font())
        words_font.setPixelSize(max(9, min(15, int(side * 0.1))))
        show_words = side >= 56
        glyph_area = QRectF(area)
        if show_words:
            glyph_area.setBottom(area.center().y() + side * 0.12)
        painter.setFont(glyph_font)
        painter.setPen(glyph_color)
        painter.drawText(glyph_area, Qt.AlignmentFlag.AlignCenter, _GLYPHS.get(state, "•"))
        if show_words:
            words_area = QRectF(area)
            words_area.setTop(glyph_area.bottom() + 2)
            painter.setFont(words_font)
            painter.setPen(muted if state in (WAITING, CANCELLED) else text_color)
            painter.drawText(
                words_area,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )

    @staticmethod
    def _paint_progress(
        painter: QPainter, palette: QPalette, progress: int | None, inner: QRectF
    ) -> None:
        bar = QRectF(inner.left() + 10, inner.bottom() - 12, inner.width() - 20, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(palette.color(QPalette.ColorRole.Base), QColor("#808080"), 0.3))
        painter.drawRoundedRect(bar, 2.5, 2.5)
        if progress is None:
            return
        done = QRectF(bar)
        done.setWidth(bar.width() * max(0, min(100, progress)) / 100)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(done, 2.5, 2.5)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(120, 120)


class SweepGrid(QWidget):
    """A batch's runs as a grid by their swept values, each cell live with its run's state.

    ``set_plan`` lays the grid out; ``update_cell`` reflects a run's progress and, once done,
    its output; ``thumbnail_ready`` (connect the ``ThumbnailLoader``'s signal) fills in a
    thumbnail that was still being decoded. A click on a cell emits ``cell_clicked``;
    double-click or Enter emits ``cell_activated``, each with the run's index in the plan. The
    cells' menu and keys act on the selected runs as the queue list does (Delete cancels).

    Signals:
        cell_clicked(int): the run at this index of the plan was picked (show its details).
        cell_activated(int): the run at this index of the plan was opened.
        cancel_requested(list[int]), retry_requested(list[int]), export_requested(list[int]):
            act on the selected runs (indices in the plan).
        use_inputs_requested(int), copy_request_id_requested(int), save_as_requested(int),
        copy_image_requested(int): act on the current run.
    """

    cell_clicked = Signal(int)
    cell_activated = Signal(int)
    cancel_requested = Signal(list)
    retry_requested = Signal(list)
    export_requested = Signal(list)
    use_inputs_requested = Signal(int)
    copy_request_id_requested = Signal(int)
    save_as_requested = Signal(int)
    copy_image_requested = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        thumbnail_provider: ThumbnailProvider | None = None,
        thumbnail_size: int = DEFAULT_THUMBNAIL_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SweepGrid")
        self._provider = thumbnail_provider
        self._thumbnail_size = thumbnail_size
        self.model = SweepGridModel(self)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Progress of the batch")
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.view = QTableView(self)
        self.view.setObjectName("SweepGridView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(_CellDelegate(self.view))
        self.view.setAccessibleName("Runs by swept value")
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for header in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(72)
            header.setHighlightSections(False)
            header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.activated.connect(self._on_view_activated)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_menu_requested)
        #: Actions others add to the menu, last (grid_play.py: Play This Row Together…).
        self.extra_actions: list[QAction] = []
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._show_summary()

    # --- public API ---------------------------------------------------------------------------

    def set_thumbnail_provider(self, provider: ThumbnailProvider | None) -> None:
        """Where output thumbnails come from (``ThumbnailLoader.request``)."""
        self._provider = provider

    def set_plan(self, plan: BatchPlan) -> None:
        """Lay out the runs of ``plan``, all waiting."""
        self.model.set_plan(plan)
        single_row = len(plan.axes) == 1
        self.view.verticalHeader().setVisible(not single_row and bool(plan.axes))
        self.view.horizontalHeader().setVisible(bool(plan.axes))
        self._show_summary()

    def update_cell(
        self,
        index: int,
        state: str,
        progress: int | None = None,
        image_path: Path | None = None,
    ) -> None:
        """Show the run at ``index`` of the plan as ``state`` (one of :data:`CELL_STATES`).

        ``progress`` (0-100) draws a bar while running; ``image_path`` of a finished run is
        turned into a thumbnail by the provider, at once if it has one cached, else when
        :meth:`thumbnail_ready` says so.
        """
        if state not in CELL_STATES:
            raise ValueError(f"Unknown cell state {state!r}; expected one of {CELL_STATES}.")
        if not 0 <= index < self.model.cell_count():
            raise IndexError(f"No run {index} in this grid of {self.model.cell_count()}.")
        old = self.model.cell(index)
        path = Path(image_path) if image_path is not None else None
        pixmap = old.pixmap if path == old.image_path else None
        if path is not None and pixmap is None:
            pixmap = self._thumbnail(path)
        cell = replace(old, state=state, progress=progress, image_path=path, pixmap=pixmap)
        if cell != old:
            self.model.replace_cell(cell)
            self._show_summary()

    @Slot(str, int)
    def thumbnail_ready(self, path: str | Path, size: int) -> None:
        """A thumbnail the provider was decoding is ready: show it in the cells of ``path``."""
        if size != self._thumbnail_size:
            return
        target = Path(path)
        cells = self.model.cells_showing(target)
        if not cells:
            return
        pixmap = self._thumbnail(target)
        if pixmap is None:
            return
        for cell in cells:
            self.model.replace_cell(replace(cell, pixmap=pixmap))

    def cell(self, index: int) -> Cell:
        """What the cell of the run at ``index`` shows."""
        return self.model.cell(index)

    def cell_rect(self, index: int) -> QRect:
        """Where the run at ``index`` is drawn, in the view's viewport."""
        return self.view.visualRect(self.model.model_index(index))

    def selected_indices(self) -> list[int]:
        """The selected runs (indices in the plan), the current one first."""
        found = [self.model.item_at(i) for i in self.view.selectionModel().selectedIndexes()]
        chosen = sorted({i for i in found if i is not None})
        current = self.model.item_at(self.view.currentIndex())
        if current is not None and current in chosen:
            chosen.remove(current)
            chosen.insert(0, current)
        return chosen

    def context_menu(self) -> QMenu:
        """The menu for the selected runs (the queue list's, less what a grid cannot do)."""
        self._update_actions()
        return run_menu(
            self,
            (
                (self.open_action,),
                (self.cancel_action, self.retry_action),
                (self.use_inputs_action, self.copy_id_action),
                (self.save_as_action, self.copy_image_action, self.export_action),
                tuple(self.extra_actions),
            ),
        )

    # --- internals ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open", "", self._emit_open)
        self.cancel_action = self._action(
            "&Cancel",
            QKeySequence.StandardKey.Delete,
            lambda: self._emit_all(self.cancel_requested),
        )
        self.retry_action = self._action(
            "&Retry", "Ctrl+R", lambda: self._emit_all(self.retry_requested)
        )
        self.use_inputs_action = self._action(
            "&Use These Inputs", "Ctrl+U", lambda: self._emit_one(self.use_inputs_requested)
        )
        self.copy_id_action = self._action(
            "Copy Request &ID", "", lambda: self._emit_one(self.copy_request_id_requested)
        )
        self.save_as_action = self._action(
            "&Save as…", "Ctrl+S", lambda: self._emit_one(self.save_as_requested)
        )
        self.copy_image_action = self._action(
            "Copy &image", "Ctrl+Shift+C", lambda: self._emit_one(self.copy_image_requested)
        )
        self.export_action = self._action(
            "&Export…", "", lambda: self._emit_all(self.export_requested)
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _action(self, text: str, shortcut: Shortcut, slot: Callable[[], None]) -> QAction:
        # The same keys as the queue list, only while the grid has the focus.
        return run_action(self.view, text, shortcut, slot)

    def _update_actions(self) -> None:
        cells = [self.model.cell(i) for i in self.selected_indices()]
        first = cells[0] if cells else None
        self.open_action.setEnabled(first is not None)
        self.cancel_action.setEnabled(any(c.state in (WAITING, RUNNING) for c in cells))
        self.retry_action.setEnabled(any(c.state in (FAILED, CANCELLED, ATTENTION) for c in cells))
        self.use_inputs_action.setEnabled(first is not None)
        self.copy_id_action.setEnabled(first is not None and first.state != WAITING)
        has_image = first is not None and first.image_path is not None
        self.save_as_action.setEnabled(has_image)
        self.copy_image_action.setEnabled(has_image)
        exportable = sum(1 for c in cells if c.image_path is not None)
        self.export_action.setEnabled(exportable > 0)
        self.export_action.setText(
            f"&Export {exportable} images…" if exportable > 1 else "&Export…"
        )

    def _emit_all(self, signal: SignalInstance) -> None:
        chosen = self.selected_indices()
        if chosen:
            signal.emit(chosen)

    def _emit_one(self, signal: SignalInstance) -> None:
        chosen = self.selected_indices()
        if chosen:
            signal.emit(chosen[0])

    def _emit_open(self) -> None:
        chosen = self.selected_indices()
        if chosen:
            self.cell_activated.emit(chosen[0])

    def _on_view_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        item = self.model.item_at(index) if index.isValid() else None
        if item is None:
            return
        if item not in self.selected_indices():
            self.view.setCurrentIndex(index)
        menu = self.context_menu()
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _thumbnail(self, path: Path) -> QPixmap | None:
        if self._provider is None:
            return None
        pixmap = self._provider(path, self._thumbnail_size)
        return pixmap if pixmap is not None and not pixmap.isNull() else None

    def _on_view_clicked(self, index: QModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            self.cell_clicked.emit(item)

    def _on_view_activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            self.cell_activated.emit(item)

    def _show_summary(self) -> None:
        count = self.model.cell_count()
        if count == 0:
            self.summary.setText("No runs")
            return
        totals: dict[str, int] = {}
        for index in range(count):
            state = self.model.cell(index).state
            totals[state] = totals.get(state, 0) + 1
        parts = [plural(count, "run")]
        for state in (DONE, RUNNING, WAITING, FAILED, CANCELLED, ATTENTION):
            if totals.get(state):
                parts.append(f"{totals[state]:,} {_STATE_WORDS[state].lower()}")
        self.summary.setText(" · ".join(parts))
