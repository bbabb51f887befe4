"""Outputs of runs: what the strip and gallery show of a run, the viewer, keeping, the folder."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QInputDialog, QMessageBox

from fizzly_desktop.api.download import DEFAULT_MAX_BYTES
from fizzly_desktop.core.export import (
    ExportResult,
    Relocation,
    SavedFiles,
    relocate,
    saved_files,
    suggested_name,
)
from fizzly_desktop.core.formatting import format_count
from fizzly_desktop.core.manifest import rows_for, write_manifest
from fizzly_desktop.core.paths import default_pictures_dir
from fizzly_desktop.core.runs import Run
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.actions import OutputActions
from fizzly_desktop.ui.outputs.folder import open_folder
from fizzly_desktop.ui.outputs.output_items import OutputItem, output_items_for_run
from fizzly_desktop.ui.presenters.services import Services

if TYPE_CHECKING:
    from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow
    from fizzly_desktop.ui.outputs.play_together import PlayTogetherWindow
    from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader


def caption_of(item: OutputItem) -> str:
    """What tells a sweep's outputs apart: the seed, else the workflow's name."""
    seed = item.inputs.get("seed")
    return f"seed {seed}" if isinstance(seed, int) else item.workflow_name


log = logging.getLogger(__name__)

#: Where the chosen outputs folder is remembered in the window's settings.
FOLDER_SETTING = "outputs/folder"
#: The largest output file downloaded, in MB (File ▸ Largest Output File…).
MAX_DOWNLOAD_SETTING = "outputs/max_download_mb"


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
        self._shown: dict[Path, OutputItem] = {}  # what the viewer steps through
        #: The app's thumbnail loader (set by the controller): waveforms and mesh pictures in
        #: the large preview.
        self.thumbnails: ThumbnailLoader | None = None
        #: The window playing a sweep's row or column together, once opened.
        self.together: PlayTogetherWindow | None = None
        #: The question "move or copy what is saved?" while it is open.
        self.folder_question: QMessageBox | None = None

    def items(self, run: Run) -> list[OutputItem]:
        engine = self.services.engine
        records = engine.outputs_of(run.id) if engine else []
        batch = engine.batch(run.batch_id) if engine and run.batch_id else None
        return output_items_for_run(
            run,
            records,
            workflow_name=self.services.workflow_name(run.workflow),
            batch_name=batch.name if batch else None,
            progress=engine.download_progress(run.id) if engine else None,
        )

    def items_by_id(self, run_id: str) -> list[OutputItem]:
        engine = self.services.engine
        run = engine.run(run_id) if engine else None
        return self.items(run) if run is not None else []

    def gallery_items(self, run: Run) -> list[OutputItem]:
        """What the gallery shows of a run: its files (pictures, videos, sounds, 3D models and
        others); text and JSON only when it made none.

        Media workflows also return echoes (the prompt used, the seed): in a gallery of
        pictures they are noise, and the run's details still show them.
        """
        items = self.items(run)
        files = [item for item in items if item.is_file]
        return files or items

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
            self._viewer = ImageViewerWindow(self.services.window, thumbnails=self.thumbnails)
            self._viewer.viewer.save_handler = self._save_shown
            self._viewer.viewer.copy_handler = self.actions.put_on_clipboard
        shown = [i for i in siblings if i.is_file and i.path is not None]
        if item not in shown:
            shown = [item]
        self._shown = {i.path: i for i in shown if i.path is not None}
        self._viewer.show_images(
            [i.path for i in shown if i.path is not None],
            shown.index(item),
            [f"{i.workflow_name} — {i.path.name if i.path else i.name}" for i in shown],
        )

    # --- keeping outputs ---------------------------------------------------------------------

    def save_as(self, item: OutputItem) -> None:
        if item.path is not None:
            name = suggested_name(item.path.suffix, item.inputs, item.workflow_name)
            self.actions.save_as(item.path, name)

    def _save_shown(self, path: Path) -> None:
        item = self._shown.get(path)
        if item is not None:
            self.save_as(item)
        else:
            self.actions.save_as(path)

    def copy_image(self, item: OutputItem) -> None:
        if item.path is not None and item.is_image:
            self.actions.copy_image(item.path)

    def export(self, items: Sequence[OutputItem]) -> None:
        self.actions.export([i.path for i in items if i.is_image and i.path is not None])

    def export_runs(self, run_ids: Sequence[str]) -> None:
        """Export the saved images of runs (a queue or grid selection), with a list of their
        runs' inputs and metrics (results.csv and results.json) that imports back as a batch."""
        engine = self.services.engine
        records = [r for rid in run_ids for r in (engine.outputs_of(rid) if engine else [])]
        sources = [r.path for r in records if r.error is None]
        runs = {r.run_id: run for r in records if engine and (run := engine.run(r.run_id))}
        run_of = {r.path: runs[r.run_id] for r in records if r.run_id in runs}

        def write_list(result: ExportResult) -> str | None:
            try:
                csv_path, _json = write_manifest(result.folder, rows_for(result, sources, run_of))
            except OSError as error:
                return translate(
                    "OutputsPresenter", "the list of their inputs could not be written ({strerror})"
                ).format(strerror=error.strerror)
            return translate(
                "OutputsPresenter",
                "their inputs are listed in {name} (import it to run them again)",
            ).format(name=csv_path.name)

        self.actions.export(sources, write_list)

    def first_image(self, run_id: str) -> OutputItem | None:
        """The run's first saved file (a picture, video, sound, 3D model...), if any."""
        files = [i for i in self.items_by_id(run_id) if i.is_file and i.path is not None]
        return files[0] if files else None

    def play_together(self, run_ids: Sequence[str]) -> bool:
        """Play the first video or sound of each of ``run_ids`` side by side, all at once;
        False (and a word in the status bar) when fewer than one has any."""
        from fizzly_desktop.ui.outputs.play_together import PlayTogetherWindow

        found = [i for rid in run_ids if (i := self.first_image(rid)) is not None]
        playable = [(i.path, caption_of(i)) for i in found if i.is_playable and i.path]
        if not playable:
            self.services.show_message(
                translate("OutputsPresenter", "These runs have no video or sound to play."), 4000
            )
            return False
        if self.together is None:
            self.together = PlayTogetherWindow(self.services.window)
        self.together.show_files(playable)
        return True

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
            self.services.show_message(
                translate("OutputsPresenter", "This run has no saved outputs yet."), 4000
            )

    # --- the outputs folder --------------------------------------------------------------------

    def current_folder(self) -> Path:
        """Where new outputs are saved."""
        engine = self.services.engine
        folder = engine.settings.outputs_folder if engine is not None else None
        return folder if folder is not None else default_pictures_dir()

    # --- the size cap --------------------------------------------------------------------------

    def max_download_mb(self) -> int:
        engine = self.services.engine
        size = engine.settings.max_download_bytes if engine else DEFAULT_MAX_BYTES
        return max(1, round(size / 1_000_000))

    def restore_max_download(self) -> None:
        """Use the size cap chosen in an earlier session, if any."""
        value = self.services.settings.value(MAX_DOWNLOAD_SETTING)
        engine = self.services.engine
        try:
            megabytes = int(str(value)) if value is not None else 0
        except ValueError:
            megabytes = 0
        if engine is not None and megabytes > 0:
            engine.set_max_download_bytes(megabytes * 1_000_000)

    def choose_max_download(self, item: OutputItem | None = None) -> None:
        """File ▸ Largest Output File…: ask for the cap, in MB, and keep it; asked from an
        output that was too large (``item``), fetch its run's files again with the new cap."""
        megabytes, ok = QInputDialog.getInt(
            self.services.window,
            translate("OutputsPresenter", "Largest output file"),
            translate(
                "OutputsPresenter",
                "Output files larger than this are not downloaded (MB). A minute of HD "
                "video is about 100 MB:",
            ),
            self.max_download_mb(),
            1,
            100_000,
            100,
        )
        if ok:
            self.set_max_download_mb(megabytes)
            engine = self.services.engine
            if isinstance(item, OutputItem) and engine is not None:
                engine.download_again(item.run_id)

    def set_max_download_mb(self, megabytes: int) -> None:
        engine = self.services.engine
        if engine is None:
            return
        engine.set_max_download_bytes(megabytes * 1_000_000)
        self.services.settings.setValue(MAX_DOWNLOAD_SETTING, megabytes)
        self.services.show_message(
            translate(
                "OutputsPresenter", "Output files up to {megabytes} MB are downloaded from now on."
            ).format(megabytes=format_count(megabytes)),
            self.NOTICE_MS,
        )

    def restore_folder(self) -> None:
        """Use the outputs folder chosen in an earlier session, if any."""
        value = self.services.settings.value(FOLDER_SETTING)
        engine = self.services.engine
        if engine is not None and isinstance(value, str) and value:
            engine.set_outputs_folder(Path(value))

    def choose_folder(self) -> None:
        """File ▸ Choose Outputs Folder…: ask, starting in the current folder, then offer to
        bring what is already saved along."""
        old = self.current_folder()
        chosen = QFileDialog.getExistingDirectory(
            self.services.window, translate("OutputsPresenter", "Save output images in"), str(old)
        )
        if chosen:
            self.change_folder(Path(chosen))

    def change_folder(self, new: Path) -> None:
        engine = self.services.engine
        old = self.current_folder()
        if engine is None or new == old:
            return
        engine.set_outputs_folder(new)
        self.services.settings.setValue(FOLDER_SETTING, str(new))
        self.services.show_message(
            translate("OutputsPresenter", "New outputs will be saved in {new}").format(new=new),
            self.NOTICE_MS,
        )
        images = [record.path for record in engine.saved_outputs()]
        self.services.spawn("outputs-folder", self.offer_to_bring(old, new, images))

    async def offer_to_bring(self, old: Path, new: Path, images: Sequence[Path]) -> None:
        """Count what is saved in ``old`` (off the GUI thread) and, if anything, ask without
        blocking whether to move or copy it to ``new``."""
        files = await asyncio.to_thread(saved_files, old, images)
        if files.count == 0:
            return
        self._ask_to_bring(files, new)

    def _ask_to_bring(self, files: SavedFiles, new: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("OutputsPresenter", "Outputs folder changed"),
            translate(
                "OutputsPresenter",
                "New outputs will be saved in {new}.\n\n{describe} saved so far are in "
                "{base}. Move them to the new folder, copy them there, or leave them "
                "where they are? The history follows them either way.",
            ).format(new=new, describe=files.describe(), base=files.base),
            parent=self.services.window,
        )
        box.setTextFormat(box.textFormat().PlainText)
        move = box.addButton(
            translate("OutputsPresenter", "Move"), QMessageBox.ButtonRole.AcceptRole
        )
        copy = box.addButton(
            translate("OutputsPresenter", "Copy"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(
            translate("OutputsPresenter", "Leave them"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(move)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.folder_question = box

        def answered(button: QAbstractButton) -> None:
            self.folder_question = None
            if button is move or button is copy:
                self.services.spawn(
                    "outputs-folder-move", self.bring(files, new, move=button is move)
                )

        box.buttonClicked.connect(answered)
        box.show()

    async def bring(self, files: SavedFiles, new: Path, *, move: bool) -> Relocation:
        """Move or copy the saved files into ``new`` (off the GUI thread) and point their
        records there, so thumbnails and Open keep working."""
        verb = (
            translate("OutputsPresenter", "Moving")
            if move
            else translate("OutputsPresenter", "Copying")
        )
        self.services.show_message(
            translate("OutputsPresenter", "{verb} {describe} to {new}…").format(
                verb=verb, describe=files.describe(), new=new
            ),
            0,
        )
        result = await asyncio.to_thread(relocate, files, new, move=move)
        engine = self.services.engine
        if engine is not None and result.moved:
            engine.outputs_relocated(result.moved)
        # (lupdate reads a count given as a name, not as an expression)
        count = len(result.moved)
        if move:
            text = translate("OutputsPresenter", "%n image(s) moved to {new}", None, count)
        else:
            text = translate("OutputsPresenter", "%n image(s) copied to {new}", None, count)
        text = text.format(new=new)
        if result.failed:
            path, reason = result.failed[0]
            text += translate(
                "OutputsPresenter", "; {failed} left in {base} ({name}: {reason})"
            ).format(failed=len(result.failed), base=files.base, name=path.name, reason=reason)
            log.warning("outputs not %s: %s", "moved" if move else "copied", result.failed)
        self.services.show_message(text, self.NOTICE_MS)
        return result
