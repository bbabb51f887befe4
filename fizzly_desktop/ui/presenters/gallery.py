"""The gallery: every completed run's outputs, with new ones batched while it is hidden."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from fizzly_desktop.core.runs import RunState, StateGroup
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.outputs import OutputsPresenter
from fizzly_desktop.ui.presenters.services import Services

#: How long new outputs wait for a hidden gallery (each insert relays out its grid).
HIDDEN_GALLERY_BATCH_MS = 1000
#: Most outputs taken into the gallery per frame: a long history arriving (tens of thousands
#: of pictures) goes in over frames, a frame's share at a time, instead of holding one frame.
ITEMS_PER_FRAME = 500
FRAME_MS = 16


class GalleryPresenter(QObject):
    """Keeps the gallery's model in step with the history; its actions go to the window."""

    def __init__(self, services: Services, gallery: GalleryView, outputs: OutputsPresenter) -> None:
        super().__init__(services)
        self.services = services
        self.gallery = gallery
        self.outputs = outputs
        # New outputs reach a hidden gallery in one batch a second; a shown gallery gets them
        # at once.
        self._pending: list[OutputItem] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HIDDEN_GALLERY_BATCH_MS)
        self._timer.timeout.connect(self.flush)
        window = services.window
        window.tabs.currentChanged.connect(lambda _index: self.flush())
        gallery.show_run_requested.connect(self._on_show_run_requested)
        gallery.open_requested.connect(
            lambda item: outputs.open_output(item, gallery.shown_items())
        )
        gallery.save_as_requested.connect(outputs.save_as)
        gallery.copy_image_requested.connect(outputs.copy_image)
        gallery.export_requested.connect(outputs.export)

    def load(self) -> None:
        engine = self.services.engine
        if engine is None:
            return
        self.gallery.gallery_model.set_items(
            [
                item
                for run in engine.runs(StateGroup.COMPLETED)
                for item in self.outputs.gallery_items(run)
            ]
        )

    def on_delta(self, delta: EngineDelta) -> None:
        if delta.removed:
            for run_id in delta.removed:
                self.gallery.gallery_model.remove_run(run_id)
            # Outputs of a run removed while they waited for the gallery never show.
            gone = delta.removed
            self._pending = [item for item in self._pending if item.run_id not in gone]
        finished = [r for r in (*delta.added, *delta.updated) if r.state is RunState.COMPLETED]
        if not finished:
            return
        self._pending.extend(item for run in finished for item in self.outputs.gallery_items(run))
        if self.services.window.tabs.currentWidget() is self.gallery:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(HIDDEN_GALLERY_BATCH_MS)

    def flush(self) -> None:
        """Add a frame's share of the outputs waiting; the rest follow a frame later each."""
        self._timer.stop()
        share = self._pending[:ITEMS_PER_FRAME]
        del self._pending[:ITEMS_PER_FRAME]
        if share:
            self.gallery.gallery_model.add_items(share)
        if self._pending:
            self._timer.start(FRAME_MS)

    @property
    def catching_up(self) -> bool:
        """Whether outputs still wait to go into the gallery."""
        return bool(self._pending)

    def stop(self) -> None:
        self._timer.stop()

    def _on_show_run_requested(self, run_id: str) -> None:
        window = self.services.window
        window.tabs.setCurrentIndex(0)
        window.state_filters.select_group(StateGroup.ALL)
        window.queue_view.select_run(run_id)
