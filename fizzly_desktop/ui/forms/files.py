"""File and image inputs: a picker with a thumbnail, drag-and-drop, paste, and data-URI encoding.

A local file travels inside the inputs as a ``data:`` URI (base64), so it is capped at
:data:`MAX_FILE_BYTES`; above it the user is told to put the file online and paste its address.
Reading, encoding and thumbnailing happen in a worker thread: picking a big photo never freezes
the window. Results come back through one long-lived relay object, each tagged with a weak
reference to the picker that asked, so a picker closed mid-read simply never hears back.
"""

from __future__ import annotations

import base64
import functools
import mimetypes
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QUrl,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec
from fizzly_desktop.ui.forms.fields import OMITTED, FieldWidget
from fizzly_desktop.ui.gui_relay import GuiRelay, gui_relay

#: Largest local file sent inside a run's inputs (as a data URI, which adds a third on top).
MAX_FILE_BYTES = 8 * 1024 * 1024

THUMBNAIL_SIDE = 56

_IMAGE_SUFFIXES = "*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff"
_SNIFF = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"BM", "image/bmp"),
)


def human_size(size: int) -> str:
    """12_900_000 → "12.3 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def too_big_message(name: str, size: int, limit: int) -> str:
    return (
        f"{name} is {human_size(size)}; files up to {human_size(limit)} can be sent with a run. "
        "Put it online and paste its address instead."
    )


def sniff_mime(data: bytes, name: str) -> str:
    """The media type of a file's bytes (magic numbers first, then its name)."""
    for magic, mime in _SNIFF:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def to_data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def data_uri_bytes(uri: str) -> tuple[str, bytes] | None:
    """(media type, bytes) of a base64 data URI, or None if it is not one."""
    if not uri.startswith("data:") or "," not in uri:
        return None
    header, _, payload = uri[5:].partition(",")
    if not header.endswith(";base64"):
        return None
    try:
        return header[: -len(";base64")] or "application/octet-stream", base64.b64decode(payload)
    except ValueError:
        return None


def accepts(accept: str | None, mime: str) -> bool:
    """Does a media type pattern (``image/*``, ``image/png,image/jpeg``) take ``mime``?"""
    if not accept:
        return True
    for pattern in (p.strip() for p in accept.split(",")):
        if pattern in ("*/*", "*", mime) or (
            pattern.endswith("/*") and mime.startswith(pattern[:-1])
        ):
            return True
    return False


def _kind_word(accept: str | None) -> str:
    if accept and accept.startswith("image/"):
        return "an image"
    if accept and accept.startswith("audio/"):
        return "a sound file"
    if accept and accept.startswith("video/"):
        return "a video"
    return "a file"


# --- background work -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedFile:
    """What a worker produced for one pick: the data URI and a thumbnail, or a reason."""

    name: str
    data_uri: str | None
    thumbnail: QImage | None
    size: int
    error: str | None


def _thumbnail(data: bytes) -> QImage | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(
        THUMBNAIL_SIDE * 2,
        THUMBNAIL_SIDE * 2,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def load_path(path: Path, limit: int, accept: str | None) -> LoadedFile:
    """Read a local file into a data URI with a thumbnail (runs in a worker thread)."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > limit:
            return LoadedFile(name, None, None, size, too_big_message(name, size, limit))
        data = path.read_bytes()
    except OSError as exc:
        return LoadedFile(name, None, None, 0, f"{name} could not be read: {exc.strerror or exc}.")
    if len(data) > limit:
        return LoadedFile(name, None, None, len(data), too_big_message(name, len(data), limit))
    mime = sniff_mime(data, name)
    if not accepts(accept, mime):
        return LoadedFile(name, None, None, len(data), f"{name} is not {_kind_word(accept)}.")
    return LoadedFile(name, to_data_uri(data, mime), _thumbnail(data), len(data), None)


def load_image(image: QImage, name: str, limit: int) -> LoadedFile:
    """Encode a pasted picture as PNG (runs in a worker thread)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 6.12 rejects bytes here
    data = bytes(buffer.data().data())
    buffer.close()
    if len(data) > limit:
        return LoadedFile(name, None, None, len(data), too_big_message(name, len(data), limit))
    return LoadedFile(name, to_data_uri(data, "image/png"), _thumbnail(data), len(data), None)


def load_data_uri(uri: str) -> LoadedFile:
    """A thumbnail for a data URI given back from a past run (runs in a worker thread)."""
    decoded = data_uri_bytes(uri)
    size = len(decoded[1]) if decoded else 0
    thumb = _thumbnail(decoded[1]) if decoded else None
    return LoadedFile("file sent with the run", uri, thumb, size, None)


def _deliver(target_ref: weakref.ref[Any], token: int, result: LoadedFile) -> None:
    """On the GUI thread: hand a result to the picker that asked, unless it is gone."""
    target = target_ref()
    if target is not None:
        target._on_loaded(token, result)


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[], LoadedFile], target: Any, token: int, relay: GuiRelay
    ) -> None:
        super().__init__()
        self._work = work
        self._target = weakref.ref(target)
        self._token = token
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # a decoder bug must reach the user as a message, not vanish
            result = LoadedFile("file", None, None, 0, f"The file could not be read: {exc}.")
        self._relay.deliver(functools.partial(_deliver, self._target, self._token, result))


