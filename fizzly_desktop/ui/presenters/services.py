"""What every presenter shares: the session, owned tasks, messages, the clipboard, the tray."""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from fizzly_desktop.core.engine import RunEngine
from fizzly_desktop.core.session import AppSession
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


class Services(QObject):
    """A small toolbox handed to each presenter, so none of them reaches into another.

    Args:
        session: the Qt-free session (profiles, library, engine, sandbox).
        window: the main window (its status bar and message boxes' parent).
        settings: the window's settings file.
    """

    def __init__(self, session: AppSession, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.settings = settings
        self.tasks = TaskOwner("app")
        self.tray: QSystemTrayIcon | None = None
        self._workflow_names: dict[str, str] = {}

    @property
    def engine(self) -> RunEngine | None:
        return self.session.engine

    def spawn(self, name: str, coro: Coroutine[Any, Any, Any]) -> None:
        """Start an owned task; after shut-down began, the work is dropped."""
        if self.tasks.closed:
            coro.close()
            return
        self.tasks.spawn(name, coro)

    def spawn_latest(self, key: str, coro: Coroutine[Any, Any, Any]) -> None:
        """Start an owned task that replaces the one started under ``key`` before."""
        if self.tasks.closed:
            coro.close()
            return
        self.tasks.spawn_latest(key, coro)

    def show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Services", "Fizzly Desktop"),
            message,
            parent=self.window,
        )
        box.setTextFormat(box.textFormat().PlainText)
        box.open()

    def show_message(self, text: str, timeout_ms: int) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.show_message(translate("Services", "Copied {text}").format(text=text), 3000)

    def notify(self, title: str, message: str) -> None:
        """A desktop notification through the tray, where there is one."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.window.windowIcon() or QIcon(), self)
            self.tray.show()
        self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 6000)

    def workflow_name(self, workflow: str) -> str:
        """The name the library gives ``owner/slug`` (cached: the queue asks per painted cell)."""
        name = self._workflow_names.get(workflow)
        if name is None:
            owner, _, slug = workflow.partition("/")
            entry = self.session.library.get(owner, slug)
            name = entry.display_name if entry is not None else workflow
            self._workflow_names[workflow] = name
        return name

    def forget_workflow_names(self) -> None:
        self._workflow_names.clear()

    async def aclose(self) -> None:
        await self.tasks.close()
        if self.tray is not None:
            self.tray.hide()
