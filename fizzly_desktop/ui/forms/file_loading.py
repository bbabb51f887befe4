"""Reading picked files off the GUI thread: size caps, type sniffing, data URIs, thumbnails.

A local file travels inside the inputs as a ``data:`` URI (base64), so it is capped at
:data:`MAX_FILE_BYTES`. Reading, encoding and thumbnailing happen in a worker thread: picking a
big photo never freezes the window. Results come back through one long-lived relay object, each
tagged with a weak reference to the picker that asked, so a picker closed mid-read simply never
hears back.
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
    Qt,
    QThreadPool,
    QUrl,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec
from fizzly_desktop.ui.gui_relay import GuiRelay, gui_relay
from fizzly_desktop.ui.i18n import translate

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
        return translate("FileLoading", "%n byte(s)", None, size)
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def too_big_message(name: str, size: int, limit: int) -> str:
    return translate(
        "FileLoading",
        "{name} is {human_size}; files up to {human_size2} can be sent with a "
        "run. Put it online and paste its address instead.",
    ).format(name=name, human_size=human_size(size), human_size2=human_size(limit))


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
        return translate("FileLoading", "an image")
    if accept and accept.startswith("audio/"):
        return translate("FileLoading", "a sound file")
    if accept and accept.startswith("video/"):
        return translate("FileLoading", "a video")
    return translate("FileLoading", "a file")


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
        return LoadedFile(
            name,
            None,
            None,
            0,
            translate("FileLoading", "{name} could not be read: {value}.").format(
                name=name, value=exc.strerror or exc
            ),
        )
    if len(data) > limit:
        return LoadedFile(name, None, None, len(data), too_big_message(name, len(data), limit))
    mime = sniff_mime(data, name)
    if not accepts(accept, mime):
        return LoadedFile(
            name,
            None,
            None,
            len(data),
            translate("FileLoading", "{name} is not {kind_word}.").format(
                name=name, kind_word=_kind_word(accept)
            ),
        )
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
    return LoadedFile(translate("FileLoading", "file sent with the run"), uri, thumb, size, None)


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
            result = LoadedFile(
                "file",
                None,
                None,
                0,
                translate("_Job", "The file could not be read: {exc}.").format(exc=exc),
            )
        self._relay.deliver(functools.partial(_deliver, self._target, self._token, result))


def drop_sources(mime: QMimeData) -> list[str | QImage]:
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


class FileWorkMixin:
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


def ask_for_files(parent: QWidget, spec: FieldSpec, *, multiple: bool) -> list[str]:
    filters = (
        translate("FileLoading", "Images ({IMAGE_SUFFIXES});;All files (*)").format(
            IMAGE_SUFFIXES=_IMAGE_SUFFIXES
        )
        if spec.is_image
        else translate("FileLoading", "All files (*)")
    )
    caption = translate("FileLoading", "Choose {title}").format(title=spec.title)
    if multiple:
        paths, _ = QFileDialog.getOpenFileNames(parent, caption, "", filters)
        return list(paths)
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return [path] if path else []


def image_to_png_bytes(image: QImage) -> bytes:
    """PNG bytes of a picture (used by tests and the clipboard path)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 6.12 rejects bytes here
    buffer.close()
    return bytes(array.data())
