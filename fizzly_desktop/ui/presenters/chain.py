"""Chaining runs: a saved picture put into a form's image field, and the run sent with it
remembering which output it was made from.

A picture gets there by **Use as Input ▸ workflow ▸ field** on a gallery tile, or by dragging it
from the gallery or a run's strip onto an image field of the form. Either way the next run of
that workflow sent with the picture records its source; the run's details link back to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from fizzly_desktop.core.chain import ChainSource, image_fields
from fizzly_desktop.core.library import WorkflowEntry
from fizzly_desktop.core.schema import SchemaError
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.i18n import format_moment, translate
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.queue.queue_view import QueueView


class ChainPresenter(QObject):
    """Use as Input, drops of outputs on the form, and the details' link to a run's source.

    Attributes:
        select_workflow: selects a workflow of the library in the side panel (its form opens).
        current_workflow: the ``owner/slug`` of the form shown, or None.
    """

    def __init__(self, services: Services, view: QueueView, gallery: GalleryView | None) -> None:
        super().__init__(view)
        self.services = services
        self.view = view
        #: The output put into a form's image field, recorded on the next run sent with it.
        self.pending_source: tuple[str, ChainSource] | None = None
        self.select_workflow: Callable[[str, str], bool] | None = None
        self.current_workflow: Callable[[], str | None] | None = None
        window = services.window
        view.selection_changed.connect(self._show_source)
        window.run_details.source_requested.connect(self._on_source_requested)
        window.form_panel.output_dropped.connect(self.output_dropped)
        if gallery is not None:
            gallery.extend_menu = self._extend_gallery_menu

    def on_delta(self, delta: EngineDelta) -> None:
        if delta.added and self.pending_source is not None:
            self._record_source(delta)

    # --- use as input -------------------------------------------------------------------------
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
        sub = menu.addMenu(translate("ChainPresenter", "Use as Input"))
        targets = self.chain_targets()
        if not targets:
            sub.setEnabled(False)
            sub.setToolTip(
                translate("ChainPresenter", "No workflow in your library takes an image.")
            )
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
                translate(
                    "ChainPresenter",
                    "{ref} is not in your library any more: add it again to use this image.",
                ).format(ref=ref),
                8000,
            )
            return
        form = window.form_panel.form
        widget = form.field_widget(field) if form is not None else None
        if widget is None or not hasattr(widget, "load_file"):
            self.services.show_message(
                translate(
                    "ChainPresenter",
                    "The form of {ref} has no image field “{field}” now: choose the image there.",
                ).format(ref=ref, field=field),
                8000,
            )
            return
        widget.load_file(item.path)
        self.pending_source = (ref, ChainSource(item.run_id, item.name, field))
        self._say_placed(field)

    def output_dropped(self, run_id: str, output: str, field: str) -> None:
        """A picture dragged from the gallery or a strip landed on the form's ``field`` (or,
        with an empty ``run_id``, something else did, which replaces a picture placed there)."""
        ref = self.current_workflow() if self.current_workflow is not None else None
        if not run_id:
            pending = self.pending_source
            if pending is not None and pending[1].field == field:
                self.pending_source = None
            return
        if ref is None:
            return
        self.pending_source = (ref, ChainSource(run_id, output, field))
        self._say_placed(field)

    def _say_placed(self, field: str) -> None:
        form = self.services.window.form_panel.form
        widget = form.field_widget(field) if form is not None else None
        spec = getattr(widget, "spec", None)
        title = getattr(spec, "title", None) or field
        self.services.show_message(
            translate(
                "ChainPresenter",
                "The picture is in “{title}”: set the rest and run; the run will "
                "remember where it came from.",
            ).format(title=title),
            8000,
        )

    # --- the source of a run ------------------------------------------------------------------
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
            details.set_source(
                translate("ChainPresenter", "Made from {output} of a run deleted since").format(
                    output=source.output
                ),
                None,
            )
            return
        made = format_moment(
            datetime.fromtimestamp(origin.created_at), translate("DateTime", "dd MMM HH:mm")
        )
        details.set_source(
            translate(
                "ChainPresenter", "Made from {output} of {workflow} ({made}) as {field}"
            ).format(output=source.output, workflow=origin.workflow, made=made, field=source.field),
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
