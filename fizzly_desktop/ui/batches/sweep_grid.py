"""A sweep's runs laid out by their swept values: state, progress and output thumbnail per cell.

Columns are the values of the first swept input, rows those of the second (one row when only one
input is swept). Cells are painted by a delegate over a small table model, so a grid of a
thousand runs stays cheap, and stretch with the window. Thumbnails come from a provider (the
app's off-thread ``ThumbnailLoader.request``); until one is ready the cell shows a glyph for its
state, and :meth:`SweepGrid.thumbnail_ready` fills it in when the loader reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import BatchPlan
from fizzly_desktop.core.formatting import format_count
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.batches.grid_cells import (
    ATTENTION,
    CANCELLED,
    CELL_STATES,
    DEFAULT_THUMBNAIL_SIZE,
    DONE,
    FAILED,
    HEADER_CHARS,
    REJECT,
    RUNNING,
    STAR,
    STATE_WORDS,
    WAITING,
    Cell,
    CellDelegate,
    ItemIndexRole,
    MarkRole,
    PixmapRole,
    ProgressRole,
    SeedRole,
    StateRole,
    SweepGridModel,
    ThumbnailProvider,
    cell_state,
)
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.keyboard import keyboard_menus
from fizzly_desktop.ui.run_menu import Shortcut, run_action, run_menu

__all__ = [
    "ATTENTION",
    "CANCELLED",
    "CELL_STATES",
    "DEFAULT_THUMBNAIL_SIZE",
    "DONE",
    "FAILED",
    "HEADER_CHARS",
    "REJECT",
    "RUNNING",
    "STAR",
    "WAITING",
    "Cell",
    "ItemIndexRole",
    "MarkRole",
    "PixmapRole",
    "ProgressRole",
    "SeedRole",
    "StateRole",
    "SweepGrid",
    "SweepGridModel",
    "ThumbnailProvider",
    "cell_state",
]


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
        mark_requested(list[int], str): the star ("star") or reject ("reject") key pressed.
        compare_requested(list[int]): compare the pictures of the selected runs.
        delete_requested(list[int]): delete the selected runs with their saved files.
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
    mark_requested = Signal(list, str)
    compare_requested = Signal(list)
    delete_requested = Signal(list)

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
        self.summary.setAccessibleName(translate("SweepGrid", "Progress of the batch"))
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # arrows move between tiles; Tab leaves the grid
        self.view.setObjectName("SweepGridView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setAccessibleName(translate("SweepGrid", "Runs by swept value"))
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
        keyboard_menus(self.view)
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
        mark: str | None = None,
    ) -> None:
        """Show the run at ``index`` of the plan as ``state`` (one of :data:`CELL_STATES`).

        ``progress`` (0-100) draws a bar while running; ``image_path`` of a finished run is
        turned into a thumbnail by the provider, at once if it has one cached, else when
        :meth:`thumbnail_ready` says so. ``mark`` (``STAR``, ``REJECT``) badges or dims it.
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
        cell = replace(
            old, state=state, progress=progress, image_path=path, pixmap=pixmap, mark=mark
        )
        if cell != old:
            self.model.replace_cell(cell)
            self._show_summary()
            if (state, path) != (old.state, old.image_path) and index in self.selected_indices():
                # A selected run that finished or was cancelled can now be retried or saved:
                # its keys (Ctrl+R after Delete) must not wait for the selection to change.
                self._update_actions()

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
                (self.star_action, self.reject_action, self.compare_action),
                (self.delete_action,),
                tuple(self.extra_actions),
            ),
        )

    # --- internals ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.open_action = self._action(translate("SweepGrid", "&Open"), "", self._emit_open)
        self.cancel_action = self._action(
            translate("SweepGrid", "&Cancel"),
            QKeySequence.StandardKey.Delete,
            lambda: self._emit_all(self.cancel_requested),
        )
        self.retry_action = self._action(
            translate("SweepGrid", "&Retry"), "Ctrl+R", lambda: self._emit_all(self.retry_requested)
        )
        self.use_inputs_action = self._action(
            translate("SweepGrid", "&Use These Inputs"),
            "Ctrl+U",
            lambda: self._emit_one(self.use_inputs_requested),
        )
        self.copy_id_action = self._action(
            translate("SweepGrid", "Copy Request &ID"),
            "",
            lambda: self._emit_one(self.copy_request_id_requested),
        )
        self.save_as_action = self._action(
            translate("SweepGrid", "&Save as…"),
            "Ctrl+S",
            lambda: self._emit_one(self.save_as_requested),
        )
        self.copy_image_action = self._action(
            translate("SweepGrid", "Copy &image"),
            "Ctrl+Shift+C",
            lambda: self._emit_one(self.copy_image_requested),
        )
        self.export_action = self._action(
            translate("SweepGrid", "&Export…"), "", lambda: self._emit_all(self.export_requested)
        )
        # The queue's keys: S stars, X rejects (again takes it back), C compares.
        self.star_action = self._action(
            translate("SweepGrid", "&Star"), "S", lambda: self._emit_mark(STAR)
        )
        self.reject_action = self._action(
            translate("SweepGrid", "Re&ject"), "X", lambda: self._emit_mark(REJECT)
        )
        self.compare_action = self._action(
            translate("SweepGrid", "C&ompare…"), "C", lambda: self._emit_all(self.compare_requested)
        )
        self.delete_action = self._action(
            translate("SweepGrid", "&Delete with Files…"),
            "Ctrl+Del",
            lambda: self._emit_all(self.delete_requested),
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
            translate("SweepGrid", "&Export {exportable} images…").format(exportable=exportable)
            if exportable > 1
            else translate("SweepGrid", "&Export…")
        )
        self.star_action.setEnabled(first is not None)
        self.reject_action.setEnabled(first is not None)
        # Enabled with any selection: a choice that cannot be compared is told why.
        self.compare_action.setEnabled(first is not None)
        self.delete_action.setEnabled(any(c.state not in (WAITING, RUNNING) for c in cells))

    def _emit_all(self, signal: SignalInstance) -> None:
        chosen = self.selected_indices()
        if chosen:
            signal.emit(chosen)

    def _emit_mark(self, mark: str) -> None:
        chosen = self.selected_indices()
        if chosen:
            self.mark_requested.emit(chosen, mark)

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
            self.summary.setText(translate("SweepGrid", "No runs"))
            return
        totals: dict[str, int] = {}
        for index in range(count):
            state = self.model.cell(index).state
            totals[state] = totals.get(state, 0) + 1
        parts = [plural(count, "run")]
        for state in (DONE, RUNNING, WAITING, FAILED, CANCELLED, ATTENTION):
            if totals.get(state):
                word = translate("GridCells", STATE_WORDS[state])
                parts.append(f"{format_count(totals[state])} {word.lower()}")
        self.summary.setText(" · ".join(parts))
