"""The queue: the run table with its search field, context menu, shortcuts and column layout.

It turns what the user does to selected runs into signals; the controller carries them out.

Signals:
    selection_changed(list run_ids): the selected runs changed (first = current).
    cancel_requested(list run_ids), retry_requested(list run_ids),
    remove_requested(list run_ids), export_requested(list run_ids): actions on the selected
    runs.
    use_inputs_requested(str run_id), copy_request_id_requested(str run_id),
    open_folder_requested(str run_id): actions on the current run.
    move_requested(str run_id, int steps): move a run still waiting in its batch (-1 earlier).
    visible_runs_changed(list run_ids): rows now on screen, so tracking can serve them first.
    mark_requested(list run_ids, str mark): the star ("star") or reject ("reject") key pressed.
    delete_requested(list run_ids): delete the selected runs with their saved files.
    compare_requested(list run_ids): compare the pictures of the selected runs.
    marks_filter_changed(str): "" (every run), "starred", "not_rejected" or "rejected".
    date_filter_changed(str): a value of ``DATE_RANGES`` ("" for any time).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.formatting import format_count
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.library_search import DATE_RANGES
from fizzly_desktop.core.runs import RETRYABLE_STATES, Run, RunState
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.keyboard import keyboard_menus
from fizzly_desktop.ui.queue.column_widths import size_columns
from fizzly_desktop.ui.queue.credits_column import fit_credits_column
from fizzly_desktop.ui.queue.run_table import (
    HEADERS,
    HIDDEN_BY_DEFAULT,
    RUN_ROLE,
    Column,
    ProgressDelegate,
    RunFilterProxy,
    RunTableModel,
)
from fizzly_desktop.ui.run_menu import Shortcut, run_action, run_menu

#: The choices of the marks filter beside the search: (words, filter value).
MARK_FILTERS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("QueueView", "All runs"), ""),
    (QT_TRANSLATE_NOOP("QueueView", "Starred"), "starred"),
    (QT_TRANSLATE_NOOP("QueueView", "Not rejected"), "not_rejected"),
    (QT_TRANSLATE_NOOP("QueueView", "Rejected"), "rejected"),
)


class QueueView(QWidget):
    selection_changed = Signal(list)
    cancel_requested = Signal(list)
    retry_requested = Signal(list)
    remove_requested = Signal(list)
    export_requested = Signal(list)
    use_inputs_requested = Signal(str)
    copy_request_id_requested = Signal(str)
    open_folder_requested = Signal(str)
    move_requested = Signal(str, int)
    visible_runs_changed = Signal(list)
    mark_requested = Signal(list, str)
    delete_requested = Signal(list)
    compare_requested = Signal(list)
    marks_filter_changed = Signal(str)
    date_filter_changed = Signal(str)

    def __init__(self, model: RunTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RunFilterProxy(self)
        self.proxy.setSourceModel(model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("QueueView", "Search prompts, inputs, workflow, state, request ID, error")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("QueueView", "Search runs"))
        self.search.textChanged.connect(self.proxy.set_text)
        self.marks_filter = QComboBox()
        self.marks_filter.setAccessibleName(translate("QueueView", "Show runs by mark"))
        for label, value in MARK_FILTERS:
            self.marks_filter.addItem(translate("QueueView", label), value)
        self.marks_filter.currentIndexChanged.connect(
            lambda _i: self.marks_filter_changed.emit(self.marks_filter.currentData() or "")
        )
        self.date_filter = QComboBox()
        self.date_filter.setAccessibleName(translate("QueueView", "Show runs made"))
        for label, value in DATE_RANGES:
            label = translate("DateRanges", label)
            self.date_filter.addItem(label, value)
        self.date_filter.currentIndexChanged.connect(
            lambda _i: self.date_filter_changed.emit(self.date_filter.currentData() or "")
        )
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.marks_filter)
        bar.addWidget(self.date_filter)
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        self.table = QTableView()
        # Arrows move between rows; Tab leaves the table (it would otherwise walk every cell).
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(translate("QueueView", "Runs"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.SUBMITTED, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        # Rows all have one height (no per-row size hints to ask for), and scrolling moves by
        # pixels: smooth under a touchpad, and the backing store blits what is already painted
        # so only the strip coming into view is repainted (per item, every step repaints it all).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setIconSize(QSize(24, 24))
        header = self.table.horizontalHeader()
        header.setAccessibleName(translate("QueueView", "Columns of the run table"))
        size_columns(header)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu_requested)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        keyboard_menus(self.table, on_enter=self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        layout.addWidget(self.table, 1)

        self._build_actions()
        # Rows on screen change on scroll, resize and filtering; tell tracking once they settle.
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(150)
        self._visible_timer.timeout.connect(self._emit_visible_runs)
        self.table.verticalScrollBar().valueChanged.connect(self._visible_timer.start)
        # Reading further down the queue, new runs arriving on top do not push the rows away.
        self._anchor: int | None = None
        self.proxy.rowsAboutToBeInserted.connect(self._remember_scroll_anchor)
        self.proxy.rowsInserted.connect(self._keep_scroll_anchor)
        self.proxy.rowsInserted.connect(self._on_rows_changed)
        self.proxy.rowsRemoved.connect(self._on_rows_changed)
        # The proxy takes a row out while its source still has it: count again once it is gone.
        self.model.rowsRemoved.connect(self._on_rows_changed)
        self.proxy.layoutChanged.connect(self._on_rows_changed)
        self.proxy.modelReset.connect(self._on_rows_changed)
        # A refund makes the credits cell longer ("0 (refunded 7)"): its column grows to fit.
        model.modelReset.connect(
            lambda: fit_credits_column(self.table, model, 0, model.rowCount() - 1)
        )
        model.rowsInserted.connect(
            lambda _p, first, last: fit_credits_column(self.table, model, first, last)
        )
        model.dataChanged.connect(self._on_model_data_changed)
        self._on_rows_changed()

    # --- actions -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "model"):
            self.model.restyle()  # its rows keep colours worked out from the old palette
        super().changeEvent(event)

    def _action(self, text: str, shortcut: Shortcut, slot: Callable[[], None]) -> QAction:
        return run_action(self.table, text, shortcut, slot)

    def _build_actions(self) -> None:
        self.cancel_action = self._action(
            translate("QueueView", "&Cancel"),
            QKeySequence.StandardKey.Delete,
            lambda: self._emit_ids(self.cancel_requested),
        )
        self.retry_action = self._action(
            translate("QueueView", "&Retry"), "Ctrl+R", lambda: self._emit_ids(self.retry_requested)
        )
        self.use_inputs_action = self._action(
            translate("QueueView", "&Use These Inputs"),
            "Ctrl+U",
            lambda: self._emit_current(self.use_inputs_requested),
        )
        # No key of its own: Ctrl+Shift+C copies a picture everywhere else (strip, grid,
        # gallery, viewer), and one key meaning two things a click apart misleads.
        self.copy_id_action = self._action(
            translate("QueueView", "Copy Request &ID"),
            None,
            lambda: self._emit_current(self.copy_request_id_requested, need_request_id=True),
        )
        self.open_folder_action = self._action(
            translate("QueueView", "Open Output &Folder"),
            "Ctrl+O",
            lambda: self._emit_current(self.open_folder_requested),
        )
        self.remove_action = self._action(
            translate("QueueView", "Remove from &History"),
            "Shift+Del",
            lambda: self._emit_ids(self.remove_requested),
        )
        self.export_action = self._action(
            translate("QueueView", "&Export Images…"),
            None,
            lambda: self._emit_ids(self.export_requested),
        )
        # As in photo managers: one key stars, one rejects; pressing it again takes it back.
        self.star_action = self._action(
            translate("QueueView", "&Star"), "S", lambda: self._emit_mark("star")
        )
        self.reject_action = self._action(
            translate("QueueView", "Re&ject"), "X", lambda: self._emit_mark("reject")
        )
        self.compare_action = self._action(
            translate("QueueView", "C&ompare…"), "C", self._emit_compare
        )
        self.delete_action = self._action(
            translate("QueueView", "&Delete with Files…"),
            "Ctrl+Del",
            lambda: self._emit_ids(self.delete_requested),
        )
        self.clear_history_action = QAction(translate("QueueView", "C&lear History…"), self)
        self.attach_action = QAction(
            translate("QueueView", "&Attach to a Run by Request ID…"), self
        )
        self.move_up_action = self._action(
            translate("QueueView", "Move &Earlier"), "Ctrl+Up", lambda: self._emit_move(-1)
        )
        self.move_down_action = self._action(
            translate("QueueView", "Move &Later"), "Ctrl+Down", lambda: self._emit_move(1)
        )
        self._update_actions()

    def selected_runs(self) -> list[Run]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        current = self.table.currentIndex()
        runs = [self.proxy.index(row, 0).data(RUN_ROLE) for row in rows]
        runs = [run for run in runs if isinstance(run, Run)]
        if current.isValid():
            first = current.siblingAtColumn(0).data(RUN_ROLE)
            if isinstance(first, Run) and first in runs:
                runs.remove(first)
                runs.insert(0, first)
        return runs

    def selected_ids(self) -> list[str]:
        return [run.id for run in self.selected_runs()]

    def _emit_ids(self, signal: SignalInstance) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _emit_current(self, signal: SignalInstance, *, need_request_id: bool = False) -> None:
        runs = self.selected_runs()
        if not runs:
            return
        if need_request_id:
            if runs[0].request_id:
                signal.emit(runs[0].request_id)
            return
        signal.emit(runs[0].id)

    def _emit_compare(self) -> None:
        # Pictures are compared in the order their rows read, not the order they were clicked.
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        runs = [self.proxy.index(row, 0).data(RUN_ROLE) for row in rows]
        ids = [run.id for run in runs if isinstance(run, Run)]
        if ids:
            self.compare_requested.emit(ids)

    def _emit_mark(self, mark: str) -> None:
        ids = self.selected_ids()
        if ids:
            self.mark_requested.emit(ids, mark)

    def _emit_move(self, steps: int) -> None:
        runs = self.selected_runs()
        if runs and runs[0].state is RunState.WAITING and runs[0].batch_id:
            self.move_requested.emit(runs[0].id, steps)

    def _update_actions(self) -> None:
        runs = self.selected_runs()
        movable = bool(runs) and runs[0].state is RunState.WAITING and bool(runs[0].batch_id)
        self.move_up_action.setEnabled(movable)
        self.move_down_action.setEnabled(movable)
        self.cancel_action.setEnabled(any(not run.state.is_terminal for run in runs))
        self.retry_action.setEnabled(any(run.state in RETRYABLE_STATES for run in runs))
        self.use_inputs_action.setEnabled(bool(runs))
        self.copy_id_action.setEnabled(bool(runs) and runs[0].request_id is not None)
        self.open_folder_action.setEnabled(bool(runs) and bool(runs[0].outputs))
        self.remove_action.setEnabled(any(run.state.is_terminal for run in runs))
        self.delete_action.setEnabled(any(not run.state.is_active for run in runs))
        self.star_action.setEnabled(bool(runs))
        self.reject_action.setEnabled(bool(runs))
        # Enabled with any selection: a choice that cannot be compared is told why.
        self.compare_action.setEnabled(bool(runs))
        self.export_action.setEnabled(any(run.outputs for run in runs))

    def refresh_actions(self) -> None:
        """Selected runs may have changed state: re-check what can be done to them."""
        self._update_actions()

    # --- menus ---------------------------------------------------------------------------------
    def _on_table_menu_requested(self, pos: QPoint) -> None:
        self._update_actions()
        menu = run_menu(
            self,
            (
                (self.cancel_action, self.retry_action),
                (self.use_inputs_action, self.copy_id_action, self.open_folder_action),
                (self.export_action,),
                (self.star_action, self.reject_action, self.compare_action),
                (self.move_up_action, self.move_down_action),
                (self.remove_action, self.delete_action),
            ),
        )
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_header_menu_requested(self, pos: QPoint) -> None:
        self.header_menu().popup(self.table.horizontalHeader().mapToGlobal(pos))

    def header_menu(self) -> QMenu:
        """The header's menu: a check per column to show or hide it (kept with the layout)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        # Gone once closed: a menu per right-click would otherwise pile up under the view.
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for column in Column:
            action = menu.addAction(translate("Columns", HEADERS[column]))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The workflow column names the row: it cannot be hidden.
            action.setEnabled(column is not Column.WORKFLOW)
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        return menu

    # --- selection and visibility ------------------------------------------------------------
    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()
        self.selection_changed.emit(self.selected_ids())

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        run = index.siblingAtColumn(0).data(RUN_ROLE)
        if isinstance(run, Run) and run.outputs:
            self.open_folder_requested.emit(run.id)

    def _remember_scroll_anchor(self, _parent: object, first: int, _last: int) -> None:
        bar = self.table.verticalScrollBar()
        top = self.table.rowAt(0)
        # At the very top, new runs show up where the user is looking: no anchor then.
        self._anchor = bar.value() if bar.value() > 0 and 0 <= first <= top else None
        if self._anchor is not None:
            # Rows are about to arrive above the ones on screen, which will not move: the
            # row-count change the vertical header announces would lay out and repaint the
            # whole table for nothing (10 ms a time with runs streaming in). Held back here;
            # the scroll range and offset are updated in _keep_scroll_anchor.
            self.table.verticalHeader().blockSignals(True)

    def _keep_scroll_anchor(self, _parent: object, first: int, last: int) -> None:
        value, self._anchor = self._anchor, None
        if value is None:
            return
        header = self.table.verticalHeader()
        header.blockSignals(False)
        self.table.updateGeometries()  # the scroll range includes the new rows
        added = (last - first + 1) * header.defaultSectionSize()
        # The same rows stay at the same place on screen: the offset moves by what was added,
        # without the scroll that would shift the pixels already painted.
        bar = self.table.verticalScrollBar()
        bar.blockSignals(True)
        bar.setValue(value + added)
        bar.blockSignals(False)
        header.setOffset(bar.value())

    def _on_rows_changed(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        runs = plural(total, "run")
        if shown != total:
            runs = translate("QueueView", "{shown} of {runs}").format(
                shown=format_count(shown), runs=runs
            )
        self.summary.setText(runs)
        self._visible_timer.start()

    def _on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if top_left.column() <= Column.CREDITS <= bottom_right.column():
            fit_credits_column(self.table, self.model, top_left.row(), bottom_right.row())

    def visible_ids(self) -> list[str]:
        viewport = self.table.viewport()
        top = self.table.rowAt(0)
        if top < 0:
            return []
        bottom = self.table.rowAt(viewport.height() - 1)
        if bottom < 0:
            bottom = self.proxy.rowCount() - 1
        ids = []
        for row in range(top, bottom + 1):
            run = self.proxy.index(row, 0).data(RUN_ROLE)
            if isinstance(run, Run):
                ids.append(run.id)
        return ids

    def _emit_visible_runs(self) -> None:
        self.visible_runs_changed.emit(self.visible_ids())

    def select_run(self, run_id: str) -> None:
        row = self.model.row_of(run_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            # Not selectRow(): it reads the keyboard, and with Ctrl still held from Ctrl+Enter
            # it would add the new run to the old selection instead of selecting it alone.
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    # --- layout persistence ------------------------------------------------------------------
    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("queue/header", self.table.horizontalHeader().saveState())
        settings.setValue("queue/columns", len(Column))

    def restore_layout(self, settings: QSettings) -> None:
        state = settings.value("queue/header")
        if not isinstance(state, QByteArray):
            return
        header = self.table.horizontalHeader()
        header.restoreState(state)
        # A layout saved before a column existed shows that column; one hidden by default
        # stays hidden until asked for. (Layouts without a count predate Seed and Prompt.)
        saved = settings.value("queue/columns")
        known = int(saved) if isinstance(saved, int | str) and str(saved).isdigit() else Column.SEED
        for column in HIDDEN_BY_DEFAULT:
            if column >= known:
                header.setSectionHidden(column, True)
