"""The main window: sidebar, form panel, run queue and details, menus and the status bar.

The window only lays out and routes: product logic lives in ``core`` and reaches it through the
controller (``ui/controller.py``), which also owns every background task.

Signals:
    close_requested: the user closed the window or chose Quit; the controller shuts down.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from fizzly_desktop import APP_NAME
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.ui.about import show_about
from fizzly_desktop.ui.status_bar import AppStatusBar


class MainWindow(QMainWindow):
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.resize(1320, 840)
        self.status = AppStatusBar(self)
        self.setStatusBar(self.status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._build_menus()

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.run_menu = bar.addMenu("&Run")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")

        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.open_logs_action = QAction("Open &Log Folder", self)
        self.open_logs_action.triggered.connect(self._on_open_logs_triggered)
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda: show_about(self))
        self.help_menu.addAction(self.open_logs_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _on_open_logs_triggered(self) -> None:
        folder = app_paths().ensure().log_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- layout persistence ----------------------------------------------------------------
    def restore_layout(self, settings: QSettings) -> None:
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        event.accept()
