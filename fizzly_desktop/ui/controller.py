"""The app's controller: owns the window, the sandbox child, the engine and every background task.

It is the one place that knows about all parts; each part knows only what it is handed:

    ProfileStore ─┐                       ┌─ MainWindow (sidebar, form panel, queue, gallery)
    sandbox child ─┼─ AppController ──────┼─ EngineBridge ← RunEngine events (one per frame)
    RunEngine  ───┘   (async, on qasync)  └─ ThumbnailLoader, dialogs

All its work is ``async def`` on the shared qasync loop so that tests can await it directly; a
button's handler only starts an owned task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QSystemTrayIcon

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.api import transport as http_transport
from fizzly_desktop.core.collector import CollectorPolicy
from fizzly_desktop.core.engine import EngineSettings, ProfileConnection, RunEngine
from fizzly_desktop.core.events import Notice, NoticeLevel
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.library import WorkflowEntry, WorkflowLibrary
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME, ProfileStore
from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.core.secrets import KeyVault, fingerprint
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.ui.batches import BatchController, batch_summary
from fizzly_desktop.ui.bridge import EngineBridge
from fizzly_desktop.ui.forms import SchemaForm
from fizzly_desktop.ui.gallery import GalleryView
from fizzly_desktop.ui.library import WorkflowLibraryPanel
from fizzly_desktop.ui.main_window import MainWindow
from fizzly_desktop.ui.output_items import OutputItem, output_items_for_run
from fizzly_desktop.ui.outputs_strip import OutputsStrip
from fizzly_desktop.ui.run_details import RunDetailsPanel
from fizzly_desktop.ui.run_table import RunTableModel, thumbnail_path
from fizzly_desktop.ui.status_bar import Connection
from fizzly_desktop.ui.thumbnails import ThumbnailLoader
from fizzly_desktop.ui.welcome import WelcomeView

if TYPE_CHECKING:
    from fizzly_desktop.core.sandbox_process import AsyncSandboxHandle
    from fizzly_desktop.ui.image_viewer import ImageViewerWindow
    from fizzly_desktop.ui.profiles_dialog import ProfilesDialog

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = 24
#: How often, while runs are active, the garbage collector walks the objects made since.
COLLECT_INTERVAL_MS = 2000


class AppController(QObject):
    """Starts what the window needs after it is shown, routes user actions, shuts down cleanly."""

    def __init__(
        self,
        window: MainWindow | None = None,
        *,
        use_sandbox: bool,
        base_url: str | None = None,
        profile: str | None = None,
        sandbox_args: list[str] | None = None,
        engine_settings: EngineSettings | None = None,
        vault: KeyVault | None = None,
    ) -> None:
        super().__init__()
        self.paths = app_paths().ensure()
        self.use_sandbox = use_sandbox
        self.base_url = base_url
        self.requested_profile = profile
        self.sandbox_args = sandbox_args or []
        self.engine_settings = engine_settings or EngineSettings()
        self.tasks = TaskOwner("app")
        self.settings = QSettings(
            str(self.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        # The controller decides when the app ends: closing the window starts an orderly
        # shutdown (tasks cancelled, sandbox stopped) instead of stopping the loop under it.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)

        self.profiles = ProfileStore(vault or KeyVault())
        self.library = WorkflowLibrary(self.profiles.active_name)
        self.thumbnails = ThumbnailLoader(parent=self)
        if window is None:
            window = MainWindow(run_model=RunTableModel())
            window.restore_layout(self.settings)
        self.window = window
        self.run_model = window.queue_view.model
        self.run_model.set_workflow_names(self.workflow_name)
        self.run_model.set_thumbnail_provider(self._run_thumbnail)
        self.outputs_strip = OutputsStrip(self.thumbnails)
        self.gallery = GalleryView(self.thumbnails)
        self.library_panel = WorkflowLibraryPanel(self.library)
        self.welcome = WelcomeView(self.profiles)
        window.install_parts(
            library_panel=self.library_panel,
            run_details=RunDetailsPanel(self.outputs_strip),
            gallery=self.gallery,
            welcome=self.welcome,
        )
        self.bridge = EngineBridge(self)
        self.engine: RunEngine | None = None
        self.history: HistoryStore | None = None
        self.sandbox: AsyncSandboxHandle | None = None
        self.tray: QSystemTrayIcon | None = None
        self._viewer: ImageViewerWindow | None = None
        self._profiles_dialog: ProfilesDialog | None = None
        self._profiles_before: dict[str, tuple[str, str | None]] = {}
        self._quit = asyncio.Event()
        #: Set once start-up work (sandbox, history, engine) is done, whatever its outcome.
        self.ready = asyncio.Event()
        self._workflow: WorkflowEntry | None = None
        self._schema_asked: set[tuple[str, str]] = set()
        self._thumbnail_rows: dict[str, set[str]] = {}
        self._nodes_of: dict[str, list[str]] = {}
        self._workflow_names: dict[str, str] = {}
        # New outputs reach a hidden gallery in one batch a second (each insert relays out its
        # grid); a shown gallery gets them at once.
        self._gallery_pending: list[OutputItem] = []
        self._gallery_timer = QTimer(self)
        self._gallery_timer.setSingleShot(True)
        self._gallery_timer.setInterval(1000)
        self._gallery_timer.timeout.connect(self._flush_gallery)
        self.window.tabs.currentChanged.connect(lambda _index: self._flush_gallery())
        # Counts walk every run: refresh them at most four times a second, not every frame.
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(250)
        self._counts_timer.timeout.connect(self._refresh_counts)
        self._finished_batches: set[str] = set()
        self.collector = CollectorPolicy()
        self._nothing_moves = True
        # While runs are active, short collections of what is new, rather than rare long ones.
        self._collect_timer = QTimer(self)
        self._collect_timer.setInterval(COLLECT_INTERVAL_MS)
        self._collect_timer.timeout.connect(self._collect_recent)
        self._budget_timer = QTimer(self)
        self._budget_timer.setInterval(1000)
        self._budget_timer.timeout.connect(self._refresh_budget)
        self._connect_signals()
        self._refresh_profiles()

    # --- wiring ------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        w = self.window
        w.close_requested.connect(self._quit.set)
        w.profile_chosen.connect(
            lambda name: self._spawn("switch-profile", self.switch_profile(name))
        )
        w.profiles_action.triggered.connect(self._on_profiles_triggered)
        w.outputs_folder_action.triggered.connect(self._on_outputs_folder_triggered)
        w.pause_all_action.toggled.connect(self._on_pause_all_toggled)
        w.state_filters.group_selected.connect(w.queue_view.proxy.set_group)
        w.form_panel.run_requested.connect(self._on_run_requested)
        w.form_panel.build_batch_requested.connect(self._on_build_batch_requested)
        w.import_rows_action.triggered.connect(self._on_build_batch_requested)

        q = w.queue_view
        q.selection_changed.connect(self._on_queue_selection_changed)
        q.cancel_requested.connect(self.cancel_runs)
        q.retry_requested.connect(lambda ids: self._spawn("retry", self.retry_runs(ids)))
        q.remove_requested.connect(self.remove_runs)
        q.use_inputs_requested.connect(self.use_inputs_of)
        q.copy_request_id_requested.connect(self._copy_text)
        q.open_folder_requested.connect(self.open_output_folder)
        q.visible_runs_changed.connect(self._on_visible_runs_changed)
        q.move_requested.connect(self._on_move_requested)
        w.run_details.copy_request_id_requested.connect(self._copy_text)
        w.run_details.use_inputs_requested.connect(self.use_inputs_of)

        self.batches = BatchController(
            w, self.thumbnails, spawn=self._spawn, open_image=self.open_first_image, parent=self
        )

        self.library_panel.workflow_selected.connect(self.select_workflow)
        self.library_panel.library_changed.connect(self._on_library_changed)
        self.gallery.use_inputs_requested.connect(lambda item: self.use_inputs_of(item.run_id))
        self.gallery.show_run_requested.connect(self._on_gallery_show_run_requested)
        self.gallery.open_requested.connect(self.open_output)
        self.outputs_strip.output_activated.connect(self.open_output)

        self.welcome.sandbox_chosen.connect(
            lambda: self._spawn("welcome-sandbox", self.finish_welcome(SANDBOX_PROFILE_NAME))
        )
        self.welcome.account_connected.connect(
            lambda name: self._spawn("welcome-account", self.finish_welcome(name))
        )

        self.bridge.runs_changed.connect(self._on_runs_changed)
        self.bridge.batches_changed.connect(self._on_batches_changed)
        self.bridge.notice_posted.connect(self._on_notice_posted)
        self.thumbnails.thumbnail_ready.connect(self._on_thumbnail_ready)

    def _spawn(self, name: str, coro: Any) -> None:
        if self.tasks.closed:
            coro.close()
            return
        self.tasks.spawn(name, coro)

    # --- life ----------------------------------------------------------------------------------
    def show(self) -> None:
        self.window.show()

    async def run_until_quit(self) -> int:
        """Start background work, wait for the user to quit, then shut down cleanly."""
        self._spawn("start", self.start())
        await self._quit.wait()
        await self.shutdown()
        return 0

    async def start(self) -> None:
        try:
            await self._choose_profile_from_arguments()
            if self.profiles.needs_welcome and not self.use_sandbox:
                self.window.show_welcome(True)
                self.window.status.set_server("Welcome", "")
                self.window.status.set_connection(Connection.IDLE, "Choose how to start")
            await self._open_engine()
            if self.window.central.currentWidget() is not self.welcome:
                # Otherwise the welcome view's choice starts the sandbox or the account.
                if self.profiles.active.is_sandbox:
                    await self.start_sandbox()
                await self._activate_profile()
        finally:
            self.ready.set()

    async def _choose_profile_from_arguments(self) -> None:
        store = self.profiles
        if self.use_sandbox:
            store.set_active(SANDBOX_PROFILE_NAME)
        elif self.base_url:
            match = next((p for p in store.profiles() if p.base_url == self.base_url), None)
            if match is None:
                name = QUrl(self.base_url).host() or self.base_url
                match = store.add(name, self.base_url)
            store.set_active(match.name)
        elif self.requested_profile:
            if store.find(self.requested_profile) is None:
                self._show_error(f"There is no profile named “{self.requested_profile}”.")
            else:
                store.set_active(self.requested_profile)
        self._refresh_profiles()

    async def _open_engine(self) -> None:
        # The HTTP clients' one-time set-up happens in workers, not in their first request.
        history, _ = await asyncio.gather(
            asyncio.to_thread(HistoryStore, self.paths.history_db),
            asyncio.to_thread(http_transport.warm_up),
        )
        self.history = history
        self.engine = RunEngine(history, self._connect_profile, settings=self.engine_settings)
        self.bridge.attach(self.engine.subscribe)
        await self.engine.start()
        self.run_model.set_runs(r.copy() for r in self.engine.runs())
        self.gallery.gallery_model.set_items(self._all_output_items())
        self._refresh_counts()
        self.batches.attach(self.engine)
        self._budget_timer.start()
        self._collect_timer.start()
        # The loaded history is long-lived: out of the collector's walks, so that full
        # collections stay short while runs stream (they took 80-150 ms with 2,000 runs).
        self.collector.start()

    async def start_sandbox(self) -> None:
        if self.sandbox is not None and self.sandbox.running:
            return
        from fizzly_desktop.core.sandbox_process import start_sandbox

        self.window.status.set_connection(Connection.STARTING)
        try:
            self.sandbox = await start_sandbox(*self.sandbox_args)
        except Exception as error:  # shown to the user, kept in the log
            log.exception("The local sandbox did not start")
            self.window.status.set_connection(Connection.OFFLINE, str(error))
            self.window.form_panel.set_unavailable(
                "The local sandbox did not start; see Help ▸ Open Log Folder."
            )
            return
        self.window.status.set_connection(Connection.CONNECTED)

    async def shutdown(self) -> None:
        self._budget_timer.stop()
        self._collect_timer.stop()
        self._counts_timer.stop()
        self._gallery_timer.stop()
        self.collector.stop()
        self.window.save_layout(self.settings)
        self.settings.sync()
        await self.tasks.close()
        await self.library_panel.close_tasks()
        await self.welcome.aclose()
        if self._profiles_dialog is not None:
            await self._profiles_dialog.aclose()
        self.bridge.detach()
        if self.engine is not None:
            await self.engine.close()
            self.engine = None
        if self.history is not None:
            await asyncio.to_thread(self.history.close)
            self.history = None
        if self.sandbox is not None:
            await self.sandbox.stop()
            self.sandbox = None
        self.thumbnails.shutdown()
        if self.tray is not None:
            self.tray.hide()
        self.window.hide()
        self.window.deleteLater()

    # --- profiles ------------------------------------------------------------------------------
    def _refresh_profiles(self) -> None:
        self.window.set_profiles(self.profiles.names(), self.profiles.active_name)

    async def switch_profile(self, name: str) -> None:
        if name == self.profiles.active_name:
            return
        self.profiles.set_active(name)
        if self.profiles.active.is_sandbox:
            await self.start_sandbox()
        await self._activate_profile()

    async def finish_welcome(self, profile_name: str) -> None:
        self.profiles.dismiss_welcome()
        self.profiles.set_active(profile_name)
        self._refresh_profiles()
        self.window.show_welcome(False)
        if self.profiles.active.is_sandbox:
            await self.start_sandbox()
        await self._activate_profile()

    async def _activate_profile(self) -> None:
        """Point the window at the active profile: server, key state, its workflow library."""
        profile = self.profiles.active
        self._refresh_profiles()
        self.library = WorkflowLibrary(profile.name)
        self._on_library_changed()
        if profile.is_sandbox and self.sandbox is not None:
            base_url = self.sandbox.info.base_url
            self.library.ensure(self.sandbox.info.workflows)
        else:
            base_url = profile.base_url
        self.library_panel.set_library(self.library, self._fetcher())
        self.window.status.set_server(profile.name, base_url)
        status = self.profiles.key_status(profile.name)
        if profile.is_sandbox:
            reason = None if self.sandbox is not None else "The local sandbox is not running."
        elif status.fingerprint is None:
            reason = "Add an API key for this profile (File ▸ Profiles and API Keys) to run."
            self.window.status.set_connection(Connection.NO_KEY)
        else:
            reason = None
            self.window.status.set_connection(Connection.CONNECTED, f"key {status.fingerprint}")
        self.window.form_panel.set_unavailable(reason if self._workflow else None)
        if self._workflow is None:
            entries = self.library.list()
            if entries:
                self.library_panel.select(entries[0].owner, entries[0].slug)

    def _fetcher(self) -> _ProfileSchemaFetcher:
        return _ProfileSchemaFetcher(self)

    async def _connect_profile(self, name: str) -> ProfileConnection:
        """The API client of a profile: the sandbox's demo key, or the key from the keyring."""
        profile = self.profiles.get(name)
        if profile.is_sandbox:
            if self.sandbox is None:
                await self.start_sandbox()
            if self.sandbox is None:
                raise RuntimeError("The local sandbox is not running.")
            info = self.sandbox.info
            client = FizzlyClient(info.base_url, info.demo_key, ping_interval=info.ping_interval)
            return ProfileConnection.of(client, fingerprint(info.demo_key))
        key = await asyncio.to_thread(self.profiles.get_key, name)
        if not key:
            raise RuntimeError(f"No API key is stored for “{name}”. Add one in Profiles.")
        return ProfileConnection.of(FizzlyClient(profile.base_url, key), fingerprint(key))

    def _on_profiles_triggered(self) -> None:
        from fizzly_desktop.ui.profiles_dialog import ProfilesDialog

        if self._profiles_dialog is not None:
            self._profiles_dialog.raise_()
            self._profiles_dialog.activateWindow()
            return
        dialog = ProfilesDialog(self.profiles, self.window)
        self._profiles_dialog = dialog
        self._profiles_before = self._profile_identities()
        dialog.active_profile_changed.connect(
            lambda name: self._spawn("switch-profile", self.switch_profile(name))
        )
        dialog.profiles_changed.connect(self._refresh_profiles)
        dialog.finished.connect(self._on_profiles_dialog_finished)
        dialog.open()

    def _profile_identities(self) -> dict[str, tuple[str, str | None]]:
        """Each profile's address and key fingerprint: what a client is made from."""
        return {
            p.name: (p.base_url, self.profiles.key_status(p.name).fingerprint)
            for p in self.profiles.profiles()
        }

    def _on_profiles_dialog_finished(self, _result: int) -> None:
        dialog, self._profiles_dialog = self._profiles_dialog, None
        if dialog is not None:
            self._spawn("close-profiles", dialog.aclose())
            dialog.deleteLater()
        after = self._profile_identities()
        changed = [
            name for name, before in self._profiles_before.items() if after.get(name) != before
        ]
        self._spawn("profile", self._after_profiles_changed(changed))

    async def _after_profiles_changed(self, changed: list[str]) -> None:
        if self.engine is not None:
            for name in changed:
                await self.engine.reconnect(name)
        await self._activate_profile()

    # --- workflows and the form ------------------------------------------------------------
    def workflow_name(self, workflow: str) -> str:
        """The name the library gives ``owner/slug`` (cached: the queue asks per painted cell)."""
        name = self._workflow_names.get(workflow)
        if name is None:
            owner, _, slug = workflow.partition("/")
            entry = self.library.get(owner, slug)
            name = entry.display_name if entry is not None else workflow
            self._workflow_names[workflow] = name
        return name

    def _on_library_changed(self) -> None:
        self._workflow_names.clear()
        self.run_model.set_workflow_names(self.workflow_name)

    def select_workflow(self, entry: WorkflowEntry) -> None:
        self._workflow = entry
        key = (self.profiles.active_name, entry.ref)
        if entry.schema_source == "reference" and key not in self._schema_asked:
            # Nothing better than the reference example yet: ask the server once per session.
            self._schema_asked.add(key)
            self.tasks.spawn_latest(f"schema:{entry.ref}", self._fetch_schema(entry))
        try:
            schema = entry.input_schema()
        except Exception:  # a stored schema that no longer parses: fall back, say so
            log.exception("The stored schema of %s could not be read", entry.ref)
            schema = InputSchema.reference_example()
        form = SchemaForm(schema, library=self.library, workflow=entry)
        source = {
            "server": "inputs from the server's schema",
            "file": "inputs from an imported schema",
            "example": "inputs inferred from an example",
            "editor": "inputs from the field editor",
            "reference": "inputs of the reference example",
        }.get(entry.schema_source, "")
        subtitle = entry.ref + (f" · {source}" if source else "")
        self.window.form_panel.set_workflow(entry.display_name, subtitle, form)
        self.window.form_panel.set_unavailable(self._run_blocker())

    async def _fetch_schema(self, entry: WorkflowEntry) -> None:
        try:
            updated = await self.library.fetch_schema(entry.owner, entry.slug, self._fetcher())
        except Exception as error:  # the form keeps the inputs it has; say why in the panel
            log.warning("Could not fetch the inputs of %s: %s", entry.ref, error)
            message = getattr(error, "user_message", None) or str(error)
            self.library_panel.show_message(f"Could not ask the server for its inputs: {message}")
            return
        if updated.schema_source == "server":
            self.library_panel.refresh()
            if self._workflow is not None and self._workflow.ref == updated.ref:
                self.select_workflow(updated)

    def _run_blocker(self) -> str | None:
        profile = self.profiles.active
        if profile.is_sandbox:
            return None if self.sandbox is not None else "The local sandbox is not running."
        if self.profiles.key_status(profile.name).fingerprint is None:
            return "Add an API key for this profile (File ▸ Profiles and API Keys) to run."
        return None

    def _on_run_requested(self, count: int, webhook: str | None) -> None:
        # What runs is what the form shows at the click: the workflow, the profile and the
        # values (each run its own random seed) are taken now, not when the task gets to them.
        entry, form = self._workflow, self.window.form_panel.form
        if entry is None or form is None:
            return
        input_sets = [form.values(fill_random=True) for _ in range(count)]
        self._spawn("run", self.run_inputs(entry, input_sets, self.profiles.active_name, webhook))

    async def run_inputs(
        self,
        entry: WorkflowEntry,
        input_sets: list[dict[str, Any]],
        profile: str,
        webhook: str | None = None,
    ) -> None:
        """Queue one run per input set: a single run, or a batch named after the workflow."""
        engine = self.engine
        if engine is None or not input_sets:
            return
        try:
            if len(input_sets) == 1:
                run = await engine.submit(
                    entry.ref, input_sets[0], profile=profile, webhook=webhook
                )
                self.window.queue_view.select_run(run.id)
            else:
                await engine.submit_batch(
                    f"{entry.display_name} × {len(input_sets)}",
                    entry.ref,
                    input_sets,
                    profile=profile,
                    webhook=webhook,
                )
        except Exception as error:
            log.exception("Could not queue the run")
            self._show_error(getattr(error, "user_message", None) or str(error))

    def _on_build_batch_requested(self) -> None:
        engine, entry, form = self.engine, self._workflow, self.window.form_panel.form
        if engine is None or entry is None or form is None:
            return
        from fizzly_desktop.ui.batches import BatchBuilderDialog

        budget = engine.budget_state(self.profiles.active_name)
        dialog = BatchBuilderDialog(
            form.schema,
            form.values(),
            entry.display_name,
            owner=entry.owner,
            slug=entry.slug,
            credits_per_run=self._credits_per_run(entry.ref),
            rate_limit=budget.limit if budget else 60,
            rate_window_s=budget.window if budget else 60.0,
            # Runs already waiting will spend the same budget first (submit + stream each).
            already_queued_requests=2 * engine.counts()[StateGroup.QUEUED],
            random_seed_fields=form.random_seed_fields(),
            parent=self.window,
        )
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        plan = dialog.plan()
        webhook = self.window.form_panel.webhook()
        self._spawn(
            "batch",
            engine.submit_batch(
                plan.name,
                entry.ref,
                plan.input_sets(),
                profile=self.profiles.active_name,
                webhook=webhook,
            ),
        )

    def _credits_per_run(self, workflow: str) -> float | None:
        if self.engine is None:
            return None
        used = [
            r.credits_used
            for r in self.engine.runs(StateGroup.COMPLETED, workflow=workflow)[:50]
            if r.credits_used is not None
        ]
        return sum(used) / len(used) if used else None

    def use_inputs_of(self, run_id: str) -> None:
        """Fill the form with a past run's inputs, switching to its workflow first."""
        run = self.engine.run(run_id) if self.engine else None
        if run is None:
            return
        owner, _, slug = run.workflow.partition("/")
        entry = self.library.get(owner, slug)
        if entry is None:
            entry = self.library.add(owner, slug)
        self.library_panel.select(owner, slug)
        if self._workflow is None or self._workflow.ref != entry.ref:
            self.select_workflow(entry)
        form = self.window.form_panel.form
        if form is not None:
            unknown = form.set_values(run.inputs)
            if unknown:
                self.window.statusBar().showMessage(
                    "Some inputs of that run are not in this workflow's form: "
                    + ", ".join(unknown),
                    8000,
                )

    # --- queue actions -------------------------------------------------------------------------
    def cancel_runs(self, run_ids: list[str]) -> None:
        if self.engine is not None:
            self.engine.cancel(run_ids)

    async def retry_runs(self, run_ids: list[str]) -> None:
        if self.engine is not None:
            await self.engine.retry(run_ids)

    def remove_runs(self, run_ids: list[str]) -> None:
        """Ask, then take ``run_ids`` out of the history.

        Asked here, in the window's own handler and never inside a task: the question runs a
        nested event loop, and while one task waits in it, every other task that tries to
        resume fails (asyncio runs one task at a time per loop) and never resumes: the status
        streams would stop for good.
        """
        if self.engine is None:
            return
        answer = QMessageBox.question(
            self.window,
            "Remove from history",
            f"Remove {len(run_ids)} finished run(s) from the history? Their saved images stay "
            "on disk.",
        )
        engine = self.engine
        if answer == QMessageBox.StandardButton.Yes and engine is not None:
            self._spawn("remove", engine.remove_from_history(run_ids))

    def _copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(f"Copied {text}", 3000)

    def open_output_folder(self, run_id: str) -> None:
        engine = self.engine
        records = engine.outputs_of(run_id) if engine else []
        if records:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(records[0].path).parent)))
        else:
            self.window.statusBar().showMessage("This run has no saved outputs yet.", 4000)

    def open_output(self, item: OutputItem) -> None:
        if item.path is None:
            return
        from fizzly_desktop.ui.image_viewer import ImageViewerWindow

        if self._viewer is None:
            self._viewer = ImageViewerWindow(self.window)
        self._viewer.show_image(item.path)
        self._viewer.setWindowTitle(f"{item.workflow_name} — {item.path.name}")

    def open_first_image(self, run_id: str) -> bool:
        """Open the run's first image in the viewer; False when it has none yet."""
        images = [item for item in self._output_items_by_id(run_id) if item.is_image]
        if images:
            self.open_output(images[0])
        return bool(images)

    def _on_gallery_show_run_requested(self, run_id: str) -> None:
        self.window.tabs.setCurrentIndex(0)
        self.window.state_filters.select_group(StateGroup.ALL)
        self.window.queue_view.select_run(run_id)

    def _on_pause_all_toggled(self, paused: bool) -> None:
        if self.engine is None:
            return
        if paused:
            self.engine.pause_submissions()
        else:
            self.engine.resume_submissions()

    def _on_outputs_folder_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Save output images in")
        if folder and self.engine is not None:
            self.engine.set_outputs_folder(Path(folder))
            self.settings.setValue("outputs/folder", folder)

    def _on_move_requested(self, run_id: str, steps: int) -> None:
        if self.engine is not None and not self.engine.move(run_id, steps):
            self.window.statusBar().showMessage(
                "Only runs still waiting in a batch can be moved, within the waiting ones.", 5000
            )

    def _on_visible_runs_changed(self, run_ids: list[str]) -> None:
        if self.engine is not None:
            self.engine.set_visible_runs(run_ids)

    def _on_queue_selection_changed(self, run_ids: list[str]) -> None:
        current = run_ids[0] if run_ids else None
        if self.engine is not None:
            self.engine.set_selected_run(current)
        self._show_details(current)

    def _show_details(self, run_id: str | None) -> None:
        run = self.engine.run(run_id) if self.engine and run_id else None
        details = self.window.run_details
        if run is None:
            details.clear()
            return
        details.show_run(
            run,
            title=self.workflow_name(run.workflow),
            expected_nodes=self._expected_nodes(run.workflow),
        )
        items = self._output_items(run)
        if items != self.outputs_strip.outputs():
            self.outputs_strip.set_outputs(items)

    def _expected_nodes(self, workflow: str) -> list[str]:
        """The nodes of the workflow's last completed run, to show the ones not reached yet.

        Cached per workflow (finding it means sorting the whole history); a run of the workflow
        that completes replaces the entry.
        """
        nodes = self._nodes_of.get(workflow)
        if nodes is None:
            engine = self.engine
            latest = engine.runs(StateGroup.COMPLETED, workflow=workflow)[:1] if engine else []
            nodes = [entry.node for entry in latest[0].timeline] if latest else []
            self._nodes_of[workflow] = nodes
        return nodes

    # --- engine events -------------------------------------------------------------------------
    def _on_runs_changed(
        self, added: frozenset[str], updated: frozenset[str], removed: frozenset[str]
    ) -> None:
        engine = self.engine
        if engine is None:
            return
        fresh = [r.copy() for r in (engine.run(i) for i in added) if r is not None]
        changed = [r.copy() for r in (engine.run(i) for i in updated) if r is not None]
        self.run_model.apply(added=fresh, updated=changed, removed=removed)
        for run in changed:
            if run.state is RunState.COMPLETED:
                # Its pictures may just have been saved: the engine's output records are not a
                # field of the run, so the queue is told to ask for the thumbnail again.
                self.run_model.refresh_thumbnail(run.id)
        for run_id in removed:
            self.gallery.gallery_model.remove_run(run_id)
        finished = [r for r in [*fresh, *changed] if r.state is RunState.COMPLETED]
        for run in finished:
            if run.timeline:
                self._nodes_of[run.workflow] = [entry.node for entry in run.timeline]
        if finished:
            self._gallery_pending.extend(
                item for run in finished for item in self._gallery_items(run)
            )
            if self.window.tabs.currentWidget() is self.gallery:
                self._flush_gallery()
            elif not self._gallery_timer.isActive():
                self._gallery_timer.start()
        shown = self.window.run_details.run_id
        if shown is not None and (shown in updated or shown in removed):
            self._show_details(shown if shown not in removed else None)
        self.window.queue_view.refresh_actions()
        if not self._counts_timer.isActive():
            self._counts_timer.start()
        self.batches.on_runs_changed(updated | added)

    def _on_batches_changed(
        self, added: frozenset[str], updated: frozenset[str], removed: frozenset[str]
    ) -> None:
        self.batches.on_batches_changed()
        engine = self.engine
        if engine is None:
            return
        for batch_id in added | updated:
            batch = engine.batch(batch_id)
            if batch is None or batch.id in self._finished_batches:
                continue
            if batch.state.value == "finished":
                self._finished_batches.add(batch.id)
                summary = batch_summary(engine.batch_runs(batch.id))
                self._notify(f"Batch “{batch.name}” finished", summary)

    def _on_notice_posted(self, notice: Notice) -> None:
        self.window.statusBar().showMessage(notice.message, 10000)
        if notice.level is NoticeLevel.ERROR or notice.batch_id is not None:
            self._notify("Fizzly Desktop", notice.message)

    def _refresh_counts(self) -> None:
        engine = self.engine
        if engine is None:
            return
        counts = engine.counts()
        self.window.state_filters.set_counts(counts)
        active, queued = counts[StateGroup.ACTIVE], counts[StateGroup.QUEUED]
        self._nothing_moves = active == 0 and queued == 0
        self.window.status.set_counts(active=active, queued=queued)
        self.window.status.set_credits(engine.credits_used_this_session)
        self.window.set_counts_in_title(active, queued)

    def _collect_recent(self) -> None:
        if not self._nothing_moves:
            self.collector.collect_recent()

    def _refresh_budget(self) -> None:
        engine = self.engine
        if engine is None:
            return
        state = engine.budget_state(self.profiles.active_name)
        if state is not None:
            self.window.status.set_budget(state.remaining, state.limit, state.reset_at)
        if self._nothing_moves and self.collector.tidy_due():
            # Frozen objects that became garbage since the last time; nothing is streaming.
            self.collector.tidy()

    def _notify(self, title: str, message: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.window.windowIcon() or QIcon(), self)
            self.tray.show()
        self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 6000)

    # --- outputs -------------------------------------------------------------------------------
    def _output_items(self, run: Run) -> list[OutputItem]:
        engine = self.engine
        records = engine.outputs_of(run.id) if engine else []
        batch = engine.batch(run.batch_id) if engine and run.batch_id else None
        return output_items_for_run(
            run,
            records,
            workflow_name=self.workflow_name(run.workflow),
            batch_name=batch.name if batch else None,
        )

    def _output_items_by_id(self, run_id: str) -> list[OutputItem]:
        run = self.engine.run(run_id) if self.engine else None
        return self._output_items(run) if run is not None else []

    def _all_output_items(self) -> Iterable[OutputItem]:
        engine = self.engine
        if engine is None:
            return []
        return [
            item for run in engine.runs(StateGroup.COMPLETED) for item in self._gallery_items(run)
        ]

    def _flush_gallery(self) -> None:
        self._gallery_timer.stop()
        pending, self._gallery_pending = self._gallery_pending, []
        if pending:
            self.gallery.gallery_model.add_items(pending)

    def _gallery_items(self, run: Run) -> list[OutputItem]:
        """What the gallery shows of a run: its images; text and JSON only when it made none.

        Image workflows also return echoes (the prompt used, the seed): in a gallery of
        pictures they are noise, and the run's details still show them.
        """
        items = self._output_items(run)
        images = [item for item in items if item.is_image]
        return images or items

    def _run_thumbnail(self, run: Run) -> Any:
        path = thumbnail_path(run)
        if path is None and self.engine is not None:
            records = self.engine.outputs_of(run.id)
            path = Path(records[0].path) if records else None
        if path is None:
            return None
        pixmap = self.thumbnails.request(path, THUMBNAIL_SIZE)
        if pixmap is None:
            # Decoding in a worker: remember whose row to repaint when it is ready.
            self._thumbnail_rows.setdefault(str(path), set()).add(run.id)
        return pixmap

    def _on_thumbnail_ready(self, path: str, size: int) -> None:
        if size != THUMBNAIL_SIZE:
            return
        for run_id in self._thumbnail_rows.pop(path, ()):
            self.run_model.refresh_thumbnail(run_id)

    # --- messages --------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Fizzly Desktop", message, parent=self.window)
        box.setTextFormat(box.textFormat().PlainText)
        box.open()


class _ProfileSchemaFetcher:
    """Asks the active profile's server for a workflow's input schema (None on 404)."""

    def __init__(self, controller: AppController) -> None:
        self._controller = controller

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        controller = self._controller
        connection = await controller._connect_profile(controller.profiles.active_name)
        client = connection.client
        assert isinstance(client, FizzlyClient)
        try:
            return await client.workflow_schema(owner, slug)
        finally:
            await client.aclose()
