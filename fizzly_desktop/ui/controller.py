"""The app's controller: builds the window's parts and presenters, wires them, starts and ends.

It holds no product logic of its own; each presenter holds one area's:

    AppSession (core) ─┬─ Services ─┬─ QueuePresenter    ← EngineBridge.delta_published
      profiles, keys   │  (tasks,   ├─ GalleryPresenter  ← (one typed delta per frame)
      library, engine  │  messages) ├─ DetailsPresenter  ←
      sandbox          │            ├─ StatusPresenter   ← counts, budget, notices
                       │            ├─ FormPresenter, ProfilesPresenter, OutputsPresenter
                       └─ EngineBridge                   ├─ BatchController (batch bar, grid)
                                                         └─ GridPresenter (the grid's actions)

All its work is ``async def`` on the shared qasync loop so that tests can await it directly; a
button's handler only starts an owned task.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication

from fizzly_desktop import APP_NAME
from fizzly_desktop.core.engine import RunEngine
from fizzly_desktop.core.profiles import ProfileStore
from fizzly_desktop.core.session import AppSession
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.ui.batches import BatchController
from fizzly_desktop.ui.bridge import EngineBridge
from fizzly_desktop.ui.details.run_details import RunDetailsPanel
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.library import WorkflowLibraryPanel
from fizzly_desktop.ui.module_sources import forget_module_sources
from fizzly_desktop.ui.outputs.outputs_strip import OutputsStrip
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader
from fizzly_desktop.ui.presenters import (
    BannerPresenter,
    ChainPresenter,
    DetailsPresenter,
    FormPresenter,
    GalleryPresenter,
    GridPresenter,
    LibraryPresenter,
    OutputsPresenter,
    ProfilesPresenter,
    QueuePresenter,
    QuitPresenter,
    SearchPresenter,
    Services,
    StatusPresenter,
)
from fizzly_desktop.ui.profiles import WelcomeView
from fizzly_desktop.ui.queue.queue_view import QueueView
from fizzly_desktop.ui.queue.run_table import RunTableModel
from fizzly_desktop.ui.queue.state_filters import StateFilterList
from fizzly_desktop.ui.shell.main_window import MainWindow
from fizzly_desktop.ui.shell.status_bar import Connection

if TYPE_CHECKING:
    from fizzly_desktop.core.sandbox_process import RunningSandbox

log = logging.getLogger(__name__)

#: Seconds after start-up before the HTTP clients' one-time set-up runs, when it waited.
WARM_UP_DELAY = 2.0


class AppController(QObject):
    """Starts what the window needs after it is shown, wires the presenters, shuts down cleanly.

    Args:
        session: the Qt-free session (built by ``app.py``).
        window: the main window's skeleton, already shown; a new one when None.
        use_sandbox, base_url, profile: the command line's choice of profile.
    """

    def __init__(
        self,
        session: AppSession,
        window: MainWindow | None = None,
        *,
        use_sandbox: bool,
        base_url: str | None = None,
        profile: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.use_sandbox = use_sandbox
        self.base_url = base_url
        self.requested_profile = profile
        settings = QSettings(
            str(session.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        # The controller decides when the app ends: closing the window starts an orderly
        # shutdown (tasks cancelled, sandbox stopped) instead of stopping the loop under it.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        if window is None:
            window = MainWindow()
            window.restore_layout(settings)
        self.window = window
        self.run_model = RunTableModel()
        self.thumbnails = ThumbnailLoader(parent=self)
        self.outputs_strip = OutputsStrip(self.thumbnails)
        self.gallery = GalleryView(self.thumbnails)
        self.library_panel = WorkflowLibraryPanel(session.library)
        window.install_parts(
            queue_view=QueueView(self.run_model),
            state_filters=StateFilterList(),
            library_panel=self.library_panel,
            run_details=RunDetailsPanel(self.outputs_strip),
            gallery=self.gallery,
        )
        self.bridge = EngineBridge(self)
        self.services = Services(session, window, settings)
        self.outputs = OutputsPresenter(self.services)
        self.outputs.thumbnails = self.thumbnails
        self.details = DetailsPresenter(
            self.services, window.run_details, self.outputs_strip, self.outputs
        )
        self.queue = QueuePresenter(self.services, window.queue_view, self.thumbnails, self.details)
        self.gallery_presenter = GalleryPresenter(self.services, self.gallery, self.outputs)
        self.search = SearchPresenter(self.services, window.queue_view, self.gallery)
        self.library = LibraryPresenter(self.services, window.queue_view, self.gallery)
        self.library.first_image = self.outputs.first_image
        self.chain = ChainPresenter(self.services, window.queue_view, self.gallery)
        self.chain.select_workflow = self.library_panel.select
        self.status = StatusPresenter(self.services)
        self.form = FormPresenter(
            self.services,
            self.library_panel,
            self.queue.on_workflow_names_changed,
            self.queue.reveal_run,
            self.queue.reveal_batch,
        )
        self.chain.current_workflow = self.form.workflow_ref
        self.profiles_presenter = ProfilesPresenter(
            self.services,
            lambda: WelcomeView(session.profiles, verify=session.connector.verify_key),
            self.library_panel,
            self.form,
        )
        self.banner = BannerPresenter(self.services, window.batch_banner)
        self.batches = BatchController(
            window,
            self.thumbnails,
            spawn=self.services.spawn,
            open_image=self.outputs.open_first_image,
            parent=self,
        )
        self.queue.set_batch_shower(self.batches.show_batch)
        self.batches.cancel_watch = self.queue.watch_cancel
        self.details.cancel_watch = self.queue.watch_cancel
        self.details.reveal_run = self.queue.reveal_run
        self.grid = GridPresenter(
            self.services,
            self.batches,
            self.queue,
            self.outputs,
            self.form.use_inputs_of,
            mark=self.search.mark_runs,
            delete=self.library.delete_runs,
            compare=self.library.compare_runs,
        )
        self.quitting = QuitPresenter(self.services, self.request_quit)
        self._quit = asyncio.Event()
        #: Set once start-up work (sandbox, history, engine) is done, whatever its outcome.
        self.ready = asyncio.Event()
        self._connect_signals()

    @property
    def welcome(self) -> WelcomeView:
        """The first-run welcome (made on first use: most starts never show it)."""
        return self.profiles_presenter.welcome

    # --- wiring ------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        w, services, outputs = self.window, self.services, self.outputs
        w.close_requested.connect(self._quit.set)
        w.outputs_folder_action.triggered.connect(outputs.choose_folder)
        w.max_download_action.triggered.connect(outputs.choose_max_download)
        w.add_workflow_action.triggered.connect(lambda: self.library_panel.open_add_dialog())
        w.pause_all_action.toggled.connect(self.queue.set_sending_paused)
        w.state_filters.group_selected.connect(w.queue_view.proxy.set_group)
        w.queue_view.open_folder_requested.connect(outputs.open_folder)
        w.queue_view.export_requested.connect(outputs.export_runs)
        w.run_details.copy_request_id_requested.connect(services.copy_text)
        self.gallery.use_inputs_requested.connect(lambda item: self.form.use_inputs_of(item.run_id))
        strip = self.outputs_strip
        strip.output_activated.connect(lambda item: outputs.open_output(item, strip.image_items()))
        strip.save_as_requested.connect(outputs.save_as)
        strip.media_panel.raise_limit_requested.connect(outputs.choose_max_download)
        strip.copy_image_requested.connect(outputs.copy_image)
        # Each view's presenter subscribes to the frame's delta; the order is the order in
        # which the window settles: rows first, then what is derived from them.
        delta = self.bridge.delta_published
        delta.connect(self.queue.on_delta)
        delta.connect(self.search.on_delta)
        delta.connect(self.library.on_delta)
        delta.connect(self.chain.on_delta)
        delta.connect(self.gallery_presenter.on_delta)
        delta.connect(self.details.on_delta)
        delta.connect(self.status.on_delta)
        delta.connect(self.form.on_delta)
        delta.connect(self.batches.on_delta)
        delta.connect(self.banner.on_delta)
        self.bridge.notice_posted.connect(self.status.on_notice)

    # --- what tests and tools look at --------------------------------------------------------
    @property
    def engine(self) -> RunEngine | None:
        return self.session.engine

    @property
    def sandbox(self) -> RunningSandbox | None:
        return self.session.sandbox

    @property
    def profiles(self) -> ProfileStore:
        return self.session.profiles

    @property
    def tasks(self) -> TaskOwner:
        return self.services.tasks

    # --- life ----------------------------------------------------------------------------------
    def show(self) -> None:
        self.window.show()

    def request_quit(self) -> None:
        """End the app as File ▸ Quit does (also on SIGTERM and SIGINT)."""
        self._quit.set()

    async def run_until_quit(self) -> int:
        """Start background work, wait for the user to quit, then shut down cleanly."""
        self.services.spawn("start", self.start())
        await self._quit.wait()
        await self.shutdown()
        return 0

    async def start(self) -> None:
        profiles = self.profiles_presenter
        try:
            profiles.choose_from_arguments(
                use_sandbox=self.use_sandbox,
                base_url=self.base_url,
                profile=self.requested_profile,
            )
            if self.session.profiles.needs_welcome and not self.use_sandbox:
                profiles.show_welcome()
                self.window.status.set_server(translate("AppController", "Welcome"), "")
                self.window.status.set_connection(
                    Connection.IDLE, translate("AppController", "Choose how to start")
                )
            await self._open_engine()
            if not profiles.showing_welcome:
                # Otherwise the welcome view's choice starts the sandbox or the account.
                if self.session.profiles.active.is_sandbox:
                    await profiles.start_sandbox()
                await profiles.activate()
        finally:
            # What start-up imported is in: its sources, read by PySide6, go before the
            # history comes in (the peak of a long one).
            forget_module_sources()
            self.ready.set()
            # Scripts and tests wait for this line (the log file, or stderr with --verbose).
            log.info("%s is ready", APP_NAME)
            # Ahead of the first HTTPS client (another profile, an output download), once
            # what start-up set going (the form's schema, the history) has settled.
            self.services.spawn("warm-up", self._warm_up_later())

    async def _warm_up_later(self) -> None:
        await asyncio.sleep(WARM_UP_DELAY)
        await self.session.warm_up()

    async def _open_engine(self) -> None:
        engine = await self.session.open()
        self.outputs.restore_folder()
        self.outputs.restore_max_download()
        self.bridge.attach(engine)
        self.queue.load()
        self.gallery_presenter.load()
        self.library.start()
        self.status.start()
        self.batches.attach(engine)
        self.banner.refresh()

    async def start_sandbox(self) -> None:
        await self.profiles_presenter.start_sandbox()

    async def shutdown(self) -> None:
        self.status.stop()
        self.gallery_presenter.stop()
        self.window.save_layout(self.services.settings)
        self.services.settings.sync()
        await self.services.aclose()
        await self.library_panel.close_tasks()
        await self.profiles_presenter.aclose()
        self.bridge.detach()
        await self.session.close()
        self.thumbnails.shutdown()
        self.window.hide()
        self.window.deleteLater()