def _drop_sources(mime: QMimeData) -> list[str | QImage]:
    sources: list[str | QImage] = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                sources.append(url.toLocalFile())
            elif url.scheme() in ("http", "https", "data"):
                sources.append(url.toString())
    if not sources and mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            sources.append(image)
    if not sources and mime.hasText():
        text = mime.text().strip()
        if text.startswith(("http://", "https://", "data:")):
            sources.append(text)
        elif text.startswith("file://"):
            sources.append(QUrl(text).toLocalFile())
    return sources


class _FileWorkMixin:
    """Starts background loads and tracks which are still running, per widget."""

    spec: FieldSpec
    max_bytes: int
    _pending: set[int]
    _next_token: int

    def _start(self, work: Callable[[], LoadedFile]) -> int:
        self._next_token += 1
        token = self._next_token
        self._pending.add(token)
        QThreadPool.globalInstance().start(_Job(work, self, token, gui_relay()))
        return token

    def is_loading(self) -> bool:
        """A file is still being read or encoded (the form is not ready to run yet)."""
        return bool(self._pending)

    def byte_limit(self) -> int:
        """The largest file to send: the app's cap, or less when the schema's ``maxLength``
        leaves less room (base64 makes four characters of every three bytes)."""
        if self.spec.max_length is None:
            return self.max_bytes
        room = max(self.spec.max_length - 100, 0) * 3 // 4  # 100: "data:<type>;base64," header
        return min(self.max_bytes, room)

    def _on_loaded(self, token: int, result: LoadedFile) -> None:
        raise NotImplementedError


