"""The batch bar and the sweep grid: which batch the queue shows, and what can be done to it.

The app's controller hands it the engine once history is open and forwards the engine's change
events; it keeps the batch list, the bar's summary and buttons, and the grid of a sweep's
outputs (rebuilt from the batch's runs, so it survives a restart) up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from fizzly_desktop.core import words
from fizzly_desktop.core.batch_plan import plan_from_input_sets
from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.engine import RunEngine
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.batches.sweep_grid import SweepGrid, cell_state
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader
from fizzly_desktop.ui.shell.main_window import MainWindow

FAILED_STATES = (RunState.FAILED, RunState.REJECTED)


def batch_summary(runs: Iterable[Run]) -> str:
    """``"12 of 20 runs done, 1 failed"``: the words are core's (``words.batch_summary``)."""
    return words.batch_summary(runs)


class BatchController(QObject):
    """Drives the window's batch bar and sweep grid from the engine.

    Args:
        window: the main window (its ``batch_bar``, ``queue_stack`` and ``queue_view``).
        thumbnails: the app's thumbnail loader, for the grid's cells.
        spawn: starts an owned task (the app controller's).
        open_image: shows a run's first image (a grid cell was activated).
    """

    def __init__(
        self,
        window: MainWindow,
        thumbnails: ThumbnailLoader,
        *,
        spawn: Callable[[str, Coroutine[Any, Any, Any]], None],
        open_image: Callable[[str, list[str]], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.engine: RunEngine | None = None
        self._spawn = spawn
        self._open_image = open_image
        self._grid_runs: list[str] = []
        #: Told the runs of a batch about to be cancelled (the queue says what became of them).
        self.cancel_watch: Callable[[list[str]], None] | None = None
        self.grid = SweepGrid(thumbnail_provider=thumbnails.request)
        thumbnails.thumbnail_ready.connect(self.grid.thumbnail_ready)
        self.grid.cell_activated.connect(self._on_grid_cell_activated)
        self.grid.cell_clicked.connect(self._on_grid_cell_clicked)
        window.queue_stack.addWidget(self.grid)
        bar = window.batch_bar
        bar.combo.currentIndexChanged.connect(self._on_combo_changed)
        bar.pause_button.clicked.connect(self._on_pause_clicked)
        bar.cancel_button.clicked.connect(self._on_cancel_clicked)
        bar.retry_button.clicked.connect(lambda: self._spawn("retry-batch", self.retry_failed()))
        bar.grid_button.toggled.connect(lambda _shown: self.show_grid())

    def attach(self, engine: RunEngine | None) -> None:
        self.engine = engine
        self.refresh_list()

    # --- which batch ---------------------------------------------------------------------------
    def shown_batch_id(self) -> str | None:
        data = self.window.batch_bar.combo.currentData()
        return data if isinstance(data, str) else None

    def shown_batch(self) -> Batch | None:
        batch_id = self.shown_batch_id()
        return self.engine.batch(batch_id) if self.engine and batch_id else None

    def refresh_list(self) -> None:
        """The combo's batches, newest first, keeping the one shown."""
        engine, combo = self.engine, self.window.batch_bar.combo
        if engine is None:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("BatchController", "All runs"), None)
        for batch in sorted(engine.batches(), key=lambda b: b.created_at, reverse=True):
            combo.addItem(batch.name, batch.id)
            # The combo keeps a narrow width; a long name is whole in its tooltip and list.
            combo.setItemData(combo.count() - 1, batch.name, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.setToolTip(combo.currentText())
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 8)
        combo.blockSignals(False)

    def show_batch(self, batch_id: str | None) -> None:
        """Show ``batch_id``'s runs in the table (None: every run), the grid switched off."""
        combo = self.window.batch_bar.combo
        self.refresh_list()
        self.window.batch_bar.grid_button.setChecked(False)
        combo.setCurrentIndex(max(0, combo.findData(batch_id)) if batch_id else 0)

    def _on_combo_changed(self, _index: int) -> None:
        self.window.batch_bar.combo.setToolTip(self.window.batch_bar.combo.currentText())
        batch_id = self.shown_batch_id()
        self.window.queue_view.proxy.set_batch(batch_id)
        bar = self.window.batch_bar
        bar.set_batch_controls_visible(batch_id is not None)
        if batch_id is None:
            bar.grid_button.setChecked(False)
        self.refresh_bar()
        self.show_grid()

    # --- engine events -------------------------------------------------------------------------
    def on_delta(self, delta: EngineDelta) -> None:
        """A frame's changes: the batch list when batches changed, the grid when runs did."""
        if delta.batches_changed:
            self.on_batches_changed()
        if delta.runs_changed:
            self.on_runs_changed(delta.changed_ids())

    def on_runs_changed(self, run_ids: Iterable[str]) -> None:
        if self.shown_batch_id() is not None:
            self.refresh_bar()
            self._refresh_grid_cells(run_ids)

    def on_batches_changed(self) -> None:
        shown = self.shown_batch_id()
        self.refresh_list()
        if shown is not None and self.shown_batch_id() != shown:
            # The batch shown is gone (its runs deleted): show every run, not an empty queue.
            self._on_combo_changed(self.window.batch_bar.combo.currentIndex())
            return
        self.refresh_bar()
        engine, batch = self.engine, self.shown_batch()
        if (
            engine is not None
            and batch is not None
            and self.window.queue_stack.currentWidget() is self.grid
            and [r.id for r in engine.batch_runs(batch.id)] != self._grid_runs
        ):
            self.show_grid()  # runs deleted from the batch, or put back by an undo

    # --- the bar -------------------------------------------------------------------------------
    def refresh_bar(self) -> None:
        engine, batch = self.engine, self.shown_batch()
        if engine is None or batch is None:
            return
        bar = self.window.batch_bar
        runs = engine.batch_runs(batch.id)
        status = batch_summary(runs)
        if batch.is_paused:
            status += (
                translate("BatchController", " · paused: {pause_reason}").format(
                    pause_reason=batch.pause_reason
                )
                if batch.pause_reason
                else translate("BatchController", " · paused")
            )
        bar.status.setText(status)
        bar.status.setToolTip(status)
        bar.pause_button.setText(
            translate("BatchController", "Resume")
            if batch.is_paused
            else translate("BatchController", "Pause")
        )
        bar.pause_button.setEnabled(batch.state is not BatchState.FINISHED)
        bar.cancel_button.setEnabled(any(not r.state.is_terminal for r in runs))
        bar.retry_button.setEnabled(any(r.state in FAILED_STATES for r in runs))

    def _on_pause_clicked(self) -> None:
        engine, batch = self.engine, self.shown_batch()
        if engine is None or batch is None:
            return
        if batch.is_paused:
            engine.resume_batch(batch.id)
        else:
            engine.pause_batch(batch.id)

    def _on_cancel_clicked(self) -> None:
        engine, batch = self.engine, self.shown_batch()
        if engine is None or batch is None:
            return
        answer = QMessageBox.question(
            self.window,
            translate("BatchController", "Cancel batch"),
            translate(
                "BatchController",
                "Cancel every unfinished run of “{name}”? Runs not sent yet are "
                "dropped; runs on the server are cancelled and their unused credits "
                "refunded.",
            ).format(name=batch.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            if self.cancel_watch is not None:
                self.cancel_watch(list(batch.run_ids))
            engine.cancel_batch(batch.id)

    async def retry_failed(self) -> None:
        """Send the shown batch's failed and rejected runs again, as new linked runs."""
        engine, batch_id = self.engine, self.shown_batch_id()
        if engine is None or batch_id is None:
            return
        failed = [r.id for r in engine.batch_runs(batch_id) if r.state in FAILED_STATES]
        if failed:
            await engine.retry(failed)

    # --- the sweep grid ------------------------------------------------------------------------
    def show_grid(self) -> None:
        """Show the shown batch as a grid by its swept values (or the table, when off)."""
        engine, batch = self.engine, self.shown_batch()
        stack = self.window.queue_stack
        runs = engine.batch_runs(batch.id) if engine and batch else []
        if batch is None or not runs or not self.window.batch_bar.grid_button.isChecked():
            stack.setCurrentWidget(self.window.queue_view)
            return
        owner, _, slug = batch.workflow.partition("/")
        self.grid.set_plan(plan_from_input_sets(batch.name, owner, slug, [r.inputs for r in runs]))
        self._grid_runs = [r.id for r in runs]
        for index, run in enumerate(runs):
            self._update_cell(index, run)
        stack.setCurrentWidget(self.grid)

    def _update_cell(self, index: int, run: Run) -> None:
        image, mark = None, None
        engine = self.engine
        if engine is not None:
            records = engine.outputs_of(run.id) if run.state is RunState.COMPLETED else []
            image = Path(records[0].path) if records else None
            # The run's own mark, else its picture's (starred or rejected in the gallery).
            shown = engine.marks.get(run.id)
            if shown is None and records:
                shown = engine.marks.get(run.id, records[0].name)
            mark = None if shown is None else shown.value
        progress = None if run.progress is None else int(run.progress)
        self.grid.update_cell(index, cell_state(run.state), progress, image, mark)

    def _refresh_grid_cells(self, run_ids: Iterable[str]) -> None:
        if self.window.queue_stack.currentWidget() is not self.grid or self.engine is None:
            return
        positions = {run_id: i for i, run_id in enumerate(self._grid_runs)}
        for run_id in run_ids:
            run = self.engine.run(run_id)
            if run is not None and run_id in positions:
                self._update_cell(positions[run_id], run)

    def _on_grid_cell_clicked(self, index: int) -> None:
        # The details panel follows the queue's selection; the grid stays on screen.
        if 0 <= index < len(self._grid_runs):
            self.window.queue_view.select_run(self._grid_runs[index])

    def grid_run_ids(self, indices: Iterable[int]) -> list[str]:
        """The runs of the grid's cells at ``indices`` (plan order)."""
        runs = self._grid_runs
        return [runs[i] for i in indices if 0 <= i < len(runs)]

    def _on_grid_cell_activated(self, index: int) -> None:
        if not 0 <= index < len(self._grid_runs):
            return
        run_id = self._grid_runs[index]
        if not self._open_image(run_id, list(self._grid_runs)):
            # Nothing to look at yet: show the run in the table instead.
            self.window.batch_bar.grid_button.setChecked(False)
            self.window.queue_view.select_run(run_id)
