"""The queue: its rows (from each frame's delta), their thumbnails, and the actions on runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from fizzly_desktop.core.cancels import CancelWatch, cancellable
from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader
from fizzly_desktop.ui.presenters.details import DetailsPresenter
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.queue.queue_view import QueueView
from fizzly_desktop.ui.queue.run_table import thumbnail_path

THUMBNAIL_SIZE = 24


class QueuePresenter:
    """Feeds the queue's model and routes what the user asks of its runs to the engine."""

    def __init__(
        self,
        services: Services,
        view: QueueView,
        thumbnails: ThumbnailLoader,
        details: DetailsPresenter,
    ) -> None:
        self.services = services
        self.view = view
        self.model = view.model
        self.thumbnails = thumbnails
        self.details = details
        self._thumbnail_rows: dict[str, set[str]] = {}
        self._select_when_added: str | None = None
        self._show_batch: Callable[[str | None], None] | None = None
        self.cancels = CancelWatch()
        self.model.set_workflow_names(services.workflow_name)
        self.model.set_thumbnail_provider(self._thumbnail)
        thumbnails.thumbnail_ready.connect(self._on_thumbnail_ready)
        view.selection_changed.connect(self._on_selection_changed)
        view.cancel_requested.connect(self.cancel_runs)
        view.retry_requested.connect(lambda ids: services.spawn("retry", self.retry_runs(ids)))
        view.remove_requested.connect(self.remove_runs)
        view.copy_request_id_requested.connect(services.copy_text)
        view.visible_runs_changed.connect(self._on_visible_runs_changed)
        view.move_requested.connect(self._on_move_requested)

    def load(self) -> None:
        engine = self.services.engine
        if engine is not None:
            self.model.set_runs(r.snapshot() for r in engine.runs())

    def on_workflow_names_changed(self) -> None:
        self.model.set_workflow_names(self.services.workflow_name)

    def on_delta(self, delta: EngineDelta) -> None:
        if not delta.runs_changed:
            return
        self.model.apply(added=delta.added, updated=delta.updated, removed=delta.removed)
        waiting = self._select_when_added
        if waiting is not None and any(run.id == waiting for run in delta.added):
            self._select_when_added = None
            self.view.select_run(waiting)
        for run in delta.updated:
            if run.state is RunState.COMPLETED:
                # Its pictures may just have been saved: the engine's output records are not a
                # field of the run, so the queue is told to ask for the thumbnail again.
                self.model.refresh_thumbnail(run.id)
        self.view.refresh_actions()
        if self.cancels.watching:
            for line in self.cancels.update(delta.updated, delta.removed):
                # Said where the eye already is, without a dialog to dismiss.
                self.services.show_message(line, 10000)

    def set_batch_shower(self, show_batch: Callable[[str | None], None]) -> None:
        """How to show one batch (or every run) in the queue: the batch bar's business."""
        self._show_batch = show_batch

    def select_run(self, run_id: str) -> None:
        """Select a run, now or as soon as its row arrives (a new run's comes with a delta)."""
        if self.model.row_of(run_id) is None:
            self._select_when_added = run_id
        else:
            self.view.select_run(run_id)

    def reveal_run(self, run_id: str) -> None:
        """Show a run just started: every run in the table, the Queue tab, the run selected.

        A filter, a search, a marks filter or another batch's grid left from before would hide
        it, and a run one cannot see looks like a run that did not start.
        """
        self._clear_filters(None)
        self.select_run(run_id)

    def reveal_batch(self, batch_id: str) -> None:
        """Show a batch just queued: its runs in the table, its first run selected."""
        self._clear_filters(batch_id)
        engine = self.services.engine
        runs = engine.batch_runs(batch_id) if engine is not None else []
        if runs:
            self.select_run(runs[0].id)

    def _clear_filters(self, batch_id: str | None) -> None:
        window = self.services.window
        window.state_filters.select_group(StateGroup.ALL)
        self.view.search.clear()
        # "Starred only" hides a new run as surely as a search does.
        self.view.marks_filter.setCurrentIndex(0)
        if self._show_batch is not None:
            self._show_batch(batch_id)
        window.tabs.setCurrentIndex(0)

    # --- actions -------------------------------------------------------------------------------
    def set_sending_paused(self, paused: bool) -> None:
        """Run ▸ Pause Sending: nothing waiting is sent until it is unchecked."""
        engine = self.services.engine
        if engine is None:
            return
        if paused:
            engine.pause_submissions()
        else:
            engine.resume_submissions()

    def cancel_runs(self, run_ids: list[str]) -> None:
        """Cancel runs; once they have settled, the status bar says what it cost or saved."""
        engine = self.services.engine
        if engine is None:
            return
        self.watch_cancel(run_ids)
        engine.cancel(run_ids)

    def watch_cancel(self, run_ids: list[str]) -> None:
        """Say what became of these runs once a cancel asked now has settled them."""
        engine = self.services.engine
        if engine is None:
            return
        runs = [engine.run(run_id) for run_id in run_ids]
        self.cancels.watch(run.id for run in runs if run is not None and cancellable(run))

    async def retry_runs(self, run_ids: list[str]) -> None:
        if self.services.engine is not None:
            await self.services.engine.retry(run_ids)

    def remove_runs(self, run_ids: list[str]) -> None:
        """Ask, then take ``run_ids`` out of the history.

        Asked here, in the window's own handler and never inside a task: the question runs a
        nested event loop, and while one task waits in it, every other task that tries to
        resume fails (asyncio runs one task at a time per loop) and never resumes: the status
        streams would stop for good.
        """
        if self.services.engine is None:
            return
        count = len(run_ids)
        answer = QMessageBox.question(
            self.services.window,
            translate("QueuePresenter", "Remove from history"),
            translate(
                "QueuePresenter",
                "Remove %n finished run(s) from the history? Their saved images stay on disk.",
                None,
                count,
            ),
        )
        engine = self.services.engine
        if answer == QMessageBox.StandardButton.Yes and engine is not None:
            self.services.spawn("remove", engine.library.remove_from_history(run_ids))

    def _on_move_requested(self, run_id: str, steps: int) -> None:
        engine = self.services.engine
        if engine is not None and not engine.move(run_id, steps):
            self.services.show_message(
                translate(
                    "QueuePresenter",
                    "Only runs still waiting in a batch can be moved, within the waiting ones.",
                ),
                5000,
            )

    def _on_visible_runs_changed(self, run_ids: list[str]) -> None:
        if self.services.engine is not None:
            self.services.engine.set_visible_runs(run_ids)

    def _on_selection_changed(self, run_ids: list[str]) -> None:
        current = run_ids[0] if run_ids else None
        if self.services.engine is not None:
            self.services.engine.set_selected_run(current)
        self.details.show(current)

    # --- thumbnails ----------------------------------------------------------------------------
    def _thumbnail(self, run: Run) -> Any:
        path = thumbnail_path(run)
        engine = self.services.engine
        if path is None and engine is not None:
            records = engine.outputs_of(run.id)
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
            self.model.refresh_thumbnail(run_id)
