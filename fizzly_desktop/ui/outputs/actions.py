"""Save As, Copy image, Export and Open folder for outputs: one place every view calls.

The dialogs run on the GUI thread (they wait for the user, not for the disk); the copying, the
decoding for the clipboard and the folder moves run in worker threads through owned tasks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QImage, QImageReader
from PySide6.QtWidgets import QFileDialog, QWidget

from fizzly_desktop.core.export import ExportResult, export_files, save_copy
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.media import kind_of_name, kind_word
from fizzly_desktop.core.paths import default_pictures_dir
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.folder import FolderPathDialog, open_folder
from fizzly_desktop.ui.outputs.zoom import save_target

__all__ = ["FolderPathDialog", "OutputActions", "open_folder", "save_filters"]

log = logging.getLogger(__name__)

Spawn = Callable[[str, Coroutine[Any, Any, Any]], None]
Notify = Callable[[str], None]

_KINDS = {
    ".png": QT_TRANSLATE_NOOP("Actions", "PNG image"),
    ".webp": QT_TRANSLATE_NOOP("Actions", "WebP image"),
    ".jpg": QT_TRANSLATE_NOOP("Actions", "JPEG image"),
    ".jpeg": QT_TRANSLATE_NOOP("Actions", "JPEG image"),
}
#: The second file type of the Save dialog: the image and its run description beside it.
WITH_SIDECAR = QT_TRANSLATE_NOOP("Actions", "with its run details (.json) beside it")
#: Decoding for the clipboard refuses pictures that would need more memory than this.
CLIPBOARD_ALLOCATION_MB = 512


def save_filters(source: Path) -> tuple[str, str]:
    """The Save dialog's two file types for ``source``: the image alone, or with its sidecar."""
    suffix = source.suffix.lower()
    found = kind_of_name(source.name)
    kind = (
        translate("Actions", _KINDS[suffix])
        if suffix in _KINDS
        else (
            f"{suffix.lstrip('.').upper()} {kind_word(found).lower()}"
            if found
            else translate("Actions", "File")
        )
    )
    pattern = f"(*{suffix})" if suffix else "(*)"
    sidecar = translate("Actions", WITH_SIDECAR)
    return f"{kind} {pattern}", f"{kind} {sidecar} {pattern}"


def decode_for_clipboard(path: Path) -> QImage:
    """The picture at ``path`` (null when it cannot be read); safe in a worker thread."""
    reader = QImageReader(str(path))
    reader.setAllocationLimit(CLIPBOARD_ALLOCATION_MB)
    return reader.read()


