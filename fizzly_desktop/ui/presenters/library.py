"""Keeping the library tidy and looking closer: delete with undo, clear history, compare, attach.

Deleting asks first (counts and sizes), moves the files aside and offers Undo in the status bar
for a minute; Clear History deletes every finished run that is not starred. Compare opens two to
four pictures side by side, chosen in the gallery, the queue or the sweep grid. Attach follows a
run sent elsewhere once its server confirms it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFile, QObject, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from fizzly_desktop.core.attach import AttachError
from fizzly_desktop.core.compare import (
    CompareError,
    check_runs,
    check_selection,
    differing_inputs,
)
from fizzly_desktop.core.deletion import (
    UNDO_SECONDS,
    DeletionPlan,
    HeldDeletion,
    Holding,
    clear_history_ids,
    plan_deletion,
)
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.compare_view import CompareView
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.queue.attach_dialog import AttachDialog
from fizzly_desktop.ui.queue.queue_view import QueueView


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
        self.button = QPushButton(translate("UndoBar", "Undo"))
        self.button.setAccessibleName(translate("UndoBar", "Undo delete"))
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.hide()


class LibraryPresenter(QObject):
    """Delete with undo, Clear History, Compare and Attach (see the module docstring).

    Attributes:
        first_image: a run's first saved picture (the outputs presenter's), so that runs of
            the queue and cells of the sweep grid can be compared.
    """

    def __init__(
        self,
        services: Services,
        view: QueueView,
        gallery: GalleryView | None = None,
        *,
        holding: Holding | None = None,
        undo_seconds: float = UNDO_SECONDS,
    ) -> None:
        super().__init__(view)
        self.services = services
        self.view = view
        folder = services.session.paths.data_dir / "deleted"
        self.holding = holding or Holding(folder, trash=_system_trash)
        self.undo_seconds = undo_seconds
        #: Deletions that can still be undone, newest last, each with its expiry timer.
        self.held: list[tuple[HeldDeletion, QTimer]] = []
        self.undo_bar = UndoBar()
        services.window.statusBar().addPermanentWidget(self.undo_bar)
        self.undo_bar.button.clicked.connect(self.undo_last)
        self.confirm: QMessageBox | None = None
        view.delete_requested.connect(self.delete_runs)
        view.clear_history_action.triggered.connect(self.clear_history)
        view.attach_action.triggered.connect(self.open_attach)
        view.compare_requested.connect(self.compare_runs)
        self.attach_dialog: AttachDialog | None = None
        self._select_when_added: str | None = None
        if gallery is not None:
            gallery.compare_requested.connect(self.compare)
        self.first_image: Callable[[str], OutputItem | None] | None = None
        self.compare_view: CompareView | None = None

    def start(self) -> None:
        """Finish deletions a previous session left within their undo window."""
        self.services.spawn("deleted-leftovers", asyncio.to_thread(self.holding.discard_leftovers))

    def on_delta(self, delta: EngineDelta) -> None:
        waiting = self._select_when_added
        if waiting is not None and any(run.id == waiting for run in delta.added):
            self._select_when_added = None
            self.view.select_run(waiting)

    # --- attach -------------------------------------------------------------------------------
    def open_attach(self) -> None:
        """Ask for a request ID and its workflow; the run joins the queue once the server
        confirms it."""
        refs = [entry.ref for entry in self.services.session.library.list()]
        dialog = AttachDialog(refs, self.services.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.attach_requested.connect(
            lambda workflow, request_id: self.services.spawn(
                "attach", self._attach(dialog, workflow, request_id)
            )
        )
        dialog.destroyed.connect(lambda *_: setattr(self, "attach_dialog", None))
        self.attach_dialog = dialog
        dialog.open()

    async def _attach(self, dialog: AttachDialog, workflow: str, request_id: str) -> None:
        engine = self.services.engine
        if engine is None:
            dialog.show_problem(
                translate("LibraryPresenter", "The history is not open yet; try again in a moment.")
            )
            return
        profile = self.services.session.profiles.active_name
        try:
            run = await engine.library.attach(workflow, request_id, profile=profile)
        except AttachError as exc:
            if self.attach_dialog is dialog:
                dialog.show_problem(str(exc))
            return
        if self.attach_dialog is dialog:
            dialog.accept()
        self.view.search.clear()
        self.services.show_message(
            translate(
                "LibraryPresenter", "Attached {request_id}: it is followed like your runs."
            ).format(request_id=request_id),
            6000,
        )
        if self.view.model.row_of(run.id) is None:
            self._select_when_added = run.id  # its row comes with the next frame
        else:
            self.view.select_run(run.id)

    # --- compare ------------------------------------------------------------------------------
    def compare_runs(self, run_ids: list[str]) -> None:
        """Compare the first pictures of two to four runs (the queue's or the grid's
        selection); a selection that cannot be compared is told why."""
        find = self.first_image
        found = [find(rid) for rid in run_ids] if find is not None else []
        images = [item for item in found if item is not None]
        try:
            check_runs(len(run_ids), len(images))
        except CompareError as exc:
            self.services.show_message(str(exc), 8000)
            return
        self.compare(images)

    def compare(self, items: list[OutputItem]) -> None:
        """Open the compare view of two to four saved images; their pictures load in a worker."""
        images = [item for item in items if item.is_image and item.path is not None]
        try:
            check_selection(len(images))
        except CompareError as exc:
            self.services.show_message(str(exc), 6000)
            return
        engine = self.services.engine
        runs = [engine.run(item.run_id) if engine is not None else None for item in images]
        known = [run for run in runs if run is not None]
        differences = differing_inputs(known) if len(known) == len(images) else []
        captions = []
        for index, (item, run) in enumerate(zip(images, runs, strict=True), start=1):
            seed = run.inputs.get("seed") if run is not None else None
            detail = (
                translate("LibraryPresenter", "seed {seed}").format(seed=seed)
                if seed is not None
                else item.workflow_name
            )
            captions.append(f"{index} · {detail}")
        view = CompareView(captions, differences, parent=self.services.window)
        self.compare_view = view
        view.destroyed.connect(lambda *_: self._compare_closed(view))
        view.show()
        self.services.spawn("compare-images", self._load_images(view, images))

    def _compare_closed(self, view: CompareView) -> None:
        if self.compare_view is view:
            self.compare_view = None

    async def _load_images(self, view: CompareView, items: list[OutputItem]) -> None:
        for index, item in enumerate(items):
            image = await asyncio.to_thread(QImage, str(item.path))
            if self.compare_view is not view:
                return  # closed meanwhile
            view.set_image(index, image)

    # --- deleting -----------------------------------------------------------------------------
    def delete_runs(self, run_ids: list[str]) -> None:
        self.services.spawn(
            "delete-plan", self._plan_and_ask(run_ids, translate("LibraryPresenter", "Delete runs"))
        )

    def clear_history(self) -> None:
        """Delete every finished run that is not starred, after asking."""
        engine = self.services.engine
        if engine is None:
            return
        ids = clear_history_ids(engine.runs(), engine.marks.starred_runs())
        if not ids:
            self.services.show_message(
                translate(
                    "LibraryPresenter",
                    "Nothing to clear: every finished run is starred, or none has finished.",
                ),
                6000,
            )
            return
        self.services.spawn(
            "clear-plan", self._plan_and_ask(ids, translate("LibraryPresenter", "Clear history"))
        )

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
                translate(
                    "LibraryPresenter",
                    "These runs are still on their way: cancel them first to delete them.",
                ),
                8000,
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
        held = await engine.library.delete_runs(run_ids, self.holding)
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
        failed = await engine.library.undo_delete(held, self.holding)
        if failed:
            self.services.show_error(
                translate(
                    "LibraryPresenter",
                    "{plural} could not be put back. They are in {folder}; move them back "
                    "by hand if you need them.",
                ).format(plural=plural(len(failed), "file"), folder=self.holding.folder)
            )
        else:
            self.services.show_message(
                translate("LibraryPresenter", "Brought back {plural}.").format(
                    plural=plural(len(held.runs), "run")
                ),
                5000,
            )

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
