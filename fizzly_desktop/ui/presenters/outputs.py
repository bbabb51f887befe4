"""Outputs of runs: what the strip and gallery show of a run, the image viewer, the folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from fizzly_desktop.core.runs import Run
from fizzly_desktop.ui.outputs.output_items import OutputItem, output_items_for_run
from fizzly_desktop.ui.presenters.services import Services

if TYPE_CHECKING:
    from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow


class OutputsPresenter:
    """Turns a run's saved outputs into items, and opens them (viewer, file manager)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._viewer: ImageViewerWindow | None = None

    def items(self, run: Run) -> list[OutputItem]:
        engine = self.services.engine
        records = engine.outputs_of(run.id) if engine else []
        batch = engine.batch(run.batch_id) if engine and run.batch_id else None
        return output_items_for_run(
            run,
            records,
            workflow_name=self.services.workflow_name(run.workflow),
            batch_name=batch.name if batch else None,
        )

    def items_by_id(self, run_id: str) -> list[OutputItem]:
        engine = self.services.engine
        run = engine.run(run_id) if engine else None
        return self.items(run) if run is not None else []

    def gallery_items(self, run: Run) -> list[OutputItem]:
        """What the gallery shows of a run: its images; text and JSON only when it made none.

        Image workflows also return echoes (the prompt used, the seed): in a gallery of
        pictures they are noise, and the run's details still show them.
        """
        items = self.items(run)
        images = [item for item in items if item.is_image]
        return images or items

    def open_output(self, item: OutputItem) -> None:
        if item.path is None:
            return
        from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow

        if self._viewer is None:
            self._viewer = ImageViewerWindow(self.services.window)
        self._viewer.show_image(item.path)
        self._viewer.setWindowTitle(f"{item.workflow_name} — {item.path.name}")

    def open_first_image(self, run_id: str) -> bool:
        """Open the run's first image in the viewer; False when it has none yet."""
        images = [item for item in self.items_by_id(run_id) if item.is_image]
        if images:
            self.open_output(images[0])
        return bool(images)

    def open_folder(self, run_id: str) -> None:
        engine = self.services.engine
        records = engine.outputs_of(run_id) if engine else []
        if records:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(records[0].path).parent)))
        else:
            self.services.show_message("This run has no saved outputs yet.", 4000)