class OutputActions(QObject):
    """Keeping outputs: Save As, Copy image, Export, for the strip, gallery, grid and viewer.

    Args:
        parent: the window the dialogs belong to.
        spawn: starts an owned, named task (``Services.spawn``).
        notify: shows a short non-modal notice (the status bar).
        settings: where the last folders used are remembered; None keeps them for the session.

    Signals:
        saved(str path): a copy was saved.
        exported(str summary): an export finished ("12 images exported to …").
        image_copied(str path): the picture is on the clipboard.
    """

    saved = Signal(str)
    exported = Signal(str)
    image_copied = Signal(str)

    def __init__(
        self, parent: QWidget, spawn: Spawn, notify: Notify, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._spawn = spawn
        self._notify = notify
        self._settings = settings
        self._dirs: dict[str, Path] = {}
        self.with_sidecar = self._remembered_flag()

    # --- save as ------------------------------------------------------------------------------

    def save_as(self, source: Path, suggested: str | None = None) -> None:
        """Ask where to save a copy of ``source`` (proposing the name ``suggested``, else its
        own); the copy is made in the background."""
        plain, with_sidecar = save_filters(source)
        start = self.last_dir("save") / (suggested or source.name)
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            translate("OutputActions", "Save output as"),
            str(start),
            f"{plain};;{with_sidecar}",
            with_sidecar if self.with_sidecar else plain,
        )
        if not chosen:
            return
        self.with_sidecar = chosen_filter == with_sidecar
        if self._settings is not None:
            self._settings.setValue("outputs/save_with_sidecar", self.with_sidecar)
        target = save_target(Path(chosen), source)
        self._remember_dir("save", target.parent)
        self._spawn(f"save-as:{target.name}", self.save_copy(source, target, self.with_sidecar))

    async def save_copy(self, source: Path, target: Path, with_sidecar: bool) -> Path | None:
        """Copy ``source`` to ``target`` off the GUI thread and say so; None when it failed."""
        try:
            await asyncio.to_thread(save_copy, source, target, with_sidecar=with_sidecar)
        except OSError as error:
            reason = error.strerror or str(error)
            log.warning("saving %s as %s failed: %s", source, target, reason)
            self._notify(
                translate(
                    "OutputActions", "Could not save {name}: {reason}. Choose another folder."
                ).format(name=target.name, reason=reason)
            )
            return None
        self._notify(
            translate("OutputActions", "Saved {name} in {parent}").format(
                name=target.name, parent=target.parent
            )
        )
        self.saved.emit(str(target))
        return target

    # --- copy image ---------------------------------------------------------------------------

    def copy_image(self, source: Path) -> None:
        """Put the picture at ``source`` on the clipboard (decoded in the background)."""
        self._spawn(f"copy-image:{source.name}", self.copy_image_now(source))

    async def copy_image_now(self, source: Path) -> bool:
        image = await asyncio.to_thread(decode_for_clipboard, source)
        if image.isNull():
            self._notify(
                translate(
                    "OutputActions", "{name} could not be read, so nothing was copied."
                ).format(name=source.name)
            )
            return False
        self.put_on_clipboard(image, source)
        return True

    def put_on_clipboard(self, image: QImage, source: Path) -> None:
        """Copy a picture already decoded (the viewer's)."""
        QGuiApplication.clipboard().setImage(image)
        self._notify(translate("OutputActions", "Copied the image {name}").format(name=source.name))
        self.image_copied.emit(str(source))

    # --- export -------------------------------------------------------------------------------

    def export(
        self,
        sources: Sequence[Path],
        then: Callable[[ExportResult], str | None] | None = None,
    ) -> None:
        """Ask for a folder and copy ``sources`` (with their sidecars) into it.

        ``then`` runs in a worker after the copy (the list of results); what it returns is
        added to the notice.
        """
        sources = list(dict.fromkeys(sources))
        if not sources:
            self._notify(
                translate("OutputActions", "Select outputs that were saved to export them.")
            )
            return
        count = len(sources)
        noun = translate("OutputActions", "%n image(s)", None, count)
        folder = QFileDialog.getExistingDirectory(
            self._window,
            translate("OutputActions", "Export {noun} to").format(noun=noun),
            str(self.last_dir("export")),
        )
        if not folder:
            return
        self._remember_dir("export", Path(folder))
        self._spawn("export", self.export_to(sources, Path(folder), then))

    async def export_to(
        self,
        sources: Sequence[Path],
        folder: Path,
        then: Callable[[ExportResult], str | None] | None = None,
    ) -> ExportResult:
        try:
            result = await asyncio.to_thread(export_files, list(sources), folder)
        except OSError as error:
            reason = error.strerror or str(error)  # the folder itself could not be made
            result = ExportResult(folder, failed=[(source, reason) for source in sources])
        summary = result.summary()
        if then is not None and result.exported:
            extra = await asyncio.to_thread(then, result)
            if extra:
                summary += f"; {extra}"
        self._notify(summary)
        self.exported.emit(summary)
        return result

    # --- folders --------------------------------------------------------------------------------

    def open_folder(self, folder: Path) -> bool:
        return open_folder(folder, self._window)

    def last_dir(self, purpose: str) -> Path:
        """The folder last used for ``purpose`` ("save", "export"), else the Pictures folder."""
        if purpose in self._dirs:
            return self._dirs[purpose]
        value = self._settings.value(f"outputs/last_{purpose}_dir") if self._settings else None
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        return default_pictures_dir()

    def _remember_dir(self, purpose: str, folder: Path) -> None:
        self._dirs[purpose] = folder
        if self._settings is not None:
            self._settings.setValue(f"outputs/last_{purpose}_dir", str(folder))

    def _remembered_flag(self) -> bool:
        value = self._settings.value("outputs/save_with_sidecar") if self._settings else None
        return value in (True, "true")
