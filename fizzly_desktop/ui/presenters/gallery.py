"""The gallery: every completed run's outputs, with new ones batched while it is hidden."""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QTimer

from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.outputs import OutputsPresenter
from fizzly_desktop.ui.presenters.services import Services

#: How long new outputs wait for a hidden gallery (each insert relays out its grid).
HIDDEN_GALLERY_BATCH_MS = 1000
#: Most outputs taken into the gallery per frame: a long history arriving (tens of thousands
#: of pictures) goes in over frames, a frame's share at a time, instead of holding one frame.
ITEMS_PER_FRAME = 200
#: Time a frame spends making the items of finished runs (some 50 µs a run): a long history
#: arriving at 100 runs a frame is taken in over a few more frames, each of them short.
MAKING_BUDGET_S = 0.004
FRAME_MS = 16
#: A hidden gallery takes a long history in more slowly still, leaving the frames to what is
#: shown: a smaller share every few frames. Shown, it goes on a frame's share a frame.
HIDDEN_ITEMS = 100
HIDDEN_BUDGET_S = 0.003
HIDDEN_STEP_MS = 32


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
        # Finished runs whose items are not made yet: made a frame's share at a time too.
        self._waiting: deque[Run] = deque()
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
            gone = delta.removed
            self._waiting = deque(run for run in self._waiting if run.id not in gone)
            self._pending = [item for item in self._pending if item.run_id not in gone]
        finished = [r for r in (*delta.added, *delta.updated) if r.state is RunState.COMPLETED]
        if not finished:
            return
        self._waiting.extend(finished)
        if self.services.window.tabs.currentWidget() is self.gallery:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(HIDDEN_GALLERY_BATCH_MS)

    def flush(self) -> None:
        """Add a share of the outputs waiting (a frame's when the gallery is shown, a smaller
        one when hidden); the rest follow a frame (or a few) later each."""
        self._timer.stop()
        shown = self.services.window.tabs.currentWidget() is self.gallery
        most = ITEMS_PER_FRAME if shown else HIDDEN_ITEMS
        budget = MAKING_BUDGET_S if shown else HIDDEN_BUDGET_S
        started = time.perf_counter()
        while len(self._pending) < most and self._waiting:
            self._pending.extend(self.outputs.gallery_items(self._waiting.popleft()))
            if time.perf_counter() - started > budget:
                break
        share = self._pending[:most]
        del self._pending[:most]
        if share:
            self.gallery.gallery_model.add_items(share)
        if self._pending or self._waiting:
            self._timer.start(FRAME_MS if shown else HIDDEN_STEP_MS)

    @property
    def catching_up(self) -> bool:
        """Whether finished runs or their items still wait to go into the gallery."""
        return bool(self._waiting or self._pending)

    def stop(self) -> None:
        self._timer.stop()

    def _on_show_run_requested(self, run_id: str) -> None:
        window = self.services.window
        window.tabs.setCurrentIndex(0)
        window.state_filters.select_group(StateGroup.ALL)
        window.queue_view.select_run(run_id)