class FileField(_FileWorkMixin, FieldWidget):
    """One file or image: an address (URL) or a local file sent as a data URI.

    Drop a file, an image or a link on it, paste one (Ctrl+V or "Paste"), or choose a file.
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.max_bytes = MAX_FILE_BYTES
        self._pending = set()
        self._next_token = 0
        self._data_uri: str | None = None
        self._file_label = ""
        self._latest = 0
        self._problem: str | None = None
        self.setAcceptDrops(True)

        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setObjectName("fileThumbnail")
        self.thumbnail.setStyleSheet(
            "#fileThumbnail { border: 1px solid palette(mid); border-radius: 4px;"
            " background: palette(base); color: palette(placeholder-text); }"
        )
        self.address = QLineEdit()
        word = "an image" if spec.is_image else "a file"
        self.address.setPlaceholderText(f"Paste {word}'s address, or drop {word} here")
        self.address.setClearButtonEnabled(True)
        self.choose_button = QPushButton("Choose…")
        self.paste_button = QPushButton("Paste")
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("fileNotice")
        self.notice.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.address)
        column.addLayout(buttons)
        column.addWidget(self.notice)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)

        self.address.textEdited.connect(self._on_address_edited)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.clear_button.clicked.connect(self.clear)
        self.reset()

    # --- FieldWidget ---

    def focus_widget(self) -> QWidget:
        return self.address

    def value(self) -> Any:
        if self._data_uri is not None:
            return self._data_uri
        text = self.address.text().strip()
        return text if text else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is None and self.spec.nullable:
            self.clear()
            return True
        if not isinstance(value, str):
            return False
        if value.startswith("data:"):
            self._set_loading_label("file sent with the run")
            self._latest = self._start(lambda: load_data_uri(value))
            self._data_uri = value
        else:
            self._set_address(value)
        return True

    def reset(self) -> None:
        if self.spec.has_default and isinstance(self.spec.default, str):
            self.set_value(self.spec.default)
        else:
            self.clear()

    def local_error(self) -> str | None:
        if self._pending and self._latest in self._pending:
            return f"{self.spec.title}: still reading {self._file_label or 'the file'}…"
        return None

    # --- actions ---

    def clear(self) -> None:
        self._latest = 0
        self._data_uri = None
        self._file_label = ""
        self.address.setReadOnly(False)
        self.address.clear()
        self._set_problem(None)
        self._show_placeholder()
        self.changed.emit()

    def load_file(self, path: str | Path) -> None:
        """Read a local file in the background; it is sent as a data URI once read."""
        file_path = Path(path)
        limit, accept = self.byte_limit(), self.spec.accept
        self._set_loading_label(file_path.name)
        self._latest = self._start(lambda: load_path(file_path, limit, accept))
        self.changed.emit()

    def load_image(self, image: QImage, name: str = "pasted image") -> None:
        """Encode a pasted or dropped picture (as PNG) in the background."""
        copy = image.copy()
        limit = self.byte_limit()
        self._set_loading_label(name)
        self._latest = self._start(lambda: load_image(copy, name, limit))
        self.changed.emit()

    def take(self, source: str | QImage) -> None:
        """Use a dropped or pasted thing: a local path, an address, or a picture."""
        if isinstance(source, QImage):
            self.load_image(source)
        elif source.startswith(("http://", "https://", "data:")):
            self.set_value(source)
            self.changed.emit()
        else:
            self.load_file(source)

    def paste_from_clipboard(self) -> None:
        sources = _drop_sources(QGuiApplication.clipboard().mimeData())
        if not sources:
            self._set_problem("The clipboard holds no picture, file or web address.")
            return
        self.take(sources[0])

    # --- internals ---

    def _set_address(self, url: str) -> None:
        self._latest = 0
        self._data_uri = None
        self._file_label = ""
        self.address.setReadOnly(False)
        self.address.setText(url)
        self._set_problem(None)
        if url:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText("URL")
            self.thumbnail.setToolTip("A web address: the server fetches it when the run starts.")
        else:
            self._show_placeholder()

    def _set_loading_label(self, name: str) -> None:
        self._file_label = name
        self._data_uri = None
        self.address.setReadOnly(True)
        self.address.setText(f"Reading {name}…")
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText("…")

    def _show_placeholder(self) -> None:
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText("Image" if self.spec.is_image else "File")
        self.thumbnail.setToolTip("")

    def _set_problem(self, message: str | None) -> None:
        self._problem = message
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    def _on_loaded(self, token: int, result: LoadedFile) -> None:
        self._pending.discard(token)
        if token != self._latest:
            self.changed.emit()
            return
        if result.error is not None or result.data_uri is None:
            self._data_uri = None
            self._file_label = ""
            self.address.setReadOnly(False)
            self.address.clear()
            self._show_placeholder()
            self._set_problem(result.error or "The file could not be read.")
            self.changed.emit()
            return
        self._data_uri = result.data_uri
        self._file_label = result.name
        self.address.setReadOnly(True)
        self.address.setText(f"{result.name} ({human_size(result.size)}, sent with the run)")
        self.address.setCursorPosition(0)
        if result.thumbnail is not None:
            pixmap = QPixmap.fromImage(result.thumbnail).scaled(
                QSize(THUMBNAIL_SIDE - 4, THUMBNAIL_SIDE - 4),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.thumbnail.setPixmap(pixmap)
        else:
            self.thumbnail.setText("File")
        self._set_problem(None)
        self.changed.emit()

    def _on_address_edited(self, text: str) -> None:
        self._set_problem(None)
        if not text:
            self._show_placeholder()
        else:
            self.thumbnail.setText("URL")
        self.changed.emit()

    def _on_choose_clicked(self) -> None:
        path = _ask_for_files(self, self.spec, multiple=False)
        if path:
            self.load_file(path[0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _drop_sources(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = _drop_sources(event.mimeData())
        if sources:
            event.acceptProposedAction()
            self.take(sources[0])


def _ask_for_files(parent: QWidget, spec: FieldSpec, *, multiple: bool) -> list[str]:
    filters = f"Images ({_IMAGE_SUFFIXES});;All files (*)" if spec.is_image else "All files (*)"
    caption = f"Choose {spec.title}"
    if multiple:
        paths, _ = QFileDialog.getOpenFileNames(parent, caption, "", filters)
        return list(paths)
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return [path] if path else []


class FileListField(_FileWorkMixin, FieldWidget):
    """Several files or images (fal's ``*_urls``): an ordered list of addresses and local files."""

    _ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.max_bytes = MAX_FILE_BYTES
        self._pending = set()
        self._next_token = 0
        self._slots: dict[int, QListWidgetItem] = {}
        self.setAcceptDrops(True)

        self.items = QListWidget()
        self.items.setIconSize(QSize(40, 40))
        self.items.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.items.setMaximumHeight(110)
        self.items.setMinimumHeight(56)
        self.address = QLineEdit()
        word = "an image" if spec.is_image else "a file"
        self.address.setPlaceholderText(f"Paste {word}'s address and press Enter")
        self.add_button = QPushButton("Add files…")
        self.paste_button = QPushButton("Paste")
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.up_button = QToolButton()
        self.up_button.setText("↑")
        self.up_button.setToolTip("Move up")
        self.down_button = QToolButton()
        self.down_button.setText("↓")
        self.down_button.setToolTip("Move down")
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.paste_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.items)
        layout.addWidget(self.address)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)

        self.address.returnPressed.connect(self._on_address_entered)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.items

    def value(self) -> Any:
        values = [
            self.items.item(i).data(self._ROLE)
            for i in range(self.items.count())
            if isinstance(self.items.item(i).data(self._ROLE), str)
        ]
        # An empty list is "nothing given": a required input then reads as missing.
        return values if values else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is None and self.spec.nullable:
            self._clear()
            self.changed.emit()
            return True
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return False
        self._clear()
        for entry in value:
            self._add_value(entry)
        self.changed.emit()
        return True

    def reset(self) -> None:
        if not (self.spec.has_default and self.set_value(self.spec.default)):
            self._clear()
            self.changed.emit()

    def local_error(self) -> str | None:
        if self._pending:
            return f"{self.spec.title}: still reading files…"
        return None

    def _clear(self) -> None:
        self._slots.clear()
        self.items.clear()

    def _add_value(self, value: str) -> None:
        item = QListWidgetItem()
        if value.startswith("data:"):
            item.setText("File sent with the run")
            item.setData(self._ROLE, value)
            self._slots[self._start(lambda: load_data_uri(value))] = item
        else:
            item.setText(value)
            item.setData(self._ROLE, value)
        item.setToolTip(item.text())
        self.items.addItem(item)

    def add(self, source: str | QImage) -> None:
        """Add a local path, an address, or a picture at the end of the list."""
        if isinstance(source, str) and source.startswith(("http://", "https://", "data:")):
            self._add_value(source)
            self.changed.emit()
            return
        item = QListWidgetItem()
        limit = self.byte_limit()
        if isinstance(source, QImage):
            copy = source.copy()
            item.setText("Reading pasted image…")
            token = self._start(lambda: load_image(copy, "pasted image", limit))
        else:
            path, accept = Path(source), self.spec.accept
            item.setText(f"Reading {path.name}…")
            token = self._start(lambda: load_path(path, limit, accept))
        self.items.addItem(item)
        self._slots[token] = item
        self.changed.emit()

    def paste_from_clipboard(self) -> None:
        sources = _drop_sources(QGuiApplication.clipboard().mimeData())
        if not sources:
            self._show_notice("The clipboard holds no picture, file or web address.")
        for source in sources:
            self.add(source)

    def remove_selected(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            item = self.items.takeItem(row)
            for token, slot in list(self._slots.items()):
                if slot is item:
                    del self._slots[token]
            self.changed.emit()

    def move_selected(self, delta: int) -> None:
        row = self.items.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.items.count():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.changed.emit()

    def _show_notice(self, message: str | None) -> None:
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    def _on_loaded(self, token: int, result: LoadedFile) -> None:
        self._pending.discard(token)
        item = self._slots.pop(token, None)
        if item is None or self.items.row(item) < 0:
            self.changed.emit()
            return
        if result.error is not None or result.data_uri is None:
            self.items.takeItem(self.items.row(item))
            self._show_notice(result.error or "The file could not be read.")
        else:
            item.setData(self._ROLE, result.data_uri)
            if result.name != "file sent with the run":
                item.setText(f"{result.name} ({human_size(result.size)})")
            if result.thumbnail is not None:
                item.setIcon(QPixmap.fromImage(result.thumbnail))
            self._show_notice(None)
        self.changed.emit()

    def _on_address_entered(self) -> None:
        text = self.address.text().strip()
        if text:
            self.add(text if "://" in text or text.startswith("data:") else f"https://{text}")
            self.address.clear()

    def _on_add_clicked(self) -> None:
        for path in _ask_for_files(self, self.spec, multiple=True):
            self.add(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _drop_sources(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = _drop_sources(event.mimeData())
        if sources:
            event.acceptProposedAction()
            for source in sources:
                self.add(source)


def image_to_png_bytes(image: QImage) -> bytes:
    """PNG bytes of a picture (used by tests and the clipboard path)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 6.12 rejects bytes here
    buffer.close()
    return bytes(array.data())
