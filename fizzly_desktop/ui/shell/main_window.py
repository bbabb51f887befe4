"""The main window: sidebar, form panel, run queue with details, gallery, menus and status bar.

Layout, left to right: the sidebar (profile switcher, workflow library, state filters with
counts), the form panel of the selected workflow, and a tabbed area with the Queue (batch bar,
run table, run details) and the Gallery. On first run a welcome view stands in for all of it.

The window lays out and routes; product logic lives in ``core`` and is driven by the controller
(``ui/controller.py``), which also owns every background task.

Start-up paints the window before the heavy parts exist: this module imports only light
modules, and the parts that need the API client, schemas or keyring (workflow library, gallery,
outputs strip, welcome view) are installed by the controller right after the first paint.

Signals:
    close_requested: the user closed the window or chose Quit; the controller shuts down.
    profile_chosen(str): the user picked another profile in the sidebar's switcher.
    first_painted: the window has painted once (start-up waits for it before heavy work).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop import APP_NAME
from fizzly_desktop.core.formatting import format_count
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.ui.color_scheme import color_scheme_follower
from fizzly_desktop.ui.forms.form_panel import FormPanel
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.keyboard import PaneCycler
from fizzly_desktop.ui.labels import ElidedLabel
from fizzly_desktop.ui.shell import focus_order
from fizzly_desktop.ui.shell.batch_banner import BatchBanner
from fizzly_desktop.ui.shell.status_bar import AppStatusBar

if TYPE_CHECKING:
    from fizzly_desktop.ui.details.run_details import RunDetailsPanel
    from fizzly_desktop.ui.queue.queue_view import QueueView
    from fizzly_desktop.ui.queue.state_filters import StateFilterList


def _caption(text: str) -> QLabel:
    """A sidebar section heading, in the style of the workflow library's own."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 2)
    return label


#: The menus, by their English titles (translated where added).
_MENUS = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&Run"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
)


