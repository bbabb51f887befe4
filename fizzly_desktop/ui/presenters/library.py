"""The library of results in the queue: search as you type, stars and rejects, delete with undo.

The search field filters at once on what the rows show (workflow, state, request ID, error) and,
a moment later, on what the history's full-text index finds (prompts and every input value),
asked in a worker so typing never waits on the disk. Marks are kept by the engine; the marks
filter and the star before a run's workflow read them from memory. Deleting asks first (counts
and sizes), moves the files aside and offers Undo in the status bar for a minute.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFile, QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from fizzly_desktop.core.deletion import (
    UNDO_SECONDS,
    DeletionPlan,
    HeldDeletion,
    Holding,
    clear_history_ids,
    plan_deletion,
)
from fizzly_desktop.core.library_search import SearchQuery, words_of
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.queue.queue_view import QueueView

STAR_BADGE, REJECT_BADGE = "★ ", "✗ "


def _system_trash(path: Path) -> bool:
    moved, _where = QFile.moveToTrash(str(path))
    return bool(moved)


class UndoBar(QWidget):
    """The status bar's "Deleted 3 runs. [Undo]" while a deletion can still be taken back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.button = QPushButton("Undo")
        self.button.setAccessibleName("Undo delete")
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.hide()


class LibraryPresenter(QObject):
    """Search, marks and deletion for the queue (see the module docstring)."""

    def __init__(
        self,
        services: Services,
        view: QueueView,
        *,
        holding: Holding | None = None,
        undo_seconds: float = UNDO_SECONDS,
    ) -> None:
        super().__init__(view)
        self.services = services
        self.view = view
        self.proxy = view.proxy
        folder = services.session.paths.data_dir / "deleted"
        self.holding = holding or Holding(folder, trash=_system_trash)
        self.undo_seconds = undo_seconds
        self._text = ""
        self._marks_filter = ""
        #: Deletions that can still be undone, newest last, each with its expiry timer.
        self.held: list[tuple[HeldDeletion, QTimer]] = []
        self.undo_bar = UndoBar()
        services.window.statusBar().addPermanentWidget(self.undo_bar)
        self.undo_bar.button.clicked.connect(self.undo_last)
        self.confirm: QMessageBox | None = None
        view.search.textChanged.connect(self._on_text_changed)
        view.marks_filter_changed.connect(self._on_marks_filter_changed)
        view.mark_requested.connect(self.mark_runs)
        view.delete_requested.connect(self.delete_runs)
        view.clear_history_action.triggered.connect(self.clear_history)
        self.proxy.set_mark_badge(self._badge)

    def start(self) -> None:
        """Finish deletions a previous session left within their undo window."""
        self.services.spawn("deleted-leftovers", asyncio.to_thread(self.holding.discard_leftovers))

    # --- search -------------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        self._text = text
        self._search()

    def _search(self) -> None:
        engine = self.services.engine
        if engine is None or not words_of(self._text):
            self.proxy.set_matches(frozenset())
            return
        self.services.spawn_latest("queue-search", self._run_search(self._text))

    async def _run_search(self, text: str) -> None:
        engine = self.services.engine
        if engine is None:
            return
        found = frozenset(await engine.search(SearchQuery(text=text)))
        if text == self._text:  # typed on meanwhile: a newer search is on its way
            self.proxy.set_matches(found)

    def on_delta(self, delta: EngineDelta) -> None:
        if delta.added and words_of(self._text):
            # New runs are searched too (their rows are committed before they are sent).
            self._search()

    # --- marks --------------------------------------------------------------------------------
    def _badge(self, run_id: str) -> str:
        engine = self.services.engine
        if engine is None:
            return ""
        if engine.marks.is_starred(run_id):
            return STAR_BADGE
        return REJECT_BADGE if engine.marks.get(run_id) is Mark.REJECT else ""

    def _keep(self) -> Callable[[str], bool] | None:
        engine = self.services.engine
        if engine is None or not self._marks_filter:
            return None
        marks = engine.marks
        if self._marks_filter == "starred":
            return marks.is_starred
        if self._marks_filter == "rejected":
            return lambda rid: marks.get(rid) is Mark.REJECT
        return lambda rid: marks.get(rid) is not Mark.REJECT

    def _on_marks_filter_changed(self, value: str) -> None:
        self._marks_filter = value
        self.proxy.set_mark_filter(self._keep())

    def mark_runs(self, run_ids: list[str], mark: str) -> None:
        """The star or reject key on selected runs: set it, or take it off if all had it."""
        engine = self.services.engine
        if engine is None or not run_ids:
            return
        pressed = Mark(mark)
        now = engine.marks.press([MarkKey(rid) for rid in run_ids], pressed)
        runs = plural(len(run_ids), "run")
        if now is Mark.STAR:
            text = f"Starred {runs}."
        elif now is Mark.REJECT:
            text = f"Rejected {runs}: they stay until you delete them."
        else:
            text = f"{'Star' if pressed is Mark.STAR else 'Reject'} taken off {runs}."
        self.services.show_message(text, 4000)
        if self._marks_filter:
            self.proxy.set_mark_filter(self._keep())

    # --- deleting -----------------------------------------------------------------------------
    def delete_runs(self, run_ids: list[str]) -> None:
        self.services.spawn("delete-plan", self._plan_and_ask(run_ids, "Delete runs"))

    def clear_history(self) -> None:
        """Delete every finished run that is not starred, after asking."""
        engine = self.services.engine
        if engine is None:
            return
        ids = clear_history_ids(engine.runs(), engine.marks.starred_runs())
        if not ids:
            self.services.show_message(
                "Nothing to clear: every finished run is starred, or none has finished.", 6000
            )
            return
        self.services.spawn("clear-plan", self._plan_and_ask(ids, "Clear history"))

    async def _plan_and_ask(self, run_ids: list[str], title: str) -> None:
        engine = self.services.engine
        if engine is None:
            return
        runs = [run for rid in run_ids if (run := engine.run(rid)) is not None]
        outputs = {run.id: engine.outputs_of(run.id) for run in runs}
        starred = engine.marks.starred_runs()
        # File sizes are read from the disk: in a worker.
        plan = await asyncio.to_thread(plan_deletion, runs, outputs, starred=starred)
        if plan.empty:
            self.services.show_message(
                "These runs are still on their way: cancel them first to delete them.", 8000
            )
            return
        self._ask(plan, title)

    def _ask(self, plan: DeletionPlan, title: str) -> None:
        """A window-modal question, opened (not exec'd): the event loop keeps running."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, plan.question(), parent=self.services.window
        )
        box.setTextFormat(box.textFormat().PlainText)
        box.setInformativeText(plan.details())
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            self.confirm = None
            if box.clickedButton() is delete:
                self.services.spawn("delete", self._delete(list(plan.run_ids)))
            box.deleteLater()

        box.finished.connect(answered)
        self.confirm = box
        box.open()

    async def _delete(self, run_ids: list[str]) -> None:
        engine = self.services.engine
        if engine is None:
            return
        held = await engine.delete_runs(run_ids, self.holding)
        if held is None:
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(int(self.undo_seconds * 1000))
        timer.timeout.connect(lambda h=held: self._expire(h))
        timer.start()
        self.held.append((held, timer))
        self.undo_bar.label.setText(held.summary())
        self.undo_bar.show()

    def undo_last(self) -> None:
        """Bring back the newest deletion still within its minute."""
        if not self.held:
            return
        held, timer = self.held.pop()
        timer.stop()
        timer.deleteLater()
        self._refresh_undo_bar()
        self.services.spawn("undo-delete", self._undo(held))

    async def _undo(self, held: HeldDeletion) -> None:
        engine = self.services.engine
        if engine is None:
            return
        failed = await engine.undo_delete(held, self.holding)
        if failed:
            self.services.show_error(
                f"{plural(len(failed), 'file')} could not be put back. They are in "
                f"{self.holding.folder}; move them back by hand if you need them."
            )
        else:
            self.services.show_message(f"Brought back {plural(len(held.runs), 'run')}.", 5000)

    def _expire(self, held: HeldDeletion) -> None:
        for index, (candidate, timer) in enumerate(self.held):
            if candidate is held:
                del self.held[index]
                timer.deleteLater()
                break
        self._refresh_undo_bar()
        self.services.spawn("discard-deleted", asyncio.to_thread(self.holding.discard, held))

    def _refresh_undo_bar(self) -> None:
        if self.held:
            self.undo_bar.label.setText(self.held[-1][0].summary())
        else:
            self.undo_bar.hide()
