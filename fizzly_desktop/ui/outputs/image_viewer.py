"""The output image viewer: fit, 100 %, zoom and pan, save a copy, copy to the clipboard."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.media import kind_of_name, kind_word
from fizzly_desktop.core.paths import default_pictures_dir
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.folder import open_folder
from fizzly_desktop.ui.outputs.thumbnails import FullImageLoader, ThumbnailLoader
from fizzly_desktop.ui.outputs.zoom import _FORMAT_NAMES, fit_zoom, next_zoom_step
from fizzly_desktop.ui.outputs.zoom import FIT_MARGIN as FIT_MARGIN
from fizzly_desktop.ui.outputs.zoom import MAX_ZOOM as MAX_ZOOM
from fizzly_desktop.ui.outputs.zoom import MIN_ZOOM as MIN_ZOOM
from fizzly_desktop.ui.outputs.zoom import save_target as save_target

if TYPE_CHECKING:
    from fizzly_desktop.ui.outputs.media_panel import MediaPanel

log = logging.getLogger(__name__)


class _ImageCanvas(QGraphicsView):
    """The scrollable, zoomable picture; drag to pan, Ctrl+wheel to zoom under the pointer."""

    wheel_zoom = Signal(int, QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(translate("_ImageCanvas", "Image"))
        self._use_palette_backdrop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._use_palette_backdrop()
        super().changeEvent(event)

    def _use_palette_backdrop(self) -> None:
        # The window colour, not white: a neutral surround that follows light and dark themes.
        self.setBackgroundBrush(self.palette().brush(QPalette.ColorRole.Window))

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.pixmap_item.setPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.wheel_zoom.emit(1 if delta > 0 else -1, event.position())
            event.accept()
            return
        super().wheelEvent(event)


class ImageViewer(QWidget):
    """Shows one output image: fit to window, 100 %, zoom in and out, pan, and file actions.

    The image is decoded in a worker thread; meanwhile the viewer says "Loading…", and a file
    that cannot be shown gets a plain message instead of a picture. Keys: F fit, 1 actual size,
    Ctrl+plus / Ctrl+minus / Ctrl+wheel zoom, Ctrl+S save as, Ctrl+C copy.

    Args:
        parent: the owning widget.
        loader: decoder to use; by default the viewer makes its own.

    Signals:
        image_loaded(str path): the image is decoded and shown.
        load_failed(str path, str reason): the image could not be shown; ``reason`` is plain text.
        zoom_changed(float zoom): the zoom factor changed (1.0 = 100 %).
        image_saved(str path): a copy of the image was saved at ``path``.
    """

    image_loaded = Signal(str)
    load_failed = Signal(str, str)
    zoom_changed = Signal(float)
    image_saved = Signal(str)

    _last_save_dir: Path | None = None

    def __init__(self, parent: QWidget | None = None, *, loader: FullImageLoader | None = None):
        super().__init__(parent)
        #: When set (by the app's output actions), Save As and Copy go through them: the copy
        #: is made off the GUI thread and the sidecar can go along.
        self.save_handler: Callable[[Path], None] | None = None
        self.copy_handler: Callable[[QImage, Path], None] | None = None
        self.setAccessibleName(translate("ImageViewer", "Image viewer"))
        self._loader = loader if loader is not None else FullImageLoader(self)
        self._loader.image_loaded.connect(self._on_loader_image_loaded)
        self._loader.image_failed.connect(self._on_loader_image_failed)
        self._path: Path | None = None
        self._image = QImage()
        self._zoom = 1.0
        self._fit_mode = True

        self.toolbar = QToolBar(translate("ImageViewer", "Image"), self)
        self.toolbar.setAccessibleName(translate("ImageViewer", "Image actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))

        self.zoom_out_action = self._action(
            translate("ImageViewer", "Zoom out"),
            "zoom-out",
            [QKeySequence.StandardKey.ZoomOut],
            self.zoom_out,
        )
        self.zoom_in_action = self._action(
            translate("ImageViewer", "Zoom in"),
            "zoom-in",
            [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")],
            self.zoom_in,
        )
        self.fit_action = self._action(
            translate("ImageViewer", "Fit"),
            "zoom-fit-best",
            [QKeySequence("F"), QKeySequence("Ctrl+0")],
            self.fit_to_window,
        )
        self.fit_action.setCheckable(True)
        self.fit_action.setToolTip(translate("ImageViewer", "Fit to window (F)"))
        self.actual_size_action = self._action(
            "100 %", "zoom-original", [QKeySequence("1")], self.actual_size
        )
        self.actual_size_action.setToolTip(translate("ImageViewer", "Actual size (1)"))
        self.save_action = self._action(
            translate("ImageViewer", "Save as…"),
            "document-save-as",
            [QKeySequence.StandardKey.SaveAs, QKeySequence.StandardKey.Save],
            self._on_save_triggered,
        )
        self.copy_action = self._action(
            translate("ImageViewer", "Copy image"),
            "edit-copy",
            [QKeySequence.StandardKey.Copy, QKeySequence("Ctrl+Shift+C")],
            self._on_copy_triggered,
        )
        self.open_folder_action = self._action(
            translate("ImageViewer", "Open folder"), "folder-open", [], self.open_containing_folder
        )
        self.open_folder_action.setToolTip(
            translate("ImageViewer", "Open the folder that holds this image")
        )

        for action in (self.zoom_out_action, self.zoom_in_action):
            self.toolbar.addAction(action)
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addAction(self.actual_size_action)
        self.toolbar.addSeparator()
        for action in (self.save_action, self.copy_action, self.open_folder_action):
            self.toolbar.addAction(action)
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and not action.isSeparator():
                button.setAccessibleName(action.text().replace("…", ""))

        self.canvas = _ImageCanvas(self)
        self.canvas.wheel_zoom.connect(self._on_canvas_wheel_zoom)
        self.canvas.viewport().installEventFilter(self)

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.message.setAccessibleName(translate("ImageViewer", "Viewer message"))

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.canvas)

        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setAccessibleName(translate("ImageViewer", "File name"))
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.size_label = QLabel(self)
        self.size_label.setAccessibleName(translate("ImageViewer", "Image size"))
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName(translate("ImageViewer", "Zoom"))
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("1600 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        status = QHBoxLayout()
        status.setContentsMargins(8, 4, 8, 4)
        status.setSpacing(12)
        status.addWidget(self.name_label, 1)
        status.addWidget(self.size_label)
        status.addWidget(self.zoom_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        layout.addLayout(status)

        self._show_message(translate("ImageViewer", "No image."))
        self._update_actions()

    # --- state ------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The file shown (or being loaded), if any."""
        return self._path

    @property
    def image(self) -> QImage:
        """The decoded image; null while loading or after a failure."""
        return self._image

    @property
    def zoom(self) -> float:
        """The zoom factor: 1.0 shows one image pixel per screen pixel."""
        return self._zoom

    @property
    def is_fit_mode(self) -> bool:
        """True while the image follows the window size."""
        return self._fit_mode

    @property
    def is_loading(self) -> bool:
        return self._path is not None and self._image.isNull() and self._loader.is_busy()

    def message_text(self) -> str:
        """The message shown instead of a picture ("Loading…", an error), or "" if none."""
        return self.message.text() if self.pages.currentWidget() is self.message else ""

    # --- loading ----------------------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Show the image at ``path``, decoding it in the background."""
        self._path = Path(path)
        self._image = QImage()
        self.canvas.set_pixmap(QPixmap())
        self.name_label.setText(self._path.name)
        self.name_label.setToolTip(str(self._path))
        self.size_label.setText("")
        self._show_message(translate("ImageViewer", "Loading…"))
        self._update_actions()
        self._loader.load(self._path)

    def _on_loader_image_loaded(self, path: str, image: QImage) -> None:
        if self._path is None or path != str(self._path):
            return
        self._image = image
        self.canvas.set_pixmap(QPixmap.fromImage(image))
        self.pages.setCurrentWidget(self.canvas)
        self.size_label.setText(
            translate("ImageViewer", "{width} × {height} px").format(
                width=image.width(), height=image.height()
            )
        )
        self._update_actions()
        self.fit_to_window()
        self.image_loaded.emit(path)

    def _on_loader_image_failed(self, path: str, reason: str) -> None:
        if self._path is None or path != str(self._path):
            return
        self._show_message(
            translate("ImageViewer", "This image can't be shown.\n{reason}").format(reason=reason)
        )
        self._update_actions()
        self.load_failed.emit(path, reason)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)
        self.zoom_label.setText("")

    # --- zoom -------------------------------------------------------------------------------

    def fit_zoom(self) -> float:
        """The zoom that fits the whole image in the visible area (at most 100 %)."""
        return fit_zoom(self._image.size(), self.canvas.viewport().size(), FIT_MARGIN)

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom`` (clamped to 5 %–1600 %), keeping ``anchor`` (viewport point) still."""
        self._set_fit_mode(False)
        self._apply_zoom(zoom, anchor)

    def zoom_in(self) -> None:
        self.set_zoom(next_zoom_step(self._zoom, +1))

    def zoom_out(self) -> None:
        self.set_zoom(next_zoom_step(self._zoom, -1))

    def actual_size(self) -> None:
        """Show the image at 100 %: one image pixel per screen pixel."""
        self.set_zoom(1.0)

    def fit_to_window(self) -> None:
        """Show the whole image, and keep doing so as the window is resized."""
        self._set_fit_mode(True)
        self._apply_zoom(self.fit_zoom(), None)

    def _set_fit_mode(self, fit: bool) -> None:
        self._fit_mode = fit
        # While fitting, scroll bars would only steal room and make the fit oscillate; they are
        # switched off before the fit is computed so that it uses the whole viewport.
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fit else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.canvas.setHorizontalScrollBarPolicy(policy)
        self.canvas.setVerticalScrollBarPolicy(policy)

    def _apply_zoom(self, zoom: float, anchor: QPointF | None) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        scene_point = self.canvas.mapToScene(anchor.toPoint()) if anchor is not None else None
        self.canvas.setTransform(QTransform.fromScale(zoom, zoom))
        if anchor is not None and scene_point is not None:
            # Keep the picture point under the pointer where it was.
            moved = self.canvas.mapFromScene(scene_point) - anchor.toPoint()
            h, v = self.canvas.horizontalScrollBar(), self.canvas.verticalScrollBar()
            h.setValue(h.value() + moved.x())
            v.setValue(v.value() + moved.y())
        # Smooth when shrinking, crisp pixels when looking closely.
        self.canvas.pixmap_item.setTransformationMode(
            Qt.TransformationMode.SmoothTransformation
            if zoom < 2.0
            else Qt.TransformationMode.FastTransformation
        )
        self.fit_action.setChecked(self._fit_mode)
        changed = abs(zoom - self._zoom) > 1e-9
        self._zoom = zoom
        if not self._image.isNull():
            self.zoom_label.setText(f"{round(zoom * 100)} %")
        self._update_actions()
        if changed:
            self.zoom_changed.emit(zoom)

    def _on_canvas_wheel_zoom(self, direction: int, position: QPointF) -> None:
        if not self._image.isNull():
            self.set_zoom(next_zoom_step(self._zoom, direction), position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.canvas.viewport()
            and event.type() == QEvent.Type.Resize
            and self._fit_mode
            and not self._image.isNull()
        ):
            self._apply_zoom(self.fit_zoom(), None)
        return super().eventFilter(watched, event)

    # --- file actions -----------------------------------------------------------------------

    def _on_save_triggered(self) -> None:
        if self.save_handler is not None and self._path is not None:
            self.save_handler(self._path)
        else:
            self.save_as()

    def _on_copy_triggered(self) -> None:
        if self.copy_handler is not None and self._path is not None and not self._image.isNull():
            self.copy_handler(self._image, self._path)
        else:
            self.copy_image()

    def save_as(self) -> Path | None:
        """Ask where to save a copy of the original file (same bytes, same format); return it."""
        source = self._path
        if source is None:
            return None
        suffix = source.suffix.lower()
        kind = translate("ImageViewer", _FORMAT_NAMES.get(suffix, "Image"))
        start_dir = ImageViewer._last_save_dir or default_pictures_dir()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            translate("ImageViewer", "Save image as"),
            str(start_dir / source.name),
            f"{kind} (*{suffix})" if suffix else translate("ImageViewer", "All files (*)"),
        )
        if not chosen:
            return None
        target = save_target(Path(chosen), source)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        except shutil.SameFileError:
            pass  # the image is already there
        except OSError as error:
            reason = error.strerror or str(error)
            log.warning("Saving %s as %s failed: %s", source, target, reason)
            self.name_label.setText(
                translate("ImageViewer", "Could not save the image: {reason}.").format(
                    reason=reason
                )
            )
            return None
        ImageViewer._last_save_dir = target.parent
        self.name_label.setText(
            translate("ImageViewer", "Saved a copy as {name}").format(name=target.name)
        )
        self.image_saved.emit(str(target))
        return target

    def copy_image(self) -> bool:
        """Put the decoded image on the clipboard; False if there is none yet."""
        if self._image.isNull():
            return False
        QGuiApplication.clipboard().setImage(self._image)
        return True

    def open_containing_folder(self) -> bool:
        """Open the image's folder in the file manager (or show its path to copy)."""
        if self._path is None:
            return False
        return open_folder(self._path.parent, self)

    # --- helpers ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        icon_name: str,
        shortcuts: list[QKeySequence | QKeySequence.StandardKey],
        slot: object,
    ) -> QAction:
        action = QAction(QIcon.fromTheme(icon_name), text, self)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            else:
                keys.append(shortcut)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if keys:
            action.setToolTip(
                f"{text} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _update_actions(self) -> None:
        loaded = not self._image.isNull()
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            action.setEnabled(loaded)
        self.actual_size_action.setEnabled(loaded)
        self.zoom_in_action.setEnabled(loaded and self._zoom < MAX_ZOOM)
        self.zoom_out_action.setEnabled(loaded and self._zoom > MIN_ZOOM)
        self.copy_action.setEnabled(loaded)
        has_file = self._path is not None
        self.save_action.setEnabled(has_file)
        self.open_folder_action.setEnabled(has_file)


class ImageViewerWindow(QDialog):
    """The viewer in its own resizable window, a lightbox: Left/Right step through the
    sibling outputs it was opened with, Esc closes it.

    Args:
        parent: the window it belongs to (it stays on top of it, without blocking it).
        loader: decoder to use; by default the viewer makes its own.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        loader: FullImageLoader | None = None,
        thumbnails: ThumbnailLoader | None = None,
    ):
        super().__init__(parent)
        self._thumbnails = thumbnails  # a sound's waveform, a mesh's picture
        self.setWindowTitle(translate("ImageViewerWindow", "Image"))
        self.setAccessibleName(translate("ImageViewerWindow", "Image viewer window"))
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.viewer = ImageViewer(self, loader=loader)
        #: Videos, sounds and other files: made the first time one is shown.
        self.media: MediaPanel | None = None
        self._media_page: QWidget | None = None
        self._paths: list[Path] = []
        self._titles: list[str] = []
        self._index = 0
        self.previous_action = self._step_action(
            translate("ImageViewerWindow", "Previous"), "go-previous", Qt.Key.Key_Left, -1
        )
        self.next_action = self._step_action(
            translate("ImageViewerWindow", "Next"), "go-next", Qt.Key.Key_Right, +1
        )
        self.position_label = QLabel(self)
        self.position_label.setAccessibleName(translate("ImageViewerWindow", "Position"))
        self.position_label.setContentsMargins(8, 0, 8, 0)
        self.viewer.toolbar.addSeparator()
        self.viewer.toolbar.addAction(self.previous_action)
        self.viewer.toolbar.addAction(self.next_action)
        self.viewer.toolbar.addWidget(self.position_label)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.viewer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.resize(960, 720)
        self._update_steps()

    @property
    def index(self) -> int:
        """Which of the sibling images is shown."""
        return self._index

    def paths(self) -> list[Path]:
        return list(self._paths)

    def show_image(self, path: Path) -> None:
        """Show the window with the image at ``path`` alone."""
        self.show_images([Path(path)], 0)

    def show_images(
        self, paths: Sequence[Path], index: int, titles: Sequence[str] | None = None
    ) -> None:
        """Show ``paths[index]``; Left and Right then step through ``paths``.

        ``titles`` (one per path) name each image in the window's title; by default its file
        name.
        """
        self._paths = [Path(p) for p in paths]
        self._titles = list(titles) if titles is not None else [p.name for p in self._paths]
        if not self._paths:
            return
        self._show(max(0, min(index, len(self._paths) - 1)))
        if self.isVisible():
            # Already open behind other windows: bring it forward for the new image.
            self.raise_()
            self.activateWindow()
        else:
            self.show()

    def step(self, offset: int) -> bool:
        """Show the image ``offset`` places further (-1 the one before); False at either end."""
        target = self._index + offset
        if not self._paths or not 0 <= target < len(self._paths):
            return False
        self._show(target)
        return True

    def _show(self, index: int) -> None:
        self._index = index
        path = self._paths[index]
        kind = kind_of_name(path.name) or "file"
        self.setWindowTitle(f"{self._titles[index]} — {kind_word(kind)}")
        if kind == "image":
            if self.media is not None:
                self.media.clear()
            self.pages.setCurrentWidget(self.viewer)
            self.viewer.open(path)
        else:
            media, page = self._media()
            media.show_path(path, autoplay=kind in ("video", "audio"))
            self.pages.setCurrentWidget(page)
        self._update_steps()

    def _media(self) -> tuple[MediaPanel, QWidget]:
        """The page for videos, sounds and other files, with its own Save As and steps."""
        if self.media is None or self._media_page is None:
            from fizzly_desktop.ui.outputs.media_panel import MediaPanel

            page = QWidget(self)
            self.media = MediaPanel(page, loader=self._thumbnails)
            self.media.card.save_as_requested.disconnect()
            self.media.card.save_as_requested.connect(self._save_media)
            bar = QToolBar(page)
            save = bar.addAction(
                QIcon.fromTheme("document-save-as"), translate("ImageViewerWindow", "Save As…")
            )
            save.triggered.connect(self._save_media)
            bar.addSeparator()
            bar.addAction(self.previous_action)
            bar.addAction(self.next_action)
            self.media_position_label = QLabel(bar)
            bar.addWidget(self.media_position_label)
            column = QVBoxLayout(page)
            column.setContentsMargins(8, 0, 8, 8)
            column.addWidget(bar)
            column.addWidget(self.media, 1)
            self.pages.addWidget(page)
            self._media_page = page
            self._update_steps()
        return self.media, self._media_page

    def _save_media(self) -> None:
        if self._paths and self.viewer.save_handler is not None:
            self.viewer.save_handler(self._paths[self._index])

    def done(self, result: int) -> None:
        if self.media is not None:
            self.media.clear()  # closing the window stops the sound
        super().done(result)

    def _update_steps(self) -> None:
        count = len(self._paths)
        self.previous_action.setEnabled(self._index > 0)
        self.next_action.setEnabled(self._index < count - 1)
        for action in (self.previous_action, self.next_action):
            action.setVisible(count > 1)
        self.position_label.setText(f"{self._index + 1} of {count}" if count > 1 else "")
        if self._media_page is not None:
            self.media_position_label.setText(self.position_label.text())

    def _step_action(self, text: str, icon: str, key: Qt.Key, offset: int) -> QAction:
        action = QAction(QIcon.fromTheme(icon), text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(
            translate("ImageViewerWindow", "{text} image ({toString})").format(
                text=text, toString=QKeySequence(key).toString()
            )
        )
        action.triggered.connect(lambda: self.step(offset))
        self.addAction(action)
        return action