class BatchBar(QWidget):
    """Above the queue: which batch is shown, and what can be done to it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.setSpacing(6)
        self.combo = QComboBox()
        self.combo.setAccessibleName(translate("BatchBar", "Batch"))
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # The summary gives way to the buttons when the queue is narrow; the tooltip keeps it.
        self.status = ElidedLabel()
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        def tool(text: str, tip: str) -> QToolButton:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            return button

        self.pause_button = tool(
            translate("BatchBar", "Pause"),
            translate("BatchBar", "Stop sending this batch's waiting runs"),
        )
        self.cancel_button = tool(
            translate("BatchBar", "Cancel batch"),
            translate("BatchBar", "Cancel every run of this batch not yet finished"),
        )
        self.retry_button = tool(
            translate("BatchBar", "Retry failed"),
            translate("BatchBar", "Send this batch's failed runs again, as new runs"),
        )
        self.grid_button = tool(
            translate("BatchBar", "Grid"),
            translate("BatchBar", "Show the batch's outputs as a grid by the swept values"),
        )
        self.grid_button.setCheckable(True)
        layout.addWidget(QLabel(translate("BatchBar", "Batch:")))
        layout.addWidget(self.combo)
        layout.addWidget(self.status, 1)
        for button in (self.pause_button, self.cancel_button, self.retry_button, self.grid_button):
            layout.addWidget(button)
        self.set_batch_controls_visible(False)

    def set_batch_controls_visible(self, visible: bool) -> None:
        for widget in (self.pause_button, self.cancel_button, self.retry_button, self.grid_button):
            widget.setVisible(visible)
        self.status.setVisible(visible)


class MainWindow(QMainWindow):
    close_requested = Signal()
    profile_chosen = Signal(str)
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.has_painted = False
        #: Asked before the window closes; False keeps it open (the guard then asks the user).
        self.close_guard: Callable[[], bool] | None = None
        self._unasked = False
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1360, 860)
        self.status = AppStatusBar(self)
        self.setStatusBar(self.status)

        # --- sidebar ---------------------------------------------------------------------------
        self.sidebar = QWidget()
        self.sidebar.setObjectName("Sidebar")
        side = QVBoxLayout(self.sidebar)
        side.setContentsMargins(0, 4, 0, 8)
        side.setSpacing(2)
        # The workflow library lays out its own 8 px margins; the other sections match them.
        profile_box = self.profile_box = QWidget()
        profile_layout = QVBoxLayout(profile_box)
        profile_layout.setContentsMargins(8, 0, 8, 0)
        profile_layout.addWidget(_caption(translate("MainWindow", "Profile")))
        profile_row = QHBoxLayout()
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(translate("MainWindow", "Active profile"))
        self.profile_combo.activated.connect(self._on_profile_combo_activated)
        self.manage_profiles_button = QToolButton()
        self.manage_profiles_button.setText("…")
        self.manage_profiles_button.setToolTip(
            translate("MainWindow", "Manage profiles and API keys")
        )
        self.manage_profiles_button.setAccessibleName(translate("MainWindow", "Manage profiles"))
        profile_row.addWidget(self.profile_combo, 1)
        profile_row.addWidget(self.manage_profiles_button)
        profile_layout.addLayout(profile_row)
        side.addWidget(profile_box)
        self.library_panel = QWidget()
        side.addWidget(self.library_panel, 1)
        self._side_layout = side
        runs_box = QWidget()
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.setContentsMargins(8, 0, 8, 0)
        runs_layout.addWidget(_caption(translate("MainWindow", "Runs")))
        # The state groups and their counts come with the run table, after the first paint.
        self.state_filters: StateFilterList
        self._filters_stand_in = QWidget()
        runs_layout.addWidget(self._filters_stand_in)
        self._runs_layout = runs_layout
        side.addWidget(runs_box)

        # --- form ------------------------------------------------------------------------------
        self.form_panel = FormPanel()

        # --- queue and gallery -----------------------------------------------------------------
        self.batch_bar = BatchBar()
        # The run table and the details panel are made with the other parts after the first
        # paint; until then empty areas hold their places (there is no run to show before the
        # history is open anyway, and the table's view, delegates and models cost a frame).
        self.queue_view: QueueView
        self._queue_stand_in = QWidget()
        self._layout_settings: QSettings | None = None
        self._details_stand_in = QWidget()
        self.run_details: RunDetailsPanel
        queue_page = QWidget()
        queue_layout = QVBoxLayout(queue_page)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(0)
        self.batch_banner = BatchBanner()
        queue_layout.addWidget(self.batch_banner)
        queue_layout.addWidget(self.batch_bar)
        self.queue_stack = QStackedWidget()
        self.queue_stack.addWidget(self._queue_stand_in)
        queue_layout.addWidget(self.queue_stack, 1)
        self.queue_splitter = QSplitter(Qt.Orientation.Vertical)
        self.queue_splitter.setObjectName("QueueSplitter")
        self.queue_splitter.setChildrenCollapsible(False)
        self.queue_splitter.addWidget(queue_page)
        self.queue_splitter.addWidget(self._details_stand_in)
        self.queue_splitter.setStretchFactor(0, 3)
        self.queue_splitter.setStretchFactor(1, 2)
        self.queue_splitter.setSizes([480, 320])  # 3 : 2 until the user moves it

        self.gallery = QWidget()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(translate("MainWindow", "Queue and Gallery"))
        self.tabs.addTab(self.queue_splitter, translate("MainWindow", "Queue"))
        self.tabs.addTab(self.gallery, translate("MainWindow", "Gallery"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.form_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([240, 460, 660])
        # No fixed minimum: the sidebar is as narrow as its buttons allow, in any language.

        self.welcome = QWidget()
        self.central = QStackedWidget()
        self.central.addWidget(self.splitter)
        self.central.addWidget(self.welcome)
        self.setCentralWidget(self.central)
        self._build_menus()

    def install_parts(
        self,
        *,
        queue_view: QueueView,
        state_filters: StateFilterList,
        library_panel: QWidget,
        run_details: RunDetailsPanel,
        gallery: QWidget,
    ) -> None:
        """Put in the parts made after the first paint, in place of their empty stand-ins."""
        self.queue_stack.insertWidget(0, queue_view)
        self.queue_stack.setCurrentWidget(queue_view)
        self.queue_stack.removeWidget(self._queue_stand_in)
        self._queue_stand_in.deleteLater()
        self.queue_view = queue_view
        if self._layout_settings is not None:
            queue_view.restore_layout(self._layout_settings)
        self._add_queue_actions(queue_view)
        self._runs_layout.replaceWidget(self._filters_stand_in, state_filters)
        self._filters_stand_in.deleteLater()
        self.state_filters = state_filters
        self._side_layout.replaceWidget(self.library_panel, library_panel)
        self.library_panel.deleteLater()
        self.library_panel = library_panel
        # Keep the split the user sees (or restored): the panel's larger minimum size must not
        # push the queue above it aside.
        sizes = self.queue_splitter.sizes()
        self.queue_splitter.replaceWidget(1, run_details)
        self._details_stand_in.deleteLater()
        if sum(sizes) > 0:
            self.queue_splitter.setSizes(sizes)
        self.run_details = run_details
        index = self.tabs.indexOf(self.gallery)
        self.tabs.removeTab(index)
        self.gallery.deleteLater()
        self.tabs.insertTab(index, gallery, translate("MainWindow", "Gallery"))
        self.gallery = gallery

    def set_welcome(self, welcome: QWidget) -> None:
        """Put in the first-run welcome (made when first shown) in place of its stand-in."""
        self.central.removeWidget(self.welcome)
        self.welcome.deleteLater()
        self.central.addWidget(welcome)
        self.welcome = welcome

    def _reading_blocks(self) -> list[QWidget]:
        """The window's blocks in reading order, for Tab (see ``focus_order``)."""
        blocks = [self.profile_box, self.library_panel]
        if hasattr(self, "state_filters"):
            blocks.append(self.state_filters)
        # The form's inputs, then its run options and Run (made before the form, so Qt's
        # order would put them first).
        blocks += [self.form_panel.form_area, self.form_panel, self.tabs.tabBar()]
        blocks += [self.batch_banner, self.batch_bar]
        if hasattr(self, "queue_view"):
            blocks += [self.queue_stack, self.run_details]
        return [*blocks, self.gallery]

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.central.currentWidget() is not self.splitter:
            return super().focusNextPrevChild(next)  # the welcome view keeps its own order
        target = focus_order.step(self, self._reading_blocks(), self.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _panes(self) -> list[tuple[QWidget, QWidget]]:
        """The panes F6 visits, in reading order: (the area, where focus goes in it)."""
        workflows = getattr(self.library_panel, "list", None)
        form = self.form_panel.form
        panes: list[tuple[QWidget, QWidget]] = [
            (self.sidebar, workflows if isinstance(workflows, QWidget) else self.library_panel),
            # Into the form at its first input (its presets and pages come before it for Tab).
            (self.form_panel, self.form_panel if form is None else form.tabs.currentWidget()),
        ]
        if hasattr(self, "queue_view"):
            # The queue's table, or a batch's grid shown in its place.
            shown = self.queue_stack.currentWidget()
            inner = getattr(shown, "view", None) if shown is not self.queue_view else None
            entry = inner if isinstance(inner, QWidget) else self.queue_view.table
            panes += [(self.queue_stack, entry), (self.run_details, self.run_details)]
        gallery_view = getattr(self.gallery, "list_view", None)
        panes.append(
            (self.gallery, gallery_view if isinstance(gallery_view, QWidget) else self.gallery)
        )
        return panes

    # --- menus -----------------------------------------------------------------------------
    def _add(
        self, menu_name: str, text: str, shortcut: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self._menus[menu_name].addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._menus = {name: bar.addMenu(translate("MainWindow", name)) for name in _MENUS}
        self.file_menu, self.run_menu = self._menus["&File"], self._menus["&Run"]
        self.view_menu, self.help_menu = self._menus["&View"], self._menus["&Help"]

        self.profiles_action = self._add(
            "&File", translate("MainWindow", "&Profiles and API Keys…"), "Ctrl+,"
        )
        self.profiles_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.manage_profiles_button.clicked.connect(self.profiles_action.trigger)
        self.add_workflow_action = self._add(
            "&File", translate("MainWindow", "&Add Workflow…"), "Ctrl+Shift+N"
        )
        self.import_rows_action = self._add(
            "&File", translate("MainWindow", "&Import Inputs from CSV or JSONL…"), "Ctrl+I"
        )
        self.outputs_folder_action = self._add(
            "&File", translate("MainWindow", "Choose &Outputs Folder…")
        )
        self.max_download_action = self._add(
            "&File", translate("MainWindow", "&Largest Output File…")
        )
        self.file_menu.addSeparator()
        # Not StandardKey.Quit: it is empty where the platform theme names no key for it.
        self.quit_action = self._add("&File", translate("MainWindow", "&Quit"), "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.run_action = self._add("&Run", "&Run", "Ctrl+Return")
        # The main Return key and the keypad's Enter are two keys to Qt; both run the form.
        self.run_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.run_action.triggered.connect(self.form_panel.run_button.click)
        self.build_batch_action = self._add(
            "&Run", translate("MainWindow", "&Build Batch…"), "Ctrl+B"
        )
        self.build_batch_action.triggered.connect(self.form_panel.batch_button.click)
        self.run_menu.addSeparator()
        self._queue_actions_end = self.run_menu.addSeparator()
        self.pause_all_action = self._add(
            "&Run", translate("MainWindow", "&Pause Sending"), "Ctrl+P"
        )
        self.pause_all_action.setCheckable(True)

        self.show_queue_action = self._add("&View", translate("MainWindow", "&Queue"), "Ctrl+1")
        self.show_queue_action.triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        self.show_gallery_action = self._add("&View", translate("MainWindow", "&Gallery"), "Ctrl+2")
        self.show_gallery_action.triggered.connect(lambda: self.tabs.setCurrentIndex(1))
        self.find_action = self._add(
            "&View", translate("MainWindow", "&Filter Runs"), QKeySequence.StandardKey.Find
        )
        self.find_action.triggered.connect(self._on_find_triggered)
        self.view_menu.addSeparator()
        # F6 / Shift+F6 move between panes (sidebar, form, queue, details) as in many apps.
        self.panes = PaneCycler(self._panes)
        self.next_pane_action = self._add("&View", translate("MainWindow", "&Next Pane"), "F6")
        self.next_pane_action.triggered.connect(lambda: self.panes.cycle(1))
        self.previous_pane_action = self._add(
            "&View", translate("MainWindow", "P&revious Pane"), "Shift+F6"
        )
        self.previous_pane_action.triggered.connect(lambda: self.panes.cycle(-1))
        self.view_menu.addSeparator()
        # Light or dark: as the system is, or as chosen here (kept with the window's layout).
        self.color_scheme = color_scheme_follower()
        self.appearance_menu = self.color_scheme.add_menu(self.view_menu)

        self.open_logs_action = self._add("&Help", translate("MainWindow", "Open &Log Folder"))
        self.open_logs_action.triggered.connect(self._on_open_logs_triggered)
        self.help_menu.addSeparator()
        self.about_action = self._add(
            "&Help", translate("MainWindow", "&About {APP_NAME}").format(APP_NAME=APP_NAME)
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)

    def _add_queue_actions(self, queue: QueueView) -> None:
        """The queue's actions, in the Run menu between Build Batch and Pause Sending."""
        for action in (
            queue.cancel_action,
            queue.retry_action,
            queue.use_inputs_action,
            queue.copy_id_action,
            queue.open_folder_action,
            queue.move_up_action,
            queue.move_down_action,
            queue.star_action,
            queue.reject_action,
            queue.compare_action,
            queue.remove_action,
            queue.delete_action,
            queue.clear_history_action,
            queue.attach_action,
        ):
            self.run_menu.insertAction(self._queue_actions_end, action)

    def _on_find_triggered(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.queue_view.search.setFocus()
        self.queue_view.search.selectAll()

    def _on_about_triggered(self) -> None:
        from fizzly_desktop.ui.shell.about import show_about  # only when asked for

        show_about(self)

    def _on_open_logs_triggered(self) -> None:
        folder = app_paths().ensure().log_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- profiles ------------------------------------------------------------------------------
    def set_profiles(self, names: list[str], active: str) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItems(names)
        self.profile_combo.setCurrentIndex(max(0, names.index(active) if active in names else 0))
        self.profile_combo.blockSignals(False)

    def _on_profile_combo_activated(self, index: int) -> None:
        self.profile_chosen.emit(self.profile_combo.itemText(index))

    # --- first run -----------------------------------------------------------------------------
    def show_welcome(self, shown: bool) -> None:
        self.central.setCurrentWidget(self.welcome if shown else self.splitter)
        self.menuBar().setEnabled(not shown)

    # --- title -----------------------------------------------------------------------------
    def set_counts_in_title(self, active: int, queued: int) -> None:
        if active or queued:
            self.setWindowTitle(
                translate(
                    "MainWindow", "{APP_NAME} — {active} on the server, {queued} not sent yet"
                ).format(
                    APP_NAME=APP_NAME, active=format_count(active), queued=format_count(queued)
                )
            )
        else:
            self.setWindowTitle(APP_NAME)

    # --- layout persistence ----------------------------------------------------------------
    def restore_layout(self, settings: QSettings) -> None:
        self.color_scheme.restore(settings)
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("window/splitter", self.splitter.restoreState),
            ("window/queue_splitter", self.queue_splitter.restoreState),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        # The queue's columns are restored when it is installed (after the first paint).
        self._layout_settings = settings
        if hasattr(self, "queue_view"):
            self.queue_view.restore_layout(settings)

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/queue_splitter", self.queue_splitter.saveState())
        if hasattr(self, "queue_view"):
            self.queue_view.save_layout(settings)

    def sizeHint(self) -> QSize:
        return QSize(1360, 860)

    def event(self, event: QEvent) -> bool:
        if not self.has_painted and event.type() == QEvent.Type.Paint:
            self.has_painted = True
            self.first_painted.emit()
        return super().event(event)

    def close_without_asking(self) -> None:
        """Close as File ▸ Quit does, without the guard's question (a logout, SIGTERM)."""
        self._unasked = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        guard = self.close_guard
        if guard is not None and not self._unasked and not guard():
            # The guard asks the user (without a nested loop) and quits if they say so.
            event.ignore()
            return
        self.close_requested.emit()
        event.accept()
