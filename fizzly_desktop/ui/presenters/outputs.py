"""Outputs of runs: what the strip and gallery show of a run, the viewer, keeping, the folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fizzly_desktop.core.runs import Run
from fizzly_desktop.ui.outputs.actions import OutputActions
from fizzly_desktop.ui.outputs.folder import open_folder
from fizzly_desktop.ui.outputs.output_items import OutputItem, output_items_for_run
from fizzly_desktop.ui.presenters.services import Services

if TYPE_CHECKING:
    from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow


class OutputsPresenter:
    """Turns a run's saved outputs into items, opens them (viewer, file manager), keeps them
    (Save As, Copy image, Export through :class:`OutputActions`)."""

    #: How long a notice about saving or exporting stays in the status bar.
    NOTICE_MS = 8000

    def __init__(self, services: Services) -> None:
        self.services = services
        self._viewer: ImageViewerWindow | None = None
        self.actions = OutputActions(
            services.window,
            services.spawn,
            lambda text: services.show_message(text, self.NOTICE_MS),
            services.settings,
        )

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

    @property
    def viewer(self) -> ImageViewerWindow | None:
        """The image viewer window, once one was opened."""
        return self._viewer

    def open_output(self, item: OutputItem, siblings: Sequence[OutputItem] = ()) -> None:
        """Show ``item`` in the viewer; Left/Right step through ``siblings`` (which hold it)."""
        if item.path is None:
            return
        from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow

        if self._viewer is None:
            self._viewer = ImageViewerWindow(self.services.window)
            self._viewer.viewer.save_handler = self.actions.save_as
            self._viewer.viewer.copy_handler = self.actions.put_on_clipboard
        shown = [i for i in siblings if i.is_image and i.path is not None]
        if item not in shown:
            shown = [item]
        self._viewer.show_images(
            [i.path for i in shown if i.path is not None],
            shown.index(item),
            [f"{i.workflow_name} — {i.path.name if i.path else i.name}" for i in shown],
        )

    # --- keeping outputs ---------------------------------------------------------------------

    def save_as(self, item: OutputItem) -> None:
        if item.path is not None:
            self.actions.save_as(item.path)

    def copy_image(self, item: OutputItem) -> None:
        if item.path is not None:
            self.actions.copy_image(item.path)

    def export(self, items: Sequence[OutputItem]) -> None:
        self.actions.export([i.path for i in items if i.is_image and i.path is not None])

    def export_runs(self, run_ids: Sequence[str]) -> None:
        """Export the saved images of runs (a queue or grid selection)."""
        engine = self.services.engine
        records = [r for rid in run_ids for r in (engine.outputs_of(rid) if engine else [])]
        self.actions.export([r.path for r in records if r.error is None])

    def first_image(self, run_id: str) -> OutputItem | None:
        """The run's first saved image, if any."""
        images = [i for i in self.items_by_id(run_id) if i.is_image and i.path is not None]
        return images[0] if images else None

    def open_first_image(self, run_id: str, sibling_runs: Sequence[str] = ()) -> bool:
        """Open the run's first image in the viewer, stepping through the first images of
        ``sibling_runs`` (a grid's); False when it has none yet."""
        item = self.first_image(run_id)
        if item is None:
            return False
        siblings = [i for rid in sibling_runs if (i := self.first_image(rid)) is not None]
        self.open_output(item, siblings)
        return True

    def open_folder(self, run_id: str) -> None:
        engine = self.services.engine
        records = engine.outputs_of(run_id) if engine else []
        if records:
            open_folder(Path(records[0].path).parent, self.services.window)
        else:
            self.services.show_message("This run has no saved outputs yet.", 4000)
