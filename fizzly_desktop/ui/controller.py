"""The app's controller: owns the window, the sandbox child, the engine and every background task.

It is the one place that knows about all parts; each part knows only what it is handed. All its
work is ``async def`` on the shared qasync loop so that tests can await it directly.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.ui.main_window import MainWindow
from fizzly_desktop.ui.status_bar import Connection

if TYPE_CHECKING:
    from fizzly_desktop.core.sandbox_process import AsyncSandboxHandle

log = logging.getLogger(__name__)


class AppController:
    """Starts what the window needs after it is shown, and shuts everything down on quit."""

    def __init__(
        self,
        *,
        use_sandbox: bool,
        base_url: str | None = None,
        profile: str | None = None,
        sandbox_args: list[str] | None = None,
    ) -> None:
        self.paths = app_paths().ensure()
        self.use_sandbox = use_sandbox
        self.base_url = base_url
        self.requested_profile = profile
        self.sandbox_args = sandbox_args or []
        self.tasks = TaskOwner("app")
        self.settings = QSettings(
            str(self.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        # The controller decides when the app ends: closing the window starts an orderly
        # shutdown (tasks cancelled, sandbox stopped) instead of stopping the loop under it.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        self.window = MainWindow()
        self.window.restore_layout(self.settings)
        self._quit = asyncio.Event()
        #: Set once start-up work (sandbox, history, profiles) is done, whatever its outcome.
        self.ready = asyncio.Event()
        self.window.close_requested.connect(self._quit.set)
        self.sandbox: AsyncSandboxHandle | None = None

    def show(self) -> None:
        self.window.show()

    async def run_until_quit(self) -> int:
        """Start background work, wait for the user to quit, then shut down cleanly."""
        self.tasks.spawn("start", self.start())
        await self._quit.wait()
        await self.shutdown()
        return 0

    async def start(self) -> None:
        try:
            if self.use_sandbox:
                await self.start_sandbox()
        finally:
            self.ready.set()

    async def start_sandbox(self) -> None:
        from fizzly_desktop.core.sandbox_process import start_sandbox

        self.window.status.set_connection(Connection.STARTING)
        try:
            self.sandbox = await start_sandbox(*self.sandbox_args)
        except Exception as error:  # shown to the user, kept in the log
            log.exception("The local sandbox did not start")
            self.window.status.set_connection(Connection.OFFLINE, str(error))
            return
        info = self.sandbox.info
        self.window.status.set_server("Local sandbox", info.base_url)
        self.window.status.set_connection(Connection.CONNECTED)

    async def shutdown(self) -> None:
        self.window.save_layout(self.settings)
        self.settings.sync()
        await self.tasks.close()
        if self.sandbox is not None:
            await self.sandbox.stop()
            self.sandbox = None
        self.window.hide()
        self.window.deleteLater()
