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
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFile, QObject, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QWidget

from fizzly_desktop.core.attach import AttachError
from fizzly_desktop.core.chain import ChainSource, image_fields
from fizzly_desktop.core.compare import CompareError, check_selection, differing_inputs
from fizzly_desktop.core.deletion import (
    UNDO_SECONDS,
    DeletionPlan,
    HeldDeletion,
    Holding,
    clear_history_ids,
    plan_deletion,
)
from fizzly_desktop.core.library import WorkflowEntry
from fizzly_desktop.core.library_search import SearchQuery, words_of
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.schema import SchemaError
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.outputs.compare_view import CompareView
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.queue.attach_dialog import AttachDialog
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
        gallery: GalleryView | None = None,
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
        view.attach_action.triggered.connect(self.open_attach)
        self.attach_dialog: AttachDialog | None = None
        self._select_when_added: str | None = None
        view.selection_changed.connect(self._show_source)
        services.window.run_details.source_requested.connect(self._on_source_requested)
        self.proxy.set_mark_badge(self._badge)
        self.gallery = gallery
        self._gallery_text = ""
        self._gallery_marks = ""
        self._gallery_matches: frozenset[str] = frozenset()
        if gallery is not None:
            gallery.search_changed.connect(self._on_gallery_text_changed)
            gallery.marks_filter_changed.connect(self._on_gallery_marks_changed)
            gallery.mark_requested.connect(self.mark_outputs)
            gallery.delegate.mark_of = self._output_mark
            gallery.compare_requested.connect(self.compare)
            gallery.extend_menu = self._extend_gallery_menu
        #: The output put into a form's image field, recorded on the next run sent with it.
        self.pending_source: tuple[str, ChainSource] | None = None
        #: Selects a workflow of the library in the side panel (its form opens).
        self.select_workflow: Callable[[str, str], bool] | None = None
        self.compare_view: CompareView | None = None

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
        waiting = self._select_when_added
        if waiting is not None and any(run.id == waiting for run in delta.added):
            self._select_when_added = None
            self.view.select_run(waiting)
        if delta.added and self.pending_source is not None:
            self._record_source(delta)
        if delta.added and words_of(self._text):
            # New runs are searched too (their rows are committed before they are sent).
            self._search()

    # --- gallery ------------------------------------------------------------------------------
    def _on_gallery_text_changed(self, text: str) -> None:
        self._gallery_text = text
        if not words_of(text) or self.services.engine is None:
            self._gallery_matches = frozenset()
            self._apply_gallery_filter()
            return
        self.services.spawn_latest("gallery-search", self._run_gallery_search(text))

    async def _run_gallery_search(self, text: str) -> None:
        engine = self.services.engine
        if engine is None:
            return
        found = frozenset(await engine.search(SearchQuery(text=text)))
        if text == self._gallery_text:
            self._gallery_matches = found
            self._apply_gallery_filter()

    def _on_gallery_marks_changed(self, value: str) -> None:
        self._gallery_marks = value
        self._apply_gallery_filter()

    def _output_mark(self, item: OutputItem) -> str | None:
        """An output's own mark, or its run's when it has none."""
        engine = self.services.engine
        if engine is None:
            return None
        mark = engine.marks.get(item.run_id, item.name) or engine.marks.get(item.run_id)
        return None if mark is None else mark.value

    def _apply_gallery_filter(self) -> None:
        if self.gallery is None:
            return
        searching = bool(words_of(self._gallery_text))
        matches, wanted = self._gallery_matches, self._gallery_marks
        if not searching and not wanted:
            self.gallery.proxy.set_keep(None)
            return

        def keep(item: OutputItem) -> bool:
            if searching and item.run_id not in matches:
                return False
            if not wanted:
                return True
            mark = self._output_mark(item)
            if wanted == "starred":
                return mark == "star"
            if wanted == "rejected":
                return mark == "reject"
            return mark != "reject"

        self.gallery.proxy.set_keep(keep)

    def mark_outputs(self, items: list[OutputItem], mark: str) -> None:
        """The star or reject key on selected gallery tiles: marks the outputs themselves."""
        engine = self.services.engine
        if engine is None or not items or self.gallery is None:
            return
        now = engine.marks.press([MarkKey(i.run_id, i.name) for i in items], Mark(mark))
        outputs = plural(len(items), "output")
        if now is Mark.STAR:
            text = f"Starred {outputs}."
        elif now is Mark.REJECT:
            text = f"Rejected {outputs}: dimmed, kept until you delete their runs."
        else:
            text = f"{'Star' if mark == 'star' else 'Reject'} taken off {outputs}."
        self.services.show_message(text, 4000)
        if self._gallery_marks:
            self._apply_gallery_filter()
        self.gallery.list_view.viewport().update()

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
            dialog.show_problem("The history is not open yet; try again in a moment.")
            return
        profile = self.services.session.profiles.active_name
        try:
            run = await engine.attach(workflow, request_id, profile=profile)
        except AttachError as exc:
            if self.attach_dialog is dialog:
                dialog.show_problem(str(exc))
            return
        if self.attach_dialog is dialog:
            dialog.accept()
        self.view.search.clear()
        self.services.show_message(f"Attached {request_id}: it is followed like your runs.", 6000)
        if self.view.model.row_of(run.id) is None:
            self._select_when_added = run.id  # its row comes with the next frame
        else:
            self.view.select_run(run.id)

    # --- chain --------------------------------------------------------------------------------
    def chain_targets(self) -> list[tuple[WorkflowEntry, list[tuple[str, str]]]]:
        """Workflows of the library with image fields, and those fields (name, title)."""
        targets = []
        for entry in self.services.session.library.list():
            if entry.schema is None:
                continue
            try:
                fields = image_fields(entry.input_schema())
            except SchemaError:
                continue
            if fields:
                targets.append((entry, [(spec.name, spec.title) for spec in fields]))
        return targets

    def _extend_gallery_menu(self, menu: QMenu, item: OutputItem) -> None:
        if not item.is_image or item.path is None:
            return
        sub = menu.addMenu("Use as Input")
        targets = self.chain_targets()
        if not targets:
            sub.setEnabled(False)
            sub.setToolTip("No workflow in your library takes an image.")
            return
        for entry, fields in targets:
            workflow_menu = sub.addMenu(entry.display_name)
            for name, title in fields:
                action = workflow_menu.addAction(title)
                action.triggered.connect(
                    lambda _checked=False, r=entry.ref, n=name: self.use_as_input(item, r, n)
                )

    def use_as_input(self, item: OutputItem, ref: str, field: str) -> None:
        """Open ``ref``'s form with ``item``'s image in ``field``; the run sent records it."""
        window = self.services.window
        owner, _, slug = ref.partition("/")
        select = self.select_workflow
        if item.path is None or select is None or not select(owner, slug):
            self.services.show_message(
                f"{ref} is not in your library any more: add it again to use this image.", 8000
            )
            return
        form = window.form_panel.form
        widget = form.field_widget(field) if form is not None else None
        if widget is None or not hasattr(widget, "load_file"):
            self.services.show_message(
                f"The form of {ref} has no image field “{field}” now: choose the image there.",
                8000,
            )
            return
        widget.load_file(item.path)
        self.pending_source = (ref, ChainSource(item.run_id, item.name, field))
        self.services.show_message(
            f"The image is in the form's {field}: set the rest and run.", 8000
        )

    def _show_source(self, run_ids: list[str]) -> None:
        """The details of a chained run say which output it was made from, as a link."""
        engine = self.services.engine
        details = self.services.window.run_details
        source = engine.sources.source_of(run_ids[0]) if engine is not None and run_ids else None
        if engine is None or source is None:
            details.set_source(None)
            return
        origin = engine.run(source.run_id)
        if origin is None:
            details.set_source(f"Made from {source.output} of a run deleted since", None)
            return
        made = datetime.fromtimestamp(origin.created_at).strftime("%d %b %H:%M")
        details.set_source(
            f"Made from {source.output} of {origin.workflow} ({made}) as {source.field}",
            origin.id,
        )

    def _on_source_requested(self, run_id: str) -> None:
        window = self.services.window
        window.tabs.setCurrentIndex(0)
        self.view.search.clear()
        self.view.select_run(run_id)

    def _record_source(self, delta: EngineDelta) -> None:
        engine = self.services.engine
        if engine is None or self.pending_source is None:
            return
        ref, source = self.pending_source
        for run in delta.added:
            value = run.inputs.get(source.field)
            if run.workflow == ref and isinstance(value, str) and value.startswith("data:"):
                engine.sources.record(run.id, source)
                if run.batch_id is None:
                    self.pending_source = None
                    break
        # The new run is selected as it arrives, before its source was known here.
        self._show_source(self.view.selected_ids())

    # --- compare ------------------------------------------------------------------------------
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
            detail = f"seed {seed}" if seed is not None else item.workflow_name
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
